"""One person, one record: a name already someone's is flagged, an import
refuses two unmarked, check lists them, and a person recorded twice can be
merged into one, their records following."""

import json

import pytest

from secretariat.files import exchange
from secretariat.__main__ import main
from secretariat.membership.people import NamesakeError
from secretariat.taskforce import Taskforce


@pytest.mark.parametrize("typed", ["Ed Mayo", "ed mayo", "  Ed   Mayo ", "Éd Mayo"])
def test_a_name_already_someone_s_is_flagged(sample_tf, typed):
    body = sample_tf.bodies.all()[0].id
    with pytest.raises(NamesakeError, match="already someone called Ed Mayo \\(Co-operatives UK\\)"):
        sample_tf.people.create(body, typed)
    person, _ = sample_tf.people.create(body, typed, namesake_ok=True)  # "someone else"
    assert sample_tf.people.get(person).namesake_ok


def test_a_name_with_an_invisible_character_in_it_is_another_s_all_the_same(sample_tf):
    """As an import from an older version may hold one: check and the
    namesake questions see through it."""
    from secretariat.fields import same_name

    assert same_name("Ed Ma\u200byo") == same_name("\ufeffEd Mayo") == same_name("Ed Mayo")


def test_renaming_someone_to_another_s_name_is_flagged(sample_tf):
    rachel = sample_tf.store.scalar("SELECT id FROM people WHERE name = 'Rachel Wolf'")
    with pytest.raises(NamesakeError):
        sample_tf.people.update(rachel, name="Ed Mayo")
    sample_tf.people.update(rachel, name="Rachel Wolf-Smith")  # anyone else's is fine


def test_an_import_refuses_two_of_the_same_name_unless_marked(sample_path, tmp_path, capsys):
    with Taskforce.open(sample_path, reading=True) as tf:
        document = json.loads(exchange.export_json(tf.store))
    people = document["tables"]["people"]
    twin = dict(people[0], id="twin", name=people[0]["name"].upper())
    people.append(twin)
    source = tmp_path / "twins.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "a.taskforce"), str(source)]) == 1
    assert "is also the name of tables.people[0]" in capsys.readouterr().err
    twin["namesake_ok"] = 1
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "b.taskforce"), str(source)]) == 0


def test_check_lists_a_person_recorded_twice(sample_path, capsys):
    with Taskforce.open(sample_path) as tf:
        with tf.store.transaction() as db:  # as an older version let in
            db.execute("UPDATE people SET name = 'Ed Mayo' WHERE name = 'Rachel Wolf'")
    assert main(["check", str(sample_path)]) == 1
    assert "people: 2 records called Ed Mayo" in capsys.readouterr().err


def test_a_person_recorded_twice_is_merged_and_undone(sample_tf):
    tf = sample_tf
    body = tf.bodies.all()[0].id
    ed = tf.store.scalar("SELECT id FROM people WHERE name = 'Ed Mayo'")
    twin, _ = tf.people.create(body, "Edward Mayo", organisation="Co-operatives UK")
    january = tf.meetings.find_one("2012-01-12").id
    item = tf.agenda.planned(january)[0][2].item.id
    action, _ = tf.actions.create(item, "Write the note", ["Edward Mayo", "Ed Mayo"])
    interest, _ = tf.interests.declare(twin, "Trustee of a co-operative bank")
    before = exchange.export_json(tf.store)

    _, rows = tf.people.merge(twin, ed)
    assert tf.actions.get(action).owner_label == "Ed Mayo"  # named once, as the file holds
    assert tf.interests.get(interest).person_id == ed
    assert tf.store.scalar("SELECT count(*) FROM people WHERE id = ?", (twin,)) == 0
    assert tf.store.check() == []
    tf.people.undo_merge(rows)  # Edit > Undo
    assert exchange.export_json(tf.store) == before


def test_the_same_person_added_at_home_and_away_is_pointed_out(sample_path, tmp_path):
    from secretariat.files.travel import merge, take_travel_copy

    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
        tf.people.create(tf.bodies.all()[0].id, "Jane Newcomer")
    with Taskforce.open(away) as tf:
        tf.people.create(tf.bodies.all()[0].id, "Jane Newcomer")
    report = merge(sample_path, away)
    assert report.merged
    assert report.to_look_at == [
        "2 people are now called Jane Newcomer: if one person was added at home and away, "
        "merge them (People > Merge Into…); if not, say they are different people (edit one "
        "and answer Yes)."]


def test_a_merge_keeps_what_only_the_duplicate_knew_and_undo_gives_it_back(sample_tf):
    """"éd MAYO" (Co-operatives UK, joined 1 Feb 2011) merged into an "Ed Mayo"
    recorded without them: the survivor takes what it lacked."""
    tf = sample_tf
    body = tf.bodies.all()[0].id
    ed = tf.store.scalar("SELECT id FROM people WHERE name = 'Ed Mayo'")
    ours = tf.people.membership_in(body, ed)
    tf.people.update_with_membership(ed, ours.id, dict(organisation="", notes="Chairs a panel"),
                                     dict(joined_on="2012-03-01", left_on=None))
    twin, _ = tf.people.create(body, "éd MAYO", organisation="Co-operatives UK",
                               email="ed@example.org", notes="From the 2011 list",
                               joined_on="2011-02-01", left_on="2013-01-01", namesake_ok=True)
    before = exchange.export_json(tf.store)

    _, rows = tf.people.merge(twin, ed)
    survivor = tf.people.get(ed)
    assert (survivor.name, survivor.organisation, survivor.email, survivor.notes) == (
        "Ed Mayo", "Co-operatives UK", "ed@example.org", "Chairs a panel")
    membership = tf.people.membership_in(body, ed)
    assert str(membership.joined_on) == "2011-02-01"  # the earlier
    assert membership.left_on is None  # still a member, as the survivor's record says
    tf.people.undo_merge(rows)
    assert exchange.export_json(tf.store) == before


def test_a_membership_without_dates_takes_the_duplicate_s(sample_tf):
    tf = sample_tf
    body = tf.bodies.all()[0].id
    jane, _ = tf.people.create(body, "Jane Roe")
    twin, _ = tf.people.create(body, "JANE ROE", joined_on="2011-02-01", left_on="2013-01-01",
                               namesake_ok=True)
    tf.people.merge(twin, jane)
    membership = tf.people.membership_in(body, jane)
    assert (str(membership.joined_on), str(membership.left_on)) == ("2011-02-01", "2013-01-01")
