"""Restore a file from one of its backups, setting the current file aside.

Nothing is deleted: the current file (damaged or not) is renamed beside
itself with its -wal/-shm companions, so SQLite still pairs them, and the
backup is copied into its place through SQLite's backup API.
"""

import contextlib
import datetime as dt
import os
import sqlite3
from pathlib import Path

from ..errors import FileProblem
from ..storage.backups import Backup, create_private_file, list_backups, verify
from ..storage.connect import sqlite
from ..storage.lock import InstanceLock
from ..storage.opening import APPLICATION_ID

_COMPANIONS = ("-wal", "-shm", "-journal")


def verified_backups(file_path) -> list[Backup]:
    """This file's backups that pass their check, newest first (works for a damaged file)."""
    return [b for b in list_backups(Path(file_path).absolute()) if verify(b.path)]


def set_aside_path(file_path: Path, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate = file_path.with_name(f"{file_path.stem}-set-aside-{stamp}{file_path.suffix}")
    number = 1
    while candidate.exists():
        number += 1
        candidate = file_path.with_name(
            f"{file_path.stem}-set-aside-{stamp}-{number}{file_path.suffix}")
    return candidate


def restore_backup(file_path, backup_path) -> Path | None:
    """Put ``backup_path`` in place of the (closed) file; returns where the old file went."""
    file_path, backup_path = Path(file_path).absolute(), Path(backup_path).absolute()
    if not _is_taskforce_backup(backup_path):
        raise FileProblem(f"The backup {backup_path.name} failed its check and was not used. "
                          "Choose another backup.", backup_path)
    lock = InstanceLock(file_path)
    incoming = file_path.with_name(file_path.name + ".restoring")
    try:
        lock.acquire(file_path)  # refuses while the file is open anywhere
        incoming.unlink(missing_ok=True)
        create_private_file(incoming)
        with contextlib.closing(sqlite(f"{backup_path.as_uri()}?mode=ro", uri=True)) as src, \
                contextlib.closing(sqlite(incoming)) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        if not verify(incoming):
            raise OSError("the restored copy failed its check")
        aside = None
        if file_path.exists():
            aside = set_aside_path(file_path)
            os.rename(file_path, aside)
            for suffix in _COMPANIONS:
                companion = file_path.with_name(file_path.name + suffix)
                if companion.exists():
                    os.rename(companion, aside.with_name(aside.name + suffix))
        os.replace(incoming, file_path)
        return aside
    except (OSError, sqlite3.Error) as error:
        incoming.unlink(missing_ok=True)
        reason = getattr(error, "strerror", None) or str(error)
        raise FileProblem(f"{file_path.name} could not be restored ({reason}); "
                          "it has been left as it was.", file_path) from error
    finally:
        lock.release()


def _is_taskforce_backup(path: Path) -> bool:
    if not path.is_file() or not verify(path):
        return False
    with contextlib.closing(sqlite(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
