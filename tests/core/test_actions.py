"""The action log, and matters arising carried across meetings."""

import datetime as dt

import pytest

from minutes_setup import board
from secretariat.__main__ import main
from secretariat.errors import ValidationError
from secretariat.meeting.actions import due_by_problems
from secretariat.taskforce import Taskforce


def _action(tf, b, meeting_no, text, owners, due=""):
    action_id, _ = tf.actions.create(b.items[(meeting_no, "Update")], text, owners, due)
    return action_id


def test_an_action_is_carried_forward_across_three_meetings_then_closed(tf):
    b = board(tf)
    first, second, third = b.meetings
    action_id = _action(tf, b, 0, "Circulate the paper", ["Officials"], "by the next meeting")

    assert [a.id for a in tf.actions.matters_arising(second)] == [action_id]
    tf.actions.carry_forward(action_id, second, "Draft with the Chair")
    assert tf.actions.get(action_id).status == "open"

    arising = tf.actions.matters_arising(third)
    assert [a.id for a in arising] == [action_id]
    assert [(u.meeting_id, u.outcome, u.text) for u in arising[0].updates] == [
        (second, "carried_forward", "Draft with the Chair")]
    tf.actions.close(action_id, "Sent on 1 September", meeting_id=third)

    closed = tf.actions.get(action_id)
    assert closed.status == "done"
    assert [(u.made_on, u.outcome) for u in closed.updates] == [
        (dt.date(2011, 7, 14), "carried_forward"), (dt.date(2011, 9, 22), "done")]
    # Still in the third meeting's list, where it was closed, but in no later one.
    assert [a.id for a in tf.actions.matters_arising(third)] == [action_id]
    later, _ = tf.meetings.create(b.body, "2011-11-10")
    assert tf.actions.matters_arising(later) == []


def test_matters_arising_lists_open_actions_of_every_earlier_meeting_only(tf):
    b = board(tf)
    first, second, third = b.meetings
    old = _action(tf, b, 0, "Old action", ["Ed Mayo"])
    done = _action(tf, b, 0, "Done already", ["Ed Mayo"])
    tf.actions.close(done, "Done", on="2011-06-01")
    _action(tf, b, 1, "Recent action", ["Peter Marsh"])
    _action(tf, b, 2, "Agreed at this meeting", ["Peter Marsh"])
    assert [a.text for a in tf.actions.matters_arising(third)] == ["Old action", "Recent action"]
    assert [a.id for a in tf.actions.matters_arising(second)] == [old]


def test_progress_is_reported_at_a_later_meeting_of_the_same_body(tf):
    b = board(tf)
    action_id = _action(tf, b, 1, "Act", ["Ed Mayo"])
    with pytest.raises(ValidationError, match="later meeting"):
        tf.actions.record_update(action_id, "too early", meeting_id=b.meetings[0])
    with pytest.raises(ValidationError, match="progress"):
        tf.actions.record_update(action_id, "  ", meeting_id=b.meetings[2])


def test_the_log_filters_by_status_owner_meeting_and_due_and_sorts(tf):
    b = board(tf)
    a = _action(tf, b, 0, "A", ["Peter Marsh"], "2011-08-01")
    c = _action(tf, b, 1, "C", ["Ed Mayo", "Officials"], "2011-07-20")
    d = _action(tf, b, 1, "D", ["Chair and officials"], "as soon as possible")
    tf.actions.close(c, "done", on="2011-07-15")
    ids = lambda found: [x.id for x in found]  # noqa: E731
    assert ids(tf.actions.log(status="open")) == [a, d]
    assert ids(tf.actions.log(owner="officials")) == [c, d]
    assert ids(tf.actions.log(meeting_id=b.meetings[1])) == [c, d]
    assert ids(tf.actions.log(due_before="2011-08-01")) == [c]
    assert ids(tf.actions.log(sort="due")) == [c, a, d]  # undated last
    assert ids(tf.actions.log(sort="owner")) == [d, c, a]
    assert ids(tf.actions.log(sort="meeting")) == [a, c, d]


def test_overdue_counts_dates_and_the_next_meeting(tf):
    b = board(tf)
    dated = _action(tf, b, 0, "Dated", ["Ed Mayo"], "2011-06-30")
    next_meeting = _action(tf, b, 0, "By next", ["Ed Mayo"], "by the next meeting")
    _action(tf, b, 0, "Soon", ["Ed Mayo"], "as soon as possible")
    assert tf.actions.get(next_meeting).due_by == dt.date(2011, 7, 14)
    found = tf.actions.log(overdue=True, today=dt.date(2011, 7, 1))
    assert [a.id for a in found] == [dated]
    found = tf.actions.log(overdue=True, today=dt.date(2011, 7, 15))
    assert [a.id for a in found] == [dated, next_meeting]


