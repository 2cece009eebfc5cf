"""Search across the file: every kind, ranked, marked, and kept in step."""

import pytest
from sqlite_utils import Database

from secretariat.storage import schema
from secretariat import search as searching
from secretariat.__main__ import main
from secretariat.storage import backups
from secretariat.storage.opening import APPLICATION_ID
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy

from minutes_setup import add_item, board


def find(tf, words, **kwargs):
    return searching.search(tf.store, words, **kwargs)


def ids_of(results, kind=None):
    return {hit.record_id for hit in results.hits if kind is None or hit.kind == kind}


def fill(tf):
    """A board whose records of every kind mention 'heliotrope' once."""
    made = board(tf)
    first = made.meetings[0]
    made.item = add_item(tf, first, 3, "Heliotrope garden review")
    made.point, _ = tf.minutes.add(made.item, "Members admired the heliotrope beds.")
    made.decision, _ = tf.minutes.add(made.item, "The heliotrope plan was agreed.", "decision")
    made.action, _ = tf.actions.create(made.item, "Cost the heliotrope planting", ["Ed Mayo"])
    made.paper, _ = tf.papers.create(made.body, "Heliotrope and public gardens", "HPG")
    made.person, _ = tf.people.create(made.body, "Ada Gardener", organisation="Heliotrope Trust")
    made.interest, _ = tf.interests.declare(made.people["Ed Mayo"], "Trustee of a heliotrope "
                                            "society", declared_on="2011-01-01")
    made.suggestion, _ = tf.suggestions.create(made.body, "Heliotrope walk for members",
                                               made.people["Ed Mayo"], raised_at_id=first)
    return made


@pytest.fixture
def made(tf):
    return fill(tf)


@pytest.fixture
def made_file(file_path):
    """The same, in a closed file: (path, what was made)."""
    with Taskforce.open(file_path, create=True) as tf:
        return file_path, fill(tf)


def test_a_term_in_every_kind_is_found_grouped_by_kind(tf, made):
    results = find(tf, "heliotrope")

    assert [g.kind for g in results.groups] == [
        "agenda_item", "decision", "action", "point", "paper", "person", "interest",
        "suggestion"]
    assert [g.label for g in results.groups][:2] == ["Agenda items", "Decisions"]
    assert results.groups[-1].label == "Suggested items"
    assert {kind: ids_of(results, kind) for kind in ("agenda_item", "point", "decision",
                                                     "action", "paper", "person", "interest",
                                                     "suggestion")
            } == {"agenda_item": {made.item}, "point": {made.point},
                  "decision": {made.decision}, "action": {made.action},
                  "paper": {made.paper}, "person": {made.person},
                  "interest": {made.interest}, "suggestion": {made.suggestion}}


def test_hits_say_where_they_open(tf, made):
    hits = {hit.kind: hit for hit in find(tf, "heliotrope").hits}

    for kind in ("agenda_item", "point", "decision", "action"):
        assert hits[kind].meeting_id == made.meetings[0]
        assert hits[kind].body_id == made.body
        assert hits[kind].context == "26 May 2011, MTF"
    assert hits["paper"].body_id == made.body and hits["paper"].meeting_id is None
    assert hits["interest"].context == "Ed Mayo"
    # A suggestion opens on its own page, saying who raised it and when.
    assert (hits["suggestion"].meeting_id, hits["suggestion"].body_id) == (None, made.body)
    assert hits["suggestion"].context == "Ed Mayo, 26 May 2011, MTF"


def test_matching_words_are_marked_not_turned_into_markup(tf, made):
    add_item(tf, made.meetings[1], 3, "<b>Heliotropes</b> & roses")
    hits = find(tf, "heliotrope", limit=5).groups[0].hits

    titles = {hit.text.plain: hit.text.matched for hit in hits}
    assert titles["<b>Heliotropes</b> & roses"] == ["Heliotropes"]
    assert titles["Heliotrope garden review"] == ["Heliotrope"]
    point = next(h for h in find(tf, "admired beds").hits if h.kind == "point")
    assert point.text.runs == (("Members ", False), ("admired", True), (" the heliotrope ", False),
                               ("beds", True), (".", False))


def test_title_and_repeated_matches_rank_first(tf, made):
    meeting = made.meetings[1]
    passing = add_item(tf, meeting, 3, "Any other business")
    tf.store.update("agenda_items", passing, {
        "lead_text": "A long note that mentions a lighthouse once among many other words "
                     "about the budget, the timetable and the membership of the group."})
    central = add_item(tf, meeting, 4, "Lighthouse lighthouse review")

    hits = find(tf, "lighthouse").groups[0].hits
    assert [h.record_id for h in hits] == [central, passing]
    assert hits[0].score < hits[1].score


