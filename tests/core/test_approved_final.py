"""Approved minutes are final: whatever path a change takes, it cannot alter
what a meeting whose minutes are approved recorded, nor what they print.

Every public method of every manager is listed here: tried against the
approved meeting (each refused with the clear error, the file unchanged),
or said to write nothing of an approved meeting's record, and why. A method
added later fails the listing until it is placed.
"""

import dataclasses
import inspect

import pytest

from secretariat.files import exchange
from secretariat.meeting import minutes_content
from secretariat.errors import MinutesLockedError, ValidationError
from secretariat.taskforce import Taskforce


@dataclasses.dataclass
class Ids:
    may: str = ""
    january: str = ""
    item: str = ""
    plain_item: str = ""  # one with no sub-items
    sub_item: str = ""
    entry: str = ""
    action: str = ""
    update: str = ""
    attendance: str = ""
    person: str = ""
    outsider: str = ""
    declaration: str = ""
    link: str = ""
    paper: str = ""
    suggestion: str = ""
    deferred: str = ""


@pytest.fixture
def approved(sample_tf):
    """The sample with its May minutes holding one of everything, then approved
    at the January meeting; January's own minutes are circulated."""
    tf, ids = sample_tf, Ids()
    ids.may = tf.meetings.find_one("2011-05-26").id
    ids.january = tf.meetings.find_one("2012-01-12").id
    tf.minutes.lifecycle.reopen(ids.may, "To record one of everything")
    rows = tf.store.rows
    ids.item = rows("SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL "
                    "ORDER BY position LIMIT 1 OFFSET 2", (ids.may,))[0]["id"]
    ids.plain_item = rows("SELECT id FROM agenda_items i WHERE meeting_id = ? AND parent_id "
                          "IS NULL AND position > 1 AND NOT EXISTS (SELECT 1 FROM agenda_items "
                          "s WHERE s.parent_id = i.id) AND id <> ?", (ids.may, ids.item))[0]["id"]
    ids.sub_item, _ = tf.agenda.add(ids.may, "A sub-item", parent_id=ids.item)
    ids.entry, _ = tf.minutes.add(ids.item, "A point made")
    ids.action = tf.actions.of_meeting(ids.may)[0].id
    ids.update, _ = tf.actions.record_update(ids.action, "Reported", meeting_id=ids.may,
                                             on="2011-05-26")
    attendance = rows("SELECT a.id, a.person_id FROM attendance a JOIN memberships s ON "
                      "s.person_id = a.person_id WHERE a.meeting_id = ? AND a.status = "
                      "'present' AND s.role = 'member' LIMIT 1", (ids.may,))[0]
    ids.attendance, ids.person = attendance["id"], attendance["person_id"]
    tf.attendance.set_items(ids.attendance, [ids.item])
    ids.outsider, _ = tf.people.create(tf.bodies.all()[0].id, "Someone Not There")
    ids.declaration, _ = tf.interests.declare_at_meeting(ids.may, ids.person, "A declaration")
    ids.link = rows("SELECT id, paper_id FROM paper_links WHERE meeting_id = ?",
                    (ids.may,))[0]["id"]
    ids.paper = rows("SELECT id FROM papers WHERE id NOT IN (SELECT paper_id FROM paper_links "
                     "WHERE meeting_id = ?) LIMIT 1", (ids.may,))[0]["id"]
    ids.suggestion, _ = tf.suggestions.create(tf.bodies.all()[0].id, "A suggested item")
    ids.deferred, _ = tf.agenda.add(ids.january, "Deferred at January")
    tf.agenda.set_status(ids.deferred, "deferred")
    tf.minutes.lifecycle.approve(ids.may, ids.january)
    return tf, ids


def _register_snapshot(tf, ids):
    return tf.attendance.put_back(tf.attendance.snapshot(ids.may, ids.outsider))


