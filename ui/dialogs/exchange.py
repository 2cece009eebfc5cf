"""File > Export… and File > Import…: the JSON format of docs/export-format.md."""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from secretariat import exchange
from secretariat.cli import write_private
from secretariat.errors import UserFacingError

from ..errors import show_error
from ..files import ask_save_path

JSON_FILTER = "Taskforce exports (*.json);;All files (*)"


def export_file(window) -> Path | None:
    tf = window.session.tf
    suggestion = Path.home() / f"{tf.path.stem}.json"
    path = QFileDialog.getSaveFileName(window, "Export", str(suggestion), JSON_FILTER)[0]
    if not path:
        return None
    target = Path(path) if Path(path).suffix else Path(path + ".json")
    try:
        write_private(str(target), exchange.export_json(tf.store).encode("utf-8"))
    except UserFacingError as error:
        show_error(window, error)
        return None
    window.statusBar().showMessage(f"Exported everything to {target.name}", 5000)
    return target


def import_file(window) -> Path | None:
    """Read an export into a new file and open it."""
    source = QFileDialog.getOpenFileName(window, "Import", str(Path.home()), JSON_FILTER)[0]
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
    try:
        text = Path(source).read_text(encoding="utf-8")
        summary = exchange.import_json(text, target, source_name=Path(source).name)
    except UserFacingError as error:
        show_error(window, error)
        return None
    except (OSError, UnicodeDecodeError):
        show_error(window, UserFacingError(f"{Path(source).name} cannot be read as UTF-8 text."))
        return None
    window.open_path(target)
    QMessageBox.information(window, "Imported",
                            f"Imported {summary.total} records into {Path(target).name}.")
    return Path(target)
