"""A meeting's invitation and cancellation as e-mail drafts carrying the meeting
for the members' calendars: the .eml read back by Python's ``email`` package,
its calendar by a second, independent parser (vobject)."""

import datetime as dt
import re
from email import message_from_bytes
from email.policy import default

import pytest
import vobject

from minutes_setup import board
from secretariat.__main__ import main
from secretariat.errors import ValidationError
from secretariat.letters import meeting_invitation
from secretariat.letters.calendar import body_calendar
from secretariat.taskforce import Taskforce

STAMP = dt.datetime(2011, 5, 1, 9, 30, tzinfo=dt.UTC)
INVITED = {"chair@example.org", "pm@example.org", "lz@example.org", "head@example.org"}


def parts(made) -> tuple:
    """The message (a draft, or the bytes of an .eml), its calendar part
    (text/calendar) and the .ics attached."""
    message = message_from_bytes(made if isinstance(made, bytes) else made.eml, policy=default)
    calendar = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    attached = [p for p in message.iter_attachments() if p.get_filename()]
    assert len(calendar) == 1 and len(attached) == 1
    return message, calendar[0], attached[0]


def read(part):
    return vobject.readOne(part.get_content())


def from_6868(value: str) -> str:
    """A parameter value as RFC 6868 escapes it (vobject does not unescape)."""
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m[1]], value)


@pytest.fixture
def made(tf):
    made = board(tf)
    tf.people.create(made.body, "Ann Visitor", "guest", email="ann@example.org")
    tf.people.create(made.body, "Patrick Burns", email="pb@example.org", left_on="2011-01-31",
                     joined_on="2010-01-01")
    tf.bodies.update(made.body, secretariat_email="secretariat@example.org")
    return made


def test_the_invitation_asks_each_member_and_official_with_an_address(tf, made):
    meeting_id = made.meetings[0]
    draft = meeting_invitation.invitation(tf, meeting_id, STAMP)
    message, part, attached = parts(draft)

    assert message["Subject"] == ("Mutuals Taskforce: invitation to the meeting of "
                                  "Thursday 26 May 2011")
    assert {a.addr_spec for a in message["To"].addresses} == INVITED
    assert message["X-Unsent"] == "1"
    assert draft.without_email == ["Ed Mayo"] and draft.note == ""
    assert draft.file_name == "Invitation 2011-05-26.eml"
    assert "You are invited to the regular meeting of the Mutuals Taskforce on Thursday " \
           "26 May 2011, 15.30 – 17.30, at 22 Whitehall." in message.get_body(("plain",)).get_content()
    assert part.get_params()[1:] == [("method", "REQUEST"), ("charset", "utf-8")]
    assert attached.get_filename() == "Invitation 2011-05-26.ics"
    assert attached.get_content() == part.get_content().encode("utf-8")

    found = read(part)
    assert found.method.value == "REQUEST"
    event = found.vevent
    assert (event.uid.value, event.sequence.value, event.status.value) == (
        f"{meeting_id}@taskforce-secretariat", "0", "CONFIRMED")
    assert event.dtstamp.value == STAMP
    assert event.dtstart.value == dt.datetime(2011, 5, 26, 14, 30, tzinfo=dt.UTC)
    assert (event.organizer.value, event.organizer.params["CN"]) == (
        "mailto:secretariat@example.org", ["MTF secretariat"])
    attendees = {a.value: a.params for a in event.attendee_list}
    assert set(attendees) == {f"mailto:{a}" for a in INVITED}
    for params in attendees.values():
        assert (params["ROLE"], params["PARTSTAT"], params["RSVP"]) == (
            ["REQ-PARTICIPANT"], ["NEEDS-ACTION"], ["TRUE"])
    assert attendees["mailto:lz@example.org"]["CN"] == ["Łukasz Żółć"]
    assert attendees["mailto:head@example.org"]["CN"] == ["Head of Mutuals Programme"]


def test_a_moved_meeting_s_invitation_is_an_update_with_a_higher_sequence(tf, made):
    meeting_id = made.meetings[0]
    first = read(parts(meeting_invitation.invitation(tf, meeting_id, STAMP))[1])
    tf.meetings.record_invitation(meeting_id, "2011-05-01")
    tf.meetings.update(meeting_id, start_time="10:00", end_time="12:00")
    draft = meeting_invitation.invitation(tf, meeting_id)
    message, part, _ = parts(draft)
    again = read(part)
    assert message["Subject"].startswith("Mutuals Taskforce: updated invitation")
    assert again.vevent.uid.value == first.vevent.uid.value
    assert (first.vevent.sequence.value, again.vevent.sequence.value) == ("0", "1")
    assert again.vevent.dtstart.value == dt.datetime(2011, 5, 26, 9, 0, tzinfo=dt.UTC)


def test_the_cancellation_withdraws_the_same_event_with_a_higher_sequence(tf, made):
    meeting_id = made.meetings[1]
    with pytest.raises(ValidationError, match="is not cancelled: cancel it first"):
        meeting_invitation.cancellation(tf, meeting_id)
    tf.meetings.record_invitation(meeting_id, "2011-07-01")
    tf.meetings.cancel(meeting_id, "2011-07-10")
    with pytest.raises(ValidationError, match="nothing to invite anyone to"):
        meeting_invitation.invitation(tf, meeting_id)

    draft = meeting_invitation.cancellation(tf, meeting_id, STAMP)
    message, part, attached = parts(draft)
    assert message["Subject"] == ("Mutuals Taskforce: the meeting of Thursday 14 July 2011 is "
                                  "cancelled")
    assert {a.addr_spec for a in message["To"].addresses} == INVITED
    assert "is cancelled" in message.get_body(("plain",)).get_content()
    assert part.get_params()[1] == ("method", "CANCEL")
    assert attached.get_filename() == "Cancellation 2011-07-14.ics"
    found = read(part)
    event = found.vevent
    assert (found.method.value, event.status.value, event.sequence.value) == (
        "CANCEL", "CANCELLED", "1")
    assert event.uid.value == f"{meeting_id}@taskforce-secretariat"
    assert event.dtstamp.value == STAMP
    assert {a.value for a in event.attendee_list} == {f"mailto:{a}" for a in INVITED}
    assert all("RSVP" not in a.params for a in event.attendee_list)  # nothing to answer


