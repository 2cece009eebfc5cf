"""A file's schema must be exactly the one our migrations make.

SQLite runs the triggers a file carries inside our own writes, and reads
views and column defaults as the file defines them, so a file someone sent
could change the record on the next edit. Before anything else reads its
tables, every table, index, trigger and view of the file is compared with
what the steps it records make: ``schema.snapshot()`` for a file that is up
to date, a replay of its steps for an older one. Only spacing and the
quoting of names may differ (sqlite-utils and SQLite's own rewriting vary in
those); anything else is named and the file refused, bytes unchanged.
"""

import functools
import re
import sqlite3
from pathlib import Path

from . import schema
from ..errors import AlteredFileError, printable
from .migrations import TABLE as MIGRATIONS_TABLE

# ANALYZE's statistics: only ever read by SQLite's query planner.
_IGNORED = {"sqlite_stat1", "sqlite_stat4"}
_QUOTED = re.compile(r'"(\w+)"|\[(\w+)\]|`(\w+)`')
_SPACE = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r" ?([(),;]) ?")

Objects = dict[tuple[str, str], tuple[str, str | None]]  # (type, name): (table, sql)


def normalised(sql: str | None) -> str | None:
    if sql is None:
        return None
    text = _QUOTED.sub(lambda m: m.group(1) or m.group(2) or m.group(3), sql)
    return _AROUND_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", text)).strip()


def objects_of(rows) -> Objects:
    """(type, name, table, sql) rows of a sqlite_master, keyed for comparing."""
    return {(kind, name): (table, sql) for kind, name, table, sql in rows
            if name not in _IGNORED}


def _same(found: tuple[str, str | None], wanted: tuple[str, str | None]) -> bool:
    # The same text, as files this program writes have: no need to normalise.
    return found == wanted or (found[0] == wanted[0]
                               and normalised(found[1]) == normalised(wanted[1]))


def objects(conn: sqlite3.Connection) -> Objects:
    return objects_of(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


@functools.cache
def _current() -> Objects:
    return objects_of(schema.snapshot()["objects"])


def expected(recorded: list[tuple[str, str]]) -> Objects:
    """The objects a file that records the steps ``recorded`` should hold."""
    if set(recorded) == schema.known_migrations():
        return _current()
    conn = schema.replay(recorded)
    try:
        return objects(conn)
    finally:
        conn.close()


def differences(found: Objects, wanted: Objects) -> list[str]:
    """What the file has that it should not, lacks, or has altered, in words:
    tables first, then views, triggers and indexes."""
    problems = []
    for key in sorted(found.keys() - wanted.keys(), key=_order):
        problems.append(f"{_named(key, found[key][0])} that this program did not make")
    for key in sorted(wanted.keys() - found.keys(), key=_order):
        problems.append(f"no {_named(key, wanted[key][0], article=False)}")
    for key in sorted(found.keys() & wanted.keys(), key=_order):
        if not _same(found[key], wanted[key]):
            problems.append(f"{_named(key, found[key][0])} not as this program made it")
    return problems


_KINDS = ("table", "view", "trigger", "index")


def _order(key: tuple[str, str]) -> tuple:
    kind, name = key
    return (_KINDS.index(kind) if kind in _KINDS else len(_KINDS), name)


def _named(key: tuple[str, str], table: str, article: bool = True) -> str:
    kind, name = key
    on = f" on {printable(table)}" if kind in ("index", "trigger") else ""
    a = ("an " if kind[0] in "aeiou" else "a ") if article else ""
    return f"{a}{kind} {printable(name)}{on}"


def check_version_record(path: Path, conn: sqlite3.Connection) -> None:
    """The table of applied steps is read before anything else: it must be ours."""
    key = ("table", MIGRATIONS_TABLE)
    found = objects_of(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                    "WHERE name = ?", (MIGRATIONS_TABLE,))).get(key)
    if found is not None and not _same(found, _current()[key]):
        raise refusal(path, [f"a table {MIGRATIONS_TABLE} not as this program made it"])


def check(path: Path, conn: sqlite3.Connection, recorded: list[tuple[str, str]]) -> None:
    problems = differences(objects(conn), expected(recorded))
    if problems:
        raise refusal(path, problems)


def refusal(path: Path, problems: list[str]) -> AlteredFileError:
    more = f" (and {len(problems) - 1} more differences)" if len(problems) > 1 else ""
    return AlteredFileError(
        f"{path.name} has been changed outside Taskforce Secretariat: it holds "
        f"{problems[0]}{more}. A file like this could alter the record when it is used, "
        "so it has not been opened; it has been left as it is.", path)
