"""Dialogs of the interests pages: an interest, a declaration made at a
meeting, and an agenda item tagged with what it touches."""

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QLineEdit

from secretariat.interest.conflicts import TAG_KINDS
from secretariat.errors import UserFacingError
from secretariat.interest.interests import KINDS
from secretariat.values import parse_date

from ..session import Session
from ..widgets import NotesEdit, day_text
from .values import ValuesDialog, meeting_and_item, people_combo


class InterestDialog(ValuesDialog):
    """An interest of the member named in the title, so no one declares it for the wrong one."""

    def __init__(self, session: Session, member: str, interest=None, parent=None):
        super().__init__(f"Edit an Interest of {member}" if interest
                         else f"Declare an Interest of {member}", session, parent)
        self.description = self.row("&Description", QLineEdit(
            interest.description if interest else ""))
        self.description.setPlaceholderText("e.g. Chief Executive")
        self.organisation = self.row("&Organisation", QLineEdit(
            interest.organisation if interest else ""))
        self.kind = self.choice("&Kind", KINDS, interest.kind if interest else "employment")
        self.mis_msp = self.row("Concerns the &MIS or MSP", QCheckBox())
        self.mis_msp.setChecked(bool(interest and interest.concerns_mis_msp))
        self.declared = self.row("Declared &on", QLineEdit(
            day_text(interest.declared_on if interest else dt.date.today())))
        self.notes = self.row("No&tes", NotesEdit(interest.notes if interest else ""))
        self.notes.setTabChangesFocus(True)

    def values(self) -> dict:
        return dict(description=self.description.text(), organisation=self.organisation.text(),
                    kind=self.kind.currentData(), concerns_mis_msp=self.mis_msp.isChecked(),
                    declared_on=self.typed("declared", parse_date, "date declared"),
                    notes=self.notes.toPlainText().strip())


class DeclarationDialog(ValuesDialog):
    """A declaration made in the room, against the agenda item it concerns."""

    def __init__(self, session: Session, person_id: str | None, meeting_id: str | None = None,
                 parent=None):
        super().__init__("Record a Declaration at a Meeting", session, parent)
        self.meeting, self.item = meeting_and_item(self, session, meeting_id)
        people = [bp.person for bp in session.tf.people.in_body(session.body_id)]
        self.member = people_combo(self, "M&ember", people, person_id)
        self.text = self.row("&Declared", QLineEdit())
        self.text.setPlaceholderText("what they declared, as the minutes will say it")

    def values(self) -> dict:
        if not self.meeting.currentData():
            raise UserFacingError("The body has no meeting to record a declaration at.")
        return dict(meeting_id=self.meeting.currentData(), person_id=self.member.currentData(),
                    text=self.text.text(), agenda_item_id=self.item.currentData())


class TagItemDialog(ValuesDialog):
    """A tag for an item of the meeting (the one given chosen to start with)."""

    def __init__(self, session: Session, meeting_id: str, item_id: str | None = None,
                 parent=None):
        super().__init__("Tag an Agenda Item for Conflicts", session, parent)
        self.meeting, self.item = meeting_and_item(self, session, meeting_id)
        self.meeting.setEnabled(False)
        if item_id:
            self.item.setCurrentIndex(max(0, self.item.findData(item_id)))
        self.name = self.row("&Touches", QLineEdit())
        self.name.setPlaceholderText("an organisation or topic, e.g. MSP")
        self.kind = self.choice("&Kind", TAG_KINDS, "organisation")

    def values(self) -> dict:
        if not self.item.currentData():
            raise UserFacingError("Choose the agenda item to tag.")
        return dict(name=self.name.text(), kind=self.kind.currentData(),
                    agenda_item_id=self.item.currentData())