def test_accents_and_word_endings_do_not_matter(tf, made):
    add_item(tf, made.meetings[1], 3, "Café société visit")
    assert find(tf, "cafe societe").hits
    assert ids_of(find(tf, "heliotropes")) == ids_of(find(tf, "heliotrope"))


@pytest.mark.parametrize("typed", [
    '"heliotrope', 'heliotrope"', '*', '-', 'AND', 'OR heliotrope OR', 'NOT', '"" heliotrope',
    'heliotrope AND', 'helio(trope', 'title:heliotrope', '^heliotrope', 'NEAR(heliotrope)',
    "heliotrope's", '***', '""""', '\\', 'heliotrope -"', "'", ""])
def test_any_typed_text_searches_without_error(tf, made, typed):
    results = find(tf, typed)
    assert all(hit.kind in searching.LABELS for hit in results.hits)


def test_phrases_prefixes_or_and_exclusion(tf, made):
    assert ids_of(find(tf, '"heliotrope plan"')) == {made.decision}
    assert ids_of(find(tf, '"plan heliotrope"')) == set()
    assert made.item in ids_of(find(tf, "helio*"))
    assert ids_of(find(tf, "helio")) == set()
    assert made.item in ids_of(find(tf, "helio", as_you_type=True))
    assert ids_of(find(tf, "admired OR planting")) == {made.point, made.action}
    assert made.decision not in ids_of(find(tf, "heliotrope -agreed"))
    assert made.decision not in ids_of(find(tf, "heliotrope NOT agreed"))
    assert not find(tf, "-heliotrope")


def test_two_letters_and_a_star_are_a_prefix_one_letter_a_word(tf, made):
    assert made.item in ids_of(find(tf, "he*"))
    assert made.item in ids_of(find(tf, '"heliotrope ga"*'))
    assert ids_of(find(tf, "h*")) == set()


def test_ranking_is_among_the_newest_matches_of_each_kind(tf, made, monkeypatch):
    monkeypatch.setattr(searching, "_CANDIDATES", 2)
    meeting = made.meetings[1]
    best = add_item(tf, meeting, 3, "Heliotrope heliotrope heliotrope")
    passing = add_item(tf, meeting, 4, "A long title that names a heliotrope once among "
                                       "many other words")

    hits = find(tf, "heliotrope").groups[0].hits  # made.item is older than both
    assert [h.record_id for h in hits] == [best, passing]


def test_the_latest_entries_are_searched_first_then_all(tf, made, monkeypatch):
    monkeypatch.setattr(searching, "_RECENT", 1)  # the newest entry of each kind
    add_item(tf, made.meetings[1], 3, "Recent business")
    assert ids_of(find(tf, "heliotrope", limit=1), "agenda_item") == {made.item}

    newer = add_item(tf, made.meetings[1], 4, "Heliotrope again")
    assert ids_of(find(tf, "heliotrope", limit=1), "agenda_item") == {newer}


def test_limit_applies_to_each_kind(tf, made):
    for n in range(4):
        tf.minutes.add(made.item, f"Heliotrope point {n}")
    results = find(tf, "heliotrope", limit=2)
    assert {g.kind: len(g.hits) for g in results.groups}["point"] == 2
    assert len(results.groups) == 8


def test_body_filter_keeps_people_and_interests(tf, made):
    other, _ = tf.bodies.create("Garden Board")
    tf.papers.create(other, "Heliotrope borders")

    kinds = {hit.kind for hit in find(tf, "heliotrope", body_id=other).hits}
    assert kinds == {"paper", "person", "interest"}
    assert made.paper not in ids_of(find(tf, "heliotrope", body_id=other))


def test_body_filter_follows_a_meeting_to_another_body(tf, made):
    other, _ = tf.bodies.create("Garden Board")
    tf.meetings.update(made.meetings[0], body_id=other)

    moved = {made.item, made.point, made.decision, made.action}
    assert moved <= ids_of(find(tf, "heliotrope", body_id=other))
    assert not moved & ids_of(find(tf, "heliotrope", body_id=made.body))
    assert searching.problems(tf.store) == []


def test_searching_leaves_the_file_unchanged_so_closing_copies_nothing(made_file):
    file_path, _ = made_file
    with Taskforce.open(file_path) as tf:
        assert find(tf, "heliotrope", as_you_type=True)
        assert not tf.store.changed  # a changed file is backed up whole on closing