# Each write of each manager, aimed at the approved May meeting's record.
REFUSED = {
    "meetings.update": lambda tf, i: tf.meetings.update(i.may, venue="Elsewhere"),
    "meetings.delete": lambda tf, i: tf.meetings.delete(i.may),
    "agenda.add": lambda tf, i: tf.agenda.add(i.may, "An item added afterwards"),
    "agenda.apply_standing_items": lambda tf, i: tf.agenda.apply_standing_items(i.may),
    "agenda.copy_from": lambda tf, i: tf.agenda.copy_from(i.january, i.may),
    "agenda.delete": lambda tf, i: tf.agenda.delete(i.item),
    "agenda.indent": lambda tf, i: tf.agenda.indent(i.plain_item),
    "agenda.outdent": lambda tf, i: tf.agenda.outdent(i.sub_item),
    "agenda.move_down": lambda tf, i: tf.agenda.move_down(i.item),
    "agenda.move_up": lambda tf, i: tf.agenda.move_up(i.item),
    "agenda.move_to": lambda tf, i: tf.agenda.move_to(i.item, None, 1),
    "agenda.place_deferred": lambda tf, i: tf.agenda.place_deferred(i.deferred, i.may),
    "agenda.restore_order": lambda tf, i: tf.agenda.restore_order(
        i.may, [(i.item, None, 1)]),
    "agenda.set_agenda_status": lambda tf, i: tf.agenda.set_agenda_status(i.may, "draft"),
    "agenda.set_status": lambda tf, i: tf.agenda.set_status(i.item, "deferred"),
    "agenda.update": lambda tf, i: tf.agenda.update(i.item, title="Retitled"),
    "attendance.add": lambda tf, i: tf.attendance.add(i.may, i.outsider),
    "attendance.mark": lambda tf, i: tf.attendance.mark(i.may, i.person, "absent"),
    "attendance.note_times": lambda tf, i: tf.attendance.note_times(i.attendance, i.item),
    "attendance.put_back": _register_snapshot,
    "attendance.remove": lambda tf, i: tf.attendance.remove(i.attendance),
    "attendance.set_chair": lambda tf, i: tf.attendance.set_chair(i.may, None),
    "attendance.set_deputising": lambda tf, i: tf.attendance.set_deputising(
        i.attendance, i.outsider),
    "attendance.set_items": lambda tf, i: tf.attendance.set_items(i.attendance, []),
    "attendance.update": lambda tf, i: tf.attendance.update(i.attendance, note="Later"),
    "suggestions.place": lambda tf, i: tf.suggestions.place(i.suggestion, i.may),
    "papers.link": lambda tf, i: tf.papers.link(i.paper, i.may),
    "papers.unlink": lambda tf, i: tf.papers.unlink(i.link),
    "interests.declare_at_meeting": lambda tf, i: tf.interests.declare_at_meeting(
        i.may, i.person, "Declared afterwards"),
    "interests.remove_meeting_declaration":
        lambda tf, i: tf.interests.remove_meeting_declaration(i.declaration),
    "actions.create": lambda tf, i: tf.actions.create(i.item, "Agreed afterwards",
                                                      ["Officials"]),
    "actions.update": lambda tf, i: tf.actions.update(i.action, text="Reworded"),
    "actions.delete": lambda tf, i: tf.actions.delete(i.action),
    "actions.record_update": lambda tf, i: tf.actions.record_update(
        i.action, "Reported there after all", meeting_id=i.may),
    "actions.close": lambda tf, i: tf.actions.close(i.action, meeting_id=i.may),
    "actions.carry_forward": lambda tf, i: tf.actions.carry_forward(i.action, i.may),
    "actions.remove_update": lambda tf, i: tf.actions.remove_update(i.update),
    "actions.drop_with_item": lambda tf, i: tf.actions.drop_with_item(
        tf.actions.get(i.action).item_id, i.may),
    "minutes.add": lambda tf, i: tf.minutes.add(i.item, "A point added afterwards"),
    "minutes.capture": lambda tf, i: tf.minutes.capture(i.item, "- Added afterwards"),
    "minutes.update": lambda tf, i: tf.minutes.update(i.entry, text="Reworded"),
    "minutes.delete": lambda tf, i: tf.minutes.delete(i.entry),
    "minutes.move": lambda tf, i: tf.minutes.move(i.entry, -1),
    "minutes.remove": lambda tf, i: tf.minutes.remove([("minutes_entries", i.entry)]),
    "minutes.put_back": lambda tf, i: tf.minutes.put_back(
        [("minutes_entries", {**tf.minutes.raw(i.entry), "id": "x" * 32})]),
    "lifecycle.circulate": lambda tf, i: tf.minutes.lifecycle.circulate(i.may),
}
# What writes nothing of an approved meeting's record, and why.
ELSEWHERE = {
    "restore": "puts back a row a delete removed (undo); no approved record can be deleted",
    "bodies.create": "a new body", "bodies.update": "the body; kept minutes keep its name",
    "people.create": "a new person", "people.update": "kept minutes keep the names they print",
    "people.delete": "someone on an approved register cannot be deleted (they are referred to)",
    "people.join": "a membership", "people.mark_left": "a membership",
    "people.update_membership": "a membership",
    "people.update_with_membership": "a person and a membership (as people.update)",
    "people.merge": "a recorded step: moves who is named, not what kept minutes print "
                    "(test_a_person_recorded_twice_on_an_approved_register_can_be_merged)",
    "people.undo_merge": "the merge's undo",
    "meetings.create": "a new meeting", "agenda.create_meeting": "a new meeting",
    "meetings.cancel": "only a planned meeting is cancelled; approved minutes' is not planned",
    "meetings.reinstate": "only a cancelled meeting, which has no approved minutes",
    "meetings.record_invitation": "when the invitation was made: nothing kept minutes print",
    "agenda.drop_deferred": "only whether later meetings are offered the item",
    "suggestions.create": "the body's suggestions", "suggestions.decline": "a suggestion",
    "suggestions.delete": "a suggestion", "suggestions.hold": "a suggestion",
    "suggestions.reopen": "a suggestion", "suggestions.update": "a suggestion",
    "suggestions.aim": "a suggestion: which coming meeting or month it is for",
    "papers.create": "a paper", "papers.update": "a paper", "papers.sign_off": "a paper",
    "reports.create": "a report", "reports.update": "a report and its chapters",
    "reports.delete": "a report, its recommendations and their links (never a meeting's record)",
    "recommendations.create": "a recommendation", "recommendations.update": "a recommendation",
    "recommendations.delete": "a recommendation, with its updates and links",
    "recommendations.add_update": "a recommendation's progress; the meeting it was reported "
                                  "at is named, not changed",
    "recommendations.remove_update": "a recommendation's progress",
    "recommendations.link": "a recommendation's link; the action, paper or meeting it names "
                            "is not changed",
    "recommendations.unlink": "a recommendation's link",
    "papers.delete": "a paper sent to an approved meeting cannot be (its link is kept)",
    "reviews.delete": "reviews", "reviews.nominate": "reviews",
    "reviews.remove_suggestion": "reviews", "reviews.set_status": "reviews",
    "reviews.suggest": "reviews", "reviews.update": "reviews",
    "interests.declare": "the register of interests", "interests.end": "the register",
    "interests.mark_returned": "declaration forms", "interests.send_forms": "forms",
    "interests.take_back": "the register", "interests.take_back_forms": "forms",
    "interests.update": "the register",
    "tags.add": "conflict tags, for the chair's brief", "tags.remove": "conflict tags",
    "tags.update": "conflict tags",
    "lifecycle.approve": "approving again is refused (test_approving_again...)",
    "lifecycle.reopen": "the recorded step that takes an approval back",
    "lifecycle.put_back": "undo of a step; undoing an approval is recorded as a reopening",
    "lifecycle.record_correction": "the correction route: a decision of the later meeting",
    "lifecycle.withdraw_correction": "the correction route",
    "lifecycle.keep_unkept": "keeps minutes approved before they were kept",
}
READS = {"all", "get", "raw", "find_one", "of_body", "on_date", "in_body",
         "members_on", "count_members_on", "members_ever", "membership", "membership_in", "agenda_status", "children", "of_meeting", "offered",
         "order", "planned", "chair_of", "entry", "item_ids", "meetings_with_register",
         "over_period", "register", "of_members", "snapshot", "future_items", "for_meeting", "links",
         "owner_name", "waves", "of_paper", "overdue", "suggestions", "current_by_person",
         "form", "not_returned", "of_person", "log", "log_ids", "log_count",
         "many", "matters_arising", "matters_arising_ids", "of_item", "open_by_owner",
         "addressees_of_body", "meeting_of_item", "corrections", "kept", "matters_arising_item",
         "minutes_item", "of", "ensure_editable", "namesakes", "of_meeting_items",
         "rows_of_meeting", "waiting", "before_closing", "ensure_recordable"}


