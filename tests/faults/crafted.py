"""Taskforce files crafted as a hostile sender would, from a sound one.

Each ``Crafted`` makes one file from a closed, sound taskforce file (and, for
the travel kinds, a travel copy of it), with the sqlite3 shell's powers:
triggers, views, generated columns, names built to break out of SQL, a
foreign -wal, a damaged page. ``tests/faults/test_crafted_files.py`` feeds
each to every way in; to look at them by hand:

    python -m tests.faults.crafted OUT_FOLDER
"""

import contextlib
import shutil
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

HOSTILE_NAME = ('x"); ATTACH DATABASE \'{home}\' AS h; '
                "UPDATE h.people SET email='attacker@evil.example'; DETACH DATABASE h; --")


@dataclass(frozen=True)
class Crafted:
    name: str
    kind: str  # "file": a file someone sends; "travel": a travel copy to merge
    craft: Callable[[Path, Path], None]  # craft(file, home): alter ``file`` in place
    refusal: str  # words the refusal must say


def _sql(*statements: str, functions: bool = False) -> Callable[[Path, Path], None]:
    def craft(path: Path, home: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            if functions:  # as the hostile sender's own shell might have them
                conn.create_function("casefold", 1, str.casefold, deterministic=True)
            for statement in statements:
                conn.execute(statement.format(home=home))
            conn.commit()
    return craft


def _edit_schema(table: str, old: str, new: str) -> Callable[[Path, Path], None]:
    """Rewrite a table's own definition in place, as ``PRAGMA writable_schema`` allows."""
    def craft(path: Path, home: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            conn.execute("PRAGMA writable_schema = ON")
            changed = conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) "
                                   "WHERE name = ?", (old, new, table)).rowcount
            assert changed == 1
            conn.commit()
    return craft


def _damage(path: Path, home: Path) -> None:
    data = bytearray(path.read_bytes())
    data[5 * 4096:6 * 4096] = b"\xa5" * 4096
    path.write_bytes(bytes(data))


def _foreign_wal(path: Path, home: Path) -> None:
    """Seal the file as a clean close would, then put another file's -wal beside it."""
    from secretariat.storage import seal

    seal.seal(path)
    other = path.with_name("other.taskforce")
    shutil.copy(path, other)
    writer = sqlite3.connect(other)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("UPDATE people SET email = 'attacker@evil.example'")
    writer.commit()
    # Copied while the writer holds it open: the changes are still in the -wal.
    shutil.copy(other.with_name(other.name + "-wal"), path.with_name(path.name + "-wal"))
    writer.close()
    other.unlink()


