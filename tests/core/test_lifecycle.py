"""Minutes go draft -> circulated -> approved at a later meeting, then are locked."""

import datetime as dt

import pytest

from minutes_setup import board
from secretariat.errors import ValidationError
from secretariat.meeting.lifecycle import MinutesLockedError


def _approved(tf):
    b = board(tf)
    first, second, _ = b.meetings
    item = b.items[(0, "Update")]
    tf.minutes.capture(item, "- a point\nAction: Ed Mayo — write — asap")
    tf.minutes.lifecycle.circulate(first, "2011-06-02")
    tf.minutes.lifecycle.approve(first, second)
    return b, item


def test_approval_is_recorded_as_a_decision_of_the_later_meeting(tf):
    b, _ = _approved(tf)
    first, second, _ = b.meetings
    state = tf.minutes.lifecycle.of(first)
    assert (state.state, state.circulated_on, state.approved_at_meeting_id) == (
        "approved", dt.date(2011, 6, 2), second)
    assert tf.meetings.get(first).status == "approved"
    decision, = tf.minutes.of_item(b.items[(1, "Minutes")])
    assert decision.kind == "decision"
    assert decision.text == "Minutes of the meeting of Thursday 26 May 2011 approved."


def test_nothing_in_approved_minutes_can_be_edited(tf):
    b, item = _approved(tf)
    entry = tf.minutes.of_item(item)[0]
    action = tf.actions.of_item(item)[0]
    attempts = [
        lambda: tf.minutes.add(item, "late point"),
        lambda: tf.minutes.capture(item, "- late point"),
        lambda: tf.minutes.update(entry.id, text="changed"),
        lambda: tf.minutes.delete(entry.id),
        lambda: tf.actions.create(item, "late", ["Ed Mayo"]),
        lambda: tf.actions.update(action.id, text="changed"),
        lambda: tf.actions.delete(action.id),
        lambda: tf.minutes.lifecycle.circulate(b.meetings[0]),
    ]
    for attempt in attempts:
        with pytest.raises(MinutesLockedError, match="approved.*correction"):
            attempt()
    assert tf.minutes.of_item(item) == [entry]
    assert tf.actions.get(action.id).text == "write"


def test_progress_on_its_actions_is_still_recorded_at_later_meetings(tf):
    b, item = _approved(tf)
    action = tf.actions.of_item(item)[0]
    tf.actions.close(action.id, "Written", meeting_id=b.meetings[2])
    assert tf.actions.get(action.id).status == "done"


def test_a_correction_is_made_at_a_later_meeting_and_recorded_there(tf):
    b, _ = _approved(tf)
    first, _, third = b.meetings
    with pytest.raises(ValidationError, match="later meeting"):
        tf.minutes.lifecycle.record_correction(first, first, "Ed Mayo was present")
    tf.minutes.lifecycle.record_correction(first, third, "Ed Mayo was present")
    correction, = tf.minutes.lifecycle.corrections(first)
    assert (correction.made_at_meeting_id, correction.text) == (third, "Ed Mayo was present")
    decision, = tf.minutes.of_item(b.items[(2, "Minutes")])
    assert decision.text.endswith("corrected: Ed Mayo was present")


def test_approval_needs_circulation_and_a_later_meeting(tf):
    b = board(tf)
    first, second, third = b.meetings
    with pytest.raises(ValidationError, match="Circulate"):
        tf.minutes.lifecycle.approve(second, third)
    tf.minutes.lifecycle.circulate(second, "2011-07-20")
    with pytest.raises(ValidationError, match="later meeting"):
        tf.minutes.lifecycle.approve(second, first)
    with pytest.raises(ValidationError, match="before the meeting"):
        tf.minutes.lifecycle.circulate(third, "2011-01-01")
    assert tf.minutes.lifecycle.of(second).state == "circulated"


def test_undo_of_an_approval_unlocks_and_removes_the_decision(tf):
    b = board(tf)
    first, second, _ = b.meetings
    tf.minutes.lifecycle.circulate(first, "2011-06-02")
    before = tf.minutes.lifecycle.snapshot(first)
    tf.minutes.lifecycle.approve(first, second)
    tf.minutes.lifecycle.put_back(first, before)
    assert tf.minutes.lifecycle.of(first).state == "circulated"
    assert tf.minutes.of_item(b.items[(1, "Minutes")]) == []
    tf.minutes.add(b.items[(0, "Update")], "editable again")


def test_undo_of_a_correction_takes_it_and_its_decision_back(tf):
    b, _ = _approved(tf)
    first, _, third = b.meetings
    correction_id, _ = tf.minutes.lifecycle.record_correction(first, third, "Typo in item 2")
    _, rows = tf.minutes.lifecycle.withdraw_correction(correction_id)
    assert tf.minutes.lifecycle.corrections(first) == []
    assert tf.minutes.of_item(b.items[(2, "Minutes")]) == []
    tf.minutes.put_back(rows)
    assert [c.text for c in tf.minutes.lifecycle.corrections(first)] == ["Typo in item 2"]
