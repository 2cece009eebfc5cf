"""Papers and their reviews: the list with its coverage marks, the chosen
paper's reviewers by role (with conflict flags), each member's review load,
and the e-mail drafts inviting self-nominations and chasing overdue reviews."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QWidget

from secretariat.letters import invitations
from secretariat.review import reviews
from secretariat.errors import UserFacingError
from secretariat.review.papers import document_to_open

from ..dialogs.papers import (LinkDialog, NominateDialog, PaperDialog, SignOffDialog,
                              SuggestDialog)
from ..edits import papers
from ..exports import (Ready, hand_over, open_in_its_program, save_document,
                       save_email_draft)
from ..models.reviews_model import CoverageModel, LoadModel, ReviewersModel, ReviewRow
from ..session import Session
from ..tables import select_id, selected_id, show_id, show_list, table_view
from ..widgets import (button, button_row, combo_box, day_text, enable_while,
                       side_by_side)


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
        self.status = combo_box()
        self.status.setAccessibleName("Review status")
        for key, text in reviews.STATUSES.items():
            self.status.addItem(text, key)

        on_paper = [button(*entry) for entry in (
            ("Edit &Paper…", self.edit_paper, "Change the chosen paper"),
            ("Sign &Off…", self.sign_off, "Record who signed the paper off, when and how"),
            ("To &Meeting…", self.link, "Send the paper to a meeting, under an agenda item"),
            ("Open &Document", self.open_document, "Open the paper's file on disk"),
            ("De&lete Paper", self.delete_paper, "Only for a paper entered by mistake"),
            ("Nomi&nate…", self.nominate, "A member volunteers to review the chosen paper"),
            ("Suggest E&xternal…", self.suggest, "Record an expert from outside the body"),
            ("&Tag…", self.tag, "Name an organisation or topic the paper touches"))]
        paper_buttons = button_row([("New Pape&r…", self.new_paper, "Add a paper"),
                                    *on_paper[:5]])
        mail_buttons = button_row([
            ("&Invite Self-Nominations…", self.invite,
             "An e-mail draft to every current member listing a wave of papers"),
            ("&Chase Overdue Reviews…", self.chase,
             "An e-mail draft to reviewers whose reviews are overdue"),
            ("Print Co&verage…", self.print_coverage, "The coverage view as a PDF")])
        self.set_status_button = button("Set &Status", self.set_status,
                                        "Move the chosen review to the status shown")
        review_buttons = button_row([on_paper[5], self.status, self.set_status_button,
                                     *on_paper[6:]])
        side_by_side(self, [(self.view, 3), paper_buttons, mail_buttons, QLabel("Review load"),
                            (self.load_view, 1)],
                     [self.details, self.reviewers_view, review_buttons])

        self.view.selectionModel().selectionChanged.connect(self._show_chosen)
        enable_while(lambda: self.chosen() is not None, on_paper,
                     self.view.selectionModel().selectionChanged, self.model.modelReset)
        enable_while(self._status_would_change, [self.set_status_button],
                     self.status.currentIndexChanged, self.reviewers.modelReset,
                     self.reviewers_view.selectionModel().selectionChanged)
        session.changed.connect(self._on_changed)
        self.refresh()

    # -- showing ----------------------------------------------------------------------

    def refresh(self) -> None:
        tf, body_id = self.session.tf, self.session.body_id
        chosen = self.chosen()
        self.model.set_records(reviews.coverage(tf, body_id, include_withdrawn=True))
        show_list(self.load_view, lambda limit: reviews.load(tf, body_id, limit=limit))
        select_id(self.view, chosen and chosen.paper.id)
        self._show_chosen()

    def _on_changed(self, changes) -> None:
        if changes.concerns("paper", "review", "tag", "interest", "person", "body"):
            self.refresh()

    def chosen(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def show_record(self, paper_id: str) -> None:
        """Select the paper (a search hit) and show its reviewers."""
        show_id(self.view, paper_id)

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
        if paper.wave:
            lines.append(f"Wave: {paper.wave}")
        if paper.signed_off_on:
            by = paper.signed_off_by_id and tf.people.get(paper.signed_off_by_id).display_name
            lines.append(f"Signed off {day_text(paper.signed_off_on)}"
                         + (f" by {by}" if by else "")
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
        created = PaperDialog(self.session, parent=self).run(
            lambda values: papers.add_paper(self.session, self.session.body_id, values))
        if created:
            select_id(self.view, created)

    def edit_paper(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        PaperDialog(self.session, cover.paper, parent=self).run(
            lambda values: papers.edit_paper(self.session, cover.paper, values))

    def sign_off(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        if self._sign_off_despite_reviews_out(cover):
            SignOffDialog(self.session, cover.paper, parent=self).run(
                lambda values: papers.sign_off(self.session, cover.paper, values))

    def _sign_off_despite_reviews_out(self, cover) -> bool:
        """Signing off ends the review: reviews still outstanding leave their
        members' review load, so the official says whether to go on."""
        out = [f"{r.person_name} ({r.status_label})" for r in cover.reviews if r.outstanding]
        if not out:
            return True
        answer = QMessageBox.question(
            self, "Reviews Not Yet In",
            f"{cover.paper.label} still has reviews not yet in: {', '.join(out)}.\n\n"
            "Once it is signed off they no longer count in the members' review load. "
            "Sign it off anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def link(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        LinkDialog(self.session, parent=self).run(
            lambda values: papers.send_to_meeting(self.session, cover.paper, values))

    def open_document(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        try:
            path = document_to_open(cover.paper.document_path)
        except UserFacingError as error:
            self.session.report(error)
            return
        open_in_its_program(self.session, path)

    def delete_paper(self) -> None:
        cover = self.chosen()
        if cover is not None:
            papers.delete_paper(self.session, cover.paper)

    def tag(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        name, ok = QInputDialog.getText(
            self, "Tag the Paper", "Organisation or topic the paper touches (e.g. MSP):")
        if ok and name.strip():
            papers.tag_paper(self.session, cover.paper, name)

    # -- reviews -------------------------------------------------------------------------

    def nominate(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        NominateDialog(self.session, cover.paper.id, parent=self).run(
            lambda values: papers.nominate(self.session, cover.paper, values))

    def _status_would_change(self) -> bool:
        rows = self.reviewers_view.selectionModel().selectedRows()
        return bool(rows) and (self.reviewers.record(rows[0].row()).review.status
                               != self.status.currentData())

    def set_status(self) -> None:
        review_id = selected_id(self.reviewers_view)
        if review_id:
            papers.set_review_status(self.session, review_id, self.status.currentData())

    def suggest(self) -> None:
        cover = self.chosen()
        if cover is None:
            return
        SuggestDialog(self.session, parent=self).run(
            lambda values: papers.suggest_reviewer(self.session, cover.paper, values))

    # -- drafts and print ----------------------------------------------------------------

    def invite(self) -> str | None:
        tf, body_id = self.session.tf, self.session.body_id
        waves = tf.papers.waves(body_id)
        if not waves:
            self.session.report(UserFacingError(
                "No paper belongs to a wave yet; give papers a wave to invite reviewers."))
            return None
        wave, ok = QInputDialog.getItem(self, "Invite Self-Nominations",
                                        "Invite members to review the wave:", waves, 0, False)
        if not ok:
            return None
        return save_email_draft(
            self, self.session, lambda: invitations.invite_self_nominations(tf, body_id, wave))

    def chase(self) -> str | None:
        tf, body_id = self.session.tf, self.session.body_id
        return save_email_draft(self, self.session,
                                lambda: invitations.chase_overdue(tf, body_id))


    def make_document(self, ready: Ready):
        from secretariat.documents import reviews_pdf

        doc = reviews.coverage_document(self.session.tf, self.session.body_id)
        return hand_over(self, ready, reviews_pdf, doc, "the coverage view",
                         "Review coverage.pdf")

    def print_coverage(self) -> str | None:
        return self.make_document(lambda doc: save_document(self, self.session, doc))
