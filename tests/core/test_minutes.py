"""Points, sub-points, decisions and actions under an item, typed in the list syntax."""

import pytest

from minutes_setup import board
from secretariat.errors import ValidationError
from secretariat.meeting.minutes import Captured, parse


def test_the_list_syntax_reads_points_sub_points_decisions_and_actions():
    parsed = parse("""
- Format of regular updates discussed
  - tracks progress on every work stream
Decision: Process approved.
Action: Officials; Peter Marsh — send round the e-mail address — by the next meeting
Agreed: to keep engagement through the forum
Action: All members | share case studies
""")
    assert parsed == [
        Captured("point", "Format of regular updates discussed"),
        Captured("sub_point", "tracks progress on every work stream"),
        Captured("decision", "Process approved."),
        Captured("action", "send round the e-mail address", ("Officials", "Peter Marsh"),
                 "by the next meeting"),
        Captured("decision", "to keep engagement through the forum"),
        Captured("action", "share case studies", ("All members",), ""),
    ]


def test_an_action_without_an_owner_is_refused_with_the_syntax():
    with pytest.raises(ValidationError, match="owner — what"):
        parse("Action: send the e-mail")


def test_capture_records_entries_in_order_with_sub_points(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    made, changes = tf.minutes.capture(item, "- first point\n  - its detail\n"
                                             "Decision: Agreed to go ahead\n- second point")
    entries = tf.minutes.of_item(item)
    assert [(e.kind, e.text, bool(e.parent_id)) for e in entries] == [
        ("point", "first point", False), ("point", "its detail", True),
        ("decision", "Agreed to go ahead", False), ("point", "second point", False)]
    assert entries[1].parent_id == entries[0].id
    assert changes.concerns("minutes") and len(made) == 4


def test_actions_get_people_officials_by_role_and_groups_as_owners(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    tf.minutes.capture(item, "Action: peter marsh; Head of Mutuals Programme; Chair and "
                             "officials — draft the paper — 30 June 2011")
    action, = tf.actions.of_item(item)
    assert [(o.person_id, o.label) for o in action.owners] == [
        (b.people["Peter Marsh"], "Peter Marsh"),
        (b.people["Head of Mutuals Programme"], "Head of Mutuals Programme"),
        (None, "Chair and officials")]
    assert action.due_label == "Thursday 30 June 2011" and action.status == "open"


def test_a_bad_line_writes_nothing(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    with pytest.raises(ValidationError):
        tf.minutes.capture(item, "- a good point\nAction: nobody named")
    assert tf.minutes.of_item(item) == [] and tf.actions.of_item(item) == []


def test_undo_of_a_capture_removes_it_and_redo_puts_the_same_records_back(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    made, _ = tf.minutes.capture(item, "- point\n  - sub\nAction: Ed Mayo — call — asap")
    before = (tf.minutes.of_item(item), tf.actions.of_item(item))
    _, rows = tf.minutes.remove(made)
    assert tf.minutes.of_item(item) == [] and tf.actions.of_item(item) == []
    tf.minutes.put_back(rows)
    assert (tf.minutes.of_item(item), tf.actions.of_item(item)) == before


def test_deleting_a_point_takes_its_sub_points_and_undo_restores_them(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    tf.minutes.capture(item, "- point\n  - sub one\n  - sub two")
    before = tf.minutes.of_item(item)
    _, rows = tf.minutes.delete(before[0].id)
    assert tf.minutes.of_item(item) == []
    tf.minutes.put_back(rows)
    assert tf.minutes.of_item(item) == before


def test_an_empty_point_is_refused(tf):
    b = board(tf)
    with pytest.raises(ValidationError):
        tf.minutes.add(b.items[(0, "Update")], "   ")


def test_entries_move_up_and_down_among_their_siblings(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    tf.minutes.capture(item, "- one\n  - one a\n  - one b\n- two")
    one, one_a, one_b, two = tf.minutes.of_item(item)
    tf.minutes.move(two.id, -1)
    tf.minutes.move(one_b.id, -1)
    assert [e.text for e in tf.minutes.of_item(item)] == ["two", "one", "one b", "one a"]
    assert tf.minutes.move(two.id, -1).kinds == frozenset()  # already first
