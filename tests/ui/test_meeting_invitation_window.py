"""Meeting > Meeting Invitation… and Meeting > Cancel Meeting…: the chosen
meeting's invitation or cancellation saved as an e-mail draft carrying the
meeting for calendars; the invitation noted, the meeting cancelled, and each
undone; a new time or place after the invitation raises the meeting's
sequence, and so does undoing it: the sequence never falls below one that
may have been sent."""

import datetime as dt
import email
from email import policy

import pytest
import vobject
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from secretariat.taskforce import Taskforce
from test_commands import menu_action
from ui.dialogs.taskforce import TaskforceDialog
from ui.menus import Act

YES = QMessageBox.StandardButton.Yes
NO = QMessageBox.StandardButton.No


def meetings_page(window):
    return window.centralWidget().show_named("Meetings")


@pytest.fixture
def planned(sample_window, click):
    """A new meeting, planned, chosen on the Meetings page; its id."""
    page = meetings_page(sample_window)
    click(page, "New Meeting")
    return page.meeting_page.meeting_id


def calendar_of(path) -> tuple:
    """The draft's subject and the calendar it carries (text/calendar), read by vobject."""
    with open(path, "rb") as handle:
        message = email.message_from_binary_file(handle, policy=policy.default)
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    return message["Subject"], part.get_param("method"), vobject.readOne(part.get_content())


def calendar_state(stored, path, meeting_id) -> tuple:
    return stored(path, "SELECT venue, calendar_sequence, invited_on, cancelled_on FROM meetings "
                        "WHERE id = ?", (meeting_id,))[0]


def type_into(qtbot, box, text: str) -> None:
    """Select what the box holds, type over it and press Return, as the official does."""
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def invite(window, replies, target) -> None:
    replies.save_to(target)
    menu_action(window, "Meeting", "Meeting Invitation").trigger()


def test_the_invitation_is_saved_opened_and_noted(sample_window, planned, replies, tmp_path,
                                                  files_opened, dialogs_shown, stored,
                                                  sample_path):
    target = tmp_path / "invitation.eml"
    invite(sample_window, replies, target)

    assert replies.suggested[-1].endswith(f"Invitation {dt.date.today().isoformat()}.eml")
    assert [url.toLocalFile() for url in files_opened] == [str(target)]
    subject, method, found = calendar_of(target)
    assert subject.startswith("Mutuals Taskforce: invitation to the meeting of")
    assert (method, found.method.value) == ("REQUEST", "REQUEST")
    assert (found.vevent.uid.value, found.vevent.sequence.value) == (
        f"{planned}@taskforce-secretariat", "0")
    # The sample knows no addresses: nobody addressed, no organiser, and the official told.
    assert "attendee" not in found.vevent.contents and "organizer" not in found.vevent.contents
    assert "Not addressed (no e-mail address): Julian Le Grand" in dialogs_shown[-1][1]
    assert "names no organiser" in dialogs_shown[-1][1]
    today = dt.date.today().isoformat()
    assert calendar_state(stored, sample_path, planned)[1:] == (0, today, None)
    details = meetings_page(sample_window).meeting_page.tab("Details")
    assert details.invitation.text().startswith("Made on ")

    sample_window.commands[Act.UNDO].trigger()
    assert calendar_state(stored, sample_path, planned)[1:] == (0, None, None)
    assert details.invitation.text().startswith("Not made yet")


def test_before_you_send_it_comes_before_the_draft_is_opened(sample_window, planned, replies,
                                                             tmp_path, no_viewer, dialogs_shown):
    invite(sample_window, replies, tmp_path / "invitation.eml")
    assert [title for title, _ in dialogs_shown] == ["Before you send it", "Saved"]


def test_cancelling_the_save_dialog_notes_no_invitation(sample_window, planned, replies,
                                                        stored, sample_path):
    menu_action(sample_window, "Meeting", "Meeting Invitation").trigger()
    assert replies.asked == [("save", "Save the e-mail draft")]
    assert calendar_state(stored, sample_path, planned)[2] is None


