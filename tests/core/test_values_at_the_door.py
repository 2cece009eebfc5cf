"""Every value is checked once, where it comes in: through the managers (the
window's way in), an import and a travel merge alike. What would break a
document later is refused naming the field; anything else is stored as typed."""

import contextlib
import re
import json
import sqlite3

import pytest

from secretariat.files import exchange
from secretariat import fields
from secretariat.storage import schema
from secretariat.__main__ import main
from secretariat.errors import UserFacingError, ValidationError
from secretariat.storage import backups
from secretariat.storage.opening import APPLICATION_ID
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy

# (what, value, refused in a one-line field, refused in a text field)
HOSTILE = [
    ("markup", "<b>bold</b> & <img src='x'/>", False, False),
    ("an ampersand entity", "R&amp;D &lt;x&gt;", False, False),
    ("a line break", "Ed\nMayo", True, False),
    ("a carriage return", "Ed\rMayo", True, False),
    ("CRLF", "Ed\r\nMayo", True, False),
    ("a line separator", "Ed\u2028Mayo", True, False),
    ("a tab", "Ed\tMayo", True, False),
    ("NUL", "Ed\x00Mayo", True, True),
    ("escape sequence", "Ed\x1b[2JMayo", True, True),
    ("bell", "Ed\x07Mayo", True, True),
    ("C1 control", "Ed\x85Mayo", True, True),
    ("DEL", "Ed\x7fMayo", True, True),
    ("lone surrogate", "Ed\ud800Mayo", True, True),
    ("right-to-left override", "Ed\u202eoyaM", True, False),
    ("Hebrew", "שלום עולם", False, False),
    ("Arabic", "مرحبا بالعالم", False, False),
    ("astral emoji", "Ed 😀 Mayo", False, False),
    ("combining accents", "Zoe\u0308 Le\u0301", False, False),
    ("Polish", "Łukasz Żółć", False, False),
    ("Greek", "Ελληνικά", False, False),
    ("Cyrillic", "Кириллица", False, False),
    ("CJK", "漢字かな交じり", False, False),
    ("zero-width joiner", "a\u200db", False, False),
    ("zero-width space", "Ed Ma\u200byo", True, False),
    ("byte-order mark", "\ufeffEd Mayo", True, False),
    ("non-breaking space", "Ed\u00a0Mayo", False, False),
    ("quotes", "\"Ed\" 'Mayo' `x`", False, False),
    ("SQL", "x'); DROP TABLE people; --", False, False),
    ("percent and braces", "%s %(name)s {0} {name}", False, False),
    ("backslashes", "C:\\path\\to\\file", False, False),
    ("only spaces", "     ", False, False),
    ("100,000 characters", "x" * 100_000, True, False),
    ("two addresses", "a@example.org, b@example.org", False, False),
]


def store_value(tf, body, column: str, value: str):
    """Write through the manager the window uses; None when refused (ValidationError)."""
    try:
        if column == "name":
            person, _ = tf.people.create(body, value or "Someone")
        else:
            person, _ = tf.people.create(body, "Someone", notes=value)
    except ValidationError as refused:
        return refused
    return tf.store.scalar(f"SELECT {column} FROM people WHERE id = ?", (person,))


