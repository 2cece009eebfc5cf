"""Agenda items suggested through the chair, and what became of each."""

import datetime as dt

import pytest

from secretariat.errors import ValidationError


@pytest.fixture
def setting(tf):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    ed, _ = tf.people.create(body, "Ed Mayo")
    meeting, _ = tf.meetings.create(body, "2012-02-09", "16:00", "17:30")
    return body, ed, meeting


def test_a_suggestion_placed_on_a_meeting_becomes_an_item(tf, setting):
    body, ed, meeting = setting
    suggestion, _ = tf.suggestions.create(body, "Society legal models", ed, "2012-01-12")
    item, _ = tf.suggestions.place(suggestion, meeting)
    assert tf.agenda.get(item).title == "Society legal models"
    view, = tf.suggestions.of_body(body)
    assert (view.suggested_by, view.suggestion.suggested_on) == ("Ed Mayo", dt.date(2012, 1, 12))
    assert view.what_became == "Placed on 9 February 2012"
    assert tf.suggestions.future_items(body) == []
    with pytest.raises(ValidationError, match="already placed"):
        tf.suggestions.place(suggestion, meeting)


def test_a_suggestion_placed_goes_before_any_other_business(tf, setting):
    body, ed, meeting = setting
    tf.agenda.apply_standing_items(meeting)
    suggestion, _ = tf.suggestions.create(body, "Communications strategy")
    tf.suggestions.place(suggestion, meeting)
    planned, _ = tf.agenda.planned(meeting)
    assert [p.item.title for p in planned][-2:] == ["Communications strategy",
                                                    "Any other business"]


def test_removing_the_placed_item_puts_the_suggestion_back_on_the_list(tf, setting):
    body, ed, meeting = setting
    suggestion, _ = tf.suggestions.create(body, "Communications strategy")
    item, _ = tf.suggestions.place(suggestion, meeting)
    _, removed = tf.agenda.delete(item)
    assert [v.suggestion.title for v in tf.suggestions.future_items(body)] == [
        "Communications strategy"]
    tf.restore_rows(removed)
    assert tf.suggestions.get(suggestion).outcome == "placed"
    assert tf.suggestions.get(suggestion).placed_item_id == item


def test_held_and_declined_suggestions(tf, setting):
    body, ed, _ = setting
    held, _ = tf.suggestions.create(body, "Expert witness from Canada", ed)
    declined, _ = tf.suggestions.create(body, "A visit abroad", ed)
    tf.suggestions.hold(held, "after the round table")
    with pytest.raises(ValidationError, match="reason for declining cannot be empty"):
        tf.suggestions.decline(declined, "  ")
    assert tf.suggestions.get(declined).outcome == "pending"
    tf.suggestions.decline(declined, "outside the terms of reference")
    views = {v.suggestion.title: v.what_became for v in tf.suggestions.of_body(body)}
    assert views == {"Expert witness from Canada": "Held for a future meeting: after the "
                                                   "round table",
                     "A visit abroad": "Declined: outside the terms of reference"}
    assert [v.suggestion.title for v in tf.suggestions.future_items(body)] == [
        "Expert witness from Canada"]
    tf.suggestions.reopen(declined)
    assert len(tf.suggestions.future_items(body)) == 2


def test_a_suggestion_needs_a_title(tf, setting):
    body, ed, _ = setting
    with pytest.raises(ValidationError, match="cannot be empty"):
        tf.suggestions.create(body, " ", ed)
    assert tf.suggestions.of_body(body) == []


def test_the_sample_holds_what_the_minutes_asked_for_later(sample_tf):
    body = sample_tf.bodies.all()[0].id
    views = sample_tf.suggestions.future_items(body)
    assert [(v.suggestion.title, v.suggested_by, v.raised_at, v.aim) for v in views] == [
        ("Communications strategy", "", dt.date(2011, 5, 26), ""),
        ("Society legal models for Co-ops and Mutuals", "Ed Mayo", dt.date(2012, 1, 12),
         "February 2012")]  # "perhaps next month"


