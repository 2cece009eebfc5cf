"""The register of members' interests: each member with their current
interests and declaration form, the chosen member's full history (ended
interests stay), the forms not returned, and the register printed."""

import datetime as dt

from PySide6.QtWidgets import QInputDialog, QLabel, QWidget

from secretariat.interest import conflicts
from secretariat.errors import UserFacingError
from secretariat.interest.interests import declarations_for_meeting, interests_document
from secretariat.values import long_date, parse_date, parse_optional_date

from ..dialogs.interests import DeclarationDialog, InterestDialog, TagItemDialog
from ..edits import interests
from ..exports import Ready, hand_over, save_document
from ..models.interests_model import (DeclarationsModel, FlagsModel, HistoryModel,
                                      ItemTagsModel, RegisterModel)
from ..session import Session
from ..tables import select_id, selected_id, show_id, show_list, table_view
from ..widgets import ask_date, button, button_row, day_text, enable_while, side_by_side


class InterestsPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.model = RegisterModel(self)
        self.view = table_view(self.model, "Register of interests")
        self.history = HistoryModel(self)
        self.history_view = table_view(self.history, "Interests of the chosen member")
        self.history_view.activated.connect(self.edit_interest)
        self.outstanding = QLabel()
        self.outstanding.setWordWrap(True)
        self.outstanding.setAccessibleName("Declaration forms not returned")

        returned = button("Form &Returned…", self.form_returned,
                          "Record the day the chosen member's form came back")
        register_buttons = button_row([
            ("&Send Forms…", self.send_forms,
             "Record that a declaration form went to every current member"),
            returned,
            ("Record &Declaration at a Meeting…", self.declare_at_meeting,
             "A declaration made in the room, for that meeting's minutes"),
            ("&Print Register…", lambda: self.print_register(),
             "The register as a PDF, current or as it stood on a date"),
            ("Chair's &Brief…", lambda: self.print_brief(),
             "The conflict flags for a meeting's agenda and papers, as a PDF")])
        declare = button("De&clare Interest…", self.declare, "A new interest of the chosen member")
        edit = button("Ed&it Interest…", self.edit_interest, "Correct the chosen interest")
        ended = button("Interest E&nded…", self.end_interest,
                       "Record the day the chosen interest ended; it stays in the history")
        interest_buttons = button_row([declare, edit, ended])
        side_by_side(self, [self.view, self.outstanding, register_buttons],
                     [QLabel("History of the chosen member's interests"), self.history_view,
                      interest_buttons])

        self.view.selectionModel().selectionChanged.connect(self._show_chosen)
        members = (self.view.selectionModel().selectionChanged, self.model.modelReset)
        history = (self.history_view.selectionModel().selectionChanged,
                   self.history.modelReset)
        enable_while(lambda: self.chosen() is not None, [declare], *members)
        enable_while(lambda: self.chosen() is not None and self.chosen().awaiting_form,
                     [returned], *members)
        enable_while(lambda: self.chosen_interest() is not None, [edit], *history)
        enable_while(lambda: self.chosen_interest() is not None
                     and self.chosen_interest().ended_on is None, [ended], *history)
        session.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        chosen = self.chosen()
        interests, body_id = self.session.tf.interests, self.session.body_id
        show_list(self.view, lambda limit: interests.of_members(body_id, limit=limit))
        waiting = [p.display_name for p in interests.not_returned(body_id)]
        self.outstanding.setText("Declaration forms not returned: " + ", ".join(waiting)
                                 if waiting else "Every declaration form sent has come back.")
        select_id(self.view, chosen and chosen.person.id)
        self._show_chosen()

    def _on_changed(self, changes) -> None:
        if changes.concerns("interest", "person", "body"):
            self.refresh()

    def chosen(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _show_chosen(self) -> None:
        entry = self.chosen()
        chosen = selected_id(self.history_view) if self.history.rowCount() else None
        self.history.set_records(
            self.session.tf.interests.of_person(entry.person.id) if entry else [])
        select_id(self.history_view, chosen)

    def show_record(self, interest_id: str) -> None:
        """Select the interest (a search hit) in its member's history."""
        person_id = self.session.tf.interests.get(interest_id).person_id
        if show_id(self.view, person_id):  # the history follows the member chosen
            show_id(self.history_view, interest_id)

    def chosen_interest(self):
        rows = self.history_view.selectionModel().selectedRows()
        return self.history.record(rows[0].row()) if rows else None

    # -- interests -----------------------------------------------------------------------

    def declare(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        created = InterestDialog(self.session, entry.person.display_name, parent=self).run(
            lambda values: interests.declare(self.session, entry.person, values))
        if created:
            select_id(self.history_view, created)

    def edit_interest(self) -> None:
        interest = self.chosen_interest()
        if interest is None:
            return
        member = self.session.tf.people.get(interest.person_id).display_name
        InterestDialog(self.session, member, interest, parent=self).run(
            lambda values: interests.edit_interest(self.session, interest.id, values))

    def end_interest(self) -> None:
        interest = self.chosen_interest()
        if interest is None or interest.ended_on is not None:
            return
        on = ask_date(self, "Interest Ended", "The interest ended on:")
        if on:
            interests.end_interest(self.session, interest.id, on)

    # -- forms and declarations --------------------------------------------------------------

    def send_forms(self) -> None:
        """Record a form sent to every current member (on the day asked)."""
        on, ok = QInputDialog.getText(self, "Send Declaration Forms",
                                      "Sent to every current member on:",
                                      text=day_text(dt.date.today()))
        if not ok:
            return
        body_id = self.session.body_id
        try:
            day = parse_date(on, "date sent")
        except UserFacingError as error:
            self.session.report(error)
            return
        members = [bp.person.id for bp in self.session.tf.people.members_on(body_id, day)]
        interests.send_forms(self.session, body_id, day, members)

    def form_returned(self) -> None:
        entry = self.chosen()
        if entry is None or not entry.awaiting_form:
            return
        on = ask_date(self, "Form Returned",
                            f"{entry.person.display_name}'s form came back on:")
        if on:
            interests.form_returned(self.session, entry, on)

    def declare_at_meeting(self) -> None:
        entry = self.chosen()
        record_declaration(self, self.session, entry and entry.person.id)

    def print_register(self) -> str | None:
        """Print the register: current (empty date) or as it stood on a date; a
        date that is not one is said, and asked again with what was typed."""
        as_of = ""
        while True:
            as_of, ok = QInputDialog.getText(
                self, "Print the Register of Interests",
                "As it stood on (leave empty for the current register):", text=as_of)
            if not ok:
                return None
            try:
                parse_optional_date(as_of, "date")
            except UserFacingError as error:
                self.session.report(error)
                continue
            return self.make_document(lambda doc: save_document(self, self.session, doc),
                                      as_of)

    def make_document(self, ready: Ready, as_of: str = ""):
        """The register: current (empty date) or as it stood on a date."""
        from secretariat.documents import interests_pdf

        try:
            doc = interests_document(self.session.tf, self.session.body_id,
                                    parse_optional_date(as_of, "date"))
        except UserFacingError as error:
            self.session.report(error)
            return None
        return hand_over(self, ready, interests_pdf, doc, "the register",
                         f"Register of interests {doc.as_of.isoformat()}.pdf")

    def print_brief(self) -> str | None:
        """The chair's brief on interests for the meeting asked for."""
        meetings = self.session.tf.meetings.of_body(self.session.body_id)
        if not meetings:
            self.session.report(UserFacingError("The body has no meetings yet."))
            return None
        names = [long_date(m.date) for m in meetings]
        name, ok = QInputDialog.getItem(self, "Chair's Brief", "For the meeting of:",
                                        names, 0, False)
        if not ok:
            return None
        return print_brief(self, self.session, meetings[names.index(name)].id)


def record_declaration(parent: QWidget, session: Session, person_id: str | None,
                       meeting_id: str | None = None) -> None:
    """A declaration made in the room (by that member, at that meeting, if known)."""
    DeclarationDialog(session, person_id, meeting_id, parent=parent).run(
        lambda values: interests.record_declaration(session, values))


def tag_item(parent: QWidget, session: Session, meeting_id: str,
             item_id: str | None = None) -> str | None:
    """Tag an item of the meeting (that one chosen first) with what it touches."""
    return TagItemDialog(session, meeting_id, item_id, parent=parent).run(
        lambda values: interests.tag_item(session, values))


def print_brief(parent: QWidget, session: Session, meeting_id: str) -> str | None:
    return make_brief(parent, session, meeting_id,
                      lambda doc: save_document(parent, session, doc))


def make_brief(parent: QWidget, session: Session, meeting_id: str, ready: Ready):
    """The chair's brief on interests for a meeting, handed to ``ready``."""
    from secretariat.documents import chairs_brief_pdf

    doc = conflicts.brief_document(session.tf, meeting_id)
    return hand_over(parent, ready, chairs_brief_pdf, doc, "the chair's brief",
                     f"Chair's brief {doc.meeting_date.isoformat()}.pdf")


class MeetingInterestsTab(QWidget):
    """A meeting's conflict flags (its agenda items' and papers' tags against the
    members' current interests), its items' tags and the declarations made at it."""

    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session, self.meeting_id = session, meeting_id
        self.flags = FlagsModel(self)
        self.flags_view = table_view(self.flags, "Conflict flags for this meeting")
        self.tags = ItemTagsModel(self)
        self.tags_view = table_view(self.tags, "Agenda items tagged for conflicts")
        remove_tag = button("Remove Ta&g", self.remove_tag,
                            "The chosen item no longer touches what the tag names")
        enable_while(lambda: selected_id(self.tags_view) is not None, [remove_tag],
                     self.tags_view.selectionModel().selectionChanged, self.tags.modelReset)
        self.declarations = DeclarationsModel(self)
        self.declarations_view = table_view(self.declarations, "Declarations made at this meeting")
        remove = button("Remo&ve Declaration", self.remove_declaration,
                        "Only for a declaration recorded by mistake")
        enable_while(lambda: selected_id(self.declarations_view) is not None, [remove],
                     self.declarations_view.selectionModel().selectionChanged,
                     self.declarations.modelReset)
        tag_buttons = button_row([
            ("&Tag Agenda Item…", self.tag_item,
             "Name an organisation or topic an item touches, so interests are checked"),
            remove_tag])
        buttons = button_row([
            ("Record &Declaration…", self.declare, "A declaration made in the room"),
            remove,
            ("Chair's &Brief…", self.print_brief, "The conflict flags as a PDF for the chair")])
        flags = QLabel("Conflict flags: members whose current interest touches an item or a "
                       "paper")
        flags.setWordWrap(True)
        side_by_side(self, [flags, (self.flags_view, 1),
                            QLabel("Declarations of interest made at the meeting"),
                            (self.declarations_view, 1), buttons],
                     [QLabel("What the agenda items are tagged with"), (self.tags_view, 1),
                      tag_buttons])
        session.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        tf = self.session.tf
        try:
            self.flags.set_records(conflicts.for_meeting(tf, self.meeting_id))
        except UserFacingError:
            return  # the meeting has gone; the page is rebuilt soon
        self.tags.set_records(tf.papers.tags.of_meeting_items(self.meeting_id))
        self.declarations.set_records(declarations_for_meeting(tf, self.meeting_id))

    def _on_changed(self, changes) -> None:
        if changes.concerns("tag", "interest", "paper", "agenda", "person", "meeting"):
            self.refresh()

    def tag_item(self) -> None:
        made = tag_item(self, self.session, self.meeting_id)
        if made:
            select_id(self.tags_view, made)

    def remove_tag(self) -> None:
        tag_id = selected_id(self.tags_view)
        if tag_id:
            interests.remove_tag(self.session, tag_id)

    def declare(self) -> None:
        record_declaration(self, self.session, None, self.meeting_id)

    def remove_declaration(self) -> None:
        declaration_id = selected_id(self.declarations_view)
        if declaration_id:
            interests.remove_declaration(self.session, declaration_id)

    def make_document(self, ready: Ready):
        return make_brief(self, self.session, self.meeting_id, ready)

    def print_brief(self) -> str | None:
        return print_brief(self, self.session, self.meeting_id)
