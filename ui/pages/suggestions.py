"""Agenda items members suggested through the chair: who, when, what they are
aimed at and what became of each. "Future items only" shows the list of
future agenda items (those waiting or held). Placing a suggestion is done
from a meeting's agenda. The page prints the forward plan: the coming
meetings with their agenda, papers and suggestions, and what waits."""

from PySide6.QtWidgets import QCheckBox, QFormLayout, QInputDialog, QLineEdit, QVBoxLayout, QWidget

from secretariat.errors import UserFacingError

from ..dialogs.suggestions import SuggestionDialog, aim_of, aims, current_aim
from ..edits import suggestions
from ..exports import Ready, hand_over, save_document
from ..models.records import Column, RecordTableModel
from ..session import Session
from ..tables import show_id, table_view
from ..widgets import add_row, button, button_row, day_text, enable_while


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
        Column("Aimed at", lambda v: v.aim),
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
        self.view.activated.connect(self.edit)
        on_chosen = [button("&Edit…", self.edit, "Change what it says, who raised it, where "
                            "and when, and what it is aimed at"),
                     button("&Aim at…", self.aim, "The coming meeting or month it is for"),
                     button("&Hold…", self.hold, "Keep it for a future meeting"),
                     button("&Decline…", self.decline, "Decline it, with a reason"),
                     button("&Reopen", self.reopen, "Back to waiting for a meeting")]
        layout.addLayout(button_row([
            ("&New suggestion…", self.suggest, "A member's suggestion for an agenda"),
            *on_chosen]))
        enable_while(lambda: self.chosen() is not None, on_chosen,
                     self.view.selectionModel().selectionChanged, self.model.modelReset)
        plan = QFormLayout()
        self.plan_from = add_row(plan, "Forward plan fro&m", QLineEdit())
        self.plan_from.setPlaceholderText("today, or a date such as 1 June 2011")
        layout.addLayout(plan)
        layout.addLayout(button_row([
            ("Forward &plan as PDF…", lambda: self.save_pdf(),
             "Print the coming meetings with their agenda, papers and suggestions, "
             "and what is not yet placed")]))
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

    def show_record(self, suggestion_id: str) -> None:
        """Select the suggestion (a search hit), listing every one if need be."""
        if self.model.row_of(suggestion_id) < 0:
            self.future_only.setChecked(False)
        show_id(self.view, suggestion_id)

    def suggest(self) -> str | None:
        body_id = self.session.body_id
        made = SuggestionDialog(self.session, parent=self).run(
            lambda values: suggestions.suggest(self.session, body_id, values))
        if made:
            show_id(self.view, made)
        return made

    def edit(self) -> bool:
        suggestion_id = self.chosen()
        if suggestion_id is None:
            return False
        s = self.tf.suggestions.get(suggestion_id)
        return bool(SuggestionDialog(self.session, s, parent=self).run(
            lambda values: suggestions.edit(self.session, suggestion_id, values)))

    def aim(self) -> bool:
        """Ask which coming meeting, or month, the chosen suggestion is for; a
        month further ahead may be typed."""
        suggestion_id = self.chosen()
        if suggestion_id is None:
            return False
        s = self.tf.suggestions.get(suggestion_id)
        offered = aims(self.session, s)
        labels = list(offered)
        label, ok = QInputDialog.getItem(self, "Aim the suggestion", f"Aim '{s.title}' at:",
                                         labels, labels.index(current_aim(offered, s)), True)
        if not ok:
            return False
        try:
            aim = aim_of(label, offered)
        except UserFacingError as refused:
            self.session.report(refused)
            return False
        return suggestions.aim(self.session, suggestion_id, *aim)

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

    def make_document(self, ready: Ready):
        """The forward plan, from the day the box says (today when empty)."""
        from secretariat.documents import forward_plan_pdf

        try:
            doc = forward_plan_pdf.build(self.tf, self.session.body_id,
                                         self.plan_from.text().strip() or None)
        except UserFacingError as error:
            self.session.report(error)
            return None
        return hand_over(self, ready, forward_plan_pdf, doc, "the forward plan",
                         f"forward plan {doc.start}.pdf")

    def save_pdf(self) -> str | None:
        return self.make_document(lambda doc: save_document(self, self.session, doc))
