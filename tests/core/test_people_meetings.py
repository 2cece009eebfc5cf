"""The first slice of the domain: the body, its people and its meetings."""

import datetime as dt

import pytest

from secretariat.errors import NotFoundError, ValidationError


@pytest.fixture
def body(tf):
    body_id, _ = tf.bodies.create("Mutuals Taskforce", parent_department="Cabinet Office",
                                  default_venue="22 Whitehall",
                                  default_marking="OFFICIAL-SENSITIVE")
    return body_id


def test_a_body_and_its_working_group(tf, body):
    group, _ = tf.bodies.create("Finance Working Group", parent_body_id=body)
    assert [b.name for b in tf.bodies.all()] == ["Mutuals Taskforce", "Finance Working Group"]
    with pytest.raises(ValidationError, match="not one of"):
        tf.bodies.update(group, default_marking="SECRET")
    with pytest.raises(ValidationError, match="cannot be empty"):
        tf.bodies.update(group, name="  ")
    assert tf.bodies.get(group).name == "Finance Working Group"


def test_people_with_roles_and_officials_by_role_title(tf, body):
    tf.people.create(body, "Peter Marsh", "vice_chair", organisation="University of Sheffield")
    tf.people.create(body, "Julian Le Grand", "Chair", email="chair@example.org")
    tf.people.create(body, role="official", role_title="Head of Mutuals Programme")
    tf.people.create(body, "Rachel Wolf", joined_on="1 February 2011", left_on="2011-12-31")
    listed = tf.people.in_body(body)
    assert [(bp.person.display_name, bp.role_label) for bp in listed] == [
        ("Julian Le Grand", "Chair"), ("Peter Marsh", "Vice-Chair"), ("Rachel Wolf", "Member"),
        ("Head of Mutuals Programme", "Official")]
    assert listed[2].membership.joined_on == dt.date(2011, 2, 1)
    members = tf.people.members_on(body, dt.date(2012, 1, 12))
    assert [bp.person.name for bp in members] == ["Julian Le Grand", "Peter Marsh"]
    assert tf.people.count_members_on(body, dt.date(2011, 6, 1)) == 3
    # The first of a long list, or those asked after, in the list's order.
    assert tf.people.in_body(body, limit=2) == listed[:2]
    assert tf.people.members_on(body, dt.date(2011, 6, 1), limit=2) == listed[:2]
    wolf, marsh = listed[2].person.id, listed[1].person.id
    assert tf.people.members_on(body, dt.date(2011, 6, 1), among={wolf, marsh}) == listed[1:3]
    assert tf.people.members_ever(body, limit=2, offset=1) == listed[1:3]


@pytest.mark.parametrize("values, message", [
    (dict(name=""), "needs a name"),
    (dict(name="Ed Mayo", email="ed at coops"), "not an e-mail address"),
    (dict(name="Ed Mayo", role="treasurer"), "not one of"),
    (dict(name="Ed Mayo", joined_on="2012-01-01", left_on="2011-01-01"), "before the date"),
    (dict(name="Ed Mayo", joined_on="next Tuesday"), "not a date"),
])
def test_bad_people_are_refused_and_nothing_written(tf, body, values, message):
    with pytest.raises(ValidationError, match=message):
        tf.people.create(body, **values)
    assert tf.store.scalar("SELECT count(*) FROM people") == 0
    assert tf.store.scalar("SELECT count(*) FROM memberships") == 0


def test_marking_someone_as_having_left(tf, body):
    person, _ = tf.people.create(body, "Patrick Burns", joined_on="2011-02-01")
    membership = tf.people.in_body(body)[0].membership
    tf.people.mark_left(membership.id, dt.date(2011, 12, 31))
    assert tf.people.in_body(body)[0].membership.left_on == dt.date(2011, 12, 31)
    assert tf.people.members_on(body, dt.date(2012, 1, 12)) == []


def test_delete_only_when_referenced_nowhere(tf, body):
    chair, _ = tf.people.create(body, "Julian Le Grand", "chair")
    mistake, _ = tf.people.create(body, "Julian Le Grnad")
    meeting, _ = tf.meetings.create(body, "2011-05-26")
    with tf.store.transaction() as db:
        db.execute("UPDATE meetings SET chair_person_id = ? WHERE id = ?", (chair, meeting))
    with pytest.raises(ValidationError, match="Mark them as having left"):
        tf.people.delete(chair)
    assert tf.people.get(chair).name == "Julian Le Grand"
    assert len(tf.people.in_body(body)) == 2

    _, removed = tf.people.delete(mistake)
    with pytest.raises(NotFoundError):
        tf.people.get(mistake)
    tf.restore_rows(removed)  # undo
    assert [bp.person.name for bp in tf.people.in_body(body)] == [
        "Julian Le Grand", "Julian Le Grnad"]


