"""Papers and their reviews: the list with its coverage marks, the chosen
paper's reviewers by role (with conflict flags), each member's review load,
and the e-mail drafts inviting self-nominations and chasing overdue reviews."""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QMessageBox, QSplitter, QVBoxLayout, QWidget)

from secretariat import conflicts, invitations, reviews
from secretariat.cli import write_private
from secretariat.errors import UserFacingError
from secretariat.papers import STATUSES
from secretariat.values import parse_optional_date

from ..dialogs.form import FormDialog
from ..models.records import Column, RecordTableModel
from ..session import Session
from ..widgets import NotesEdit, button
from .meetings import select_id, selected_id, table_view

ATTENTION = QBrush(QColor("#a40000"))


def day_text(day) -> str:
    return f"{day.day} {day.strftime('%b %Y')}" if day else ""


def _names(cover, role: str) -> str:
    return ", ".join(r.person_name for r in cover.by_role(role))


class ColouredModel(RecordTableModel):
    """A table whose rows may be drawn in a colour: those needing attention, or ended."""

    def colour(self, record) -> QBrush | None:
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return self.colour(self.record(index.row()))
        return super().data(index, role)


def button_row(entries) -> QHBoxLayout:
    """Buttons from (text, slot, tip) in a row, left-aligned."""
    row = QHBoxLayout()
    for entry in entries:
        row.addWidget(entry if isinstance(entry, QWidget) else button(*entry))
    row.addStretch()
    return row


def side_by_side(page: QWidget, left: list, right: list) -> None:
    """The page's two panes in a splitter; each a column of widgets and layouts,
    a widget given as (widget, n) taking n shares of the spare height."""
    splitter = QSplitter()
    for parts in (left, right):
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, tuple):
                column.addWidget(*part)
            elif isinstance(part, QWidget):
                column.addWidget(part)
            else:
                column.addLayout(part)
        splitter.addWidget(pane)
    splitter.setSizes([640, 520])
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)


class CoverageModel(ColouredModel):
    """Rows are ``PaperCoverage``s."""

    columns = (
        Column("Paper", lambda c: c.paper.label),
        Column("Status", lambda c: c.paper.status_label),
        Column("Deadline", lambda c: day_text(c.paper.review_deadline)),
        Column("Needs attention", lambda c: "; ".join(
            c.marks + ([f"{len(c.flags)} conflict flag(s)"] if c.flags else []))),
        Column("Technical", lambda c: _names(c, "technical")),
        Column("Lay", lambda c: _names(c, "lay")),
        Column("Wave", lambda c: c.paper.wave),
    )

    @staticmethod
    def _id(record) -> str:
        return record.paper.id

    def colour(self, record) -> QBrush | None:
        return ATTENTION if record.marks or record.flags else None


@dataclass(frozen=True)
class ReviewRow:
    review: reviews.Review
    flag: str  # the conflict flag, if the reviewer's interest touches the paper

    @property
    def id(self) -> str:
        return self.review.id


class ReviewersModel(ColouredModel):
    columns = (
        Column("Role", lambda r: r.review.role_label),
        Column("Reviewer", lambda r: r.review.person_name),
        Column("Status", lambda r: r.review.status_label),
        Column("Nominated", lambda r: day_text(r.review.nominated_on)),
        Column("Conflict flag", lambda r: r.flag),
    )

    def colour(self, record) -> QBrush | None:
        return ATTENTION if record.flag else None


class LoadModel(RecordTableModel):
    columns = (Column("Member", lambda x: x.name), Column("In hand", lambda x: str(x.in_hand)),
               Column("Done", lambda x: str(x.done)))

    @staticmethod
    def _id(record) -> str:
        return record.person_id