def test_a_suggestion_raised_at_a_meeting_is_kept_with_it_and_dated_that_day(tf, setting):
    body, ed, meeting = setting
    made, _ = tf.suggestions.create(body, "Expert witness from Canada", ed, raised_at_id=meeting)
    view, = tf.suggestions.of_body(body)
    assert view.suggestion.raised_at_id == meeting
    assert view.raised_at == view.suggestion.suggested_on == dt.date(2012, 2, 9)
    other, _ = tf.bodies.create("Garden Board")
    elsewhere, _ = tf.meetings.create(other, "2012-02-10")
    with pytest.raises(ValidationError, match="another body's"):
        tf.suggestions.create(body, "A visit abroad", ed, raised_at_id=elsewhere)


def test_a_suggestion_is_aimed_at_a_meeting_or_a_month(tf, setting):
    body, ed, meeting = setting
    made, _ = tf.suggestions.create(body, "Society legal models", ed, "2012-01-12")
    tf.suggestions.aim(made, meeting)
    assert tf.suggestions.of_body(body)[0].aim == "the meeting of 9 February 2012"
    tf.suggestions.aim(made, month="2012-03-17")  # any day of the month
    view, = tf.suggestions.of_body(body)
    assert (view.suggestion.aimed_at_id, view.suggestion.aimed_month) == (
        None, dt.date(2012, 3, 1))
    assert view.aim == "March 2012"
    with pytest.raises(ValidationError, match="not both"):
        tf.suggestions.aim(made, meeting, "2012-03-01")
    other, _ = tf.bodies.create("Garden Board")
    elsewhere, _ = tf.meetings.create(other, "2012-02-10")
    with pytest.raises(ValidationError, match="another body's"):
        tf.suggestions.aim(made, elsewhere)
    tf.suggestions.aim(made)
    assert tf.suggestions.of_body(body)[0].aim == ""


def test_the_file_itself_refuses_a_month_that_is_not_a_month(tf, setting):
    body, ed, _ = setting
    made, _ = tf.suggestions.create(body, "Society legal models", ed)
    for wrong in ("2012-03-17", "next month"):
        with pytest.raises(ValidationError, match="wrong kind"):
            with tf.store.transaction() as db:
                db.execute("UPDATE agenda_suggestions SET aimed_month = ? WHERE id = ?",
                           (wrong, made))
    assert tf.suggestions.get(made).aimed_month is None


def test_deleting_the_meeting_aimed_at_leaves_the_suggestion_waiting_and_undo_aims_it_again(
        tf, setting):
    body, ed, meeting = setting
    made, _ = tf.suggestions.create(body, "Society legal models", ed)
    tf.suggestions.aim(made, meeting)
    _, removed = tf.meetings.delete(meeting)
    assert tf.suggestions.get(made).aimed_at_id is None
    assert [v.suggestion.id for v in tf.suggestions.future_items(body)] == [made]
    tf.restore_rows(removed)
    assert tf.suggestions.get(made).aimed_at_id == meeting


def test_a_date_left_empty_is_the_day_of_the_meeting_that_raised_it_or_today(tf, setting):
    body, ed, meeting = setting
    made, _ = tf.suggestions.create(body, "Society legal models", ed, raised_at_id=meeting,
                                    aimed_month="2031-03-17")
    s = tf.suggestions.get(made)
    assert (s.suggested_on, s.aimed_month) == (dt.date(2012, 2, 9), dt.date(2031, 3, 1))
    tf.suggestions.update(made, raised_at_id=None, suggested_on="")
    assert tf.suggestions.get(made).suggested_on == dt.date.today()
    with pytest.raises(ValidationError, match="not both"):
        tf.suggestions.update(made, aimed_at_id=meeting, aimed_month="2031-03-01")
