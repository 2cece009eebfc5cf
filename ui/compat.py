"""Work-arounds for bugs in the Qt bindings we ship with.

PySide6 6.12.0 drops a reference to ``None`` each time a Qt call hands an
empty QVariant back to Python (``index.data(role)`` with no value,
``QComboBox.itemData`` of an item without data, the base ``headerData``).
It likewise drops a reference to ``True`` on every ``Signal.emit()`` (the
value emit returns), which long work reporting its progress does thousands
of times. On Python 3.11, where ``None`` and the booleans are ordinary counted
objects, a few thousand such calls bring a count to zero and the interpreter
aborts with "Fatal Python error: none_dealloc" (or bool_dealloc). Python 3.12
made them immortal, so there the lost references are harmless; on 3.11 we
give them enough extra references that no session can use them up, which is
what 3.12 does.

PySide6 also replaces the built-in ``__import__`` with a hook that serves
``from __feature__ import ...`` (which we do not use). After every import
statement that hook reads the imported module's source to see whether it
mentions PySide6: some ten milliseconds of start-up for the modules the
window imports. We put back the import it wraps.
"""

import sys

_HEADROOM = 1 << 40  # far more lost references than any session could make


def protect_refcounts() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes  # here, once the import hook is gone (see drop_feature_import_hook)

    for immortal_in_312 in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(immortal_in_312)).value += _HEADROOM


def drop_feature_import_hook() -> None:
    import builtins
    import importlib

    importlib.import_module("shiboken6")  # which installs the hook, if not yet imported
    hook = getattr(builtins, "__feature_import__", None)
    wrapped = getattr(builtins, "__orig_import__", None)
    if hook is not None and wrapped is not None and builtins.__import__ is hook:
        builtins.__import__ = wrapped