def managers() -> dict[str, type]:
    """Each manager a taskforce has, by name: its class."""
    import functools
    import tempfile
    from pathlib import Path

    names = [n for n, v in vars(Taskforce).items() if isinstance(v, functools.cached_property)]
    with tempfile.TemporaryDirectory() as folder:
        with Taskforce.open(Path(folder) / "new.taskforce", create=True) as tf:
            return {name: type(getattr(tf, name)) for name in names}


def public_writes() -> set[str]:
    from secretariat.interest.conflicts import Tags
    from secretariat.meeting.lifecycle import Lifecycle

    classes = managers()
    classes.update(lifecycle=Lifecycle, tags=Tags)
    return {f"{area}.{name}" for area, cls in classes.items()
            for name, _ in inspect.getmembers(cls, inspect.isfunction)
            if not name.startswith("_") and name not in READS}


def test_every_write_of_every_manager_is_placed():
    placed = set(REFUSED) | {w for w in ELSEWHERE if "." in w}
    unplaced = {w for w in public_writes() - placed if w.split(".")[1] not in ELSEWHERE}
    assert unplaced == set(), "say whether each can reach an approved meeting's record"


@pytest.mark.parametrize("write", sorted(REFUSED))
def test_no_write_reaches_an_approved_meeting(approved, write):
    tf, ids = approved
    before = exchange.export_json(tf.store)
    with pytest.raises(MinutesLockedError, match="approved"):
        REFUSED[write](tf, ids)
    assert exchange.export_json(tf.store) == before