@pytest.mark.parametrize("what, value, in_line, in_text", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_value_is_refused_clearly_or_stored_as_typed(tf, what, value, in_line,
                                                               in_text):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    for column, refused in (("name", in_line), ("notes", in_text)):
        if column == "name" and not value.strip():
            continue  # an empty name is refused for what it is (see the people tests)
        stored = store_value(tf, body, column, value)
        if refused:
            assert isinstance(stored, ValidationError), (column, stored)
            assert fields.what(column) in str(stored)
        else:  # as typed: spaces around it trimmed, one kind of line break in text
            assert stored == value.strip().replace("\r\n", "\n").replace("\r", "\n"), column


@pytest.mark.parametrize("typed, kept", [("ed.mayo@example.org", "ed.mayo@example.org"),
                                         (" Ed Mayo <ed.mayo@example.org> ",
                                          "ed.mayo@example.org"),
                                         ("", "")])
def test_an_e_mail_field_holds_one_address_bare(tf, typed, kept):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    person, _ = tf.people.create(body, "Ed Mayo", email=typed)
    assert tf.people.get(person).email == kept


@pytest.mark.parametrize("typed", ["a@example.org, b@example.org", "a@example.org; b@x.org",
                                   "ed@example.org\nBcc: all@x.org", "not an address",
                                   "ed@localhost", "@example.org"])
def test_anything_but_one_address_is_refused(tf, typed):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    with pytest.raises(ValidationError, match="e-mail address|one line|more than one"):
        tf.people.create(body, "Ed Mayo", email=typed)


def test_the_file_refuses_text_where_a_number_or_a_date_belongs(sample_tf):
    meeting = sample_tf.meetings.find_one("2012-01-12").id  # not approved: only the kind refuses
    item = sample_tf.store.scalar("SELECT id FROM agenda_items WHERE meeting_id = ?", (meeting,))
    for statement, values in (("UPDATE agenda_items SET position = 'three' WHERE id = ?", (item,)),
                              ("UPDATE meetings SET date = '2012-02-30' WHERE id = ?",
                               (meeting,))):
        with pytest.raises(ValidationError, match="wrong kind"):
            with sample_tf.store.transaction() as db:
                db.execute(statement, values)


def test_check_lists_values_an_older_version_let_in(file_path, capsys):
    """A file written before the file held numbers to being numbers."""
    backups.create_private_file(file_path)
    # Every step before s13, as that version made them: a later step (s16) reads
    # the columns the steps before it made, so none of those after it may come first.
    steps = schema.snapshot()["migrations"]
    older = steps[:[s[0] for s in steps].index("secretariat.kinds_of_value")]
    memory = schema.replay(older)
    with contextlib.closing(sqlite3.connect(file_path)) as conn:
        memory.backup(conn)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.commit()
    memory.close()
    with Taskforce.open(file_path) as tf:
        body, _ = tf.bodies.create("Mutuals Taskforce")
        meeting, _ = tf.meetings.create(body, "2011-05-26")
        item, _ = tf.agenda.add(meeting, "Welcome")
    with contextlib.closing(sqlite3.connect(file_path)) as conn:  # as an older version might
        conn.execute("DROP TRIGGER kinds_agenda_items_update")
        conn.execute("UPDATE agenda_items SET position = 'three'")
        conn.commit()
    # (the file is now refused as altered: put the trigger back as it was, value left)
    with contextlib.closing(sqlite3.connect(file_path)) as conn:
        from secretariat.storage.schema.s13_kinds_of_value import trigger_statements

        conn.execute(next(t for t in trigger_statements() if "agenda_items_update" in t))
        conn.commit()
    assert main(["check", str(file_path)]) == 1
    assert "agenda_items.position should be a whole number" in capsys.readouterr().err


def test_an_import_names_the_record_and_field_and_writes_nothing(sample_path, tmp_path,
                                                                 capsys):
    document = json.loads(_export(sample_path))
    document["tables"]["people"][2]["role_title"] = "Head of\nMutuals"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    assert capsys.readouterr().err == (
        "error: bad.json: tables.people[2].role_title: The role must be one line, without "
        "line breaks.\n")
    assert not (tmp_path / "new.taskforce").exists()


def _export(path) -> str:
    with Taskforce.open(path, reading=True) as tf:
        return exchange.export_json(tf.store)


def test_a_travel_copy_bringing_a_refused_value_merges_nothing(sample_path, tmp_path):
    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    with contextlib.closing(sqlite3.connect(away)) as conn:  # edited by another program
        conn.execute("UPDATE people SET email = 'a@x.org, b@y.org' WHERE name = 'Ed Mayo'")
        conn.execute("UPDATE people SET notes = 'Met away' WHERE name = 'Peter Marsh'")
        conn.commit()
    before = _export(sample_path)
    with pytest.raises(UserFacingError, match=re.escape(
            "the person Ed Mayo it holds is refused (people.email): 'a@x.org, b@y.org' holds "
            "more than one e-mail address")):
        merge(sample_path, away)
    assert _export(sample_path) == before


def test_a_refused_travel_merge_names_the_record_and_its_field(sample_path, tmp_path):
    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    with contextlib.closing(sqlite3.connect(away)) as conn:  # a hostile copy
        conn.execute("UPDATE people SET name = 'Peter\nMarsh' WHERE name = 'Peter Marsh'")
        conn.commit()
    with pytest.raises(UserFacingError) as refused:
        merge(sample_path, away)
    assert str(refused.value) == (
        "away.taskforce cannot be merged: the person Peter Marsh it holds is refused "
        "(people.name): The name must be one line, without line breaks. Nothing was merged.")


def test_an_owner_named_twice_owns_an_action_once(sample_tf):
    item = sample_tf.store.scalar(
        "SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE m.date = '2012-01-12' LIMIT 1")
    action, _ = sample_tf.actions.create(item, "Write it up", ["Ed Mayo", "ed mayo", "Officials",
                                                                "officials "])
    assert sample_tf.actions.get(action).owner_label == "Ed Mayo and Officials"


def test_an_action_edited_at_home_and_away_never_gets_the_same_owner_twice(sample_path,
                                                                           tmp_path):
    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
        action = tf.store.scalar("SELECT a.id FROM actions a JOIN meetings m ON "
                                 "m.id = a.meeting_id WHERE m.date = '2012-01-12' LIMIT 1")
    for path, text in ((sample_path, "Edited at home"), (away, "Edited away")):
        with Taskforce.open(path) as tf:
            tf.actions.update(action, text=text, owners=["Ed Mayo"])
    report = merge(sample_path, away)
    # the action, and the owner row both sides wrote anew: a conflict, never a duplicate
    assert not report.merged and [c.table for c in report.conflicts] == ["actions",
                                                                         "action_owners"]
    merge(sample_path, away, {c.key: "travel" for c in report.conflicts})
    with Taskforce.open(sample_path) as tf:
        assert tf.actions.get(action).owner_label == "Ed Mayo"
        assert tf.store.check() == []


def test_every_value_let_in_prints_back_as_typed(tf):
    """Each accepted hostile value, as a point in the minutes, read back from the PDF."""
    import shutil
    import subprocess
    import unicodedata

    from secretariat.meeting import minutes_content
    from secretariat.documents import minutes_pdf

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    body, _ = tf.bodies.create("Mutuals Taskforce")
    meeting, _ = tf.meetings.create(body, "2011-05-26")
    item, _ = tf.agenda.add(meeting, "Welcome")
    accepted = [value for _, value, _, refused in HOSTILE if not refused and value.strip()
                and len(value) < 1000]
    for value in accepted:  # (closed, so no reader takes a dash at a line's end for a hyphen)
        tf.minutes.add(item, f"{value} ¶")
    pdf = minutes_pdf.render(minutes_content.build(tf, meeting))
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout
    printed = " ".join(unicodedata.normalize("NFKC", re.sub(
        "[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text.decode())).split())
    from secretariat.documents import fonts

    for value in accepted:
        lacking = [c for c in fonts.missing_glyphs(value) if ord(c) <= 0xFFFF]
        if lacking:  # no glyph in the shipped font: boxes, and the document warns of them
            assert set(lacking) <= set(minutes_pdf.warnings(minutes_content.build(tf, meeting)))
            continue
        expected = " ".join(unicodedata.normalize("NFKC", value).split())
        expected = re.sub("[\U00010000-\U0010ffff]", lambda m: f"[U+{ord(m.group()):X}]",
                          expected)
        expected = re.sub("[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", expected)
        right_to_left = re.search("[\u0590-\u08ff]", value)  # (placed by the reader's bidi)
        assert (expected if right_to_left else f"{expected} ¶") in printed, value


def test_the_same_person_put_on_a_register_at_home_and_away_is_a_conflict_to_settle(
        sample_path, tmp_path):
    with Taskforce.open(sample_path) as tf:
        person, _ = tf.people.create(tf.bodies.all()[0].id, "Lord Hodgson")
        january = tf.meetings.find_one("2012-01-12").id
    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    for path, status in ((sample_path, "present"), (away, "apologies")):
        with Taskforce.open(path) as tf:
            tf.attendance.add(january, person, status)
    report = merge(sample_path, away)
    assert not report.merged and not report.skipped
    (conflict,) = report.conflicts
    assert (conflict.table, conflict.home["status"], conflict.travel["status"]) == (
        "attendance", "present", "apologies")
    assert merge(sample_path, away, {conflict.key: "travel"}).merged
    with Taskforce.open(sample_path) as tf:
        assert tf.store.rows("SELECT status FROM attendance WHERE meeting_id = ? AND "
                             "person_id = ?", (january, person)) == [{"status": "apologies"}]
        assert tf.store.check() == []


def _first(document, table, **where):
    return next(row for row in document["tables"][table]
                if all(row.get(k) == v for k, v in where.items()))


def _meeting(document):
    return _first(document, "meetings", date="2011-05-26")


@pytest.mark.parametrize("spoil, says", [
    (lambda d: d["tables"]["people"][0].update(name=12345),
     "people[0].name: The name must be text, not 12345."),
    (lambda d: _meeting(d).update(start_time="25:99"),
     ".start_time: The start time '25:99' is not a time such as 15:30."),
    (lambda d: _meeting(d).update(start_time="noon"), "is not a time such as 15:30."),
    (lambda d: _meeting(d).update(start_time="17:00", end_time="09:00"),
     ".end_time: The meeting must end after it starts."),
    (lambda d: d["tables"]["memberships"][0].update(joined_on="2012-01-01",
                                                    left_on="2011-01-01"),
     "memberships[0].left_on: Someone cannot leave a body before they joined it."),
    (lambda d: d["tables"]["agenda_items"][0].update(position=-5),
     ".position: The position must be from 0 to 100,000, not -5."),
    (lambda d: d["tables"]["agenda_items"][0].update(restricted=7),
     ".restricted: The restricted must be from 0 to 1, not 7."),
    (lambda d: d["tables"]["agenda_items"][0].update(minutes_allocated=10**9),
     "The minutes allocated must be from 0 to 1,440, not 1,000,000,000."),
    (lambda d: d["tables"]["people"][0].update(name="\u200b"),
     "people[0].name: The name holds nothing that can be seen."),
    (lambda d: d["tables"]["people"][0].update(name="Ed \u202eoyaM"),
     "people[0].name: The name holds a mark that reorders the text around it"),
    (lambda d: d["tables"]["people"][0].update(name="  ", role_title=""),
     "people[0].name: A person needs a name, or a role"),
    (lambda d: d["tables"]["approved_minutes"][0].update(document="not json {"),
     "approved_minutes[0].document: The approved minutes kept here cannot be read back"),
    (lambda d: d["tables"]["approved_minutes"][0].update(document=42),
     "approved_minutes[0].document: The approved minutes kept here cannot be read back"),
], ids=["number as a name", "hour 25", "noon", "ends before it starts", "left before joining",
        "negative position", "yes-no of 7", "a billion minutes", "invisible name",
        "reordering mark", "no name nor role", "kept minutes not json", "kept minutes a number"])
def test_an_import_refuses_what_would_break_a_document_later(sample_path, tmp_path, capsys,
                                                              spoil, says):
    document = json.loads(_export(sample_path))
    spoil(document)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    err = capsys.readouterr().err
    assert says in err and "unexpected" not in err
    assert not (tmp_path / "new.taskforce").exists()


@pytest.mark.parametrize("when, kept", [("30 February 2012", None), ("2012-02-30", None),
                                        ("31 April 2012", None), ("by the next meeting", ""),
                                        ("1 March 2012", "2012-03-01"), ("Spring 2012", "")])
def test_an_action_due_on_a_day_that_does_not_exist_is_refused(sample_tf, when, kept):
    item = sample_tf.agenda.of_meeting(sample_tf.meetings.find_one("2012-01-12").id)[0].id
    if kept is None:
        with pytest.raises(ValidationError, match="is not a date"):
            sample_tf.actions.create(item, "Write it up", ["Ed Mayo"], when)
        return
    action, _ = sample_tf.actions.create(item, "Write it up", ["Ed Mayo"], when)
    stored = sample_tf.actions.get(action)
    assert (stored.due_date.isoformat() if stored.due_date else "") == kept
    assert stored.due_text == ("" if kept else when)


@pytest.mark.parametrize("typed, said", [
    ("<b>Bold</b> & <i>x</i>", "'<b>Bold</b> & <i>x</i>' is not an e-mail address"),
    ("Robert'); DROP TABLE people;--",
     "'Robert'); DROP TABLE people;--' is not an e-mail address"),
    ("ed@x.org; other@y.org", "'ed@x.org; other@y.org' holds more than one e-mail address"),
    ("ed\u200b@x.org", "'ed\\u200b@x.org' is not an e-mail address"),
    ("\ufeffed@x.org,", "'\\ufeffed@x.org,' is not an e-mail address"),
])
def test_an_e_mail_refusal_says_what_is_wrong_and_shows_what_cannot_be_seen(tf, typed, said):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    with pytest.raises(ValidationError) as refused:
        tf.people.create(body, "Someone", email=typed)
    assert str(refused.value).startswith(said)


@pytest.mark.parametrize("column, typed, said", [
    ("start_time", "15:30\u200b", "The start time '15:30\\u200b' is not a time"),
    ("date", "26 May 2011\ue000", "The meeting date '26 May 2011\\ue000' is not a date"),
    ("kind", "regular\x07", "The kind of meeting 'regular\\x07' is not one of"),
])
def test_a_refusal_quoting_the_value_shows_what_cannot_be_seen(tf, column, typed, said):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    meeting, _ = tf.meetings.create(body, "2011-05-26")
    with pytest.raises(ValidationError) as refused:
        tf.meetings.update(meeting, **{column: typed})
    assert str(refused.value).startswith(said)


BLANK_LOOKING = [("non-breaking spaces", "\u00a0\u00a0"), ("ordinary spaces", "   "),
                 ("an ideographic space and a tab", "\u3000\t"), ("a zero-width space", "\u200b")]


@pytest.mark.parametrize("table, column", [
    ("agenda_items", "title"), ("minutes_entries", "text"), ("actions", "text"),
    ("papers", "title"), ("interests", "description")])
@pytest.mark.parametrize("what, blank", BLANK_LOOKING, ids=[b[0] for b in BLANK_LOOKING])
def test_text_that_only_looks_empty_is_refused_on_import_naming_the_field(
        sample_path, tmp_path, capsys, table, column, what, blank):
    document = json.loads(_export(sample_path))
    document["tables"][table][0][column] = blank
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    said = "holds nothing that can be seen" if what == "a zero-width space" else (
        "cannot be empty or only spaces")
    assert capsys.readouterr().err == (
        f"error: bad.json: tables.{table}[0].{column}: The {fields.what(column)} {said}.\n")
    assert not (tmp_path / "new.taskforce").exists()


def test_text_that_only_looks_empty_is_refused_by_every_write(sample_tf):
    paper = sample_tf.store.scalar("SELECT id FROM papers LIMIT 1")
    before = sample_tf.papers.get(paper).title
    with pytest.raises(ValidationError, match="^The title cannot be empty or only spaces"):
        sample_tf.store.update("papers", paper, {"title": "\u00a0\u2003"})
    assert sample_tf.papers.get(paper).title == before


def test_every_field_the_file_says_must_say_something_is_checked_so(tf):
    """The file's own rule (CHECK (trim(column) <> '')) and ours name the same fields."""
    in_the_file = {
        (table, column) for table, sql in tf.store.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        for column in re.findall(r"CHECK \(trim\((\w+)\) <> ''\)", sql or "")}
    assert in_the_file == fields.REQUIRED
