"""Run a benchmark's child with one of the application's work-arounds taken away.

    python tests/benchmarks/without.py WORK_AROUND SCRIPT [ARGS...]
    python tests/benchmarks/without.py WORK_AROUND -m MODULE [ARGS...]

The work-around is patched away here, before the script or module runs, so
the product code carries no switch for it. ``nothing`` takes nothing away:
the application as shipped, run through this same launcher so that both
sides of a comparison pay for it alike.
"""

import importlib
import runpy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _import_hook() -> None:
    """PySide6's ``__feature__`` import hook left in place."""
    import builtins

    importlib.import_module("ui")  # which sets the hook aside
    builtins.__import__ = builtins.__feature_import__


def _gc_freeze() -> None:
    """The warm-up loads sqlite-utils but freezes nothing."""
    from ui import main_window

    main_window._settle = lambda: importlib.import_module(main_window.WRITING_MODULE)


def _font_cache() -> None:
    """The printed font's faces parsed afresh, as ReportLab does, every time."""
    from secretariat.documents import parsed_fonts

    parsed_fonts.load = lambda faces: [parsed_fonts.TTFont(name, str(path))
                                       for name, path in faces.items()]


def _exit_freeze() -> None:
    """The command line collects every object as it exits, as Python does."""
    import gc

    gc.freeze = lambda: None


TAKE_AWAY = {"nothing": lambda: None, "import-hook": _import_hook, "gc-freeze": _gc_freeze,
             "font-cache": _font_cache, "exit-freeze": _exit_freeze}


def main(work_around: str, *command: str) -> None:
    TAKE_AWAY[work_around]()
    if command[0] == "-m":
        sys.argv = [command[1], *command[2:]]
        runpy.run_module(command[1], run_name="__main__", alter_sys=True)
    else:
        sys.argv = list(command)
        runpy.run_path(command[0], run_name="__main__")


if __name__ == "__main__":
    main(*sys.argv[1:])
