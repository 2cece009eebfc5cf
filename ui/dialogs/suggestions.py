"""A member's suggestion for an agenda, made or changed in one form: what, by
whom, where it was raised and when, and the meeting or month it is aimed at
(a month further ahead than those offered may be typed)."""

import datetime as dt

from PySide6.QtWidgets import QLineEdit

from secretariat.errors import FieldError, ValidationError
from secretariat.values import Month, day_month_year, month_year, parse_day_or_month

from ..session import Session
from ..widgets import NotesEdit, combo_box, day_text
from .values import ValuesDialog, people_combo

NOT_AT_A_MEETING = "(not at a meeting)"
NO_AIM = "No particular meeting"
MONTHS_OFFERED = 24  # months ahead offered to aim at; a later one may be typed


def meeting_label(day: dt.date) -> str:
    return f"The meeting of {day_month_year(day)}"


def _months(first: dt.date):
    for n in range(MONTHS_OFFERED):
        yield dt.date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1)


def aims(session: Session, suggestion=None) -> dict[str, tuple[str | None, dt.date | None]]:
    """What a suggestion may be aimed at, in words: no aim, the body's coming
    meetings (and the one it is aimed at now), and the coming months."""
    today = dt.date.today()
    found: dict[str, tuple[str | None, dt.date | None]] = {NO_AIM: (None, None)}
    for m in sorted(session.tf.meetings.of_body(session.body_id), key=lambda m: m.date):
        if m.cancelled_on is None and (m.date >= today
                                       or (suggestion and m.id == suggestion.aimed_at_id)):
            found[meeting_label(m.date)] = (m.id, None)
    now = [suggestion.aimed_month] if suggestion and suggestion.aimed_month else []
    for month in now + list(_months(today)):
        found.setdefault(month_year(month), (None, month))
    return found


def aim_of(text: str, offered: dict[str, tuple[str | None, dt.date | None]]
           ) -> tuple[str | None, dt.date | None]:
    """The aim chosen, or a month typed (such as March 2029)."""
    text = " ".join(text.split())
    if not text:
        return None, None
    if text in offered:
        return offered[text]
    example = month_year(dt.date.today().replace(day=1))
    try:
        typed = parse_day_or_month(text, "month aimed at")
    except ValidationError as refused:
        raise FieldError(str(refused), "aim") from None
    if not isinstance(typed, Month):
        raise FieldError(f"Aim at a meeting offered, or type a month such as {example}.",
                         "aim")
    return None, typed.first_day


def current_aim(offered, suggestion) -> str:
    aim = (suggestion.aimed_at_id, suggestion.aimed_month) if suggestion else (None, None)
    return next((label for label, value in offered.items() if value == aim), NO_AIM)


class SuggestionDialog(ValuesDialog):
    def __init__(self, session: Session, suggestion=None, parent=None):
        super().__init__("Edit Suggestion" if suggestion else "New Suggestion", session, parent)
        tf = session.tf
        s = suggestion
        self.title = self.row("Suggested &item", QLineEdit(s.title if s else ""))
        self.details = self.row("&Details", NotesEdit(s.details if s else ""))
        self.details.setTabChangesFocus(True)
        people = [bp.person for bp in tf.people.in_body(session.body_id)]
        self.by = people_combo(self, "Suggested &by", people, s and s.suggested_by_id,
                               "(not recorded)")
        meetings = sorted(tf.meetings.of_body(session.body_id), key=lambda m: m.date)
        self.raised_at = self.row("&Raised at", combo_box())
        self.raised_at.addItem(NOT_AT_A_MEETING, None)
        for m in meetings:
            self.raised_at.addItem(meeting_label(m.date), m.id)
        held = [m.id for m in meetings if m.date <= dt.date.today()]
        raised = s.raised_at_id if s else (held[-1] if held else None)
        self.raised_at.setCurrentIndex(max(0, self.raised_at.findData(raised)))
        self.suggested_on = self.row("Suggested &on",
                                     QLineEdit(day_text(s.suggested_on) if s else ""))
        self.suggested_on.setPlaceholderText("the day of the meeting it was raised at, or today")
        self.offered = aims(session, s)
        self.aim = self.row("&Aimed at", combo_box())
        self.aim.setEditable(True)
        self.aim.addItems(list(self.offered))
        self.aim.setCurrentText(current_aim(self.offered, s))

    def values(self) -> dict:
        meeting_id, month = aim_of(self.aim.currentText(), self.offered)
        return dict(title=self.title.text(), details=self.details.toPlainText().strip(),
                    suggested_by_id=self.by.currentData(),
                    raised_at_id=self.raised_at.currentData(),
                    suggested_on=self.suggested_on.text().strip() or None,
                    aimed_at_id=meeting_id, aimed_month=month)
