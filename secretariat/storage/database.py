"""The taskforce file, open: reading and writing it, its safety on closing.

This is the only place that holds the SQLite connection. Domain modules write
through ``Store.transaction()`` and read through ``Store.rows()``; both turn
SQLite's environment errors (busy, read-only, full, damaged) into
``UserFacingError``s and let bugs through unchanged. Opening is
``storage.opening``'s.
"""

import contextlib
import datetime as dt
import errno
import logging
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterator

from . import schema
from ..errors import (DiskFullError, FileProblem, NotFoundError, NotSavedError, ReadOnlyError,
                      UserFacingError, disk_full)
from ..progress import Progress, ignore
from . import backups, held, known_schema, migrations, opening, seal, search_queue
from .connect import identifier, sqlite_utils_over
from .lock import InstanceLock
from .sql_errors import translated_errors
from .targets import check_new_file

log = logging.getLogger(__name__)


def new_id() -> str:
    import uuid  # only writing needs it: not imported to open a file

    return uuid.uuid4().hex


def now_stamp() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Store:
    """An open taskforce file.

    Reading goes straight through the sqlite3 connection (``conn``); writing
    goes through sqlite-utils (``db``), imported with the first write, so
    that opening a file and showing it does not pay for loading it.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool,
                 lock: InstanceLock | None, keep_backups: bool = True):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        self._keep_backups = keep_backups
        self._db = None
        self._depth = 0  # of nested transactions
        self._committed = False  # a change was committed: back the file up on closing
        # What every value written must be (``fields.checked``, set by ``Taskforce``).
        self.checked: Callable[[str, dict], dict] = lambda table, values: values
        self._problems_found = False  # a check found something: never seal it as checked
        held.hold(path)

    @property
    def db(self):
        """The sqlite-utils Database over ``conn``, made when first wanted."""
        if self._db is None:
            self._db = sqlite_utils_over(self.conn)
        return self._db

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path, create: bool = False, progress: Progress = ignore,
             upgrade: bool = True, reading: bool = False,
             keep_backups: bool = True) -> "Store":
        """Open (or create) the file. An older file is upgraded first, a step at
        a time with ``progress``; ``Cancelled`` from it stops between steps,
        each of which is whole, and the next opening carries on. Without
        ``upgrade``, an older file raises ``UpgradeNeeded`` instead, unchanged
        (so that a window can run the upgrade on a worker thread).

        ``reading``: only to read it, beside any program writing it (no lock;
        an older file is upgraded first if no one else has it open).
        ``keep_backups`` off: a file being built, which takes no backups and
        no seal (``places.building``)."""
        try:
            opened = opening.open_file(path, create, progress, upgrade, reading, keep_backups)
        except opening.UpgradeNeeded:
            if not (reading and upgrade):
                raise
            cls.open(path, progress=progress).close()  # upgraded by a writer first
            opened = opening.open_file(path, False, progress, False, True, keep_backups)
        store = cls(opened.path, opened.conn, opened.read_only, opened.lock, keep_backups)
        if not opened.read_only and opened.conn.execute(search_queue.PENDING).fetchone()[0]:
            with store.transaction():  # changes another program made: indexed at its end
                pass
        return store

    @classmethod
    def reader(cls, path) -> "Store":
        """Another, read-only connection to a file this process has open, for long
        reading on a worker thread (an sqlite3 connection belongs to its thread).
        WAL lets it read while the window writes; it takes no instance lock and
        skips the checks the first opening made."""
        path, conn = opening.reading_connection(path)
        return cls(path, conn, True, None)

    @staticmethod
    def inspect(path) -> None:
        """Refuse, as opening would, anything but a sound taskforce file holding
        only what our migrations make; reads the file and nothing else."""
        opening.inspect(path)

    # -- reading and writing -------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic write; nested blocks become savepoints."""
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path.name} is open read-only: this change was not saved.", self.path)
        before = self.conn.total_changes
        with translated_errors(self.path), self.db.atomic():
            self._depth += 1
            try:
                yield self.db
                if self._depth == 1:
                    self._index_for_search()
            finally:
                self._depth -= 1
        if self.conn.total_changes != before:
            self._committed = True  # (or a savepoint kept, inside an outer transaction)

    def _index_for_search(self) -> None:
        """Bring the search index up to this transaction's changes, before it commits."""
        if self.conn.execute(search_queue.PENDING).fetchone()[0]:
            for statement in search_queue.FLUSH:
                self.conn.execute(statement)

    def rows(self, sql: str, params: Any = ()) -> list[dict]:
        with translated_errors(self.path):
            cursor = self.conn.execute(sql, params)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def column(self, sql: str, params: Any = ()) -> list:
        """The first column of each row: for long lists of ids, with no dict a row
        (a filter's thousands of them would also wake the garbage collector)."""
        with translated_errors(self.path):
            return [row[0] for row in self.conn.execute(sql, params)]

    def add_function(self, name: str, fn, arguments: int = 1) -> None:
        """A deterministic Python function the file's SQL may call, e.g. ``casefold``."""
        self.conn.create_function(name, arguments, fn, deterministic=True)

    def row(self, sql: str, params: Any = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: Any = ()):
        with translated_errors(self.path):
            found = self.conn.execute(sql, params).fetchone()
        return found[0] if found else None

    def insert(self, table: str, values: dict) -> dict:
        """Insert a record with a new UUID and timestamps; returns the row written."""
        stamp = now_stamp()
        row = {"id": new_id(), "created_at": stamp, "updated_at": stamp,
               **self.checked(table, values)}
        self.restore(table, row)
        return row

    # Rows are written by plain statements rather than sqlite-utils' table
    # methods, which read the file's list of tables before every write (at
    # 50,000 actions a tenth of the time of writing them).

    def restore(self, table: str, row: dict) -> None:
        """Put back a row exactly as it was (undo of a delete)."""
        columns = ", ".join(map(identifier, row))
        with self.transaction():
            self.conn.execute(f"INSERT INTO {identifier(table)} ({columns}) "
                              f"VALUES ({', '.join('?' * len(row))})", tuple(row.values()))

    def update(self, table: str, record_id: str, values: dict) -> None:
        values = {**self.checked(table, values), "updated_at": now_stamp()}
        sets = ", ".join(f"{identifier(column)} = ?" for column in values)
        with self.transaction():
            self._one_row(table, self.conn.execute(
                f"UPDATE {identifier(table)} SET {sets} WHERE id = ?",
                (*values.values(), record_id)))

    def delete(self, table: str, record_id: str) -> None:
        with self.transaction():
            self._one_row(table, self.conn.execute(
                f"DELETE FROM {identifier(table)} WHERE id = ?", (record_id,)))

    @staticmethod
    def _one_row(table: str, cursor: sqlite3.Cursor) -> None:
        if cursor.rowcount != 1:
            raise NotFoundError(f"That record ({table}) no longer exists: it may have been "
                                "deleted, or undone.")

    def delete_with_dependents(self, table: str, record_id: str) -> list[tuple[str, dict]]:
        """Delete a record and what its foreign keys cascade to, in one write.

        Returns every row the delete removes or changes, as it was, so that
        ``restore_rows`` can put them all back (undo).
        """
        found: dict[tuple[str, str], tuple[str, dict]] = {}
        with self.transaction() as db:
            self._dependents(table, record_id, self._references(), found, set())
            db[table].delete(record_id)
        return list(found.values())

    def _dependents(self, table: str, record_id: str, references: dict,
                    found: dict[tuple[str, str], tuple[str, dict]],
                    deleted: set[tuple[str, str]]) -> None:
        """Collect, as they are now, the rows deleting this one deletes or changes."""
        key = (table, record_id)
        if key in deleted:
            return
        deleted.add(key)
        row = self.row(f"SELECT * FROM {identifier(table)} WHERE id = ?", (record_id,))
        if row is None:
            return
        found.setdefault(key, (table, row))
        for child, column, action in references.get(table, []):
            for dependent in self.rows(
                    f"SELECT * FROM {identifier(child)} WHERE {identifier(column)} = ?",
                    (record_id,)):
                if action == "CASCADE":
                    self._dependents(child, dependent["id"], references, found, deleted)
                else:  # SET NULL and friends change the row: remember it as it was
                    found.setdefault((child, dependent["id"]), (child, dependent))

    def references_to(self, parent: str) -> list[tuple[str, str]]:
        """(table, column) of every column that refers to a record of ``parent``."""
        return [(child, ref[3])
                for (child,) in self.conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
                for ref in self.conn.execute("SELECT * FROM pragma_foreign_key_list(?)",
                                             (child,)).fetchall() if ref[2] == parent]

    def _references(self) -> dict[str, list[tuple[str, str, str]]]:
        """By parent table: (child table, column, on-delete action) of each key a delete
        may change."""
        found: dict[str, list] = {}
        for (child,) in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            for ref in self.conn.execute("SELECT * FROM pragma_foreign_key_list(?)",
                                         (child,)).fetchall():
                parent, column, on_delete = ref[2], ref[3], ref[6]
                if on_delete not in ("NO ACTION", "RESTRICT"):
                    found.setdefault(parent, []).append((child, column, on_delete))
        return found

    def restore_rows(self, rows: list[tuple[str, dict]]) -> None:
        """Put rows back exactly as they were, in any order (undo of a delete)."""
        with self.transaction() as db:
            db.execute("PRAGMA defer_foreign_keys = ON")  # checked at commit instead
            for table, row in rows:
                db[table].upsert(row, pk="id")

    # -- safety ----------------------------------------------------------------

    @property
    def changed(self) -> bool:
        """A change was committed since the file was opened."""
        return self._committed

    def save_copy(self, target) -> Path:
        """Write a consistent copy of the file to a new path (owner-only, verified)."""
        target = check_new_file(target, "copy")
        try:
            with translated_errors(self.path):
                backups.write_copy(self.conn, target)
        except OSError as error:
            if error.errno == errno.ENOSPC:
                raise disk_full(target) from None
            raise FileProblem(f"The copy {target.name} could not be written: "
                              f"{error.strerror or error}.", target) from None
        return target

    def backup(self, reason: str) -> backups.Backup:
        with translated_errors(self.path):
            return backups.take_backup(self.conn, self.path, reason)

    def check(self) -> list[str]:
        """Integrity, foreign keys and version; an empty list when all is well."""
        problems = []
        with translated_errors(self.path):
            integrity = [r[0] for r in self.conn.execute("PRAGMA integrity_check").fetchall()]
            if integrity != ["ok"]:
                problems.append(f"integrity: {integrity[0]}")
            for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check").fetchall():
                problems.append(f"foreign key: {table} row {rowid} refers to a missing {parent}")
            recorded = migrations.applied(self.conn)
            pending = sorted(schema.known_migrations() - set(recorded))
            if pending:
                problems.append("version: upgrades not applied: "
                                + ", ".join(name for _, name in pending))
            else:
                problems += [f"schema: {problem}" for problem in known_schema.differences(
                    known_schema.objects(self.conn), known_schema.expected(recorded))]
        if problems:
            self.distrust()
        return problems

    def _fold_in(self) -> None:
        """Everything into the file itself, no -wal left: SQLite's closing does
        that too, but says nothing when it cannot (a full disk)."""
        with translated_errors(self.path):
            busy, pages, done = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if busy or pages != done:
                raise NotSavedError(f"{self.path.name} could not be finished.", self.path)
            self.conn.execute("PRAGMA journal_mode = DELETE")

    def distrust(self) -> None:
        """A check found something: the file is not sealed as checked when closed."""
        self._problems_found = True

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def reopen(self) -> None:
        """Open again, in place, the file this store closed, when nothing has
        changed it since (a merge cancelled): what holds this store, a window's
        undo history, carries on with it."""
        opened = opening.open_file(self.path, False, ignore, True, self.read_only,
                                   self._keep_backups)
        self.conn, self._lock, self.read_only = opened.conn, opened.lock, opened.read_only
        self._db, self._committed = None, False

    def close(self) -> str | None:
        """Close the file, backing it up first if a change was committed; a warning
        when that backup could not be taken (the file itself is safe)."""
        warning = None
        try:
            if not self._keep_backups and not self.read_only:
                self._fold_in()  # a file being built: whole in itself, or an error
            if self.changed and not self.read_only and self._keep_backups:
                try:
                    self.backup("on-close")  # the backup's check vouches for the file too
                except (UserFacingError, OSError) as error:
                    log.info("on-close backup of %s failed: %s", self.path, error)
                    why = ("the disk is full" if isinstance(error, DiskFullError)
                           else str(error).rstrip("."))
                    warning = (f"{self.path.name} is saved, but its backup on closing could "
                               f"not be taken: {why}.")
        finally:
            self.conn.close()
            held.release(self.path)
            if (not self.read_only and self._keep_backups and warning is None
                    and not self._problems_found):
                seal.seal(self.path)
            opening.let_go(self.path, self._lock)
            self._lock = None
        return warning
