"""The agenda: numbering, order, the running clock, standing items, copying and
deferred items."""

import pytest

from secretariat.meeting.agenda import DEFAULT_ITEM_MINUTES
from secretariat.errors import ValidationError


@pytest.fixture
def meeting(tf):
    body, _ = tf.bodies.create("Mutuals Taskforce", default_venue="22 Whitehall")
    meeting_id, _ = tf.meetings.create(body, "2011-05-26", "15:30", "17:30")
    return meeting_id


def titles(tf, meeting_id):
    planned, _ = tf.agenda.planned(meeting_id)
    return [(p.full_number, p.item.title) for p in planned]


def add_all(tf, meeting_id, *names):
    return [tf.agenda.add(meeting_id, name)[0] for name in names]


def test_items_are_numbered_and_sub_items_take_roman_numerals(tf, meeting):
    welcome, cross = add_all(tf, meeting, "Welcome", "Cross cutting issues")
    tf.agenda.add(meeting, "Papers; review and signing off process", parent_id=cross)
    tf.agenda.add(meeting, "Assets", parent_id=cross)
    for n in range(3):
        tf.agenda.add(meeting, f"Sub {n}", parent_id=cross)
    assert titles(tf, meeting) == [
        ("1", "Welcome"), ("2", "Cross cutting issues"),
        ("2 i)", "Papers; review and signing off process"), ("2 ii)", "Assets"),
        ("2 iii)", "Sub 0"), ("2 iv)", "Sub 1"), ("2 v)", "Sub 2")]


def test_dropped_items_are_neither_numbered_nor_timed(tf, meeting):
    first, second, third = add_all(tf, meeting, "One", "Two", "Three")
    tf.agenda.update(second, minutes_allocated=30)
    tf.agenda.set_status(second, "dropped")
    planned, clock = tf.agenda.planned(meeting)
    assert [p.full_number for p in planned] == ["1", "", "2"]
    assert clock.minutes_allocated == 2 * DEFAULT_ITEM_MINUTES


def test_moving_up_and_down_renumbers(tf, meeting):
    one, two, three = add_all(tf, meeting, "One", "Two", "Three")
    tf.agenda.move_up(three)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Three"), ("3", "Two")]
    tf.agenda.move_down(one)
    assert titles(tf, meeting) == [("1", "Three"), ("2", "One"), ("3", "Two")]
    with pytest.raises(ValidationError, match="already first"):
        tf.agenda.move_up(three)
    with pytest.raises(ValidationError, match="already last"):
        tf.agenda.move_down(two)


def test_indent_makes_a_sub_item_of_the_item_above_and_outdent_undoes_it(tf, meeting):
    one, two, three = add_all(tf, meeting, "One", "Two", "Three")
    tf.agenda.indent(three)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Two"), ("2 i)", "Three")]
    with pytest.raises(ValidationError, match="already a sub-item"):
        tf.agenda.indent(three)
    tf.agenda.outdent(three)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Two"), ("3", "Three")]
    with pytest.raises(ValidationError, match="already a main item"):
        tf.agenda.outdent(three)


def test_an_item_with_sub_items_cannot_become_a_sub_item(tf, meeting):
    one, two = add_all(tf, meeting, "One", "Two")
    tf.agenda.add(meeting, "Two a", parent_id=two)
    with pytest.raises(ValidationError, match="has sub-items"):
        tf.agenda.indent(two)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Two"), ("2 i)", "Two a")]


def test_first_item_cannot_be_indented_and_sub_items_do_not_nest(tf, meeting):
    one, two = add_all(tf, meeting, "One", "Two")
    with pytest.raises(ValidationError, match="no item above"):
        tf.agenda.indent(one)
    sub, _ = tf.agenda.add(meeting, "One a", parent_id=one)
    with pytest.raises(ValidationError, match="cannot have sub-items"):
        tf.agenda.add(meeting, "Deeper", parent_id=sub)


def test_outdent_puts_a_sub_item_just_after_its_item(tf, meeting):
    one, two = add_all(tf, meeting, "One", "Two")
    a, _ = tf.agenda.add(meeting, "One a", parent_id=one)
    tf.agenda.add(meeting, "One b", parent_id=one)
    tf.agenda.outdent(a)
    assert titles(tf, meeting) == [("1", "One"), ("1 i)", "One b"), ("2", "One a"),
                                   ("3", "Two")]


