"""The body's standing items, which every new meeting's draft agenda starts with.
Adding and removing are undoable like any other edit."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QListWidget, QListWidgetItem,
                               QVBoxLayout)

from ..edits import agenda
from ..session import Session
from ..widgets import ask_line, ask_until_taken, button


class StandingItemsDialog(QDialog):
    def __init__(self, session: Session, body_id: str, parent=None):
        super().__init__(parent)
        self.session = session
        self.body_id = body_id
        self.setWindowTitle("Standing items")
        self.setAccessibleName("Standing items")
        self.listing = QListWidget()
        self.listing.setAccessibleName("Standing items, in agenda order")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(button("&Add…", lambda: self.add()),
                          QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(button("&Remove", self.remove), QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.listing)
        layout.addWidget(buttons)
        session.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if changes.concerns("agenda"):
            self.reload()

    def reload(self) -> None:
        self.listing.clear()
        for standing in self.session.tf.agenda.standing.of_body(self.body_id,
                                                                create_defaults=True):
            entry = QListWidgetItem(standing.title + (" (at the end)" if standing.closing else ""))
            entry.setData(Qt.ItemDataRole.UserRole, standing.id)
            self.listing.addItem(entry)

    def add(self, title: str | None = None) -> str | None:
        def take(typed: str) -> str | None:
            return agenda.add_standing_item(self.session, self.body_id, typed)

        if title is None:
            return ask_until_taken(
                lambda typed: ask_line(self, "Add a standing item", "Title:", typed), take)
        return take(title)

    def remove(self) -> bool:
        entry = self.listing.currentItem()
        if entry is None:
            return False
        return agenda.remove_standing_item(self.session, entry.data(Qt.ItemDataRole.UserRole))
