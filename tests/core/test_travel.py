"""Travel copies: taken, edited away and at home, merged back."""

import datetime as dt
import stat

import pytest

from secretariat.files import exchange
from secretariat.meeting.actions import due_by_problems
from secretariat.errors import FileLockedError, FileProblem
from secretariat.storage.backups import list_backups
from secretariat.taskforce import Taskforce
from secretariat.files.travel import check_merge, merge, snapshot_path, take_travel_copy


@pytest.fixture
def body_id(sample_path):
    with Taskforce.open(sample_path) as tf:
        return tf.bodies.all()[0].id


@pytest.fixture
def travel_path(sample_path, tmp_path):
    """A travel copy of the sample, taken and closed."""
    target = tmp_path / "away" / "laptop.taskforce"
    target.parent.mkdir()
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, target)
    return target


def dump(path) -> str:
    with Taskforce.open(path) as tf:
        return exchange.export_json(tf.store)


def people_names(path) -> set[str]:
    with Taskforce.open(path) as tf:
        return {r["name"] for r in tf.store.rows("SELECT name FROM people")}


def named_person(path) -> tuple[str, str]:
    """Someone in the sample, by id and name."""
    with Taskforce.open(path) as tf:
        row = tf.store.row("SELECT id, name FROM people WHERE name <> '' ORDER BY name")
    return row["id"], row["name"]


def person(path, name):
    with Taskforce.open(path) as tf:
        return tf.store.row("SELECT * FROM people WHERE name = ?", (name,))


def edit(path, fn):
    with Taskforce.open(path) as tf:
        return fn(tf)


def add_person(body_id, name):
    return lambda tf: tf.people.create(body_id, name)[0]


def rename(person_id, name):
    return lambda tf: tf.people.update(person_id, name=name)


def test_a_travel_copy_is_a_private_marked_copy_with_its_starting_point(sample_path, travel_path):
    assert stat.S_IMODE(travel_path.stat().st_mode) == 0o600
    assert people_names(travel_path) == people_names(sample_path)
    with Taskforce.open(travel_path) as away:
        origin = away.store.row("SELECT * FROM travel_origin")
    with Taskforce.open(sample_path) as home:
        identity = home.store.scalar("SELECT id FROM file_identity")
        taken = home.store.row("SELECT * FROM travel_copies_taken")
    assert origin["home_identity"] == identity and origin["home_name"] == sample_path.name
    assert taken["id"] == origin["id"] and taken["merged_at"] is None
    assert snapshot_path(sample_path, origin["id"]).is_file()


def test_a_travel_copy_refuses_an_existing_destination(sample_path, travel_path):
    with Taskforce.open(sample_path) as tf, pytest.raises(FileProblem, match="already exists"):
        take_travel_copy(tf.store, travel_path)


def test_one_sided_changes_on_both_sides_all_merge(sample_path, travel_path, body_id):
    first_id, first = named_person(travel_path)
    home_only = edit(sample_path, add_person(body_id, "Added At Home"))
    edit(travel_path, add_person(body_id, "Added Away"))
    edit(sample_path, add_person(body_id, "Also At Home"))
    edit(sample_path, rename(home_only, "Renamed At Home"))
    edit(travel_path, rename(first_id, first + " (corrected away)"))

    report = merge(sample_path, travel_path)

    assert report.merged and not report.conflicts
    names = people_names(sample_path)
    assert {"Added Away", "Renamed At Home", "Also At Home",
            first + " (corrected away)"} <= names
    assert first not in names
    came_in = {(i.what, i.table, i.label) for i in report.incoming}
    assert ("added", "people", "Added Away") in came_in
    assert ("changed", "people", first + " (corrected away)") in came_in
    assert "memberships" in {i.table for i in report.incoming}
    assert report.backup_path and report.backup_path.is_file()
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        assert tf.store.scalar("SELECT merged_at FROM travel_copies_taken") is not None