def test_drag_to_a_place_and_restore_the_order(tf, meeting):
    one, two, three = add_all(tf, meeting, "One", "Two", "Three")
    before = tf.agenda.order(meeting)
    tf.agenda.move_to(one, three, 1)
    assert titles(tf, meeting) == [("1", "Two"), ("2", "Three"), ("2 i)", "One")]
    tf.agenda.restore_order(meeting, before)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Two"), ("3", "Three")]


def test_delete_an_item_with_its_sub_items_and_put_everything_back(tf, meeting):
    one, two, three = add_all(tf, meeting, "One", "Two", "Three")
    tf.agenda.add(meeting, "Two a", parent_id=two)
    _, removed = tf.agenda.delete(two)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Three")]
    tf.restore_rows(removed)
    assert titles(tf, meeting) == [("1", "One"), ("2", "Two"), ("2 i)", "Two a"),
                                   ("3", "Three")]


def test_the_running_clock_gives_planned_starts_and_warns_of_an_over_run(tf, meeting):
    one, two = add_all(tf, meeting, "One", "Two")
    tf.agenda.update(one, minutes_allocated=45)
    tf.agenda.update(two, minutes_allocated="60")
    a, _ = tf.agenda.add(meeting, "Two a", parent_id=two, minutes_allocated=15)
    planned, clock = tf.agenda.planned(meeting)
    assert [(p.start.strftime("%H:%M"), p.end.strftime("%H:%M")) for p in planned] == [
        ("15:30", "16:15"), ("16:15", "17:15"), ("17:15", "17:30")]
    assert not clock.warning
    tf.agenda.update(a, minutes_allocated=25)
    planned, clock = tf.agenda.planned(meeting)
    assert clock.over_run_minutes == 10
    assert clock.warning == ("The agenda runs to 17:40, 10 minutes past the meeting's "
                             "end at 17:30.")
    assert [p.over_run for p in planned] == [False, False, True]


def test_a_bad_allocation_is_refused(tf, meeting):
    one, = add_all(tf, meeting, "One")
    with pytest.raises(ValidationError, match="not a number of minutes"):
        tf.agenda.update(one, minutes_allocated="half an hour")
    with pytest.raises(ValidationError, match="cannot be empty"):
        tf.agenda.add(meeting, "   ")
    assert tf.agenda.get(one).minutes_allocated == DEFAULT_ITEM_MINUTES


def test_a_new_agenda_is_timed_item_after_item(tf, meeting):
    """New items take a default time, so a new agenda does not read 15:30–15:30 throughout;
    standing items keep their own."""
    add_all(tf, meeting, "Welcome", "Finance", "Next steps")
    planned, _ = tf.agenda.planned(meeting)
    assert [(f"{p.start:%H:%M}", f"{p.end:%H:%M}") for p in planned] == [
        ("15:30", "15:40"), ("15:40", "15:50"), ("15:50", "16:00")]
    body = tf.meetings.get(meeting).body_id
    other, _ = tf.agenda.create_meeting(body, "2011-06-26")
    kept = {s.title: s.minutes_allocated for s in tf.agenda.standing.of_body(body)}
    assert {i.title: i.minutes_allocated for i in tf.agenda.of_meeting(other)} == kept
    assert all(kept.values())  # the usual standing items come timed too


def test_new_meetings_get_the_standing_items_with_aob_last(tf, meeting):
    body = tf.meetings.get(meeting).body_id
    tf.agenda.add(meeting, "Assets")
    tf.agenda.apply_standing_items(meeting)
    assert [t for _, t in titles(tf, meeting)] == [
        "Welcome and introductions", "Minutes of the last meeting and matters arising",
        "Declarations of interest", "Chair's update", "Assets", "Any other business"]
    tf.agenda.apply_standing_items(meeting)  # again: nothing doubled
    assert len(titles(tf, meeting)) == 6
    other, _ = tf.meetings.create(body, "2011-06-30")
    tf.agenda.add(other, "Any Other Business")  # typed by hand: the same item
    tf.agenda.apply_standing_items(other)
    assert [t for _, t in titles(tf, other)].count("Any other business") == 0
    tf.agenda.standing.add(body, "Update from the Cabinet Office")
    later, _ = tf.agenda.create_meeting(body, "2011-07-14", "15:30", "17:30")
    assert [t for _, t in titles(tf, later)][-2:] == [
        "Update from the Cabinet Office", "Any other business"]


