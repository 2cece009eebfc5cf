"""Automatic backups and copies through SQLite's backup API, verified and thinned.

Backups live in a folder beside the file (``NAME.backups``). Each one, like
every copy of a file (Save a Copy, a travel copy), is made with
``Connection.backup`` (a file copy of a WAL database can miss what is still
in the -wal file) into a private temporary file, checked (``verify``), and
only then given its final name (``places``): a kill or a full disk never
leaves a partial backup or copy under a final name. Only backups that look
whole are listed and counted among those kept.
"""

import datetime as dt
import os
import sqlite3
from pathlib import Path

from ..frozen import record
from ..progress import Progress, ignore
from . import places
from .connect import sqlite
from .sql_errors import translated_errors
from .targets import SQLITE_MAGIC

KEEP_LATEST = 10
KEEP_DAILY_DAYS = 30

_STAMP = "%Y%m%d-%H%M%S-%f"


@record
class Backup:
    path: Path
    taken_at: dt.datetime
    reason: str
    size: int


def backup_dir_for(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (SQLite keeps the mode)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def verify(path: Path, check: str = "quick_check", marked: bool = False) -> bool:
    """True when the file is a non-empty SQLite database that passes ``check``
    (and, if ``marked``, carries the mark of a travel copy)."""
    try:
        if path.stat().st_size == 0:
            return False
        conn = sqlite(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            sound = conn.execute(f"PRAGMA {check}").fetchone()[0] == "ok"
            return sound and (not marked or bool(
                conn.execute("SELECT count(*) FROM travel_origin").fetchone()[0]))
        finally:
            conn.close()
    except (OSError, sqlite3.DatabaseError):
        return False


def verify_whole(path: Path) -> bool:
    """A new file passes every check SQLite has."""
    return verify(path, "integrity_check")


def take_backup(conn: sqlite3.Connection, file_path: Path, reason: str,
                now: dt.datetime | None = None) -> Backup:
    """Write a verified backup of the open connection beside ``file_path``."""
    now = now or dt.datetime.now()
    folder = backup_dir_for(file_path)
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / f"{file_path.stem}-{now.strftime(_STAMP)}-{reason}.taskforce"
    write_copy(conn, target, backup=True)
    thin(file_path, now)
    return Backup(target, now, reason, target.stat().st_size)


def write_copy(conn: sqlite3.Connection, target: Path, progress: Progress = ignore,
               finish=None, backup: bool = False) -> None:
    """Copy the open database into a new private file and verify it, then give
    it its name; nothing under that name on failure, nor when ``progress``
    (pages copied, of all) raises ``Cancelled``. ``finish(copy)`` runs on the
    copy's own connection before it is checked (a travel copy's mark).
    ``backup``: a copy of this program's own, in a file's backups folder."""
    with places.building(target, backups=backup) as building, translated_errors(target):
        create_private_file(building)
        dest = sqlite(building)
        try:
            # A thousand pages a step, so that progress is heard and Cancel can stop it.
            conn.backup(dest, pages=1000,
                        progress=lambda _, remaining, total: progress(total - remaining, total))
            if finish:
                with dest:
                    finish(dest)
            # A self-contained file: no -wal/-shm companions to lose or forget.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        if not verify(building, "integrity_check", marked=finish is not None):
            raise OSError(f"the copy {target.name} failed its check")


def list_backups(file_path: Path) -> list[Backup]:
    """The backups of this file that look whole, newest first (anything else in
    the folder under a backup's name is neither listed nor counted)."""
    folder = backup_dir_for(file_path)
    if not folder.is_dir():
        return []
    found = []
    prefix = file_path.stem + "-"
    for entry in folder.glob(f"{file_path.stem}-*.taskforce"):
        if not _looks_whole(entry):
            continue
        parts = entry.stem[len(prefix):].split("-")
        try:
            taken = dt.datetime.strptime("-".join(parts[:3]), _STAMP)
        except ValueError:
            continue
        reason = "-".join(parts[3:])
        found.append(Backup(entry, taken, reason, entry.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _looks_whole(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC and path.stat().st_size > 100
    except OSError:
        return False


def backups_to_keep(times: list[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """The last ten, then the newest of each day for a month, then of each month."""
    newest_first = sorted(times, reverse=True)
    keep = set(newest_first[:KEEP_LATEST])
    seen_days, seen_months = set(), set()
    for taken in newest_first:
        if (now - taken).days < KEEP_DAILY_DAYS:
            if taken.date() not in seen_days:
                seen_days.add(taken.date())
                keep.add(taken)
        elif (taken.year, taken.month) not in seen_months:
            seen_months.add((taken.year, taken.month))
            keep.add(taken)
    return keep


def thin(file_path: Path, now: dt.datetime) -> None:
    backups = list_backups(file_path)
    keep = backups_to_keep([b.taken_at for b in backups], now)
    for backup in backups:
        if backup.taken_at not in keep:
            backup.path.unlink(missing_ok=True)
