"""The warning shown on opening a file that lives on a network share."""

from pathlib import Path

from PySide6.QtWidgets import QWidget

from secretariat.files.filesystem import is_network_path

TITLE = "File on a network share"


def warn_if_network_share(parent: QWidget, path: Path) -> QWidget | None:
    """Show (without waiting) why a shared file is at risk; the message box, or None if local."""
    if not is_network_path(path):
        return None
    from PySide6.QtWidgets import QMessageBox  # only for a shared file

    box = QMessageBox(QMessageBox.Icon.Warning, TITLE,
                      f"{path.name} is on a network share. Two computers using it at once, or a "
                      "dropped connection, can damage it. Copy it to this computer's own disk "
                      "to work on it, or take a travel copy.",
                      QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(TITLE)
    box.open()
    return box
