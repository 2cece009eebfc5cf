"""Agenda items members suggested through the chair: who, when, and what became
of each. "Future items only" shows the list of future agenda items (those
waiting or held). Placing a suggestion is done from a meeting's agenda."""

from PySide6.QtWidgets import QCheckBox, QInputDialog, QVBoxLayout, QWidget

from ..edits import suggestions
from ..models.records import Column, RecordTableModel
from ..session import Session
from ..tables import table_view
from ..widgets import button, button_row, day_text, enable_while


def ask_reason(parent: QWidget, title: str, label: str) -> str | None:
    """The reason given; None if cancelled."""
    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


HOLD = ("Hold for a future meeting", "Why, or until when (optional):")
DECLINE = ("Decline the suggestion", "Reason:")


class SuggestionsModel(RecordTableModel):
    columns = (
        Column("Suggestion", lambda v: v.suggestion.title),
        Column("Suggested by", lambda v: v.suggested_by),
        Column("On", lambda v: day_text(v.suggestion.suggested_on)),
        Column("What became of it", lambda v: v.what_became),
        Column("Details", lambda v: v.suggestion.details),
    )

    @staticmethod
    def _id(record) -> str:
        return record.suggestion.id


class SuggestionsPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.tf = session.tf
        self.setAccessibleName("Suggested agenda items")
        self.future_only = QCheckBox("&Future items only")
        self.future_only.setAccessibleName("Future items only")
        self.future_only.toggled.connect(self.reload)
        self.model = SuggestionsModel(self)
        self.view = table_view(self.model, "Suggested agenda items")
        layout = QVBoxLayout(self)
        layout.addWidget(self.future_only)
        layout.addWidget(self.view, 1)
        on_chosen = [button("&Hold…", self.hold, "Keep it for a future meeting"),
                     button("&Decline…", self.decline, "Decline it, with a reason"),
                     button("&Reopen", self.reopen, "Back to waiting for a meeting")]
        layout.addLayout(button_row([
            ("&New suggestion…", self.suggest, "A member's suggestion for an agenda"),
            *on_chosen]))
        enable_while(lambda: self.chosen() is not None, on_chosen,
                     self.view.selectionModel().selectionChanged, self.model.modelReset)
        session.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if changes.concerns("suggestion", "agenda", "person", "meeting", "body"):
            self.reload()

    def reload(self) -> None:
        if not self.session.body_id:
            return
        chosen = self.chosen()
        if self.future_only.isChecked():
            views = self.tf.suggestions.future_items(self.session.body_id)
        else:
            views = self.tf.suggestions.of_body(self.session.body_id)
        self.model.set_records(views)
        row = self.model.row_of(chosen) if chosen else -1
        if row >= 0:
            self.view.selectRow(row)

    def chosen(self) -> str | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).suggestion.id if rows else None

    def suggest(self) -> str | None:
        title, ok = QInputDialog.getText(self, "New suggestion", "Suggested item:")
        if not ok:
            return None
        members = [(bp.person.display_name, bp.person.id)
                   for bp in self.tf.people.in_body(self.session.body_id)]
        names = ["(not recorded)"] + [name for name, _ in members]
        name, ok = QInputDialog.getItem(self, "New suggestion", "Suggested by:", names, 0, False)
        if not ok:
            return None
        return suggestions.suggest(self.session, self.session.body_id, title,
                                   dict(members).get(name))

    def _with_reason(self, change, ask: tuple[str, str]) -> bool:
        """A change to the chosen suggestion, with the reason asked for first."""
        suggestion_id = self.chosen()
        if suggestion_id is None:
            return False
        reason = ask_reason(self, *ask)
        return reason is not None and change(self.session, suggestion_id, reason)

    def hold(self) -> bool:
        return self._with_reason(suggestions.hold, HOLD)

    def decline(self) -> bool:
        return self._with_reason(suggestions.decline, DECLINE)

    def reopen(self) -> bool:
        suggestion_id = self.chosen()
        return suggestion_id is not None and suggestions.reopen(self.session, suggestion_id)
