"""Opening a taskforce file: by its real name, checked, locked, upgraded.

- The path is resolved first (``os.path.realpath``), so the lock, the seal
  and the backups go beside the file itself, never beside a symlink to it.
- A new file is built whole under a temporary name and placed last
  (``places.building``); a kill or a full disk leaves no half-made file.
- A writer holds the file's lock (``lock``) for as long as it is open; a
  reader (printing, export, search from the command line) takes none and
  reads a consistent snapshot beside any writer, as WAL allows, by the name
  the writer uses (SQLite keeps the latest changes beside a file's name, so
  a hard link is read through the name it is open under).
- In a folder the program may not write, a file whose -wal holds changes is
  read from a private copy of both, so its latest edits show
  (``immutable`` would hide them).
- Then ``_check_is_ours``: an SQLite file of ours, holding only what our
  migrations make, sound; and upgraded when it is from an earlier version.
"""

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from . import schema
from ..errors import (AlteredFileError, DamagedFileError, FileProblem, NewerFileError,
                      NotTaskforceFileError, ReadOnlyError)
from ..frozen import record
from ..progress import Progress
from . import backups, held, known_schema, migrations, places, seal
from .connect import sqlite, sqlite_utils_over
from .lock import InstanceLock, held_elsewhere, name_in_use
from .sql_errors import damaged, translated_errors
from .targets import SQLITE_MAGIC

APPLICATION_ID = 0x54465343  # "TFSC" in the SQLite header marks our files

# Private copies read in place of files in read-only folders, by real path,
# so that a worker's reading connection (``reader``) reads the same copy.
_PRIVATE_COPIES: dict[Path, Path] = {}


class UpgradeNeeded(Exception):
    """The file was written by an earlier version and must be upgraded to open."""

    def __init__(self, path: Path):
        super().__init__(f"{path.name} must be upgraded")
        self.path = path


@record
class Opened:
    path: Path
    conn: sqlite3.Connection
    read_only: bool
    lock: InstanceLock | None


def real_path(path) -> Path:
    return Path(os.path.realpath(Path(path).expanduser().absolute()))


def open_file(path, create: bool, progress: Progress, upgrade: bool, reading: bool,
              keep_backups: bool) -> Opened:
    path = real_path(path)
    if path.is_dir():
        raise NotTaskforceFileError(f"{path.name} is a folder, not a taskforce file.", path)
    empty = path.is_file() and path.stat().st_size == 0
    if not path.exists() or (empty and create):
        if not create:
            raise FileProblem(f"There is no taskforce file at {path.name}.", path)
        if not path.parent.is_dir():
            raise FileProblem(f"The folder for {path.name} does not exist.", path)
        _create(path, replace=empty)
    _check_header(path)
    other = name_in_use(path)  # a hard link to a file open, or last open, under another
    if other is not None and reading:
        path = other  # its latest changes are beside that name: read it by that
    folder_writable = os.access(path.parent, os.W_OK)
    read_only = reading or not (folder_writable and os.access(path, os.W_OK))
    if other is not None and not read_only and seal.wal_holds_changes(other) \
            and not held_elsewhere(path):  # (held: the lock will say who holds it)
        raise FileProblem(
            f"{path.name} is another name (a hard link) of {other}, which was last "
            f"open under that name and has changes still beside it ({other.name}-wal). "
            f"Open it as {other} so that they are kept. Nothing was changed.", path)
    lock = None
    if not read_only:
        places.sweep(path.parent)
        places.sweep(backups.backup_dir_for(path))
        lock = InstanceLock(path)
        lock.acquire(path)
    try:
        sealed = _sealed(path)
        if seal.wal_holds_changes(path):  # after a crash, or a file received with its -wal
            sealed = _check_before_replay(path)
        if not read_only:
            seal.unseal(path)  # open for writing: not as we left it until closed cleanly
        conn = _connect(path, read_only, folder_writable)
        try:
            _prepare(path, conn, sealed, read_only, progress, upgrade, keep_backups)
        except BaseException:
            conn.close()
            raise
    except BaseException:
        let_go(path, lock)
        raise
    return Opened(path, conn, read_only, lock)


def let_go(path: Path, lock: InstanceLock | None) -> None:
    """After the connection is closed: the lock, and any private copy read."""
    if lock:
        lock.release()
    copy = _PRIVATE_COPIES.pop(path, None)
    if copy:
        shutil.rmtree(copy.parent, ignore_errors=True)


def reading_connection(path) -> tuple[Path, sqlite3.Connection]:
    """Another connection to a file this process has open, only for reading."""
    path = real_path(path)
    with translated_errors(path):
        return path, _connect(path, read_only=True,
                              folder_writable=os.access(path.parent, os.W_OK))


def _check_before_replay(path: Path) -> bool:
    """Check a file with its -wal through a connection that can only read: a
    writing one would fold the -wal into the file when closed, refused or not."""
    with translated_errors(path):
        conn = _connect(path, read_only=True, folder_writable=os.access(path.parent, os.W_OK),
                        keep_wal=True)
        try:
            _check_is_ours(path, conn, checked=False)
        finally:
            conn.close()
            let_go(path, None)
    return True  # checked: the opening need not check again


