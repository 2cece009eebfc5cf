"""What the file keeps for the members' calendars (schema s19): a meeting's
sequence, raised by each change of its time or place once it was invited to,
and by its cancelling; the invitation made; the meeting cancelled. Kept
through an export and import and a travel merge."""

import datetime as dt
import json
import sqlite3

import pytest

from minutes_setup import board
from secretariat.errors import ValidationError
from secretariat.files import exchange
from secretariat.files.travel import merge, take_travel_copy
from secretariat.taskforce import Taskforce


def invited(tf) -> tuple:
    """The board, and its first meeting, invited to on 1 May 2011."""
    made = board(tf)
    tf.meetings.record_invitation(made.meetings[0], "2011-05-01")
    return made, made.meetings[0]


def sequence(tf, meeting_id: str) -> int:
    return tf.meetings.get(meeting_id).calendar_sequence


MOVES = [dict(date="2011-05-27"), dict(start_time="16:00"), dict(end_time="18:00"),
         dict(venue="Admiralty Arch"), dict(date="2011-05-31", venue="1 Horse Guards Road"),
         dict(start_time=None, end_time=None)]
NOT_MOVES = [dict(title="Assets"), dict(notes="Bring the papers"), dict(kind="round_table"),
             dict(marking="OFFICIAL-SENSITIVE"), dict(status="held"),
             dict(venue="  1 Horse Guards Road "), dict(date="31 May 2011"),
             dict(start_time="", end_time="")]


def test_each_change_of_date_time_or_venue_raises_the_sequence_once(tf):
    _, meeting = invited(tf)
    for number, values in enumerate(MOVES, start=1):
        tf.meetings.update(meeting, **values)
        assert sequence(tf, meeting) == number, values


def test_other_changes_and_the_same_values_typed_again_leave_it(tf):
    _, meeting = invited(tf)
    tf.meetings.update(meeting, date="2011-05-31", venue="1 Horse Guards Road",
                       start_time=None, end_time=None)
    assert sequence(tf, meeting) == 1
    for values in NOT_MOVES:
        tf.meetings.update(meeting, **values)
        assert sequence(tf, meeting) == 1, values


def test_before_its_invitation_a_meeting_moves_freely(tf):
    made = board(tf)
    meeting = made.meetings[1]
    tf.meetings.update(meeting, date="2011-07-15", venue="Admiralty Arch", start_time="10:00")
    assert sequence(tf, meeting) == 0 and tf.meetings.get(meeting).invited_on is None
    tf.meetings.record_invitation(meeting, "2011-07-01")
    assert tf.meetings.get(meeting).invited_on == dt.date(2011, 7, 1)
    tf.meetings.update(meeting, venue="22 Whitehall")
    assert sequence(tf, meeting) == 1


def test_a_sequence_given_is_kept_but_never_falls(tf):
    """A calendar ignores an update below the sequence it holds: once a version
    may have gone out, nothing takes the meeting below it."""
    _, meeting = invited(tf)
    tf.meetings.update(meeting, venue="Admiralty Arch")
    tf.meetings.update(meeting, venue="22 Whitehall", calendar_sequence=0)
    assert sequence(tf, meeting) == 1
    tf.meetings.update(meeting, calendar_sequence=7)
    assert sequence(tf, meeting) == 7


def test_cancelling_marks_the_meeting_and_raises_its_sequence(tf):
    made, meeting = invited(tf)
    tf.meetings.update(meeting, venue="Admiralty Arch")
    tf.meetings.cancel(meeting, "2011-05-20")
    cancelled = tf.meetings.get(meeting)
    assert (cancelled.cancelled_on, cancelled.calendar_sequence) == (dt.date(2011, 5, 20), 2)
    assert cancelled.status_label == "Cancelled" and cancelled.status == "planned"
    with pytest.raises(ValidationError, match="already cancelled"):
        tf.meetings.cancel(meeting)
    with pytest.raises(ValidationError, match="nothing to invite anyone to"):
        tf.meetings.record_invitation(meeting)
    # Never invited, a meeting is cancelled all the same.
    tf.meetings.cancel(made.meetings[2])
    assert tf.meetings.get(made.meetings[2]).cancelled_on == dt.date.today()


def test_a_reinstated_meeting_is_planned_again_at_a_higher_sequence(tf):
    made, meeting = invited(tf)
    with pytest.raises(ValidationError, match="not cancelled: there is nothing to reinstate"):
        tf.meetings.reinstate(meeting)
    tf.meetings.cancel(meeting)
    tf.meetings.reinstate(meeting)
    again = tf.meetings.get(meeting)
    assert (again.cancelled_on, again.calendar_sequence, again.status_label) == (
        None, 2, "Planned")
    tf.meetings.record_invitation(meeting)  # invited again, to the meeting held after all


def test_a_cancelled_meeting_is_not_marked_held_until_it_is_reinstated(tf):
    _, meeting = invited(tf)
    tf.meetings.cancel(meeting)
    with pytest.raises(ValidationError, match="was cancelled: reinstate it before"):
        tf.meetings.update(meeting, status="held")
    tf.meetings.update(meeting, notes="Room booking released")  # other details may change
    tf.meetings.reinstate(meeting)
    tf.meetings.update(meeting, status="held")
    assert tf.meetings.get(meeting).status_label == "Held"