def test_index_follows_edits_and_deletes(tf, made):
    tf.minutes.update(made.point, text="Members admired the marigolds.")
    tf.actions.update(made.action, text="Cost the marigold planting")
    tf.people.update(made.person, organisation="Marigold Trust")
    tf.suggestions.hold(made.suggestion, "until the marigolds flower")

    assert ids_of(find(tf, "marigold")) == {made.point, made.action, made.person,
                                            made.suggestion}
    assert not {made.point, made.action, made.person} & ids_of(find(tf, "heliotrope"))

    tf.actions.record_update(made.action, "Quotes from three nurseries", on="2011-06-01")
    assert ids_of(find(tf, "nurseries")) == {made.action}

    tf.minutes.delete(made.decision)
    tf.actions.delete(made.action)
    tf.suggestions.delete(made.suggestion)
    assert not ({made.decision, made.action, made.suggestion}
                & ids_of(find(tf, "heliotrope OR marigold")))
    assert searching.problems(tf.store) == []


def test_deleting_a_meeting_and_undoing_it(tf, made):
    before = ids_of(find(tf, "heliotrope"))
    _, removed = tf.meetings.delete(made.meetings[0])

    assert ids_of(find(tf, "heliotrope")) == {made.paper, made.person, made.interest,
                                              made.suggestion}  # no longer tied to it
    tf.restore_rows(removed)
    assert ids_of(find(tf, "heliotrope")) == before
    assert searching.problems(tf.store) == []


def test_undo_of_a_minutes_delete_puts_it_back_in_the_index(tf, made):
    _, rows = tf.minutes.delete(made.point)
    assert made.point not in ids_of(find(tf, "admired"))
    tf.minutes.put_back(rows)
    assert ids_of(find(tf, "admired")) == {made.point}


def test_check_finds_a_stale_index_and_repair_rebuilds_it(tf, made):
    with tf.store.transaction() as db:  # the index loses its entries, records stay
        db.execute("DELETE FROM search_docs WHERE kind = 'point'")
    assert searching.problems(tf.store)

    assert searching.rebuild(tf.store) == 8 + 5 + 6  # records of board() have entries too
    assert searching.problems(tf.store) == []
    assert ids_of(find(tf, "admired")) == {made.point}


def test_check_repair_from_the_command_line(made_file, capsys):
    file_path, made = made_file
    with Taskforce.open(file_path) as tf, tf.store.transaction() as db:
        db.execute("DELETE FROM search_docs")

    assert main(["check", str(file_path)]) == 1
    assert "search index" in capsys.readouterr().err
    assert main(["check", "--repair", str(file_path)]) == 0
    assert main(["check", str(file_path)]) == 0
    with Taskforce.open(file_path) as reopened:
        assert ids_of(find(reopened, "admired")) == {made.point}


def test_command_prints_hits_grouped_by_kind(made_file, capsys):
    file_path, _ = made_file
    assert main(["search", str(file_path), "heliotrope plan"]) == 0
    out = capsys.readouterr().out
    assert "Decisions (1)\n  The [heliotrope] [plan] was agreed.  (26 May 2011, MTF)" in out

    assert main(["search", str(file_path), '"unbalanced']) == 0
    assert "Nothing found" in capsys.readouterr().out


def test_merged_travel_copy_is_searchable_at_home(sample_path, tmp_path):
    travel_path = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as home:
        take_travel_copy(home.store, travel_path)
    with Taskforce.open(travel_path) as away:
        body = away.bodies.all()[0].id
        paper, _ = away.papers.create(body, "Zephyr procurement options")

    assert merge(sample_path, travel_path).merged
    with Taskforce.open(sample_path) as home:
        assert ids_of(find(home, "zephyr")) == {paper}
        assert searching.problems(home.store) == []


def test_a_file_indexed_before_prefixes_is_upgraded_and_searchable(file_path):
    backups.create_private_file(file_path)
    db = Database(file_path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for migrations in schema.migration_sets():
        if migrations.name not in ("secretariat.search_prefix", "secretariat.search_queue"):
            migrations.apply(db)  # as written before the prefix indexes (and the queue)
    db.execute("INSERT INTO people (id, name, organisation, created_at, updated_at) VALUES "
               "('p1', 'Ada Gardener', 'Heliotrope Trust', '2011-01-01', '2011-01-01')")
    db.conn.commit()
    db.close()

    with Taskforce.open(file_path) as tf:
        assert ids_of(find(tf, "helio", as_you_type=True)) == {"p1"}
        assert searching.problems(tf.store) == []
