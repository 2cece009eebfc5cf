"""Named schema steps, recorded in the file as they are applied.

The record is the table sqlite-utils' own ``Migrations`` keeps (so files
written before this module existed read the same), but finding what is
pending needs nothing but the sqlite3 connection: opening a file that is up
to date does not import sqlite-utils, which costs a noticeable part of
start-up. Applying a step hands it a sqlite-utils ``Database``.
"""

import datetime as dt
import sqlite3
from typing import Callable

from ..frozen import record

TABLE = "_sqlite_migrations"


@record
class Migration:
    name: str
    fn: Callable


class Migrations:
    """One area's steps, in order: ``migrations = Migrations("secretariat.area")``,
    then ``@migrations()`` on each step function, which receives the database."""

    def __init__(self, name: str):
        self.name = name
        self.steps: list[Migration] = []

    def __call__(self, *, name: str | None = None):
        def add(fn: Callable) -> Callable:
            step = Migration(name or fn.__name__, fn)
            if step.name in self.names:
                raise ValueError(f"Migration {step.name} is already in set {self.name}")
            self.steps.append(step)
            return fn
        return add

    @property
    def names(self) -> list[str]:
        return [step.name for step in self.steps]

    def pending(self, recorded: set[tuple[str, str]]) -> list[Migration]:
        """The steps not among those the file records (``applied``)."""
        return [step for step in self.steps if (self.name, step.name) not in recorded]

    def apply(self, db) -> None:
        """Each pending step and its record in one transaction (``db`` is a
        sqlite-utils Database)."""
        ensure_table(db.conn)
        for step in self.pending(set(applied(db.conn))):
            with db.atomic():
                step.fn(db)
                db.conn.execute(
                    f"INSERT INTO {TABLE} (migration_set, name, applied_at) VALUES (?, ?, ?)",
                    (self.name, step.name, str(dt.datetime.now(dt.UTC))))


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (TABLE,)).fetchone() is not None


def applied(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(set, name) of every step the file records, in the order applied."""
    if not has_table(conn):
        return []
    return [tuple(row) for row in conn.execute(
        f"SELECT migration_set, name FROM {TABLE} ORDER BY rowid")]


def ensure_table(conn: sqlite3.Connection) -> None:
    conn.execute(f"""CREATE TABLE IF NOT EXISTS [{TABLE}] (
                        [id] INTEGER PRIMARY KEY, [migration_set] TEXT,
                        [name] TEXT, [applied_at] TEXT)""")
    conn.execute(f"CREATE UNIQUE INDEX IF NOT EXISTS [idx_{TABLE}_migration_set_name] "
                 f"ON [{TABLE}] ([migration_set], [name])")
