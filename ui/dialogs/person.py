"""A person and their membership of the body shown."""

from PySide6.QtWidgets import QLineEdit

from secretariat.fields import checked
from secretariat.membership.people import ROLES, BodyPerson
from secretariat.values import parse_optional_date

from ..session import Session
from ..widgets import NotesEdit, field_date_text
from .values import ValuesDialog


class PersonDialog(ValuesDialog):
    """Asks for the values; ``values()`` returns them typed, split person / membership."""

    def __init__(self, session: Session, current: BodyPerson | None = None, parent=None):
        super().__init__("Edit Person" if current else "Add Person", session, parent)
        person = current.person if current else None
        membership = current.membership if current else None
        self.name = self.row("&Name", QLineEdit(person.name if person else ""))
        self.role_title = self.row("Role &title", QLineEdit(person.role_title if person else ""))
        self.role_title.setPlaceholderText("for officials, e.g. Head of Mutuals Programme")
        self.role = self.choice("&Role", ROLES, membership.role if membership else "member")
        self.organisation = self.row("&Organisation",
                                     QLineEdit(person.organisation if person else ""))
        self.email = self.row("&E-mail", QLineEdit(person.email if person else ""))
        self.joined = self.row("&Joined", QLineEdit(
            field_date_text(membership and membership.joined_on)))
        self.left = self.row("&Left", QLineEdit(
            field_date_text(membership and membership.left_on)))
        for edit in (self.joined, self.left):
            edit.setPlaceholderText("e.g. 1 February 2011, or empty")
        self.notes = self.row("No&tes", NotesEdit(person.notes if person else ""))
        self.notes.setTabChangesFocus(True)

    def values(self) -> tuple[dict, dict]:
        """Refused (at its field) where the core would refuse it: before the page
        asks whether a name already someone's is another person's."""
        membership = dict(role=self.role.currentData(),
                          joined_on=self.typed("joined", parse_optional_date, "date joined"),
                          left_on=self.typed("left", parse_optional_date, "date left"))
        person = dict(name=self.name.text().strip(), role_title=self.role_title.text().strip(),
                      organisation=self.organisation.text().strip(),
                      email=self.email.text().strip(), notes=self.notes.toPlainText().strip())
        return checked("people", person), membership
