"""A received file is data, never code: what a hostile sender could do with a
taskforce file, a travel copy or a file beside them, each shown refused."""

import ast
import contextlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from secretariat.storage import schema
from secretariat.__main__ import main
from secretariat.errors import UserFacingError
from secretariat.storage import seal
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy

from crafted import HOSTILE_NAME

ROOT = Path(__file__).resolve().parents[2]


def raw(path):
    """A connection as the sqlite3 shell would make it: schema trusted."""
    return contextlib.closing(sqlite3.connect(path))


def count(path, sql):
    with raw(path) as conn:
        return conn.execute(sql).fetchone()[0]


def test_a_travel_copy_cannot_run_sql_in_the_home_file(sample_path, tmp_path):
    away = tmp_path / "away.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, away)
    with raw(away) as conn:
        hostile = HOSTILE_NAME.format(home=sample_path).replace('"', '""')
        conn.execute(f'CREATE TABLE "{hostile}" '
                     "(id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT)")
        conn.execute("UPDATE people SET notes = 'edited away' WHERE rowid = 1")
        conn.commit()
    backups_before = sorted(p.name for p in (tmp_path / f"{sample_path.name}.backups").iterdir())

    with pytest.raises(UserFacingError, match="did not make"):
        merge(sample_path, away)
    assert count(sample_path, "SELECT count(*) FROM people WHERE email = "
                              "'attacker@evil.example'") == 0
    assert count(sample_path, "SELECT count(*) FROM people WHERE notes = 'edited away'") == 0
    # Refused before the backup too: no backup holds anything of the copy's.
    assert sorted(p.name for p in (tmp_path / f"{sample_path.name}.backups").iterdir()) == \
        backups_before


def test_a_trigger_added_with_the_shell_never_runs_on_our_writes(sample_path):
    with raw(sample_path) as conn:
        conn.execute("CREATE TRIGGER wipe AFTER UPDATE OF notes ON people "
                     "BEGIN DELETE FROM actions; END")
        conn.commit()
    actions = count(sample_path, "SELECT count(*) FROM actions")
    with pytest.raises(UserFacingError, match="trigger wipe on people"):
        with Taskforce.open(sample_path) as tf:
            person = tf.store.row("SELECT id FROM people LIMIT 1")
            tf.people.update(person["id"], notes="an ordinary edit")
    assert count(sample_path, "SELECT count(*) FROM actions") == actions > 0


def test_a_trigger_that_fires_during_repair_is_named_not_called_damage(sample_path, capsys):
    with raw(sample_path) as conn:
        conn.execute("CREATE TRIGGER stop AFTER DELETE ON search_docs "
                     "BEGIN SELECT RAISE(ABORT, 'database disk image is malformed'); END")
        conn.commit()
    assert main(["check", "--repair", str(sample_path)]) == 1
    message = capsys.readouterr().err
    assert "trigger stop on search_docs" in message and "damaged" not in message


def test_the_file_schema_cannot_call_the_program_functions():
    """Defence in depth, behind the schema check: were a view or trigger of a
    file's to reach our connection, it could not call our functions."""
    from secretariat.storage.connect import apsw_connection, sqlite

    with contextlib.closing(sqlite(":memory:")) as conn:
        conn.create_function("casefold", 1, str.casefold, deterministic=True)
        conn.execute("CREATE VIEW folded AS SELECT casefold('A')")
        with pytest.raises(sqlite3.OperationalError, match="unsafe use of casefold"):
            conn.execute("SELECT * FROM folded").fetchall()
    import apsw

    conn = apsw_connection(":memory:", apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE)
    conn.create_scalar_function("casefold", str.casefold, 1)
    conn.execute("CREATE VIEW folded AS SELECT casefold('A')")
    with pytest.raises(apsw.SQLError, match="unsafe use of casefold"):
        conn.execute("SELECT * FROM folded").fetchall()
    conn.close()


def test_an_open_file_distrusts_its_schema(sample_tf):
    assert sample_tf.store.conn.execute("PRAGMA trusted_schema").fetchone() == (0,)


def test_search_is_kept_current_with_the_schema_distrusted(sample_tf):
    from secretariat import search

    body = sample_tf.bodies.all()[0].id
    sample_tf.people.create(body, "Ophelia Quarrender")
    hits = search.search(sample_tf.store, "quarrender")
    assert [h.text.plain for h in hits.hits] == ["Ophelia Quarrender"]
    assert search.problems(sample_tf.store) == []


def test_every_connection_is_made_in_one_place():
    """sqlite3 and APSW connections, and sqlite-utils' own, only through storage.connect
    (sqlite-utils may wrap a connection made there)."""
    made_elsewhere = []
    for path in [*ROOT.glob("secretariat/**/*.py"), *ROOT.glob("ui/**/*.py")]:
        if path.name == "connect.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                over_ours = [ast.unparse(a) for a in node.args[:1]] == ["conn"]
                if called in ("sqlite3.connect", "apsw.Connection") or (
                        called == "Database" and not over_ours):
                    made_elsewhere.append(f"{path.relative_to(ROOT)}:{node.lineno} {called}")
    assert made_elsewhere == []


def test_the_schema_snapshot_is_what_the_migrations_make():
    """If this fails after a change to a migration: python -m secretariat.storage.schema"""
    assert schema.build_snapshot() == json.loads(schema.SNAPSHOT.read_text(encoding="utf-8"))