def test_only_a_planned_meeting_can_be_cancelled(tf):
    made = board(tf)
    tf.meetings.update(made.meetings[0], status="held")
    with pytest.raises(ValidationError, match="marked held: only a planned meeting"):
        tf.meetings.cancel(made.meetings[0])
    assert tf.meetings.get(made.meetings[0]).cancelled_on is None


def test_a_cancelled_meeting_has_no_minutes_to_circulate_or_approve_and_approves_none(tf):
    made = board(tf)
    first, second, third = made.meetings
    tf.meetings.cancel(second)
    with pytest.raises(ValidationError, match="was cancelled: it has no minutes"):
        tf.minutes.lifecycle.circulate(second, "2011-08-01")
    tf.minutes.lifecycle.circulate(first, "2011-06-01")
    with pytest.raises(ValidationError, match="14 July 2011 was cancelled"):
        tf.minutes.lifecycle.approve(first, second)  # at the cancelled meeting
    tf.minutes.lifecycle.approve(first, third)
    assert tf.minutes.lifecycle.of(first).state == "approved"


@pytest.mark.parametrize("value, refusal", [
    ("two", "must be a whole number"), (-1, "must be from 0"), (2**31, "must be from 0"),
    (1.5, "must be a whole number")])
def test_the_sequence_is_a_whole_number_a_calendar_can_hold(tf, value, refusal):
    made = board(tf)
    with pytest.raises(ValidationError, match=refusal):
        tf.meetings.update(made.meetings[0], calendar_sequence=value)
    assert sequence(tf, made.meetings[0]) == 0


def test_the_file_itself_refuses_a_wrong_sequence_or_date(file_path):
    with Taskforce.open(file_path, create=True) as tf:
        meeting = board(tf).meetings[0]
    conn = sqlite3.connect(file_path)
    try:
        for statement in ("UPDATE meetings SET calendar_sequence = 'two'",
                          "UPDATE meetings SET calendar_sequence = -1",
                          "UPDATE meetings SET cancelled_on = '2011-02-30'",
                          "UPDATE meetings SET invited_on = 'soon'"):
            with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
                conn.execute(statement + " WHERE id = ?", (meeting,))
    finally:
        conn.close()


def test_the_secretariat_address_is_one_address(tf):
    made = board(tf)
    tf.bodies.update(made.body, secretariat_email=" secretariat@example.org ")
    assert tf.bodies.get(made.body).secretariat_email == "secretariat@example.org"
    with pytest.raises(ValidationError, match="more than one e-mail address"):
        tf.bodies.update(made.body, secretariat_email="a@example.org, b@example.org")


def calendar_state(path) -> list[tuple]:
    with Taskforce.open(path) as tf:
        return tf.store.conn.execute(
            "SELECT date, venue, calendar_sequence, invited_on, cancelled_on FROM meetings "
            "ORDER BY date").fetchall()


def test_an_export_and_import_carries_the_sequence_invitation_and_cancelling(
        file_path, tmp_path):
    with Taskforce.open(file_path, create=True) as tf:
        made, meeting = invited(tf)
        tf.meetings.update(meeting, venue="Admiralty Arch")
        tf.meetings.cancel(made.meetings[1], "2011-07-01")
        tf.bodies.update(made.body, secretariat_email="secretariat@example.org")
        text = exchange.export_json(tf.store)
    first = json.loads(text)["tables"]["meetings"]
    assert {(m["calendar_sequence"], m["invited_on"], m["cancelled_on"]) for m in first} == {
        (1, "2011-05-01", None), (1, None, "2011-07-01"), (0, None, None)}
    copy = tmp_path / "copy.taskforce"
    exchange.import_json(text, copy)
    assert calendar_state(copy) == calendar_state(file_path)
    with Taskforce.open(copy) as tf:
        assert tf.bodies.all()[0].secretariat_email == "secretariat@example.org"


def test_an_export_from_before_s19_imports_with_nothing_invited_or_cancelled(
        file_path, tmp_path):
    with Taskforce.open(file_path, create=True) as tf:
        board(tf)
        document = json.loads(exchange.export_json(tf.store))
    for row in document["tables"]["meetings"]:
        for column in ("calendar_sequence", "invited_on", "cancelled_on"):
            del row[column]
    for row in document["tables"]["bodies"]:
        del row["secretariat_email"]
    copy = tmp_path / "older.taskforce"
    exchange.import_json(json.dumps(document), copy)
    assert {row[2:] for row in calendar_state(copy)} == {(0, None, None)}


def test_a_travel_merge_brings_home_a_move_and_a_cancelling_made_away(file_path, tmp_path):
    with Taskforce.open(file_path, create=True) as tf:
        made, meeting = invited(tf)
    away = tmp_path / "laptop.taskforce"
    with Taskforce.open(file_path) as tf:
        take_travel_copy(tf.store, away)
    with Taskforce.open(away) as tf:
        tf.meetings.update(meeting, venue="Admiralty Arch", start_time="10:00")
        tf.meetings.record_invitation(made.meetings[1], "2011-07-01")
        tf.meetings.cancel(made.meetings[1], "2011-07-02")
    with Taskforce.open(file_path) as tf:  # at home meanwhile, a change that moves nothing
        tf.meetings.update(made.meetings[2], title="Round-up")

    report = merge(file_path, away)

    assert report.merged and not report.conflicts
    assert calendar_state(file_path) == [
        ("2011-05-26", "Admiralty Arch", 1, "2011-05-01", None),
        ("2011-07-14", "22 Whitehall", 1, "2011-07-01", "2011-07-02"),
        ("2011-09-22", "22 Whitehall", 0, None, None)]
