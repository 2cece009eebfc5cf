"""Agenda items members suggested through the chair: who, when, what they are
aimed at and what became of each. "Future items only" shows the list of
future agenda items (those waiting or held). Placing a suggestion is done
from a meeting's agenda. The page prints the forward plan: the coming
meetings with their agenda, papers and suggestions, and what waits."""

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QFormLayout, QInputDialog, QLineEdit, QVBoxLayout, QWidget

from secretariat.errors import UserFacingError
from secretariat.values import day_month_year, month_year

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
NOT_AT_A_MEETING = "(not at a meeting)"
NO_AIM = "No particular meeting"
MONTHS_OFFERED = 12  # months ahead an item may be aimed at


def meeting_label(day: dt.date) -> str:
    return f"The meeting of {day_month_year(day)}"


def _months(first: dt.date):
    for n in range(MONTHS_OFFERED):
        yield dt.date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1)


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
        on_chosen = [button("&Aim at…", self.aim, "The coming meeting or month it is for"),
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
        title, ok = QInputDialog.getText(self, "New suggestion", "Suggested item:")
        if not ok:
            return None
        body_id = self.session.body_id
        members = [(bp.person.display_name, bp.person.id)
                   for bp in self.tf.people.in_body(body_id)]
        names = ["(not recorded)"] + [name for name, _ in members]
        name, ok = QInputDialog.getItem(self, "New suggestion", "Suggested by:", names, 0, False)
        if not ok:
            return None
        meetings = {meeting_label(m.date): m for m in self.tf.meetings.of_body(body_id)}
        held = [label for label, m in meetings.items() if m.date <= dt.date.today()]
        labels = [NOT_AT_A_MEETING, *meetings]
        at, ok = QInputDialog.getItem(self, "New suggestion", "Raised at:", labels,
                                      labels.index(held[0]) if held else 0, False)
        if not ok:
            return None
        meeting = meetings.get(at)
        return suggestions.suggest(self.session, body_id, title, dict(members).get(name),
                                   meeting.id if meeting else None)

    def aim(self) -> bool:
        """Ask which coming meeting, or month, the chosen suggestion is for."""
        suggestion_id = self.chosen()
        if suggestion_id is None:
            return False
        s = self.tf.suggestions.get(suggestion_id)
        today = dt.date.today()
        aims = {NO_AIM: (None, None)}
        for m in sorted(self.tf.meetings.of_body(self.session.body_id), key=lambda m: m.date):
            if m.date >= today or m.id == s.aimed_at_id:
                aims[meeting_label(m.date)] = (m.id, None)
        for month in ([s.aimed_month] if s.aimed_month else []) + list(_months(today)):
            aims.setdefault(month_year(month), (None, month))
        labels = list(aims)
        now = next((n for n, aim in enumerate(aims.values())
                    if aim == (s.aimed_at_id, s.aimed_month)), 0)
        label, ok = QInputDialog.getItem(self, "Aim the suggestion", f"Aim '{s.title}' at:",
                                         labels, now, False)
        return ok and suggestions.aim(self.session, suggestion_id, *aims[label])

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
