"""The taskforce file: opening, checking, migrating and writing it.

This is the only place that holds the SQLite connection. Domain modules write
through ``Store.transaction()`` and read through ``Store.rows()``; both turn
SQLite's environment errors (busy, read-only, full, damaged) into
``UserFacingError``s and let bugs through unchanged.
"""

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any, Iterator

from .. import schema
from ..errors import (
    AlteredFileError,
    DamagedFileError,
    FileProblem,
    NewerFileError,
    NotSavedError,
    NotTaskforceFileError,
    ReadOnlyError,
    UserFacingError,
)
from ..progress import Progress, ignore
from . import backups, known_schema, migrations, seal, search_queue
from .connect import identifier, sqlite
from .lock import InstanceLock
from .targets import SQLITE_MAGIC, check_target

APPLICATION_ID = 0x54465343  # "TFSC" in the SQLite header marks our files


def new_id() -> str:
    import uuid  # only writing needs it: not imported to open a file

    return uuid.uuid4().hex


def now_stamp() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")


def damaged(path: Path) -> DamagedFileError:
    return DamagedFileError(
        f"{path.name} is damaged and cannot be read safely. It has been left as it is; "
        "restore it from one of its backups.", path)


def _explain(error: sqlite3.Error, path: Path) -> UserFacingError | None:
    """Map an SQLite environment error to a message; None when it is a bug."""
    text = str(error).lower()
    name = path.name
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(f"{name} is read-only: this change was not saved.", path)
    if "disk is full" in text or "disk i/o" in text or "out of memory" in text:
        return NotSavedError(
            f"This change was not saved: the disk holding {name} is full or failing. "
            "Earlier changes are safe. Free some space and try again.", path)
    if "locked" in text or "busy" in text:
        return NotSavedError(
            f"{name} is busy in another program; this change was not saved. Try again.", path)
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return damaged(path)
    if "unable to open" in text:
        return FileProblem(f"{name} cannot be opened: {error}.", path)
    return None


@contextlib.contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        explained = _explain(error, path)
        if explained is None:
            raise
        raise explained from error


