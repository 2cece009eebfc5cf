"""File > Export… and File > Import…: the JSON format of docs/export-format.md."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from secretariat.files import exchange
from secretariat.errors import UserFacingError
from secretariat.files.output_files import EXPORT
from secretariat.taskforce import Taskforce

from ..errors import show_error
from ..exports import ask_output
from ..file_dialogs import open_name
from ..files import ask_save_path
from ..long_work import LongWork

JSON_FILTER = "Taskforce exports (*.json);;All files (*)"


def export_file(window) -> LongWork | None:
    """Export the open file to a JSON file the user names, on a worker thread."""
    home = window.session.tf.path
    suggestion = Path.home() / f"{home.stem}.json"
    path = ask_output(window, "Export", str(suggestion), EXPORT)
    if not path:
        return None
    target = Path(path)

    def work(progress) -> Path:
        with Taskforce.reader(home) as reader:  # this thread's own connection
            return reader.export_to(target, progress)

    return LongWork(window, f"Exporting everything to {target.name}…", work, lambda done:
                    window.statusBar().showMessage(f"Exported everything to {done.name}", 5000))


def import_file(window) -> Path | None:
    """Read an export into a new file and open it, once the official agrees to
    close the file open now (the usual way: backed up if it changed)."""
    source = open_name(window, "Import", "", JSON_FILTER)
    if not source:
        return None
    target = ask_save_path(window, "Import Into a New File",
                           Path(source).with_suffix(".taskforce"))
    if not target:
        return None
    if Path(target).exists():
        show_error(window, UserFacingError(f"{Path(target).name} already exists; import into "
                                           "a new file."))
        return None
    if window.session is not None and not _switch_agreed(window, Path(source), Path(target)):
        return None
    try:
        text = Path(source).read_text(encoding="utf-8")
        summary = exchange.import_json(text, target, source_name=Path(source).name)
    except UserFacingError as error:
        show_error(window, error)
        return None
    except (OSError, UnicodeDecodeError):
        show_error(window, UserFacingError(f"{Path(source).name} cannot be read as UTF-8 text."))
        return None
    window.close_file()
    window.open_path(target)
    QMessageBox.information(window, "Imported",
                            f"Imported {summary.total} records into {Path(target).name}.")
    return Path(target)


def _switch_agreed(window, source: Path, target: Path) -> bool:
    current = window.session.tf.path.name
    return QMessageBox.question(
        window, "Import and Open?",
        f"Import {source.name} into the new file {target.name} and open it in place of "
        f"{current}?\n\n{current} is closed first, as File > Close does: a backup of it is "
        "kept if it has changed.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes) == QMessageBox.StandardButton.Yes