def test_a_new_place_or_time_after_the_invitation_raises_the_sequence_and_so_does_undo(
        sample_window, planned, replies, tmp_path, files_opened, qtbot, stored, sample_path):
    invite(sample_window, replies, tmp_path / "first.eml")
    details = meetings_page(sample_window).meeting_page.tab("Details")
    venue = calendar_state(stored, sample_path, planned)[0]

    type_into(qtbot, details.venue, "Admiralty Arch")
    assert calendar_state(stored, sample_path, planned)[:2] == ("Admiralty Arch", 1)
    type_into(qtbot, details.start_time, "10:00")
    assert calendar_state(stored, sample_path, planned)[1] == 2
    type_into(qtbot, details.title, "Finance session")  # not the time or the place
    assert calendar_state(stored, sample_path, planned)[1] == 2

    undo = sample_window.commands[Act.UNDO]
    undo.trigger()  # the title
    assert calendar_state(stored, sample_path, planned)[1] == 2
    undo.trigger()  # the start time: moved back, a move of its own
    assert calendar_state(stored, sample_path, planned)[:2] == ("Admiralty Arch", 3)
    undo.trigger()  # the venue
    assert calendar_state(stored, sample_path, planned)[:2] == (venue, 4)
    sample_window.commands[Act.REDO].trigger()
    assert calendar_state(stored, sample_path, planned)[:2] == ("Admiralty Arch", 5)

    invite(sample_window, replies, tmp_path / "again.eml")
    subject, _, found = calendar_of(tmp_path / "again.eml")
    assert "updated invitation" in subject
    assert (found.vevent.sequence.value, found.vevent.location.value) == ("5", "Admiralty Arch")


def test_an_invitation_sent_then_undone_with_the_move_is_outranked_by_the_next(
        sample_window, planned, replies, tmp_path, files_opened, qtbot):
    """Sent at 15.30, then the invitation and the move undone: the invitation
    back at 15.00 must outrank the one the members' calendars already hold."""
    details = meetings_page(sample_window).meeting_page.tab("Details")
    type_into(qtbot, details.start_time, "15:00")
    invite(sample_window, replies, tmp_path / "at-three.eml")
    type_into(qtbot, details.start_time, "15:30")
    invite(sample_window, replies, tmp_path / "half-past.eml")
    undo = sample_window.commands[Act.UNDO]
    undo.trigger()  # the invitation noted
    undo.trigger()  # the move to 15.30

    invite(sample_window, replies, tmp_path / "back.eml")

    sent = calendar_of(tmp_path / "half-past.eml")[2].vevent
    back = calendar_of(tmp_path / "back.eml")[2].vevent
    assert back.dtstart.value.time() == dt.time(15, 0)
    assert int(back.sequence.value) > int(sent.sequence.value)


def test_cancel_meeting_asks_cancels_and_offers_the_cancellation(
        sample_window, planned, replies, tmp_path, files_opened, stored, sample_path):
    invite(sample_window, replies, tmp_path / "invitation.eml")
    target = tmp_path / "cancellation.eml"
    replies.answer(YES, YES).save_to(target)

    menu_action(sample_window, "Meeting", "Cancel Meeting").trigger()

    questions = [label for kind, label in replies.asked if kind == "question"]
    assert questions[0].startswith("Cancel the meeting of ")
    assert "cancellation" in questions[1]
    subject, method, found = calendar_of(target)
    assert subject.endswith("is cancelled")
    assert (method, found.method.value, found.vevent.status.value) == (
        "CANCEL", "CANCEL", "CANCELLED")
    assert (found.vevent.uid.value, found.vevent.sequence.value) == (
        f"{planned}@taskforce-secretariat", "1")
    today = dt.date.today().isoformat()
    assert calendar_state(stored, sample_path, planned)[1:] == (1, today, today)
    page = meetings_page(sample_window)
    assert page.model.index(0, 1).data() == "Cancelled"
    assert "cancelled" in page.meeting_page.tab("Details").invitation.text()

    # The body's calendar shows it cancelled too.
    replies.save_to(tmp_path / "meetings.ics")
    menu_action(sample_window, "File", "Export Calendar").trigger()
    events = vobject.readOne((tmp_path / "meetings.ics").read_text(encoding="utf-8")).vevent_list
    assert [(e.status.value, e.sequence.value) for e in events
            if e.uid.value == f"{planned}@taskforce-secretariat"] == [("CANCELLED", "1")]

    assert not page.meeting_page.tab("Details").status.isEnabled()  # not to be marked Held

    sample_window.commands[Act.UNDO].trigger()  # held after all: above the cancellation
    assert calendar_state(stored, sample_path, planned)[1:] == (2, today, None)
    assert page.model.index(0, 1).data() == "Planned"
    assert page.meeting_page.tab("Details").status.isEnabled()


def test_answering_no_cancels_nothing(sample_window, planned, replies, stored, sample_path):
    replies.answer(NO)
    menu_action(sample_window, "Meeting", "Cancel Meeting").trigger()
    assert calendar_state(stored, sample_path, planned)[1:] == (0, None, None)
    assert sample_window.session.undo_stack.undoText() == "New meeting"  # the fixture's


def test_a_cancellation_without_its_draft(sample_window, planned, replies, stored, sample_path):
    replies.answer(YES, NO)
    menu_action(sample_window, "Meeting", "Cancel Meeting").trigger()
    assert calendar_state(stored, sample_path, planned)[3] == dt.date.today().isoformat()
    assert not any(kind == "save" for kind, _ in replies.asked)
    assert sample_window.session.undo_stack.undoText() == "Cancel meeting"