class UpgradeNeeded(Exception):
    """The file was written by an earlier version and must be upgraded to open."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name} must be upgraded")
        self.path = path


class Store:
    """An open taskforce file.

    Reading goes straight through the sqlite3 connection (``conn``); writing
    goes through sqlite-utils (``db``), imported with the first write, so
    that opening a file and showing it does not pay for loading it.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, read_only: bool,
                 lock: InstanceLock | None):
        self.path = path
        self.conn = conn
        self.read_only = read_only
        self._lock = lock
        self._db = None
        self._depth = 0  # of nested transactions
        self._problems_found = False  # a check found something: never seal it as checked
        self._baseline_changes = conn.total_changes

    @property
    def db(self):
        """The sqlite-utils Database over ``conn``, made when first wanted."""
        if self._db is None:
            self._db = _database(self.conn)
        return self._db

    # -- opening -----------------------------------------------------------

    @classmethod
    def open(cls, path, create: bool = False, progress: Progress = ignore,
             upgrade: bool = True) -> "Store":
        """Open (or create) the file. An older file is upgraded first, a step at
        a time with ``progress``; ``Cancelled`` from it stops between steps,
        each of which is whole, and the next opening carries on. Without
        ``upgrade``, an older file raises ``UpgradeNeeded`` instead, unchanged
        (so that a window can run the upgrade on a worker thread)."""
        path = Path(path).absolute()
        is_new = not path.exists()
        if is_new:
            if not create:
                raise FileProblem(f"There is no taskforce file at {path.name}.", path)
            if not path.parent.is_dir():
                raise FileProblem(f"The folder for {path.name} does not exist.", path)
            backups.create_private_file(path)
        elif path.is_dir():
            raise NotTaskforceFileError(f"{path.name} is a folder, not a taskforce file.", path)
        else:
            is_new = cls._check_header(path, create)

        read_only = not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)
        lock = None
        if not read_only:
            lock = InstanceLock(path)
            lock.acquire(path)
        try:
            sealed = not is_new and cls._sealed(path)
            if not read_only:
                seal.unseal(path)  # open for writing: not as we left it until closed cleanly
            conn = cls._connect(path, read_only)
            try:
                cls._prepare(path, conn, is_new, sealed, read_only, progress, upgrade)
            except BaseException:
                conn.close()
                raise
        except BaseException:
            if lock:
                lock.release()
            raise
        store = cls(path, conn, read_only, lock)
        if not read_only and conn.execute(search_queue.PENDING).fetchone()[0]:
            with store.transaction():  # changes another program made: indexed at its end
                pass
        return store

    @classmethod
    def reader(cls, path) -> "Store":
        """Another, read-only connection to a file this process has open, for long
        reading on a worker thread (an sqlite3 connection belongs to its thread).
        WAL lets it read while the window writes; it takes no instance lock and
        skips the checks the first opening made."""
        path = Path(path).absolute()
        with translated_errors(path):
            conn = cls._connect(path, read_only=True)
        return cls(path, conn, True, None)

    @classmethod
    def inspect(cls, path) -> None:
        """Refuse, as opening would, anything but a sound taskforce file holding
        only what our migrations make; reads the file and nothing else."""
        path = Path(path).absolute()
        if not path.is_file():
            raise FileProblem(f"There is no file at {path.name}.", path)
        cls._check_header(path, create=False)
        sealed = cls._sealed(path)
        # Read through a connection that could write where it may: closing it
        # then takes away the -wal and -shm that reading made, as for any file we close.
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        with translated_errors(path):
            conn = cls._connect(path, read_only=not writable)
            try:
                cls._check_is_ours(path, conn, checked=sealed)
            finally:
                conn.close()

    @staticmethod
    def _sealed(path: Path) -> bool:
        """Whether the file is as we left it when we closed it cleanly; refuses a
        -wal that appeared beside such a file (it was not ours to replay)."""
        if seal.has_foreign_wal(path):
            raise AlteredFileError(
                f"{path.name} was closed cleanly, yet a file of changes ({path.name}-wal) now "
                "lies beside it that it did not leave there, perhaps copied in with it from "
                "another file. Opening it would write those changes into the file, so it has "
                "not been opened and nothing was changed. If the changes do not belong to "
                f"this file, move {path.name}-wal away and open the file again.", path)
        return seal.is_sealed(path)

    @staticmethod
    def _check_header(path: Path, create: bool) -> bool:
        """Refuse anything that is not an SQLite file; True for an empty file we may fill."""
        try:
            with open(path, "rb") as handle:
                header = handle.read(len(SQLITE_MAGIC))
        except OSError as error:
            raise FileProblem(f"{path.name} cannot be read: {error.strerror}.", path) from error
        if not header and create:
            return True
        if header != SQLITE_MAGIC:
            raise NotTaskforceFileError(
                f"{path.name} is not a taskforce file. It has been left as it is.", path)
        return False

    @staticmethod
    def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
        if read_only:
            # Without write access to the folder SQLite cannot make the -shm
            # file a WAL reader needs; immutable tells it no one else writes.
            flags = "mode=ro" if os.access(path.parent, os.W_OK) else "mode=ro&immutable=1"
            conn = sqlite(f"{path.as_uri()}?{flags}", uri=True)
        else:
            conn = sqlite(str(path))
        conn.execute("PRAGMA busy_timeout = 2000")
        return conn

    @classmethod
    def _prepare(cls, path: Path, conn: sqlite3.Connection, is_new: bool, sealed: bool,
                 read_only: bool, progress: Progress, upgrade: bool) -> None:
        """Check, and upgrade if need be."""
        with translated_errors(path):
            pending = [] if is_new else cls._check_is_ours(path, conn, checked=sealed)
            if is_new:
                pending = schema.migration_sets()
            if pending and read_only:
                raise ReadOnlyError(
                    f"{path.name} was written by an earlier version and must be upgraded, "
                    "but it is read-only. Copy it somewhere writable and open the copy.", path)
            if pending and not upgrade and not is_new:
                raise UpgradeNeeded(path)
            if pending:
                progress(0, len(pending) + 1)
                if not is_new:
                    backups.take_backup(conn, path, "before-upgrade")
                cls._migrate(path, conn, pending, is_new, progress)
            if not read_only:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")

    @staticmethod
    def _check_is_ours(path: Path, conn: sqlite3.Connection, checked: bool) -> list:
        """Refuse anything but a sound taskforce file holding only what our
        migrations make; the migration sets with steps it lacks."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotTaskforceFileError(
                f"{path.name} is an SQLite database but not a taskforce file. "
                "It has been left as it is.", path)
        known_schema.check_version_record(path, conn)
        recorded = migrations.applied(conn)
        if not recorded:
            raise DamagedFileError(f"{path.name} is missing its version record.", path)
        known = schema.known_migrations()
        unknown = sorted(set(recorded) - known)
        if unknown:
            raise NewerFileError(
                f"{path.name} was written by a newer version of Taskforce Secretariat "
                f"(it has changes this version does not know: {unknown[0][1]}). "
                "It has not been changed. Install the newer version to open it.", path)
        known_schema.check(path, conn, recorded)
        # A damaged page elsewhere would only show when read (after we had
        # written to the file); quick_check finds it before anything is written.
        # A file we closed cleanly and that has not changed since needs no check.
        if not checked and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise damaged(path)
        if set(recorded) == known:
            return []
        return [s for s in schema.migration_sets() if s.pending(set(recorded))]

    @staticmethod
    def _migrate(path: Path, conn: sqlite3.Connection, pending, is_new: bool,
                 progress: Progress) -> None:
        # table.transform() with foreign keys on can fail inside a
        # transaction: migrate with them off, then check what they guard.
        conn.execute("PRAGMA foreign_keys = OFF")
        if is_new:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db = _database(conn)
        for done, migration_set in enumerate(pending, start=1):
            progress(done, len(pending) + 1)
            migration_set.apply(db)
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DamagedFileError(
                f"{path.name} has records that refer to missing records "
                f"(first in table {problems[0][0]}).", path)

    # -- reading and writing -------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic write; nested blocks become savepoints."""
        if self.read_only:
            raise ReadOnlyError(
                f"{self.path.name} is open read-only: this change was not saved.", self.path)
        with translated_errors(self.path), self.db.atomic():
            self._depth += 1
            try:
                yield self.db
                if self._depth == 1:
                    self._index_for_search()
            finally:
                self._depth -= 1

    def _index_for_search(self) -> None:
        """Bring the search index up to this transaction's changes, before it commits."""
        if self.conn.execute(search_queue.PENDING).fetchone()[0]:
            for statement in search_queue.FLUSH:
                self.conn.execute(statement)

    def rows(self, sql: str, params: Any = ()) -> list[dict]:
        with translated_errors(self.path):
            cursor = self.conn.execute(sql, params)
            names = [c[0] for c in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

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
        row = {"id": new_id(), "created_at": stamp, "updated_at": stamp, **values}
        with self.transaction() as db:
            db[table].insert(row)
        return row

    def restore(self, table: str, row: dict) -> None:
        """Put back a row exactly as it was (undo of a delete)."""
        with self.transaction() as db:
            db[table].insert(row)

    def update(self, table: str, record_id: str, values: dict) -> None:
        with self.transaction() as db:
            db[table].update(record_id, {**values, "updated_at": now_stamp()})

    def delete(self, table: str, record_id: str) -> None:
        with self.transaction() as db:
            db[table].delete(record_id)

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
        return self.conn.total_changes != self._baseline_changes

    def save_copy(self, target) -> Path:
        """Write a consistent copy of the file to a new path (owner-only, verified)."""
        target = Path(target).absolute()
        if target.exists():
            raise FileProblem(f"{target.name} already exists; choose a new name for the copy.",
                              target)
        check_target(target)
        if not target.parent.is_dir():
            raise FileProblem(f"The folder for {target.name} does not exist.", target)
        try:
            with translated_errors(self.path):
                backups.write_copy(self.conn, target)
        except OSError as error:
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

    def distrust(self) -> None:
        """A check found something: the file is not sealed as checked when closed."""
        self._problems_found = True

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the file, backing it up first if anything changed."""
        sound = False
        try:
            if self.changed and not self.read_only:
                self.backup("on-close")  # the backup's check vouches for the file too
            sound = True
        finally:
            self.conn.close()
            if sound and not self.read_only and not self._problems_found:
                seal.seal(self.path)
            if self._lock:
                self._lock.release()
                self._lock = None


def _database(conn: sqlite3.Connection):
    """sqlite-utils over the connection; imported here, when first needed."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)