def test_the_file_itself_refuses_what_no_manager_was_asked(approved):
    """As a program that wrote to the file directly would be refused."""
    tf, ids = approved
    with pytest.raises(MinutesLockedError):
        with tf.store.transaction() as db:
            db.execute("UPDATE minutes_entries SET text = 'Rewritten' WHERE id = ?",
                       (ids.entry,))
    assert tf.minutes.get(ids.entry).text == "A point made"


def test_a_change_the_file_refuses_names_the_meeting_and_its_approval(approved):
    """Refused by the file itself (no manager checked first): the message says
    which minutes, approved where, and what to do instead."""
    tf, ids = approved
    with pytest.raises(MinutesLockedError) as refused:
        tf.meetings.update(ids.may, venue="Somewhere else")
    assert str(refused.value).startswith(
        "The minutes of Thursday 26 May 2011 were approved at the meeting of Thursday "
        "12 January 2012, so they are final: nothing was changed.")
    assert "reopen them with a reason" in str(refused.value)


def test_approving_again_is_refused_clearly(approved):
    tf, ids = approved
    with pytest.raises(MinutesLockedError, match="26 May 2011 were approved at the meeting of "
                       "Thursday 12 January 2012"):
        tf.minutes.lifecycle.approve(ids.may, ids.january)