def test_a_cancelled_meeting_is_reinstated_and_invited_again_undoably(
        sample_window, planned, replies, tmp_path, files_opened, stored, sample_path,
        dialogs_shown):
    invite(sample_window, replies, tmp_path / "invitation.eml")
    replies.answer(YES, NO)
    menu_action(sample_window, "Meeting", "Cancel Meeting").trigger()
    target = tmp_path / "again.eml"
    replies.answer(YES, YES).save_to(target)

    menu_action(sample_window, "Meeting", "Reinstate Meeting").trigger()

    questions = [label for kind, label in replies.asked if kind == "question"]
    assert questions[-2].startswith("Hold the meeting of ")
    subject, method, found = calendar_of(target)
    assert "updated invitation" in subject
    assert (method, found.vevent.uid.value, found.vevent.sequence.value) == (
        "REQUEST", f"{planned}@taskforce-secretariat", "2")  # above the cancellation's
    today = dt.date.today().isoformat()
    assert calendar_state(stored, sample_path, planned)[1:] == (2, today, None)
    page = meetings_page(sample_window)
    assert page.model.index(0, 1).data() == "Planned"

    sample_window.commands[Act.UNDO].trigger()  # the invitation noted again
    sample_window.commands[Act.UNDO].trigger()  # the reinstatement: cancelled again, anew
    assert calendar_state(stored, sample_path, planned)[1:] == (3, today, today)
    assert page.model.index(0, 1).data() == "Cancelled"
    sample_window.commands[Act.UNDO].trigger()  # the cancelling: held after all, anew
    assert calendar_state(stored, sample_path, planned)[1:] == (4, today, None)


def test_cancel_and_reinstate_are_offered_as_the_chosen_meeting_allows(
        sample_window, planned, replies, qtbot):
    cancel = menu_action(sample_window, "Meeting", "Cancel Meeting")
    reinstate = menu_action(sample_window, "Meeting", "Reinstate Meeting")
    offered = lambda: (cancel.isEnabled(), reinstate.isEnabled())  # noqa: E731
    assert offered() == (True, False)  # the new meeting, planned
    replies.answer(YES, NO)
    cancel.trigger()
    assert offered() == (False, True)
    view = meetings_page(sample_window).view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # an earlier meeting, its minutes circulated
    assert offered() == (False, False)
    qtbot.keyClick(view, Qt.Key.Key_Up)  # the cancelled one again
    assert offered() == (False, True)
    sample_window.commands[Act.UNDO].trigger()  # the cancellation
    assert offered() == (True, False)
    sample_window.commands[Act.REDO].trigger()
    replies.answer(YES, NO)
    reinstate.trigger()
    assert offered() == (True, False)
    sample_window.close_file()
    assert offered() == (False, False)


def test_a_meeting_whose_minutes_went_round_is_not_cancelled(sample_window, replies,
                                                             dialogs_shown, stored, sample_path):
    chosen = meetings_page(sample_window).meeting_page.meeting_id  # January 2012's, circulated
    cancel = menu_action(sample_window, "Meeting", "Cancel Meeting")
    assert not cancel.isEnabled()  # greyed: not offered, then refused
    cancel.trigger()
    assert not replies.asked and not dialogs_shown
    assert calendar_state(stored, sample_path, chosen)[1:] == (0, None, None)


def test_the_secretariat_address_organises_and_members_are_invited(
        window, sample_path, answer, replies, tmp_path, files_opened, dialogs_shown, stored,
        click):
    with Taskforce.open(sample_path) as tf:
        chair = next(p for p in tf.people.in_body(tf.bodies.all()[0].id)
                     if p.membership.role == "chair").person
        tf.people.update(chair.id, email="chair@example.org")
    assert window.open_path(sample_path)
    window.show()
    answer(TaskforceDialog, [lambda dialog: dialog.email.setText("secretariat@example.org")])
    menu_action(window, "Edit", "Taskforce Details").trigger()
    assert stored(sample_path, "SELECT secretariat_email FROM bodies") == [
        ("secretariat@example.org",)]
    click(meetings_page(window), "New Meeting")

    invite(window, replies, tmp_path / "invitation.eml")

    _, _, found = calendar_of(tmp_path / "invitation.eml")
    assert (found.vevent.organizer.value, found.vevent.organizer.params["CN"]) == (
        "mailto:secretariat@example.org", ["MTF secretariat"])
    [attendee] = found.vevent.attendee_list
    assert (attendee.value, attendee.params["CN"], attendee.params["RSVP"]) == (
        "mailto:chair@example.org", [chair.display_name], ["TRUE"])
    assert "names no organiser" not in dialogs_shown[-1][1]