def test_open_actions_are_counted_by_owner(tf):
    b = board(tf)
    _action(tf, b, 0, "One", ["Ed Mayo", "Officials"])
    _action(tf, b, 0, "Two", ["Ed Mayo"])
    closed = _action(tf, b, 0, "Three", ["Peter Marsh"])
    tf.actions.close(closed, on="2011-06-01")
    assert tf.actions.open_by_owner() == [("Ed Mayo", 2), ("Officials", 1)]


def test_taking_back_an_update_restores_the_status(tf):
    b = board(tf)
    action_id = _action(tf, b, 0, "Act", ["Ed Mayo"])
    update_id, _ = tf.actions.close(action_id, "done", meeting_id=b.meetings[1])
    tf.actions.remove_update(update_id)
    action = tf.actions.get(action_id)
    assert action.status == "open" and action.updates == ()


def test_an_action_needs_an_owner(tf):
    b = board(tf)
    with pytest.raises(ValidationError, match="owns"):
        _action(tf, b, 0, "Act", [" "])


def _many(tf, b, n):
    """n actions at the second meeting, alternately Ed Mayo's and Łukasz Żółć's,
    due on days counting down, so the due order reverses the order they were made."""
    return [_action(tf, b, 1, f"Action {i}", ["Ed Mayo" if i % 2 else "Łukasz Żółć"],
                    f"2011-08-{28 - i:02d}") for i in range(n)]


@pytest.mark.parametrize("sort", ["due", "meeting", "owner", "status"])
def test_descending_is_the_same_order_backwards(tf, sort):
    b = board(tf)
    _many(tf, b, 7)
    _action(tf, b, 0, "Earlier", ["Officials"], "by the next meeting")
    whole = [a.id for a in tf.actions.log(b.body, sort=sort)]
    backwards = [a.id for a in tf.actions.log(b.body, sort=sort, descending=True)]
    assert backwards == whole[::-1] and len(whole) == 8


def test_filters_combine_and_owners_match_whatever_the_case(tf):
    b = board(tf)
    made = _many(tf, b, 6)
    tf.actions.close(made[1], "done", on="2011-07-20")
    found = tf.actions.log(b.body, owner="ed mayo", status="open", sort="due")
    assert [a.id for a in found] == [made[5], made[3]]  # open and Ed Mayo's, by due date
    # Names outside ASCII match whatever the case typed.
    assert len(tf.actions.log_ids(b.body, owner="ŁUKASZ ŻÓŁĆ")) == 3
    assert len(tf.actions.log_ids(b.body, overdue=True, today=dt.date(2011, 8, 25))) == 2


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["due", "meeting", "owner", "status"])
def test_batches_read_by_id_join_up_to_the_whole_log_in_its_order(tf, sort, descending):
    """With ties on every key, an undated action and one due by the next meeting."""
    b = board(tf)
    made = _many(tf, b, 5)
    _action(tf, b, 1, "Same day, same owner", ["Ed Mayo"], "2011-08-27")  # ties with Action 1
    _action(tf, b, 0, "Earlier", ["Officials"], "by the next meeting")
    _action(tf, b, 2, "Undated", ["Officials"], "as soon as possible")
    minutes_item = b.items[(1, "Minutes")]  # an earlier item of the same meeting
    tf.actions.create(minutes_item, "Undated too", ["Ed Mayo"])
    tf.actions.close(made[2], "done", on="2011-09-01")
    whole = tf.actions.log(b.body, sort=sort, descending=descending)
    ids = tf.actions.log_ids(b.body, sort=sort, descending=descending)
    batches = [tf.actions.many(ids[n:n + 3]) for n in range(0, len(ids), 3)]
    assert [a for batch in batches for a in batch] == whole and len(whole) == 9
    # The first screen's ids are the whole order's first ones; the count is the whole's.
    assert tf.actions.log_ids(b.body, sort=sort, descending=descending, limit=4) == ids[:4]
    assert tf.actions.log_count(b.body) == 9
    assert tf.actions.log_count(b.body, status="open", owner="ed mayo") == len(
        tf.actions.log_ids(b.body, status="open", owner="ed mayo"))


def test_the_ids_keep_the_filters_and_reading_skips_actions_deleted_since(tf):
    b = board(tf)
    made = _many(tf, b, 6)
    tf.actions.close(made[1], "done", on="2011-07-20")
    assert tf.actions.log_ids(b.body, owner="ed mayo", status="open") == [made[5], made[3]]
    assert tf.actions.log_ids(b.body, overdue=True, today=dt.date(2011, 8, 25)) == [
        made[5], made[4]]
    tf.actions.delete(made[4])
    assert [a.id for a in tf.actions.many([made[5], made[4], made[0]])] == [made[5], made[0]]
    assert tf.actions.many([]) == []


def test_the_ids_of_matters_arising_are_those_of_the_list_in_its_order(tf):
    b = board(tf)
    made = _many(tf, b, 4) + [_action(tf, b, 0, "Earlier", ["Officials"])]
    tf.actions.close(made[1], "done", meeting_id=b.meetings[2])
    arising = tf.actions.matters_arising(b.meetings[2])
    assert tf.actions.matters_arising_ids(b.meetings[2]) == [a.id for a in arising]
    assert arising[0].id == made[-1] and len(arising) == 5


