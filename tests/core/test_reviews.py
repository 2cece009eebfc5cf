import datetime as dt

import pytest
from papers_setup import panel

from secretariat.review import reviews
from secretariat.errors import ValidationError

TODAY = dt.date(2012, 2, 1)


@pytest.fixture
def world(tf):
    p = panel(tf)
    p.paper, _ = tf.papers.create(p.body, "Teckal paper", status="out_for_review",
                                  review_deadline="2012-02-20")
    return p


def marks(tf, p, today=TODAY):
    [cover] = [c for c in reviews.coverage(tf, p.body, today) if c.paper.id == p.paper]
    return cover.marks


def test_a_paper_without_reviewers_lacks_both_roles(tf, world):
    assert marks(tf, world) == ["No technical reviewer", "No lay reviewer"]


def test_a_technical_and_a_lay_reviewer_cover_a_paper(tf, world):
    tf.reviews.nominate(world.paper, world.people["Peter Holbrook"], "technical")
    assert marks(tf, world) == ["No lay reviewer"]
    tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "Lay reader")
    assert marks(tf, world) == []


def test_another_role_in_their_words_covers_neither(tf, world):
    review_id, _ = tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "other",
                                       "Checking the co-operative law")
    assert tf.reviews.get(review_id).role_label == "Checking the co-operative law"
    assert marks(tf, world) == ["No technical reviewer", "No lay reviewer"]
    with pytest.raises(ValidationError, match="words"):
        tf.reviews.nominate(world.paper, world.people["Peter Marsh"], "other", "  ")


def test_a_withdrawn_reviewer_no_longer_covers_the_paper(tf, world):
    review_id, _ = tf.reviews.nominate(world.paper, world.people["Peter Holbrook"],
                                       "technical")
    tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "lay")
    tf.reviews.set_status(review_id, "withdrawn")
    assert marks(tf, world) == ["No technical reviewer"]


def test_a_near_deadline_with_reviews_outstanding_is_marked(tf, world):
    tech, _ = tf.reviews.nominate(world.paper, world.people["Peter Holbrook"], "technical")
    lay, _ = tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "lay")
    assert marks(tf, world, dt.date(2012, 2, 1)) == []  # 19 days to go
    assert marks(tf, world, dt.date(2012, 2, 15)) == [
        "Deadline in 5 day(s) with 2 review(s) outstanding"]
    tf.reviews.set_status(tech, "comments_received")
    assert marks(tf, world, dt.date(2012, 2, 21)) == [
        "Deadline passed with 1 review(s) outstanding"]
    tf.reviews.set_status(lay, "done")
    assert marks(tf, world, dt.date(2012, 2, 21)) == []


def test_papers_past_review_are_not_marked(tf, world):
    tf.papers.update(world.paper, status="published")
    assert marks(tf, world) == []


def test_only_members_nominate_and_only_once(tf, world):
    tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "lay")
    with pytest.raises(ValidationError, match="already"):
        tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "technical")
    with pytest.raises(ValidationError, match="not a member"):
        tf.reviews.nominate(world.paper, world.people["Head of Mutuals Programme"], "lay")
    assert len(tf.reviews.of_paper(world.paper)) == 1


def test_reviews_move_through_their_states(tf, world):
    review_id, _ = tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "lay")
    for status in ("confirmed", "Comments received", "done"):
        tf.reviews.set_status(review_id, status)
    assert tf.reviews.get(review_id).status_label == "Done"
    with pytest.raises(ValidationError):
        tf.reviews.set_status(review_id, "lost")


def test_suggested_external_reviewers_are_kept_with_the_paper(tf, world):
    tf.reviews.suggest(world.paper, "A. Academic", "Co-operative law", "by the Co-ops UK office",
                       world.people["Ed Mayo"])
    [s] = tf.reviews.suggestions(world.paper)
    assert (s.name, s.expertise, s.contact, s.suggested_by) == (
        "A. Academic", "Co-operative law", "by the Co-ops UK office", "Ed Mayo")
    with pytest.raises(ValidationError):
        tf.reviews.suggest(world.paper, " ")


def test_each_members_review_load(tf, world):
    other, _ = tf.papers.create(world.body, "Assets", status="out_for_review")
    ed = world.people["Ed Mayo"]
    tf.reviews.nominate(world.paper, ed, "lay")
    done, _ = tf.reviews.nominate(other, ed, "technical")
    tf.reviews.set_status(done, "done")
    loads = {load.name: (load.in_hand, load.done) for load in reviews.load(tf, world.body, TODAY)}
    assert loads["Ed Mayo"] == (1, 1)
    assert loads["Peter Holbrook"] == (0, 0)
    assert "Patrick Burns" not in loads  # left the body


def test_overdue_reviews_are_those_outstanding_past_the_deadline(tf, world):
    late, _ = tf.reviews.nominate(world.paper, world.people["Ed Mayo"], "lay")
    in_, _ = tf.reviews.nominate(world.paper, world.people["Peter Holbrook"], "technical")
    tf.reviews.set_status(in_, "comments_received")
    assert tf.reviews.overdue(world.body, dt.date(2012, 2, 20)) == []
    assert [r.id for r, _ in tf.reviews.overdue(world.body, dt.date(2012, 2, 21))] == [late]
