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
    assert [v.suggestion.title for v in sample_tf.suggestions.future_items(body)] == [
        "Communications strategy", "Society legal models for Co-ops and Mutuals"]
