"""The two files of a merge as APSW opens them: each held by the application's
instance lock first, so that no window has it open through the other SQLite."""

import contextlib
from pathlib import Path
from typing import Iterator

import apsw

from ...errors import FileProblem
from ...storage.connect import apsw_connection
from ...storage.lock import InstanceLock


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """The instance lock: proves the file is not open in this application."""
    lock = InstanceLock(path)
    try:
        lock.acquire(path)
    except OSError as error:
        raise FileProblem(f"{path.name} cannot be used for the merge: {error.strerror}.",
                          path) from error
    try:
        yield
    finally:
        lock.release()


def open_apsw(path: Path, flags: int = apsw.SQLITE_OPEN_READWRITE) -> apsw.Connection:
    try:
        conn = apsw_connection(str(path), flags | apsw.SQLITE_OPEN_URI)
        conn.execute("PRAGMA busy_timeout = 2000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except apsw.Error as error:
        raise FileProblem(f"{path.name} cannot be read as a taskforce file ({error}).", path) from None
    return conn


def migrations_of(conn) -> set:
    return set(conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall())


def identity_of(conn) -> str:
    return conn.execute("SELECT id FROM file_identity").fetchone()[0]
