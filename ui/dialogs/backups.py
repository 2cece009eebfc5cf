"""The Backups dialog: this file's checked backups, and restoring one.

Restoring closes the file, sets it aside beside itself (never deleting it),
puts the backup in its place and opens it again. With no file open (say the
file is damaged and will not open) the dialog first asks which file.
"""

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel,
    QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from secretariat.errors import UserFacingError
from secretariat.files.restore import Backup, restore_backup, verified_backups, verify
from secretariat.values import day_and_time

from ..errors import show_error
from ..files import ask_open_path

REASONS = {"on-close": "On closing", "before-upgrade": "Before an upgrade",
           "before-merge": "Before merging a travel copy"}


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def taken_text(backup: Backup) -> str:
    return day_and_time(backup.taken_at)


class BackupsDialog(QDialog):
    """Lists the verified backups of ``file_path``; ``chosen`` is the one to restore,
    once the official has said yes to putting it in the file's place."""

    def __init__(self, file_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.file_path = file_path
        self.setWindowTitle(f"Backups of {file_path.name}")
        self.backups: list[Backup] = verified_backups(file_path)
        intro = QLabel(
            "Each backup below has been checked and can be restored. Restoring keeps the "
            "current file: it is set aside beside the original under a new name."
            if self.backups else f"There are no usable backups of {file_path.name}.")
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setHorizontalHeaderLabels(["Taken", "Why", "Size"])
        self.table.setAccessibleName("Backups")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self.backups):
            for column, text in enumerate((
                    taken_text(backup),
                    REASONS.get(backup.reason, backup.reason.replace("-", " ").capitalize()),
                    size_text(backup.size))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_ok)
        if self.backups:
            self.table.selectRow(0)
        self._update_ok()
        self.resize(560, 360)

    @property
    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.chosen is not None)

    def accept(self) -> None:
        """Restore: first ask, naming the backup and the file it replaces."""
        chosen = self.chosen
        if chosen is None or QMessageBox.question(
                self, "Restore This Backup?",
                f"Put the backup of {self.file_path.name} taken on {taken_text(chosen)} in the "
                f"place of {self.file_path.name} as it is now?\n\n{self.file_path.name} as it "
                "is now is not deleted: it is set aside beside it under a new name.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return  # the dialog stays, to choose another or cancel
        super().accept()


def restore(window, file_path: Path, backup: Backup) -> Path | None:
    """Close the file if open, restore, reopen; where the old file was set aside."""
    if window.session is not None:
        window.close_file()
    try:
        aside = restore_backup(file_path, backup.path)
    except UserFacingError as error:
        show_error(window, error)
        aside = None
    window.open_path(file_path)
    return aside


def offer_restore(window, file_path) -> bool:
    """After a file was refused: if it is damaged and has good backups, offer them.

    True when a backup was restored and the file is open again.
    """
    file_path = Path(file_path).absolute()
    if not file_path.is_file() or verify(file_path) or not verified_backups(file_path):
        return False
    ask = QMessageBox(QMessageBox.Icon.Question, "Restore From a Backup?",
                      f"{file_path.name} is damaged. Restore it from one of its checked backups? "
                      "The damaged file is kept beside it under a new name.",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, window)
    ask.setAccessibleName("Restore from a backup")
    if ask.exec() != QMessageBox.StandardButton.Yes:
        return False
    dialog = BackupsDialog(file_path, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    return restore(window, file_path, dialog.chosen) is not None and window.session is not None


def show_backups(window) -> None:
    """File > Backups…: the open file's backups, or those of a file chosen."""
    if window.session is not None:
        file_path = window.session.tf.path
    else:
        chosen = ask_open_path(window)
        if not chosen:
            return
        file_path = Path(chosen).absolute()
    dialog = BackupsDialog(file_path, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return
    aside = restore(window, file_path, dialog.chosen)
    if aside is not None:
        QMessageBox.information(window, "Backup Restored",
                                f"{file_path.name} is now as it was on "
                                f"{day_and_time(dialog.chosen.taken_at)}. The file as it "
                                f"was before is kept as {aside.name}.")

