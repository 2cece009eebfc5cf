"""How the window answers once it is in use (run as a child process).

    python tests/benchmarks/responsive.py FILE

Starts the main window on FILE as ``window.py`` does and lets it settle (the
warm-up it runs a second after it is up), turns to every page in turn
(building each) and scrolls the action log through as ``in_process.py``
does, watching the cycle collector's full passes, then asks for one (the
median of three). Prints ``<longest full pass ms> <full passes> <a full
pass asked for ms> <longest scroll step ms> <peak resident MB>``.
"""

import gc
import os
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from in_process import _longest_scroll_step, timed  # noqa: E402
from window import main_window, peak_kb  # noqa: E402


def _settled(path: str):
    from ui.main_window import WARM_UP_AFTER_MS

    app, window = main_window(path)
    until = time.perf_counter() + WARM_UP_AFTER_MS / 1000 + 0.2
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)
    for thread in threading.enumerate():
        if thread.name == "warm-up":
            thread.join()
    return app, window.centralWidget()


class _FullCollections:
    """The duration of each of the cycle collector's full passes while watched."""

    def __init__(self):
        self.took: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if info["generation"] == 2:
            if phase == "start":
                self._started = time.perf_counter()
            else:
                self.took.append((time.perf_counter() - self._started) * 1000)


def use(path: str) -> str:
    app, workspace = _settled(path)
    full = _FullCollections()
    gc.callbacks.append(full)
    for name in workspace.names():
        workspace.show_named(name)
        app.processEvents()
    step = _longest_scroll_step(app, workspace.show_named("Actions").table.view)
    gc.callbacks.remove(full)
    collection = statistics.median(timed(gc.collect) for _ in range(3))
    return (f"{max(full.took, default=0.0):.1f} {len(full.took)} {collection:.1f} {step:.1f} "
            f"{peak_kb() / 1024:.1f}")


if __name__ == "__main__":
    print(use(sys.argv[1]), flush=True)
    os._exit(0)  # at once: Qt's objects need no tidying on the way out