def inspect(path) -> None:
    """Refuse, as opening would, anything but a sound taskforce file holding
    only what our migrations make; reads the file and nothing else."""
    path = real_path(path)
    if not path.is_file():
        raise FileProblem(f"There is no file at {path.name}.", path)
    _check_header(path)
    sealed = _sealed(path)
    # A connection that could write where it may: closing it then takes away
    # the -wal and -shm that reading made, as for any file we close.
    writable = (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
                and not seal.wal_holds_changes(path))  # (see _check_before_replay)
    copied_before = path in _PRIVATE_COPIES
    with translated_errors(path):
        conn = _connect(path, read_only=not writable, folder_writable=writable)
        try:
            _check_is_ours(path, conn, checked=sealed)
        finally:
            conn.close()
            if not copied_before:
                let_go(path, None)


def _create(path: Path, replace: bool) -> None:
    """A new, empty taskforce file at ``path``, there whole or not at all."""
    with places.building(path, replace=replace, check=backups.verify_whole) as building:
        backups.create_private_file(building)
        conn = sqlite(str(building))
        try:
            with translated_errors(path):
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                _migrate(path, conn, schema.migration_sets(), lambda done, total: None)
                conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()


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


def _check_header(path: Path) -> None:
    """Refuse anything that is not an SQLite file."""
    if held.is_held(path):  # open here already (its lock refuses it next): not read by name
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise FileProblem(f"{path.name} cannot be read: {error.strerror}.", path) from error
    if header != SQLITE_MAGIC:
        raise NotTaskforceFileError(
            f"{path.name} is not a taskforce file. It has been left as it is.", path)


def _connect(path: Path, read_only: bool, folder_writable: bool,
             keep_wal: bool = False) -> sqlite3.Connection:
    target = _PRIVATE_COPIES.get(path, path)
    if read_only and folder_writable and keep_wal:
        # Read in place, as a writer beside it sees it (a copy of the file and
        # then its -wal could straddle the writer's folding the one into the
        # other); opened read-only, closing leaves the -wal to be replayed.
        conn = sqlite(f"{target.as_uri()}?mode=ro", uri=True)
    elif read_only and folder_writable:
        # Able to write: closing then removes the -wal and -shm that reading
        # needs, as a writer's closing does. Nothing here writes (read_only).
        conn = sqlite(str(target))
    elif read_only:
        wal = path.with_name(path.name + "-wal")
        if target == path and wal.exists() and wal.stat().st_size:
            target = _private_copy(path)
            conn = sqlite(str(target))
        else:
            # No -wal: nobody writes here (a writer would need to make one),
            # so the file as it stands is all there is.
            conn = sqlite(f"{target.as_uri()}?mode=ro&immutable=1", uri=True)
    else:
        conn = sqlite(str(path))
    if read_only:  # a reader never takes the write lock from a writer beside it
        conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA busy_timeout = 2000")
    return conn


def _private_copy(path: Path) -> Path:
    """The file and its -wal, copied together into a private folder of ours:
    opened there, SQLite reads the -wal's changes, which a read-only folder
    would keep it from reading in place."""
    folder = Path(tempfile.mkdtemp(prefix="taskforce-read-"))  # mode 0700
    copy = folder / path.name
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(path.with_name(path.name + "-wal"), copy.with_name(copy.name + "-wal"))
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise FileProblem(f"{path.name} is in a folder this program may not write, and its "
                          f"latest changes could not be read ({error.strerror}).", path) from None
    _PRIVATE_COPIES[path] = copy
    return copy


def _prepare(path: Path, conn: sqlite3.Connection, sealed: bool, read_only: bool,
             progress: Progress, upgrade: bool, keep_backups: bool) -> None:
    """Check, and upgrade if need be (a backup of it as it was first)."""
    with translated_errors(path):
        pending = _check_is_ours(path, conn, checked=sealed)
        if pending and read_only:
            if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
                raise UpgradeNeeded(path)  # a reader: a writer must upgrade it first
            raise ReadOnlyError(
                f"{path.name} was written by an earlier version and must be upgraded, "
                "but it is read-only. Copy it somewhere writable and open the copy.", path)
        if pending and not upgrade:
            raise UpgradeNeeded(path)
        if pending:
            progress(0, len(pending) + 1)
            if keep_backups:
                backups.take_backup(conn, path, "before-upgrade")
            _migrate(path, conn, pending, progress)
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")


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
    unknown = sorted(set(recorded) - known, key=repr)
    if unknown and (not all(isinstance(n, str) for step in unknown for n in step)
                    or conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"):
        raise damaged(path)  # a version record that is unreadable, not one from later
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


def _migrate(path: Path, conn: sqlite3.Connection, pending, progress: Progress) -> None:
    # table.transform() with foreign keys on can fail inside a
    # transaction: migrate with them off, then check what they guard.
    conn.execute("PRAGMA foreign_keys = OFF")
    db = sqlite_utils_over(conn)
    for done, migration_set in enumerate(pending, start=1):
        progress(done, len(pending) + 1)
        migration_set.apply(db)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise DamagedFileError(
            f"{path.name} has records that refer to missing records "
            f"(first in table {problems[0][0]}).", path)
