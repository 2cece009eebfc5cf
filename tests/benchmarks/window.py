"""Show a window and report, for the benchmark (run as a child process).

    python tests/benchmarks/window.py --bare     a bare PySide6 window (the floor)
    python tests/benchmarks/window.py FILE       the application's main window on FILE

Prints ``shown <peak resident KB>`` once the window has been shown and the
events of its first turn processed, then closes the window as an official
would (so the file is closed cleanly, as after any day's work) and exits.
"""

import os
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def peak_kb() -> int:
    """This program's peak resident memory. On Linux ru_maxrss also counts what
    the benchmark's own process held when it forked this one (it survives
    exec), so the peak of this address space is read instead."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _report(window) -> None:
    print(f"shown {peak_kb()}", flush=True)
    window.close()
    os._exit(0)


def main_window(path: str):
    """The application and its main window started on ``path``, as ui.app.main does."""
    from ui.app import create_application, setup_logging
    from ui.errors import install_excepthook
    from ui.main_window import MainWindow

    app = create_application(sys.argv)
    setup_logging()
    install_excepthook()
    window = MainWindow()
    window.start(path)
    return app, window


def main() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if sys.argv[1] == "--bare":
        app = QApplication(sys.argv)
        window = QMainWindow()
        window.resize(1100, 700)
        window.show()
    else:
        app, window = main_window(sys.argv[1])
    QTimer.singleShot(0, lambda: (app.processEvents(), _report(window)))
    app.exec()


if __name__ == "__main__":
    main()