def test_without_a_secretariat_address_the_first_official_organises(tf, made):
    tf.bodies.update(made.body, secretariat_email="")
    event = read(parts(meeting_invitation.invitation(tf, made.meetings[0]))[1]).vevent
    assert (event.organizer.value, event.organizer.params["CN"]) == (
        "mailto:head@example.org", ["Head of Mutuals Programme"])


def test_with_no_address_known_there_is_no_organiser_and_the_draft_says_so(tf, made):
    tf.bodies.update(made.body, secretariat_email="")
    tf.people.update(made.people["Head of Mutuals Programme"], email="")
    draft = meeting_invitation.invitation(tf, made.meetings[0])
    assert "organizer" not in read(parts(draft)[1]).vevent.contents
    assert draft.note == meeting_invitation.NO_ORGANIZER
    assert "Taskforce Details" in draft.note


def test_the_body_s_calendar_shows_a_cancelled_meeting_and_each_sequence(tf, made):
    first, second, _ = made.meetings
    tf.meetings.record_invitation(first, "2011-05-01")
    tf.meetings.update(first, venue="Admiralty Arch")
    tf.meetings.cancel(second)
    data, count = body_calendar(tf, made.body, STAMP)
    events = vobject.readOne(data.decode("utf-8")).vevent_list
    assert count == 3
    assert [(e.location.value, e.status.value, e.sequence.value) for e in events] == [
        ("Admiralty Arch", "CONFIRMED", "1"), ("22 Whitehall", "CANCELLED", "1"),
        ("22 Whitehall", "CONFIRMED", "0")]
    assert "method" not in vobject.readOne(data.decode("utf-8")).contents


HOSTILE_NAME = "O'Brien, \"Ed\"; <b>Chair</b> & شكرا جزيلا ^n"
HOSTILE = ("Room 4, 22 Whitehall; London\nSW1A 2WH \\ <script>alert(1)</script> &amp; "
           "\u202eشكرا\u202c END:VEVENT\nBEGIN:VEVENT\nUID:forged\n")


def test_hostile_text_in_a_title_venue_and_name_reads_back_as_it_was(tf, made):
    meeting_id = made.meetings[0]
    tf.people.create(made.body, HOSTILE_NAME, email="obrien@example.org")
    title, venue = HOSTILE * 900, HOSTILE[::-1] * 900
    assert len(title) > 100_000 and len(venue) > 100_000
    # Longer than the window lets anyone type, and in several lines: as another
    # program could have written them.
    with tf.store.transaction() as db:
        db.execute("UPDATE meetings SET title = ?, venue = ? WHERE id = ?",
                   (title, venue, meeting_id))
    invitation = meeting_invitation.invitation(tf, meeting_id)
    tf.meetings.cancel(meeting_id)
    for draft, method in ((invitation, "REQUEST"),
                          (meeting_invitation.cancellation(tf, meeting_id), "CANCEL")):
        message, part, attached = parts(draft)
        assert attached.get_content() == part.get_content().encode("utf-8")
        assert venue in message.get_body(("plain",)).get_content().replace("\r\n", "\n")
        found = read(part)
        event = found.vevent
        assert (found.method.value, event.uid.value) == (
            method, f"{meeting_id}@taskforce-secretariat")
        assert event.summary.value == f"Mutuals Taskforce: {title}"
        assert event.location.value == venue
        assert len(event.attendee_list) == len(INVITED) + 1
        [hostile] = [a for a in event.attendee_list if a.value == "mailto:obrien@example.org"]
        assert from_6868(hostile.params["CN"][0]) == HOSTILE_NAME
        assert HOSTILE_NAME in [a.display_name for a in message["To"].addresses]
        lines = part.get_content().encode("utf-8").split(b"\r\n")
        assert max(len(line) for line in lines) <= 75


def test_the_command_line_writes_the_invitation_then_the_cancellation(file_path, tmp_path,
                                                                       capsys):
    with Taskforce.open(file_path, create=True) as tf:
        meeting_id = board(tf).meetings[2]
    out = tmp_path / "invitation.eml"
    assert main(["invite", str(file_path), "--meeting", "2011-09-22", "-o", str(out)]) == 0
    said = capsys.readouterr()
    assert f"Wrote the invitation of the meeting of 2011-09-22 to {out}" in said.out
    assert "no e-mail address for Ed Mayo" in said.err
    assert "organiser" not in said.err  # the official with an address organises
    assert parts(out.read_bytes())[1].get_param("method") == "REQUEST"

    cancelled = tmp_path / "cancellation.eml"
    assert main(["invite", str(file_path), "--meeting", "2011-09-22", "--cancel",
                 "-o", str(cancelled)]) == 0
    found = read(parts(cancelled.read_bytes())[1])
    assert (found.method.value, found.vevent.sequence.value) == ("CANCEL", "1")
    with Taskforce.open(file_path) as tf:
        meeting = tf.meetings.get(meeting_id)
        assert meeting.invited_on == dt.date.today() == meeting.cancelled_on