def test_the_minutes_print_as_approved_whatever_changes_later(approved):
    tf, ids = approved
    before = minutes_content.build(tf, ids.may)
    body = tf.bodies.all()[0]
    tf.bodies.update(body.id, name="Renamed Taskforce")
    tf.people.update(ids.person, name="Renamed Member")
    after = minutes_content.build(tf, ids.may)
    assert after == before and after.body_name == "Mutuals Taskforce"
    assert not after.draft


@pytest.mark.parametrize("into", ["outsider", "also present"])
def test_a_person_recorded_twice_on_an_approved_register_can_be_merged(approved, into):
    """Into someone not at the meeting (their rows move) or someone also on
    its register (the duplicate's entry goes); undone, the file is as before."""
    tf, ids = approved
    into_id = ids.outsider if into == "outsider" else tf.store.scalar(
        "SELECT person_id FROM attendance WHERE meeting_id = ? AND status = 'present' "
        "AND person_id <> ?", (ids.may, ids.person))
    before, printed = exchange.export_json(tf.store), minutes_content.build(tf, ids.may)
    _, rows = tf.people.merge(ids.person, into_id)
    assert tf.store.scalar("SELECT count(*) FROM attendance WHERE meeting_id = ? AND "
                           "person_id = ?", (ids.may, into_id)) == 1
    assert tf.store.scalar("SELECT count(*) FROM attendance WHERE person_id = ?",
                           (ids.person,)) == 0
    assert minutes_content.build(tf, ids.may) == printed
    assert tf.store.check() == []
    tf.people.undo_merge(rows)
    assert exchange.export_json(tf.store) == before


def test_an_approved_register_still_refuses_a_change_of_person_not_a_merge(approved):
    tf, ids = approved
    with pytest.raises(MinutesLockedError):
        with tf.store.transaction() as db:
            db.execute("UPDATE attendance SET person_id = ? WHERE id = ?",
                       (ids.outsider, ids.attendance))
    tf.people.merge(ids.outsider, tf.store.scalar(  # a merge of two others...
        "SELECT id FROM people WHERE id NOT IN (?, ?) LIMIT 1", (ids.outsider, ids.person)))
    with pytest.raises(MinutesLockedError):  # ...lets nothing else through
        with tf.store.transaction() as db:
            db.execute("UPDATE attendance SET person_id = ? WHERE id = ?",
                       (ids.outsider, ids.attendance))


def test_matters_arising_of_approved_minutes_are_fixed_at_approval(sample_tf):
    tf = sample_tf
    may = tf.meetings.find_one("2011-05-26").id
    january = tf.meetings.find_one("2012-01-12").id
    march, _ = tf.agenda.create_meeting(tf.bodies.all()[0].id, "2012-03-08")
    tf.minutes.lifecycle.reopen(may, "An action was left out")
    tf.minutes.lifecycle.approve(january, march)
    arising = [i.arising for i in minutes_content.build(tf, january).items if i.arising]
    tf.actions.create(tf.actions.of_meeting(may)[0].item_id, "Recorded late for May",
                      ["Officials"])
    assert [i.arising for i in minutes_content.build(tf, january).items
            if i.arising] == arising
    assert "Recorded late for May" not in str(arising)


def test_taking_an_approval_back_is_a_recorded_step(approved):
    tf, ids = approved
    with pytest.raises(ValidationError, match="Say why"):
        tf.minutes.lifecycle.reopen(ids.may, " ")
    tf.minutes.lifecycle.reopen(ids.may, "A name was misspelt", on="2012-02-01")
    assert tf.minutes.lifecycle.of(ids.may).state == "circulated"
    assert tf.store.rows("SELECT reason, reopened_on FROM minutes_reopenings WHERE "
                         "meeting_id = ? ORDER BY created_at DESC LIMIT 1", (ids.may,)) == [
        {"reason": "A name was misspelt", "reopened_on": "2012-02-01"}]
    tf.minutes.update(ids.entry, text="Corrected before approval")  # editable again


