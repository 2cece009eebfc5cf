"""The taskforce's details: name, parent department, default venue and marking,
and the secretariat's e-mail address (the organiser of meeting invitations)."""

from PySide6.QtWidgets import QLineEdit

from secretariat.membership.bodies import MARKINGS

from ..edits import taskforce
from ..session import Session
from .form import FormDialog


class TaskforceDialog(FormDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("Taskforce Details", parent)
        self.session = session
        body = session.body
        self.name = self.row("&Name", QLineEdit(body.name))
        self.short_name = self.row("&Short name", QLineEdit(body.short_name))
        self.department = self.row("&Parent department", QLineEdit(body.parent_department))
        self.venue = self.row("Default &venue", QLineEdit(body.default_venue))
        self.marking = self.choice("Default &marking", MARKINGS, body.default_marking)
        self.email = self.row("Secretariat &e-mail", QLineEdit(body.secretariat_email))
        self.email.setPlaceholderText("where replies to meeting invitations go")

    def accept(self) -> None:
        saved = taskforce.change_details(
            self.session, name=self.name.text().strip(), short_name=self.short_name.text().strip(),
            parent_department=self.department.text().strip(),
            default_venue=self.venue.text().strip(), default_marking=self.marking.currentData(),
            secretariat_email=self.email.text().strip())
        if saved:
            super().accept()
