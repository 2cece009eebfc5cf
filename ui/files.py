"""Opening, creating and choosing taskforce files for the window."""

import itertools
from pathlib import Path

from PySide6.QtWidgets import QWidget

from secretariat.errors import FileProblem, UserFacingError
from secretariat.files.output_files import TASKFORCE
from secretariat.taskforce import Taskforce, UpgradeNeeded

from .app import DEFAULT_FILE_NAME, data_dir
from .errors import show_error
from .file_dialogs import open_name, save_name

FILE_FILTER = "Taskforce files (*.taskforce);;All files (*)"
SAMPLE_FILE_NAME = "Mutuals Taskforce sample.taskforce"
NEW_BODY_NAME = "New taskforce"


def open_taskforce(parent: QWidget | None, path,
                   create: bool = False) -> Taskforce | UserFacingError | None:
    """Open (or create) a file. When it cannot be opened: the error, once shown;
    None when the official stopped its upgrade."""
    try:
        try:
            tf = Taskforce.open(path, create=create, upgrade=False)
        except UpgradeNeeded:  # on a worker: a large file takes minutes
            upgrade = _upgrade(parent, path)
            if upgrade.outcome != "done":
                return upgrade.error if upgrade.outcome == "failed" else None
            tf = Taskforce.open(path)
    except UserFacingError as error:
        show_error(parent, error)
        return error
    if not tf.bodies.all() and not tf.read_only:
        tf.bodies.create(NEW_BODY_NAME)  # the window always shows one body
    return tf


def _upgrade(parent: QWidget | None, path):
    """Upgrade a file from an earlier version on a worker thread (a large file
    takes minutes), behind a progress bar; the ``LongWork``, once it has ended."""
    from PySide6.QtCore import QEventLoop

    from .long_work import LongWork

    def work(progress) -> None:
        Taskforce.open(path, progress=progress).close()

    job = LongWork(parent, f"Upgrading {Path(path).name} for this version of the program "
                           "(a backup of it as it was is kept first)…", work)
    if job.outcome == "":
        waiting = QEventLoop()
        job.ended.connect(waiting.quit)
        waiting.exec()
    return job


def default_path() -> Path:
    return data_dir() / DEFAULT_FILE_NAME


def recent_label(path: str) -> str:
    """A file as File > Open Recent lists it: its name, then its folder (the
    home folder written ~), so that files of one name in two folders tell apart."""
    file = Path(path)
    try:
        folder = str(Path("~") / file.parent.relative_to(Path.home()))
    except ValueError:  # outside the home folder
        folder = str(file.parent)
    return f"{file.name} — {folder}".replace("&", "&&")  # an & is no mnemonic here


def sample_path() -> Path:
    """The sample taskforce beside the default file, written the first time it is asked for."""
    path = data_dir() / SAMPLE_FILE_NAME
    if not path.exists():
        from secretariat.files import sample  # only for a new sample file

        sample.write(path)
    return path


def offer_sample(parent: QWidget | None) -> bool:
    """First start: ask whether to look at the sample taskforce instead of the new empty file."""
    from PySide6.QtWidgets import QMessageBox  # dialogs' classes are made when first wanted

    answer = QMessageBox.question(
        parent, "Welcome to Taskforce Secretariat",
        "A new, empty taskforce file has been created for you.\n\n"
        "Would you like to open the sample taskforce instead (the Mutuals Taskforce "
        "2011–12) to see how the program works? You can open your own file again from "
        "File > Open Recent.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def ask_open_path(parent: QWidget) -> str:
    return open_name(parent, "Open Taskforce File", data_dir(), FILE_FILTER)


def ask_save_path(parent: QWidget, title: str, suggestion: Path) -> str:
    """Where a new taskforce file goes: a name already taken is refused in the
    dialog, before Qt offers to replace it."""
    def new_name(chosen: str) -> None:
        path = Path(chosen)
        if path.exists():
            raise FileProblem(f"{path.name} already exists, and a taskforce file is never "
                              "written over another file; choose a new name.", path)

    return save_name(parent, title, untaken(suggestion), TASKFORCE, new_name)


def untaken(suggestion: Path) -> Path:
    """The name suggested or, where a file has it already, the first of "name 2",
    "name 3"… beside it that none has: the name offered is one that will do.
    (A folder suggested is left as it is.)"""
    if suggestion.is_dir() or not suggestion.exists():
        return suggestion
    return next(other for n in itertools.count(2)
                if not (other := suggestion.with_name(
                    f"{suggestion.stem} {n}{suggestion.suffix}")).exists())