CRAFTED = [
    Crafted("trigger that empties the action log", "file", _sql(
        "CREATE TRIGGER wipe AFTER UPDATE OF notes ON people BEGIN DELETE FROM actions; END"),
        "trigger wipe on people"),
    Crafted("trigger calling the program's own function", "file", _sql(
        "CREATE TRIGGER fold AFTER INSERT ON people BEGIN "
        "UPDATE people SET notes = casefold(new.name) WHERE id = new.id; END"),
        "trigger fold on people"),
    Crafted("trigger loading an extension", "file", _sql(
        "CREATE TRIGGER load AFTER INSERT ON actions BEGIN "
        "SELECT load_extension('/tmp/evil.so'); END"), "trigger load on actions"),
    Crafted("trigger that breaks check --repair", "file", _sql(
        "CREATE TRIGGER stop AFTER DELETE ON search_docs BEGIN "
        "SELECT RAISE(ABORT, 'malformed'); END"), "trigger stop on search_docs"),
    Crafted("our search trigger rewritten", "file", _sql(
        "DROP TRIGGER search_people_update",
        "CREATE TRIGGER search_people_update AFTER UPDATE OF name ON people BEGIN "
        "DELETE FROM actions; END"), "trigger search_people_update on people not as"),
    Crafted("our due-by trigger rewritten", "file", _sql(
        "DROP TRIGGER due_by_meeting_insert",
        "CREATE TRIGGER due_by_meeting_insert AFTER INSERT ON meetings BEGIN "
        "DELETE FROM actions; END"), "trigger due_by_meeting_insert on meetings not as"),
    Crafted("view calling the program's own function", "file", _sql(
        "CREATE VIEW folded AS SELECT casefold(name) AS name FROM people"), "view folded"),
    Crafted("table replaced by a view", "file", _sql(
        "DROP TABLE minutes_corrections",
        "CREATE VIEW minutes_corrections AS SELECT * FROM people"),
        "view minutes_corrections"),
    Crafted("generated column", "file", _sql(
        "ALTER TABLE people ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(name)) VIRTUAL"),
        "table people not as"),
    Crafted("column default rewritten", "file", _edit_schema(
        "people", "notes TEXT NOT NULL DEFAULT ''", "notes TEXT NOT NULL DEFAULT 'planted'"),
        "table people not as"),
    Crafted("table name that breaks out of SQL", "file", _sql(
        f'CREATE TABLE "{HOSTILE_NAME.replace(chr(34), chr(34) * 2)}" '
        "(id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT)"), "that this program did not"),
    Crafted("table name holding a double quote", "file", _sql(
        'CREATE TABLE "a""b" (id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT)'),
        'table a"b'),
    Crafted("column name that breaks out of SQL", "file", _sql(
        'ALTER TABLE people ADD COLUMN "x"" FROM people; DELETE FROM actions; --" TEXT'),
        "table people not as"),
    Crafted("table of someone else's", "file", _sql("CREATE TABLE notes_of_mine (a)"),
            "table notes_of_mine"),
    Crafted("index of someone else's", "file", _sql("CREATE INDEX people_notes ON people(notes)"),
            "index people_notes on people"),
    Crafted("index calling the program's own function", "file", _sql(
        "CREATE INDEX people_folded ON people(casefold(name))", functions=True),
        "index people_folded"),
    Crafted("table missing", "file", _sql("DROP TABLE minutes_corrections"),
            "no table minutes_corrections"),
    Crafted("control characters in a trigger's name", "file", _sql(
        'CREATE TRIGGER "\x1b[2J\x1b[31mcleared" AFTER INSERT ON tags BEGIN SELECT 1; END'),
        "\\x1b[2J"),
    Crafted("version record replaced by a view", "file", _sql(
        "CREATE TABLE kept AS SELECT migration_set, name FROM _sqlite_migrations",
        "DROP TABLE _sqlite_migrations",
        "CREATE VIEW _sqlite_migrations AS SELECT rowid AS id, migration_set, name, "
        "'' AS applied_at FROM kept"), "version record"),
    Crafted("written by a newer version", "file", _sql(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('secretariat.core', 'm999_from_the_future', '2030-01-01')"), "newer version"),
    Crafted("another program's database", "file", _sql("PRAGMA application_id = 1"),
            "not a taskforce file"),
    Crafted("a -wal from another file", "file", _foreign_wal, "-wal"),
    Crafted("damaged page", "file", _damage, "damaged"),
    Crafted("travel copy with a table of its own", "travel", _sql(
        "CREATE TABLE extra (id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT)"),
        "table extra"),
    Crafted("travel copy with a table name that breaks out of SQL", "travel", _sql(
        f'CREATE TABLE "{HOSTILE_NAME.replace(chr(34), chr(34) * 2)}" '
        "(id TEXT PRIMARY KEY, created_at TEXT, updated_at TEXT)",
        "INSERT INTO people (id, name, created_at, updated_at) "
        "VALUES ('new', 'Someone New', '2012-01-01', '2012-01-01')"),
        "that this program did not"),
    Crafted("travel copy with a trigger", "travel", _sql(
        "CREATE TRIGGER wipe AFTER INSERT ON tags BEGIN DELETE FROM actions; END"),
        "trigger wipe on tags"),
]


def make(crafted: Crafted, sound: Path, folder: Path) -> tuple[Path, Path]:
    """The crafted file in ``folder`` (a copy of the closed file ``sound``, or a
    travel copy of it), and the home file it goes with."""
    from secretariat.taskforce import Taskforce
    from secretariat.files.travel import take_travel_copy

    folder.mkdir(parents=True, exist_ok=True)
    home = folder / "home.taskforce"
    shutil.copy(sound, home)
    target = folder / "received.taskforce"
    if crafted.kind == "travel":
        with Taskforce.open(home) as tf:
            take_travel_copy(tf.store, target)
    else:
        shutil.copy(sound, target)
    crafted.craft(target, home)
    return target, home


def main(out: str) -> None:
    from secretariat.files import sample
    from secretariat.taskforce import Taskforce

    folder = Path(out)
    sound = folder / "sound.taskforce"
    with Taskforce.open(sound, create=True) as tf:
        sample.build(tf)
    for number, crafted in enumerate(CRAFTED, start=1):
        made, _ = make(crafted, sound, folder / f"{number:02d} {crafted.name}")
        print(f"{made.parent.name}/{made.name}")


if __name__ == "__main__":
    main(sys.argv[1])