def test_a_meeting_arranged_away_is_the_next_meeting_of_actions_at_home(
        sample_path, travel_path, body_id):
    """The due-by dates the file keeps for the action log follow a merge: they are
    bookkeeping, never carried as changes, and made afresh in the home file."""
    def by_next_meeting(tf):
        return {a.due_by for a in tf.actions.log(body_id) if "next meeting" in a.due_text.lower()}

    assert edit(sample_path, by_next_meeting) == {None}  # none after the sample's last meeting
    edit(travel_path, lambda tf: tf.meetings.create(body_id, "2012-02-16"))
    report = merge(sample_path, travel_path)
    assert report.merged and not report.conflicts
    assert {i.table for i in report.incoming} == {"meetings"}
    assert edit(sample_path, by_next_meeting) == {dt.date(2012, 2, 16)}
    with Taskforce.open(sample_path) as tf:
        assert due_by_problems(tf.store) == []


def test_a_suggestion_aimed_away_comes_home_aimed(sample_path, travel_path, body_id):
    def aim_at_a_new_meeting(tf):
        meeting, _ = tf.meetings.create(body_id, "2012-02-09")
        legal = next(v.suggestion.id for v in tf.suggestions.of_body(body_id)
                     if v.suggestion.title.startswith("Society legal"))
        tf.suggestions.aim(legal, meeting)
        return legal, meeting

    legal, meeting = edit(travel_path, aim_at_a_new_meeting)

    report = merge(sample_path, travel_path)

    assert report.merged and not report.conflicts
    assert ("changed", "agenda_suggestions") in {(i.what, i.table) for i in report.incoming}
    with Taskforce.open(sample_path) as tf:
        aimed = tf.suggestions.get(legal)
        assert (aimed.aimed_at_id, aimed.aimed_month) == (meeting, None)
        assert tf.store.check() == []


def test_deletions_travel_too(sample_path, travel_path, body_id):
    victim = edit(sample_path, add_person(body_id, "Leaves Soon"))
    second = travel_path.with_name("second.taskforce")
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, second)
    edit(second, lambda tf: tf.people.delete(victim))

    report = merge(sample_path, second)

    assert "Leaves Soon" not in people_names(sample_path)
    assert ("deleted", "people", victim) in {(i.what, i.table, i.record_id) for i in report.incoming}


def test_a_record_changed_on_both_sides_is_offered_side_by_side(sample_path, travel_path):
    record_id, _ = named_person(sample_path)
    edit(sample_path, rename(record_id, "Home Version"))
    edit(travel_path, rename(record_id, "Travel Version"))

    report = merge(sample_path, travel_path)

    assert not report.merged and len(report.conflicts) == 1
    conflict = report.conflicts[0]
    assert conflict.key == ("people", record_id)
    assert conflict.home["name"] == "Home Version" and conflict.travel["name"] == "Travel Version"
    assert conflict.differing == ["name"]
    assert person(sample_path, "Home Version") is not None  # nothing written yet
    assert not list_backups(sample_path) or all(b.reason != "before-merge"
                                                for b in list_backups(sample_path))

    settled = merge(sample_path, travel_path, {conflict.key: "travel"})

    assert settled.merged and settled.chosen == {conflict.key: "travel"}
    assert person(sample_path, "Travel Version")["id"] == record_id
    assert person(sample_path, "Home Version") is None


def test_choosing_home_keeps_the_home_record(sample_path, travel_path):
    record_id, _ = named_person(sample_path)
    edit(sample_path, rename(record_id, "Home Version"))
    edit(travel_path, rename(record_id, "Travel Version"))
    key = merge(sample_path, travel_path).conflicts[0].key

    merge(sample_path, travel_path, {key: "home"})

    assert person(sample_path, "Home Version")["id"] == record_id


def test_the_same_change_made_on_both_sides_is_no_conflict(sample_path, travel_path):
    record_id, _ = named_person(sample_path)
    edit(sample_path, rename(record_id, "Same Everywhere"))
    edit(travel_path, rename(record_id, "Same Everywhere"))

    assert merge(sample_path, travel_path).merged


def test_deleted_away_but_edited_at_home_is_a_conflict(sample_path, travel_path, body_id):
    victim = edit(sample_path, add_person(body_id, "Contested"))
    second = travel_path.with_name("second.taskforce")
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, second)
    edit(second, lambda tf: tf.people.delete(victim))
    edit(sample_path, rename(victim, "Contested But Kept"))

    report = merge(sample_path, second)

    assert [(c.home["name"], c.travel) for c in report.conflicts] == [("Contested But Kept", None)]
    merge(sample_path, second, {report.conflicts[0].key: "travel"})
    assert "Contested But Kept" not in people_names(sample_path)


