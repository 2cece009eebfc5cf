"""Export to JSON and import into a new or empty file."""

import json
import stat

import pytest

from secretariat.files import exchange
from secretariat.__main__ import main
from secretariat.errors import FileProblem
from secretariat.meeting.actions import due_by_problems
from secretariat.record_tables import record_tables
from secretariat.taskforce import Taskforce


@pytest.fixture
def exported(sample_path, tmp_path):
    out = tmp_path / "mtf.json"
    assert main(["export", str(sample_path), "-o", str(out)]) == 0
    return out


def test_export_holds_every_record_table_with_format_and_version(sample_path, exported):
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("taskforce-secretariat", 1)
    with Taskforce.open(sample_path) as tf:
        tables = [t.name for t in record_tables(tf.store.db.conn)]
        people = tf.store.scalar("SELECT count(*) FROM people")
    assert list(document["tables"]) == tables
    assert len(document["tables"]["people"]) == people > 0
    assert "file_identity" not in document["tables"]
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_export_import_export_gives_the_same_json(exported, tmp_path, capsys):
    copy = tmp_path / "copy.taskforce"
    again = tmp_path / "again.json"
    assert main(["import", str(copy), str(exported)]) == 0
    assert "Imported" in capsys.readouterr().out
    assert main(["export", str(copy), "-o", str(again)]) == 0
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")
    # The action log's due-by dates, bookkeeping not exported, are made in the new file.
    assert "action_due_by" not in again.read_text(encoding="utf-8")
    with Taskforce.open(copy) as tf:
        assert due_by_problems(tf.store) == []
        assert tf.store.scalar("SELECT count(*) FROM action_due_by") == tf.store.scalar(
            "SELECT count(*) FROM actions") > 0


def test_suggestions_travel_with_their_meetings_and_aims(exported, tmp_path):
    suggested = json.loads(exported.read_text(encoding="utf-8"))["tables"]["agenda_suggestions"]
    assert {s["title"][:24]: s["aimed_month"] for s in suggested} == {
        "Communications strategy": None, "Society legal models for": "2012-02-01"}
    assert all(s["raised_at_id"] for s in suggested)
    copy = tmp_path / "copy.taskforce"
    assert main(["import", str(copy), str(exported)]) == 0
    with Taskforce.open(copy) as tf:
        views = tf.suggestions.of_body(tf.bodies.all()[0].id)
        assert [(v.raised_at.isoformat(), v.aim) for v in views if v.raised_at] == [
            ("2011-05-26", ""), ("2012-01-12", "February 2012")]


def test_import_fills_an_existing_empty_file(exported, file_path):
    path = file_path
    Taskforce.open(path, create=True).close()
    summary = exchange.import_json(exported.read_text(encoding="utf-8"), path)
    assert summary.counts["people"] > 0
    with Taskforce.open(path) as reopened:
        assert reopened.store.check() == []
        assert reopened.store.scalar("SELECT count(*) FROM people") == summary.counts["people"]


def test_import_refuses_a_file_with_records(exported, sample_path):
    before = sample_path.read_bytes()
    with pytest.raises(FileProblem, match="already holds records"):
        exchange.import_json(exported.read_text(encoding="utf-8"), sample_path)
    assert sample_path.read_bytes() == before


def spoil(document: dict, how) -> str:
    how(document)
    return json.dumps(document)


def first_row(table):
    return lambda d: d["tables"][table][0]


BAD_INPUT = {
    "wrong version": (lambda d: d.update(version=2), "format version 2 is not supported"),
    "no version": (lambda d: d.pop("version"), 'missing field "version"'),
    "not ours": (lambda d: d.update(format="other"), "not a Taskforce Secretariat export"),
    "missing field": (lambda d: first_row("meetings")(d).pop("body_id"),
                      "tables.meetings[0]: missing field 'body_id'"),
    "unknown field": (lambda d: first_row("people")(d).update(nmae="x"),
                      "tables.people[0]: unknown field 'nmae'"),
    "bad date": (lambda d: first_row("meetings")(d).update(date="2011-02-30"),
                 "tables.meetings[0].date: '2011-02-30' is not a date"),
    "bad timestamp": (lambda d: first_row("people")(d).update(created_at="yesterday"),
                      "tables.people[0].created_at: 'yesterday' is not a date and time"),
    "unknown reference": (lambda d: first_row("memberships")(d).update(person_id="nobody"),
                          "tables.memberships[0].person_id: refers to people record 'nobody'"),
    "unknown table": (lambda d: d["tables"].update(gossip=[]), "tables.gossip: unknown table"),
    "duplicate id": (lambda d: d["tables"]["people"].append(dict(d["tables"]["people"][0])),
                     "appears twice"),
    "broken rule": (lambda d: first_row("meetings")(d).update(status="abandoned"),
                    "tables.meetings[0]: breaks a rule of the file"),
    "lone surrogate": (lambda d: first_row("people")(d).update(name="Ed \ud800 Mayo"),
                       "tables.people[0].name: The name holds a character that is not valid "
                       "text"),
    "huge number": (lambda d: first_row("agenda_items")(d).update(position=10 ** 40),
                    "tables.agenda_items[0].position: 1000000000000000000000000000000000000000"
                    "0 is too large a number"),
    "text in a number": (lambda d: first_row("agenda_items")(d).update(position="three"),
                         "tables.agenda_items[0].position: The position must be a whole "
                         "number, not 'three'."),
    "a line break in a name": (lambda d: first_row("people")(d).update(name="Ed\nMayo"),
                               "tables.people[0].name: The name must be one line"),
    "two addresses": (lambda d: first_row("people")(d).update(email="a@x.org, b@y.org"),
                      "tables.people[0].email: 'a@x.org, b@y.org' holds more than one"),
    "a NUL": (lambda d: first_row("people")(d).update(name="Ed\x00Mayo"),
              "tables.people[0].name: The name holds a NUL character"),
    "not a number": (lambda d: first_row("agenda_items")(d).update(position=float("nan")),
                     "NaN is not allowed: an export's numbers are finite"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUT))
def test_invalid_input_is_one_line_naming_what_and_where_and_writes_nothing(
        case, exported, tmp_path, capsys):
    how, expected = BAD_INPUT[case]
    bad = tmp_path / "bad.json"
    bad.write_text(spoil(json.loads(exported.read_text(encoding="utf-8")), how), encoding="utf-8")
    target = tmp_path / "new.taskforce"

    assert main(["import", str(target), str(bad)]) == 1

    message = capsys.readouterr().err
    assert message.startswith("error: bad.json: ") and expected in message
    assert message.count("\n") == 1
    assert not target.exists()


def test_not_json_at_all_is_refused(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    assert "bad.json is not valid JSON (line 1" in capsys.readouterr().err
    assert not (tmp_path / "new.taskforce").exists()


def test_a_document_nested_too_deeply_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "deep.json"
    bad.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    assert capsys.readouterr().err == "error: deep.json is nested too deeply to be an export.\n"
    assert not (tmp_path / "new.taskforce").exists()


def test_a_number_too_long_to_read_is_one_clear_line(tmp_path, capsys):
    bad = tmp_path / "long.json"
    bad.write_text('{"format": "taskforce-secretariat", "version": ' + "9" * 5000 + "}",
                   encoding="utf-8")
    assert main(["import", str(tmp_path / "new.taskforce"), str(bad)]) == 1
    assert capsys.readouterr().err == "error: long.json holds a number too long to be read.\n"