def test_copy_the_agenda_of_another_meeting(tf, meeting):
    body = tf.meetings.get(meeting).body_id
    one, two = add_all(tf, meeting, "One", "Two")
    tf.agenda.add(meeting, "Two a", parent_id=two, minutes_allocated=20)
    tf.agenda.set_status(one, "taken")
    later, _ = tf.meetings.create(body, "2011-07-14", "15:30", "17:30")
    tf.agenda.copy_from(meeting, later)
    assert titles(tf, later) == titles(tf, meeting)
    copied = tf.agenda.of_meeting(later)
    assert {i.status for i in copied} == {"planned"}
    assert copied[2].minutes_allocated == 20
    with pytest.raises(ValidationError):
        tf.agenda.copy_from(later, later)


def test_deferred_items_are_offered_until_placed_or_dropped(tf, meeting):
    body = tf.meetings.get(meeting).body_id
    talk, other = add_all(tf, meeting, "Presentation on legal models", "Assets")
    tf.agenda.set_status(talk, "deferred")
    tf.agenda.set_status(other, "deferred")
    second, _ = tf.meetings.create(body, "2011-07-14", "15:30", "17:30")
    third, _ = tf.meetings.create(body, "2011-09-22", "15:30", "17:30")
    assert [i.title for i, _ in tf.agenda.offered(meeting)] == []  # not to its own meeting
    assert [i.title for i, _ in tf.agenda.offered(second)] == [
        "Presentation on legal models", "Assets"]
    placed, _ = tf.agenda.place_deferred(talk, second)
    tf.agenda.drop_deferred(other)
    assert tf.agenda.offered(third) == []
    assert tf.agenda.get(talk).status == "deferred"  # its own meeting still says so
    assert tf.agenda.get(placed).carried_from_id == talk
    tf.agenda.set_status(placed, "deferred")  # not reached again
    assert [i.id for i, _ in tf.agenda.offered(third)] == [placed]


def test_a_deferred_item_placed_goes_before_any_other_business_wherever_it_is(tf, meeting):
    body = tf.meetings.get(meeting).body_id
    talk, = add_all(tf, meeting, "Presentation on legal models")
    tf.agenda.set_status(talk, "deferred")
    later, _ = tf.agenda.create_meeting(body, "2011-07-14")
    next_date, = add_all(tf, later, "Date of next meeting")  # after AOB, as some agendas have it
    tf.agenda.place_deferred(talk, later)
    assert [t for _, t in titles(tf, later)][-3:] == [
        "Presentation on legal models", "Any other business", "Date of next meeting"]


def test_only_deferred_items_can_be_placed_or_dropped(tf, meeting):
    body = tf.meetings.get(meeting).body_id
    one, = add_all(tf, meeting, "One")
    later, _ = tf.meetings.create(body, "2011-07-14")
    with pytest.raises(ValidationError, match="was not deferred"):
        tf.agenda.place_deferred(one, later)
    with pytest.raises(ValidationError, match="was not deferred"):
        tf.agenda.drop_deferred(one)


def test_the_agenda_status_moves_from_draft_to_agreed(tf, meeting):
    assert tf.agenda.agenda_status(meeting) == "draft"
    tf.agenda.set_agenda_status(meeting, "Agreed")
    assert tf.agenda.agenda_status(meeting) == "agreed"
    with pytest.raises(ValidationError):
        tf.agenda.set_agenda_status(meeting, "final")


def test_the_sample_agenda_follows_the_minutes(sample_tf):
    meeting = sample_tf.meetings.find_one("2011-05-26").id
    assert titles(sample_tf, meeting) == [
        ("1", "Welcome and introductions"), ("2", "Minutes"), ("3", "Update"),
        ("4", "Cross cutting issues"), ("4 i)", "Papers; review and signing off process"),
        ("4 ii)", "Assets"), ("5", "Away afternoon planning"),
        ("6", "Communications and engagement"), ("6 i)", "Trade union engagement"),
        ("6 ii)", "Initial content for the website"), ("6 iii)", "Case studies")]
    _, clock = sample_tf.agenda.planned(meeting)
    assert not clock.warning
