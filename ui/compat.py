"""A work-around for the Qt bindings we ship with.

PySide6 replaces the built-in ``__import__`` with a hook that serves
``from __feature__ import ...`` (which we do not use). After every import
statement that hook reads the imported module's source to see whether it
mentions PySide6. We put back the import it wraps: the window on the sample
is up 12-15 ms sooner and 3.9 MB smaller (tests/benchmarks/work_arounds.py,
4 December 2026).
"""


def drop_feature_import_hook() -> None:
    import builtins
    import importlib

    importlib.import_module("shiboken6")  # which installs the hook, if not yet imported
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is not None and wrapped is not None and builtins.__import__ is hook:
        builtins.__import__ = wrapped
