"""Start the application: parse argv, set up logging and the crash dialog,
open the file and show the window."""

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

log = logging.getLogger("secretariat.ui")

APP_NAME = "Taskforce Secretariat"
ORG_NAME = "Taskforce Secretariat"
DEFAULT_FILE_NAME = "taskforce.taskforce"
LOG_NAME = "secretariat.log"
LOG_LIMIT = 1_000_000  # bytes; past it, the log moves to secretariat.log.1 at the next start


def data_dir() -> Path:
    """This program's data folder, created if missing: the platform's data folder
    and the program's name (on Linux ~/.local/share/Taskforce Secretariat).

    Not Qt's AppDataLocation: that adds the organisation's name and then the
    application's, both ours, and earlier versions kept their files in that
    doubled folder; what they left there is moved here.
    """
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.GenericDataLocation)) / APP_NAME
    doubled = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    if doubled != folder and doubled.is_dir():
        _move_contents(doubled, folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class PrivateLog(logging.FileHandler):
    """A log file readable by its owner only, like every file the program writes:
    its messages name files, people and what went wrong with them."""

    def _open(self):
        handle = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        if hasattr(os, "fchmod"):  # (not on Windows, where the folder's rights hold)
            os.fchmod(handle, 0o600)  # a log an earlier version made readable by all
        return open(handle, "a", encoding=self.encoding, errors=self.errors)


def _move_contents(old: Path, new: Path) -> None:
    """Move each file and folder of ``old`` into ``new`` by renaming it (files,
    their backups, the log), never over something of the same name there; then
    Open Recent follows them. Not while an earlier version still has a file open
    there (it would leave its -wal behind), and a move stopped half-way carries
    on at the next start."""
    from secretariat.taskforce import Taskforce

    from . import settings

    if any(Taskforce.open_elsewhere(path) for path in old.glob("*.taskforce")):
        log.warning("%s was not moved to %s: a file in it is open", old, new)
        return
    new.mkdir(parents=True, exist_ok=True)
    for entry in list(old.iterdir()):
        if (new / entry.name).exists():
            log.warning("%s was left in %s: %s holds one of that name", entry.name, old, new)
            continue
        try:
            entry.rename(new / entry.name)
        except OSError as error:
            log.warning("%s could not be moved to %s: %s", entry, new, error)
    settings.follow_moved_files(old, new)
    try:
        old.rmdir()  # only once empty
    except OSError:
        pass


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
    handler = PrivateLog(log_file, encoding="utf-8", delay=True)
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