def _plan(tf, **asked) -> str:
    """The query plan of the log's ids so asked for."""
    run = []
    tf.store.db.conn.set_trace_callback(run.append)
    tf.actions.log_ids(**asked)
    tf.store.db.conn.set_trace_callback(None)
    return " / ".join(step["detail"] for step in tf.store.rows("EXPLAIN QUERY PLAN " + run[-1]))


def test_a_bodys_log_is_read_through_indexes_that_keep_it_together(tf):
    """Its cost follows the body's log, not the file: open actions are found without
    reading the done ones, and items among their meeting's items, not by id alone."""
    b = board(tf)
    plan = _plan(tf, body_id=b.body, status="open", sort="meeting")
    assert "a USING INDEX actions_meeting_status (meeting_id=? AND status=?)" in plan
    assert "i USING COVERING INDEX agenda_items_in_meeting (meeting_id=? AND id=?)" in plan
    assert "pi USING COVERING INDEX agenda_items_in_meeting (meeting_id=? AND id=?)" in plan


def test_a_bodys_log_by_due_date_is_read_in_that_order_not_sorted_whole(tf):
    """Its first screen costs the same however long the log: read off the index
    of due-by dates the file keeps, only ties sorted as they come."""
    b = board(tf)
    plan = _plan(tf, body_id=b.body, status="open", sort="due", limit=100)
    assert plan.startswith("SEARCH d USING COVERING INDEX action_due_by_order (body_id=?)")
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan  # (only "FOR RIGHT PART OF ORDER BY")
    # A meeting's few actions are still found from the meeting.
    plan = _plan(tf, body_id=b.body, meeting_id=b.meetings[1], sort="due")
    assert "a USING INDEX actions_meeting_status (meeting_id=?)" in plan


def test_counting_the_log_reads_neither_items_nor_due_dates_it_does_not_filter_by(tf):
    b = board(tf)
    run = []
    tf.store.db.conn.set_trace_callback(run.append)
    tf.actions.log_count(b.body, status="open", owner="")
    tf.actions.log_count(b.body, overdue=True)
    tf.store.db.conn.set_trace_callback(None)
    assert "agenda_items" not in run[0] + run[1]
    assert "action_due_by" not in run[0] and "action_due_by" in run[1]


def test_due_by_the_next_meeting_follows_the_meetings_added_moved_and_deleted(tf):
    b = board(tf)
    by_next = _action(tf, b, 0, "By next", ["Ed Mayo"], "by the next meeting")
    dated = _action(tf, b, 0, "Dated", ["Ed Mayo"], "2011-07-01")

    def due_by():
        return tf.actions.get(by_next).due_by

    def by_due():
        ids = tf.actions.log_ids(b.body, status="open", sort="due")
        assert [a.id for a in tf.actions.log(b.body, status="open", sort="due")] == ids
        return ids

    assert due_by() == dt.date(2011, 7, 14) and by_due() == [dated, by_next]
    added, _ = tf.meetings.create(b.body, "2011-06-20")
    assert due_by() == dt.date(2011, 6, 20) and by_due() == [by_next, dated]
    tf.meetings.update(added, date="2011-08-01")
    assert due_by() == dt.date(2011, 7, 14) and by_due() == [dated, by_next]
    tf.meetings.update(b.meetings[1], date="2011-06-15")  # the next meeting brought forward
    assert due_by() == dt.date(2011, 6, 15)
    _, removed = tf.meetings.delete(b.meetings[1])
    assert due_by() == dt.date(2011, 8, 1)
    tf.store.restore_rows(removed)  # undo, its rows in any order
    assert due_by() == dt.date(2011, 6, 15)
    # Another body's meetings are not this action's; a dated action becomes one by next.
    other, _ = tf.bodies.create("Another Group")
    tf.meetings.create(other, "2011-06-01")
    assert due_by() == dt.date(2011, 6, 15)
    tf.actions.update(dated, due="by the next meeting")
    assert tf.actions.get(dated).due_by == dt.date(2011, 6, 15)
    assert due_by_problems(tf.store) == []


def test_check_finds_a_due_by_date_out_of_date_and_repair_mends_it(sample_path, capsys):
    path = sample_path
    with Taskforce.open(path) as tf, tf.store.transaction() as db:
        db.execute("UPDATE action_due_by SET due_by = '1999-01-01'")
    assert main(["check", str(path)]) == 1
    assert "action log" in capsys.readouterr().err
    assert main(["check", "--repair", str(path)]) == 0
    with Taskforce.open(path) as tf:
        assert due_by_problems(tf.store) == []
        assert tf.store.scalar("SELECT count(*) FROM action_due_by") == tf.store.scalar(
            "SELECT count(*) FROM actions") > 0
