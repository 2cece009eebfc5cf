"""Interests as tables: the register, one member's history, a meeting's
conflict flags, its items' tags and the declarations made at it."""

from PySide6.QtGui import QBrush

from secretariat.interest.conflicts import TAG_KINDS

from .. import palette
from ..widgets import day_text
from .records import ColouredModel, Column, RecordTableModel


def _form_sent(entry) -> str:
    return day_text(entry.form.sent_on) if entry.form else "not sent"


def _form_back(entry) -> str:
    if entry.form is None:
        return ""
    return day_text(entry.form.returned_on) if entry.form.returned_on else "not returned"


class RegisterModel(ColouredModel):
    """Rows are ``MemberInterests``s; a member whose form is out is drawn in dark red."""

    columns = (
        Column("Member", lambda e: e.person.display_name),
        Column("Role", lambda e: e.role_label),
        Column("Current interests", lambda e: "; ".join(i.summary for i in e.interests)),
        Column("Form sent", _form_sent),
        Column("Form returned", _form_back),
    )

    @staticmethod
    def _id(record) -> str:
        return record.person.id

    def colour(self, record) -> QBrush | None:
        return palette.warning() if record.awaiting_form else None


class HistoryModel(ColouredModel):
    """Every interest of one member; ended ones in grey."""

    columns = (
        Column("Interest", lambda i: i.description),
        Column("Organisation", lambda i: i.organisation),
        Column("Kind", lambda i: i.kind_label),
        Column("MIS / MSP", lambda i: "Yes" if i.concerns_mis_msp else ""),
        Column("Declared", lambda i: day_text(i.declared_on)),
        Column("Ended", lambda i: day_text(i.ended_on)),
    )

    def colour(self, record) -> QBrush | None:
        return palette.muted() if record.ended_on else None


class FlagsModel(RecordTableModel):
    """Rows are ``Conflict``s."""

    columns = (Column("Member", lambda c: c.person_name), Column("Touches", lambda c: c.tag),
               Column("Item or paper", lambda c: f"{c.subject.capitalize()}: {c.subject_title}"),
               Column("Interest", lambda c: c.interest))

    @staticmethod
    def _id(record) -> str:
        return f"{record.interest_id}/{record.subject_id}"


class DeclarationsModel(RecordTableModel):
    """Rows are ``MeetingDeclaration``s."""

    columns = (Column("Member", lambda d: d.person_name), Column("Item", lambda d: d.item_title),
               Column("Declared", lambda d: d.text))


class ItemTagsModel(RecordTableModel):
    """Rows are ``ItemTag``s."""

    columns = (Column("Item", lambda t: t.item_title), Column("Touches", lambda t: t.tag.name),
               Column("Kind", lambda t: TAG_KINDS[t.tag.kind]))
