"""Files the user saves out of the app (PDFs, e-mail drafts), opened once written."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from secretariat.output_files import write_private
from secretariat.errors import UserFacingError

from .session import Session


def save_and_open(parent: QWidget, session: Session, title: str, name: str, data: bytes,
                  kind: str, path: str | None = None) -> str | None:
    """Ask where to save a file (unless told), write it, and open it in its program."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), kind)
    if not path:
        return None
    try:
        write_private(path, data)
    except UserFacingError as error:
        session.report(error)
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
    return path
