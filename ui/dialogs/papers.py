"""Dialogs of the papers page: a paper, a nomination, a sign-off, a link to a
meeting and an external reviewer suggested."""

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit

from secretariat.interest import conflicts
from secretariat.review import reviews
from secretariat.review.papers import STATUSES
from secretariat.values import parse_optional_date

from .. import file_dialogs
from ..session import Session
from ..widgets import NotesEdit, button, combo_box, day_text
from .values import MeetingDialog, ValuesDialog, people_combo


class PaperDialog(ValuesDialog):
    def __init__(self, session: Session, paper=None, parent=None):
        super().__init__("Edit Paper" if paper else "New Paper", session, parent)
        tf = session.tf
        self.title = self.row("&Title", QLineEdit(paper.title if paper else ""))
        self.short_name = self.row("&Short name", QLineEdit(paper.short_name if paper else ""))
        self.short_name.setPlaceholderText("e.g. Teckal paper")
        people = [bp.person for bp in tf.people.in_body(session.body_id)]
        self.owner = people_combo(self, "&Lead author", people,
                                   paper and paper.owner_person_id, "(named in words below)")
        self.owner_text = self.row("Lead in &words", QLineEdit(paper.owner_text if paper else ""))
        self.wave = self.row("&Wave", combo_box())
        self.wave.setEditable(True)
        self.wave.addItems(["", *tf.papers.waves(session.body_id)])
        self.wave.setCurrentText(paper.wave if paper else "")
        self.status = self.choice("St&atus", STATUSES, paper.status if paper else "drafting")
        self.deadline = self.row("Review &deadline",
                                 QLineEdit(day_text(paper.review_deadline) if paper else ""))
        self.deadline.setPlaceholderText("e.g. 30 June 2011, or empty")
        self.document = QLineEdit(paper.document_path if paper else "")
        self.document.setAccessibleName("Document on disk")
        browse = button("&Browse…", self._browse, "Choose the paper's file on disk")
        line = QHBoxLayout()
        line.addWidget(self.document)
        line.addWidget(browse)
        label = QLabel("D&ocument")  # a label made here, so its buddy takes Alt+O
        label.setBuddy(self.document)
        self.form.addRow(label, line)
        self.notes = self.row("No&tes", NotesEdit(paper.notes if paper else ""))
        self.notes.setTabChangesFocus(True)

    def _browse(self) -> None:
        path, _ = file_dialogs.get_open_file_name(self, "The paper's file",
                                                  self.document.text(), "")
        if path:
            self.document.setText(path)

    def values(self) -> dict:
        return dict(title=self.title.text(), short_name=self.short_name.text(),
                    owner_person_id=self.owner.currentData(), owner_text=self.owner_text.text(),
                    wave=self.wave.currentText().strip(), status=self.status.currentData(),
                    review_deadline=self.typed("deadline", parse_optional_date, "review deadline"),
                    document_path=self.document.text().strip(),
                    notes=self.notes.toPlainText().strip())


class NominateDialog(ValuesDialog):
    """A member volunteers in a role; a conflict flag shows as soon as they are chosen."""

    def __init__(self, session: Session, paper_id: str, parent=None):
        super().__init__("Nominate a Reviewer", session, parent)
        self.paper_id = paper_id
        members = [bp.person for bp in session.tf.people.members_on(session.body_id,
                                                                     dt.date.today())]
        self.member = people_combo(self, "&Member", members, None)
        self.role = self.choice("&Role", reviews.ROLES, "technical")
        self.words = self.row("In their &words", QLineEdit())
        self.words.setPlaceholderText("the role they will play, as they put it")
        self.flag = QLabel()
        self.flag.setWordWrap(True)
        self.flag.setAccessibleName("Conflict flag")
        self.form.addRow(self.flag)
        self.member.currentIndexChanged.connect(self._show_flag)
        self._show_flag()

    def _show_flag(self) -> None:
        person_id = self.member.currentData()
        found = conflicts.for_nomination(self.session.tf, self.paper_id, person_id) \
            if person_id else []
        self.flag.setText("\n".join(f"Conflict flag — {f.interest} matches “{f.tag}”. "
                                    "The nomination can still be made." for f in found))

    def values(self) -> dict:
        return dict(person_id=self.member.currentData(), role=self.role.currentData(),
                    role_words=self.words.text())


class LinkDialog(MeetingDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("Send the Paper to a Meeting", session,
                         "The body has no meeting to send the paper to.", parent)


class SignOffDialog(ValuesDialog):
    def __init__(self, session: Session, paper, parent=None):
        super().__init__("Sign Off Paper", session, parent)
        people = [bp.person for bp in session.tf.people.in_body(session.body_id)]
        chair = next((bp.person.id for bp in session.tf.people.in_body(session.body_id)
                      if bp.membership.role == "chair"), None)
        self.by = people_combo(self, "Signed off &by", people,
                                paper.signed_off_by_id or chair)
        self.on = self.row("&On", QLineEdit(day_text(paper.signed_off_on or dt.date.today())))
        self.conditions = self.row("&Conditions", NotesEdit(paper.sign_off_conditions))
        self.conditions.setTabChangesFocus(True)

    def values(self) -> dict:
        return dict(by_person_id=self.by.currentData(),
                    on=self.typed("on", parse_optional_date, "date of sign-off"),
                    conditions=self.conditions.toPlainText().strip())


class SuggestDialog(ValuesDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("Suggest an External Reviewer", session, parent)
        self.name = self.row("&Name", QLineEdit())
        self.expertise = self.row("&Expertise", QLineEdit())
        self.contact = self.row("How to &reach them", QLineEdit())
        members = [bp.person for bp in session.tf.people.members_on(session.body_id,
                                                                     dt.date.today())]
        self.by = people_combo(self, "Suggested &by", members, None, "(not recorded)")

    def values(self) -> dict:
        return dict(name=self.name.text(), expertise=self.expertise.text(),
                    contact=self.contact.text(), suggested_by_id=self.by.currentData())