def people_combo(dialog: FormDialog, label: str, people, current: str | None,
                  blank: str = "") -> QComboBox:
    combo = QComboBox()
    if blank:
        combo.addItem(blank, None)
    for person in people:
        combo.addItem(person.display_name, person.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return dialog.row(label, combo)


def meeting_and_item(dialog: FormDialog, session: Session,
                     meeting_id: str | None = None) -> tuple[QComboBox, QComboBox]:
    """A choice of the body's meetings (that one first chosen, if named) and,
    below it, of the chosen meeting's items."""
    tf = session.tf
    meeting = dialog.row("&Meeting", QComboBox())
    for found in tf.meetings.of_body(session.body_id):
        meeting.addItem(day_text(found.date) + (f" {found.title}" if found.title else ""),
                        found.id)
    item = dialog.row("Agenda &item", QComboBox())

    def fill() -> None:
        item.clear()
        item.addItem("(not a particular item)", None)
        if meeting.currentData():
            for agenda_item in tf.agenda.of_meeting(meeting.currentData()):
                item.addItem(agenda_item.title, agenda_item.id)

    meeting.setCurrentIndex(max(0, meeting.findData(meeting_id)))
    meeting.currentIndexChanged.connect(fill)
    fill()
    return meeting, item


class ValuesDialog(FormDialog):
    """A form whose ``values()`` may refuse (raise); OK keeps it open until they are good."""

    def __init__(self, title: str, session: Session, parent=None):
        super().__init__(title, parent)
        self.session = session
        self.result_values: dict | None = None

    def values(self) -> dict:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_values = self.values()
        except UserFacingError as error:
            self.session.report(error)
            return
        super().accept()


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
        self.wave = self.row("&Wave", QComboBox())
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
        self.form.addRow("D&ocument", line)
        self.notes = self.row("No&tes", NotesEdit(paper.notes if paper else ""))
        self.notes.setTabChangesFocus(True)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "The paper's file", self.document.text())
        if path:
            self.document.setText(path)

    def values(self) -> dict:
        return dict(title=self.title.text(), short_name=self.short_name.text(),
                    owner_person_id=self.owner.currentData(), owner_text=self.owner_text.text(),
                    wave=self.wave.currentText().strip(), status=self.status.currentData(),
                    review_deadline=parse_optional_date(self.deadline.text(), "review deadline"),
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


class LinkDialog(ValuesDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("Send the Paper to a Meeting", session, parent)
        self.meeting, self.item = meeting_and_item(self, session)

    def values(self) -> dict:
        if not self.meeting.currentData():
            raise UserFacingError("The body has no meeting to send the paper to.")
        return dict(meeting_id=self.meeting.currentData(),
                    agenda_item_id=self.item.currentData())


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
                    on=parse_optional_date(self.on.text(), "date of sign-off"),
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


def save_and_open(parent: QWidget, session: Session, title: str, name: str, data: bytes,
                  kind: str, path: str | None = None) -> str | None:
    """Ask where to save a file (unless told), write it, and open it in its program."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / name), kind)
    if not path:
        return None
    try:
        write_private(path, data)
    except UserFacingError as error:
        session.report(error)
        return None
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))
    return path


class PapersPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.model = CoverageModel(self)
        self.view = table_view(self.model, "Papers")
        self.view.activated.connect(self.edit_paper)
        self.reviewers = ReviewersModel(self)
        self.reviewers_view = table_view(self.reviewers, "Reviewers of the chosen paper")
        self.load = LoadModel(self)
        self.load_view = table_view(self.load, "Review load of each member")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                             | Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("The chosen paper")
        self.status = QComboBox()
        self.status.setAccessibleName("Review status")
        for key, text in reviews.STATUSES.items():
            self.status.addItem(text, key)

        paper_buttons = button_row([
            ("New Pape&r…", self.new_paper, "Add a paper"),
            ("Edit &Paper…", self.edit_paper, "Change the chosen paper"),
            ("Sign &Off…", self.sign_off, "Record who signed the paper off, when and how"),
            ("To &Meeting…", self.link, "Send the paper to a meeting, under an agenda item"),
            ("Open &Document", self.open_document, "Open the paper's file on disk"),
            ("De&lete Paper", self.delete_paper, "Only for a paper entered by mistake")])
        mail_buttons = button_row([
            ("&Invite Self-Nominations…", self.invite,
             "An e-mail draft to every current member listing a wave of papers"),
            ("&Chase Overdue Reviews…", self.chase,
             "An e-mail draft to reviewers whose reviews are overdue"),
            ("Print Co&verage…", self.print_coverage, "The coverage view as a PDF")])
        review_buttons = button_row([
            ("Nomi&nate…", self.nominate, "A member volunteers to review the chosen paper"),
            self.status,
            ("Set &Status", self.set_status, "Move the chosen review to the status shown"),
            ("Suggest E&xternal…", self.suggest, "Record an expert from outside the body"),
            ("&Tag…", self.tag, "Name an organisation or topic the paper touches")])
        side_by_side(self, [(self.view, 3), paper_buttons, mail_buttons, QLabel("Review load"),
                            (self.load_view, 1)],
                     [self.details, self.reviewers_view, review_buttons])

        self.view.selectionModel().selectionChanged.connect(self._show_chosen)
        session.changed.connect(self._on_changed)
        self.refresh()

    # -- showing ----------------------------------------------------------------------

    def refresh(self) -> None:
        tf, body_id = self.session.tf, self.session.body_id
        chosen = self.chosen()
        self.model.set_records(reviews.coverage(tf, body_id, include_withdrawn=True))
        self.load.set_records(reviews.load(tf, body_id))
        select_id(self.view, chosen and chosen.paper.id)
        self._show_chosen()

    def _on_changed(self, changes) -> None:
        if changes.concerns("paper", "review", "tag", "interest", "person", "body"):
            self.refresh()

    def chosen(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _show_chosen(self) -> None:
        cover = self.chosen()
        if cover is None:
            self.details.setText("No paper chosen. Press New Paper to add one.")
            self.reviewers.set_records([])
            return
        paper, tf = cover.paper, self.session.tf
        lines = [f"{paper.title} — {paper.status_label}"]
        if cover.owner:
            lines.append(f"Lead: {cover.owner}")
        if paper.signed_off_on:
            lines.append(f"Signed off {day_text(paper.signed_off_on)}"
                         + (f": {paper.sign_off_conditions}" if paper.sign_off_conditions
                            else ""))
        lines += [f"To the meeting of {day_text(link.meeting_date)}"
                  + (f", item “{link.item_title}”" if link.item_title else "")
                  for link in tf.papers.links(paper.id)]
        tags = tf.papers.tags.of_paper(paper.id)
        if tags:
            lines.append("Touches: " + ", ".join(t.name for t in tags))
        lines += [f"External suggestion: {s.name}" + (f" ({s.expertise})" if s.expertise else "")
                  for s in cover.suggested]
        lines += [f"⚠ {mark}" for mark in cover.marks]
        self.details.setText("\n".join(lines))
        flags = {f.person_id: f for f in cover.flags}
        self.reviewers.set_records([
            ReviewRow(r, f"{flags[r.person_id].interest} ({flags[r.person_id].tag})"
                      if r.person_id in flags else "")
            for r in tf.reviews.of_paper(paper.id)])

    # -- papers --------------------------------------------------------------------------

    def new_paper(self) -> None:
        papers = self.session.tf.papers
        dialog = PaperDialog(self.session, parent=self)
        while dialog.exec():
            values = dialog.result_values
            created = self.session.create(
                f"Add paper {values['short_name'] or values['title']}",
                lambda: papers.create(self.session.body_id, **values), papers.delete)
            if created:
                select_id(self.view, created)
                return

    def edit_paper(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        dialog = PaperDialog(self.session, cover.paper, parent=self)
        while dialog.exec():
            if self.session.update(self.session.tf.papers, cover.paper.id,
                                   f"Edit {cover.paper.label}", **dialog.result_values):
                return

    def sign_off(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        paper, papers = cover.paper, self.session.tf.papers
        old = dict(signed_off_by_id=paper.signed_off_by_id, signed_off_on=paper.signed_off_on,
                   sign_off_conditions=paper.sign_off_conditions, status=paper.status)
        dialog = SignOffDialog(self.session, paper, parent=self)
        while dialog.exec():
            values = dialog.result_values
            if self.session.perform(f"Sign off {paper.label}",
                                    lambda: papers.sign_off(paper.id, **values),
                                    lambda: papers.update(paper.id, **old)):
                return

    def link(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        papers = self.session.tf.papers
        dialog = LinkDialog(self.session, parent=self)
        while dialog.exec():
            values = dialog.result_values
            if self.session.create(f"Send {cover.paper.label} to a meeting",
                                   lambda: papers.link(cover.paper.id, **values), papers.unlink):
                return

    def open_document(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        path = cover.paper.document_path
        if not path or not Path(path).exists():
            self.session.report(UserFacingError(
                f"The paper's file {path} is not there; edit the paper to point to it."
                if path else "No file is recorded for this paper; edit the paper to add one."))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def delete_paper(self) -> None:
        cover = self.chosen()
        if cover is not None:
            papers = self.session.tf.papers
            self.session.delete(f"Delete {cover.paper.label}",
                                lambda: papers.delete(cover.paper.id))

    def tag(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        name, ok = QInputDialog.getText(
            self, "Tag the Paper", "Organisation or topic the paper touches (e.g. MSP):")
        if ok and name.strip():
            tags = self.session.tf.papers.tags
            self.session.create(f"Tag {cover.paper.label}",
                                lambda: tags.add(name, paper_id=cover.paper.id), tags.remove)

    # -- reviews -------------------------------------------------------------------------

    def nominate(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        found = self.session.tf.reviews
        dialog = NominateDialog(self.session, cover.paper.id, parent=self)
        while dialog.exec():
            values = dialog.result_values
            if self.session.create(f"Nominate a reviewer for {cover.paper.label}",
                                   lambda: found.nominate(cover.paper.id, **values),
                                   found.delete):
                return

    def set_status(self) -> None:
        review_id = selected_id(self.reviewers_view)
        if review_id:
            self.session.update(self.session.tf.reviews, review_id, "Change review status",
                                status=self.status.currentData())

    def suggest(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        found = self.session.tf.reviews
        dialog = SuggestDialog(self.session, parent=self)
        while dialog.exec():
            values = dialog.result_values
            if self.session.create(f"Suggest {values['name']}",
                                   lambda: found.suggest(cover.paper.id, **values),
                                   found.remove_suggestion):
                return

    # -- drafts and print ----------------------------------------------------------------

    def invite(self, wave: str | None = None, path: str | None = None) -> str | None:
        tf, body_id = self.session.tf, self.session.body_id
        if wave is None:
            waves = tf.papers.waves(body_id)
            if not waves:
                self.session.report(UserFacingError(
                    "No paper belongs to a wave yet; give papers a wave to invite reviewers."))
                return None
            wave, ok = QInputDialog.getItem(self, "Invite Self-Nominations",
                                            "Invite members to review the wave:", waves, 0,
                                            False)
            if not ok:
                return None
        return self._draft(lambda: invitations.invite_self_nominations(tf, body_id, wave), path)

    def chase(self, path: str | None = None) -> str | None:
        tf, body_id = self.session.tf, self.session.body_id
        return self._draft(lambda: invitations.chase_overdue(tf, body_id), path)

    def _draft(self, make, path: str | None) -> str | None:
        try:
            draft = make()
        except UserFacingError as error:
            self.session.report(error)
            return None
        written = save_and_open(self, self.session, "Save the e-mail draft", draft.file_name,
                                draft.eml, "E-mail drafts (*.eml)", path)
        if written and draft.without_email:
            box = QMessageBox(QMessageBox.Icon.Information, "Some have no e-mail address",
                              "Not addressed (no e-mail address): "
                              + ", ".join(draft.without_email) + ".",
                              QMessageBox.StandardButton.Ok, self)
            box.exec()
        return written

    def print_coverage(self, path: str | None = None) -> str | None:
        from secretariat.documents import reviews_pdf

        doc = reviews.coverage_document(self.session.tf, self.session.body_id)
        return save_and_open(self, self.session, "Save the coverage view as PDF",
                             "Review coverage.pdf", reviews_pdf.render(doc),
                             "PDF files (*.pdf)", path)