def test_a_record_deleted_at_home_comes_back_when_travel_work_needs_it(
        sample_path, travel_path, body_id):
    with Taskforce.open(sample_path) as tf:
        lone = tf.store.insert("people", {"name": "Only Away"})["id"]
    second = travel_path.with_name("second.taskforce")
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, second)
    edit(sample_path, lambda tf: tf.people.delete(lone))
    edit(second, lambda tf: tf.people.join(lone, body_id))

    report = merge(sample_path, second)

    assert "Only Away" in people_names(sample_path)
    assert ("restored", "people", lone) in {(i.what, i.table, i.record_id) for i in report.incoming}
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []


def test_merging_the_same_copy_twice_changes_nothing_the_second_time(
        sample_path, travel_path, body_id, tmp_path):
    edit(travel_path, add_person(body_id, "Added Away"))
    record_id, _ = named_person(sample_path)
    edit(sample_path, rename(record_id, "Home Version"))
    edit(travel_path, rename(record_id, "Travel Version"))
    key = merge(sample_path, travel_path).conflicts[0].key
    merge(sample_path, travel_path, {key: "home"})
    before = tmp_path / "before.json"
    before.write_text(dump(sample_path))

    again = merge(sample_path, travel_path)

    assert again.merged and not again.incoming and not again.conflicts
    assert "Nothing new" in again.summary()
    assert dump(sample_path) == before.read_text()


def test_merge_refuses_an_open_file(sample_path, travel_path):
    with Taskforce.open(sample_path):
        with pytest.raises(FileLockedError):
            merge(sample_path, travel_path)


def test_merge_refuses_a_copy_of_another_file(tmp_path, travel_path):
    other = tmp_path / "other.taskforce"
    Taskforce.open(other, create=True).close()
    with pytest.raises(FileProblem, match="travel copy of another file"):
        merge(other, travel_path)


def test_merge_refuses_a_file_that_is_not_a_travel_copy(sample_path, tmp_path):
    plain = tmp_path / "plain.taskforce"
    Taskforce.open(plain, create=True).close()
    with pytest.raises(FileProblem, match="not a travel copy"):
        merge(sample_path, plain)


def test_a_travel_copy_cannot_be_copied_again(travel_path):
    with Taskforce.open(travel_path) as tf, pytest.raises(FileProblem, match="itself a travel copy"):
        take_travel_copy(tf.store, travel_path.with_name("copy2.taskforce"))


def test_what_a_merge_refuses_is_refused_while_the_home_file_is_still_open(
        sample_path, travel_path, tmp_path):
    plain = tmp_path / "plain.taskforce"
    Taskforce.open(plain, create=True).close()
    other_home = tmp_path / "other.taskforce"
    Taskforce.open(other_home, create=True).close()
    with Taskforce.open(other_home) as other:
        with pytest.raises(FileProblem, match="travel copy of another file"):
            check_merge(other.store, travel_path)
    with Taskforce.open(sample_path) as home:
        with pytest.raises(FileProblem, match="not a travel copy"):
            check_merge(home.store, plain)
        with Taskforce.open(travel_path), pytest.raises(FileLockedError, match="already open"):
            check_merge(home.store, travel_path)
        snapshot = next(snapshot_path(sample_path, "x").parent.glob("travel-*.snapshot"))
        snapshot.rename(snapshot.with_suffix(".moved"))
        with pytest.raises(FileProblem, match="starting point"):
            check_merge(home.store, travel_path)
        snapshot.with_suffix(".moved").rename(snapshot)
        assert check_merge(home.store, travel_path) == travel_path
    assert merge(sample_path, travel_path).merged  # nothing the check did stands in its way


def test_a_travel_copy_says_where_it_came_from_and_a_home_file_does_not(sample_path, travel_path):
    import datetime as dt

    with Taskforce.open(travel_path) as tf:
        assert (tf.travel_origin().home_name, tf.travel_origin().taken_on) == (
            sample_path.name, dt.date.today())
    with Taskforce.open(sample_path) as tf:
        assert tf.travel_origin() is None
