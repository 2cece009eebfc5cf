"""Start the application: parse argv, set up logging and the crash dialog,
open the file and show the window."""

import argparse
import logging
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

APP_NAME = "Taskforce Secretariat"
ORG_NAME = "Taskforce Secretariat"
DEFAULT_FILE_NAME = "taskforce.taskforce"
LOG_NAME = "secretariat.log"
LOG_LIMIT = 1_000_000  # bytes; past it, the log moves to secretariat.log.1 at the next start


def data_dir() -> Path:
    """The platform's data directory for this application (created if missing)."""
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_path() -> Path:
    return data_dir() / LOG_NAME


def setup_logging() -> Path:
    log_file = log_path()
    try:
        if log_file.stat().st_size > LOG_LIMIT:
            log_file.replace(log_file.with_name(log_file.name + ".1"))
    except OSError:
        pass  # no log yet, or it cannot be moved: keep writing to it
    # Opened at the first message: most sessions write none.
    handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("secretariat")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="secretariat", description=APP_NAME)
    parser.add_argument("path", nargs="?", help="a taskforce file to open")
    return parser.parse_args(argv)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv if argv is None else argv
    args = parse_args(argv[1:])
    app = create_application(argv)
    setup_logging()
    from .errors import install_excepthook
    from .main_window import MainWindow

    install_excepthook()
    window = MainWindow()
    window.start(args.path)
    return app.exec()