def test_the_kept_approval_itself_never_changes(approved):
    tf, ids = approved
    for statement in ("UPDATE approved_minutes SET document = '{}'",
                      "DELETE FROM approved_minutes"):
        with pytest.raises(MinutesLockedError):
            with tf.store.transaction() as db:
                db.execute(statement)
    assert tf.minutes.lifecycle.kept(ids.may)


def test_undoing_an_approval_records_it(approved):
    tf, ids = approved
    lifecycle = tf.minutes.lifecycle
    lifecycle.reopen(ids.may, "To approve it again")
    before = lifecycle.snapshot(ids.may)
    lifecycle.approve(ids.may, ids.january)
    after = lifecycle.snapshot(ids.may)
    lifecycle.put_back(ids.may, before)  # Edit > Undo
    assert lifecycle.of(ids.may).state == "circulated"
    assert tf.store.scalar("SELECT reason FROM minutes_reopenings ORDER BY created_at DESC") \
        == "The approval was undone."
    lifecycle.put_back(ids.may, after)  # Edit > Redo: approved and final again
    with pytest.raises(MinutesLockedError):
        tf.minutes.update(ids.entry, text="After the redo")


def test_an_import_keeps_approved_minutes_final(approved, tmp_path):
    tf, ids = approved
    text = exchange.export_json(tf.store)
    exchange.import_json(text, tmp_path / "imported.taskforce")
    with Taskforce.open(tmp_path / "imported.taskforce") as imported:
        assert minutes_content.build(imported, ids.may) == minutes_content.build(tf, ids.may)
        with pytest.raises(MinutesLockedError):
            imported.minutes.update(ids.entry, text="Changed after an import")


def test_minutes_approved_away_come_home_final(sample_path, tmp_path):
    from secretariat.files.travel import merge, take_travel_copy

    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    with Taskforce.open(away) as tf:
        january = tf.meetings.find_one("2012-01-12").id
        march, _ = tf.agenda.create_meeting(tf.bodies.all()[0].id, "2012-03-08")
        tf.minutes.lifecycle.approve(january, march)
        printed = minutes_content.build(tf, january)
    report = merge(sample_path, away)
    assert report.merged and not report.skipped
    with Taskforce.open(sample_path) as tf:
        assert minutes_content.build(tf, january) == printed
        entry = tf.store.scalar("SELECT e.id FROM minutes_entries e JOIN agenda_items i "
                                "ON i.id = e.item_id WHERE i.meeting_id = ?", (january,))
        with pytest.raises(MinutesLockedError):
            tf.minutes.update(entry, text="Changed at home after the approval came in")


def test_minutes_reopened_away_stay_approved_at_home(sample_path, tmp_path):
    from secretariat.files.travel import merge, take_travel_copy

    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
        may = tf.meetings.find_one("2011-05-26").id
        printed = minutes_content.build(tf, may)
    with Taskforce.open(away) as tf:
        tf.minutes.lifecycle.reopen(may, "A typo")
        entry = tf.store.scalar("SELECT e.id FROM minutes_entries e JOIN agenda_items i "
                                "ON i.id = e.item_id WHERE i.meeting_id = ?", (may,))
        tf.minutes.update(entry, text="Rewritten away")
        person = tf.store.scalar("SELECT id FROM people WHERE name = 'Nita Clarke'")
        tf.people.update(person, name="Nita Renamed")
    report = merge(sample_path, away)
    assert "The minutes of Thursday 26 May 2011 were reopened on the travel copy" in \
        " ".join(report.skipped)
    assert not any("record" in line and "-" in line.split()[-1] for line in report.skipped)
    with Taskforce.open(sample_path) as tf:
        assert tf.minutes.lifecycle.of(may).locked
        assert tf.store.scalar("SELECT count(*) FROM minutes_reopenings") == 0
        assert minutes_content.build(tf, may) == printed  # the rename too leaves them as kept
        assert tf.store.scalar("SELECT text FROM minutes_entries WHERE id = ?",
                               (entry,)) != "Rewritten away"
