"""Skip the checks of opening a file we closed cleanly ourselves.

``quick_check`` reads every page, so on a large file it costs seconds. It is
only needed when the file may have changed behind our back: a crash, a copy
from elsewhere, a damaged disk. On a clean close we record the file's size
and modification time beside it; a file that still matches, with no
leftover -wal, is exactly as we left it and opens without the check.

Opening a file for writing removes its seal first, so a seal only ever
stands beside a file that no program of ours has open. A non-empty -wal
beside a sealed file therefore did not come from us (a clean close leaves
none): it is refused, never replayed into the file (``has_foreign_wal``).
"""

import json
import os
from pathlib import Path


def _seal_path(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def wal_holds_changes(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _fingerprint(path: Path) -> dict:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def _matches(path: Path) -> bool:
    """The seal beside the file records the file as it is now."""
    try:
        recorded = json.loads(_seal_path(path).read_text(encoding="utf-8"))
        fingerprint = _fingerprint(path)
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and all(
        recorded.get(key) == value for key, value in fingerprint.items())


def is_sealed(path: Path) -> bool:
    """The file is exactly as it was when we closed it cleanly."""
    return not wal_holds_changes(path) and _matches(path)


def has_foreign_wal(path: Path) -> bool:
    """A -wal holding changes lies beside a file we closed cleanly and left alone since."""
    return wal_holds_changes(path) and _matches(path)


def seal(path: Path) -> None:
    """Record that the file was closed cleanly and known sound."""
    if wal_holds_changes(path):
        return  # not checkpointed: not as a clean close leaves it
    target = _seal_path(path)
    try:
        fingerprint = _fingerprint(path)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(fingerprint, handle)
    except OSError:
        target.unlink(missing_ok=True)  # no seal only costs a check next time


def unseal(path: Path) -> None:
    """The file is open for writing: until it is closed cleanly, it is not as we left it."""
    try:
        _seal_path(path).unlink(missing_ok=True)
    except OSError:
        pass  # then it cannot have been written either: the folder is read-only