def test_a_meeting_takes_the_body_defaults(tf, body):
    meeting_id, changes = tf.meetings.create(body, "26 May 2011", "15.30", "1730")
    meeting = tf.meetings.get(meeting_id)
    assert (meeting.venue, meeting.marking, meeting.kind, meeting.status) == (
        "22 Whitehall", "OFFICIAL-SENSITIVE", "regular", "planned")
    assert (meeting.start_time, meeting.end_time) == (dt.time(15, 30), dt.time(17, 30))
    assert changes.concerns("meeting") and meeting_id in changes.ids


def test_meeting_kinds_statuses_and_times(tf, body):
    meeting_id, _ = tf.meetings.create(body, "2012-01-12", kind="Round table")
    tf.meetings.update(meeting_id, status="Minutes in draft", start_time="16:00")
    meeting = tf.meetings.get(meeting_id)
    assert (meeting.kind_label, meeting.status_label) == ("Round table", "Minutes in draft")
    with pytest.raises(ValidationError, match="end after it starts"):
        tf.meetings.update(meeting_id, end_time="15:00")
    with pytest.raises(ValidationError, match="not one of"):
        tf.meetings.update(meeting_id, kind="picnic")
    assert tf.meetings.get(meeting_id).end_time is None


def test_one_meeting_by_date(tf, body):
    with pytest.raises(NotFoundError, match="no meeting on 2011-05-26"):
        tf.meetings.find_one("26 May 2011", body)
    tf.meetings.create(body, "2011-05-26", "10:00")
    tf.meetings.create(body, "2011-05-26", "15:30")
    with pytest.raises(ValidationError, match="2 meetings"):
        tf.meetings.find_one("2011-05-26")


def test_deleting_a_meeting_takes_its_record_and_undo_puts_it_all_back(tf, body):
    person, _ = tf.people.create(body, "Ed Mayo")
    meeting, _ = tf.meetings.create(body, "2011-05-26")
    later, _ = tf.meetings.create(body, "2012-01-12")
    stamp = "2011-05-01T00:00:00"
    with tf.store.transaction() as db:
        db["agenda_items"].insert_all([
            dict(id="item1", meeting_id=meeting, position=1, title="Welcome",
                 created_at=stamp, updated_at=stamp),
            dict(id="sub1", meeting_id=meeting, parent_id="item1", position=1,
                 title="Apologies", created_at=stamp, updated_at=stamp),
            dict(id="carried", meeting_id=later, position=1, title="Welcome again",
                 carried_from_id="item1", created_at=stamp, updated_at=stamp)])
    before = {t: tf.store.rows(f"SELECT * FROM [{t}] ORDER BY id")
              for t in ("meetings", "agenda_items", "people")}

    changes, removed = tf.meetings.delete(meeting)
    assert changes.concerns("agenda")  # everything that hung on the meeting changed
    assert tf.store.scalar("SELECT count(*) FROM agenda_items WHERE meeting_id = ?",
                           (meeting,)) == 0
    assert tf.store.scalar("SELECT carried_from_id FROM agenda_items WHERE id = 'carried'") \
        is None

    tf.restore_rows(removed)
    assert {t: tf.store.rows(f"SELECT * FROM [{t}] ORDER BY id") for t in before} == before
    assert tf.store.check() == []


def _every_row(tf) -> dict[str, list[str]]:
    tables = [t for t in tf.store.db.table_names()
              if not t.startswith("_") and "search" not in t]  # not the derived index
    return {t: sorted(repr(sorted(r.items())) for r in tf.store.rows(f"SELECT * FROM [{t}]"))
            for t in tables}


@pytest.mark.parametrize("day", ["2011-05-26", "2012-01-12"])
def test_undoing_the_delete_of_a_sample_meeting_restores_every_table(sample_tf, day):
    meeting = sample_tf.meetings.find_one(day)
    if meeting.status == "approved":  # final: only a meeting taken back can go
        sample_tf.minutes.lifecycle.reopen(meeting.id, "Entered by mistake")
    before = _every_row(sample_tf)
    _, removed = sample_tf.meetings.delete(meeting.id)
    assert _every_row(sample_tf) != before
    sample_tf.restore_rows(removed)
    assert _every_row(sample_tf) == before
    assert sample_tf.store.check() == []


def test_a_view_asking_about_an_area_that_does_not_exist_is_told_so(tf):
    """A misspelt area would otherwise never refresh its view, silently."""
    body, changes = tf.bodies.create("Mutuals Taskforce")
    assert changes.concerns("body") and not changes.concerns("person")
    with pytest.raises(ValueError):
        changes.concerns("bodies")