def test_a_foreign_wal_beside_a_cleanly_closed_file_is_not_replayed(sample_path, tmp_path):
    with Taskforce.open(sample_path):
        pass  # closed cleanly: sealed
    other = tmp_path / "other.taskforce"
    shutil.copy(sample_path, other)
    writer = sqlite3.connect(other)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("UPDATE people SET email = 'someone@else.example'")
    writer.commit()
    wal = sample_path.with_name(sample_path.name + "-wal")
    shutil.copy(other.with_name(other.name + "-wal"), wal)
    writer.close()
    before = (sample_path.read_bytes(), wal.read_bytes())

    with pytest.raises(UserFacingError, match="-wal"):
        Taskforce.open(sample_path)
    assert (sample_path.read_bytes(), wal.read_bytes()) == before
    wal.unlink()  # as the message says: moved away, the file opens as it was left
    with Taskforce.open(sample_path) as tf:
        assert tf.store.scalar("SELECT count(*) FROM people WHERE email = "
                               "'someone@else.example'") == 0


def hostile_wal_beside(path):
    """A -wal, from another copy of the file, whose changes add a trigger."""
    other = path.with_name("other.taskforce")
    shutil.copy(path, other)
    writer = sqlite3.connect(other)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TRIGGER wipe AFTER UPDATE ON people BEGIN DELETE FROM actions; END")
    writer.commit()
    shutil.copy(other.with_name(other.name + "-wal"), path.with_name(path.name + "-wal"))
    writer.close()
    other.unlink()


@pytest.mark.parametrize("how", ["opened", "checked", "merged"])
def test_a_received_wal_that_would_alter_the_file_is_refused_and_not_folded_in(
        sample_path, tmp_path, how, capsys):
    """No seal beside it (as received): the -wal is read as part of the file, and
    what it would make is refused before it is folded into the file."""
    if how == "merged":
        away = tmp_path / "away.taskforce"
        with Taskforce.open(sample_path) as tf:
            take_travel_copy(tf.store, away)
        received = away
    else:
        received = sample_path
    hostile_wal_beside(received)
    wal = received.with_name(received.name + "-wal")
    before = (received.read_bytes(), wal.read_bytes())
    if how == "checked":
        assert main(["check", str(received)]) == 1
        assert "trigger wipe on people" in capsys.readouterr().err
    else:
        with pytest.raises(UserFacingError, match="trigger wipe on people"):
            if how == "opened":
                Taskforce.open(received)
            else:
                merge(sample_path, received)
    assert (received.read_bytes(), wal.read_bytes()) == before


def test_a_file_whose_check_finds_anything_is_not_sealed_as_checked(sample_path, capsys):
    with raw(sample_path) as conn:  # a reference to no one, as a crash elsewhere might leave
        conn.execute("UPDATE memberships SET person_id = 'nobody' WHERE rowid = 1")
        conn.commit()
    assert main(["check", str(sample_path)]) == 1
    assert "foreign key" in capsys.readouterr().err
    assert not seal.is_sealed(sample_path)


def test_a_received_file_from_this_program_opens(tmp_path, _sample_template):
    """All the refusals above leave an honest file alone, sealed or not."""
    received = tmp_path / "received.taskforce"
    shutil.copy(_sample_template, received)
    with Taskforce.open(received) as tf:
        assert tf.store.check() == []
    assert seal.is_sealed(received)
    with Taskforce.open(received) as tf:
        assert tf.bodies.all()[0].name == "Mutuals Taskforce"


@pytest.mark.parametrize("document, why", [
    ("minutes.desktop", "not a document"),
    ("paper.sh", "not a document"),
    ("paper.exe", "not a document"),
    ("folder.pdf", "not a document"),
    ("elf.pdf", "is a program"),
    ("script.pdf", "is a program"),
    ("link.pdf", "not a document"),
    ("missing.pdf", "not there"),
    ("relative.pdf", "not a full path"),
    ("//server/share/paper.pdf", "on another computer"),
])
def test_only_a_document_is_handed_to_the_desktop(tmp_path, document, why):
    from secretariat.review.papers import document_to_open

    (tmp_path / "minutes.desktop").write_text("[Desktop Entry]\nExec=sh\n")
    (tmp_path / "paper.sh").write_text("#!/bin/sh\n")
    (tmp_path / "paper.exe").write_bytes(b"MZ\x90\x00")
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "elf.pdf").write_bytes(b"\x7fELF\x02\x01\x01")
    (tmp_path / "script.pdf").write_text("#!/bin/sh\necho\n")
    (tmp_path / "link.pdf").symlink_to(tmp_path / "paper.sh")
    recorded = {"relative.pdf": "papers/relative.pdf",
                "//server/share/paper.pdf": "//server/share/paper.pdf"}.get(
        document, str(tmp_path / document))
    with pytest.raises(UserFacingError, match=why) as refused:
        document_to_open(recorded)
    assert recorded in str(refused.value)


def test_a_real_document_is_opened(tmp_path):
    from secretariat.review.papers import document_to_open

    paper = tmp_path / "Teckal paper.PDF"
    paper.write_bytes(b"%PDF-1.4\n")
    assert document_to_open(str(paper)) == paper
