"""Skip the whole-file check when opening a file we closed cleanly ourselves.

``quick_check`` reads every page, so on a large file it costs seconds. It is
only needed when the file may have changed behind our back: a crash, a copy
from elsewhere, a damaged disk. On a clean close we record the file's size
and modification time beside it; a file that still matches, with no
leftover -wal, is exactly as we left it and opens without the check.
"""

import json
import os
from pathlib import Path


def _seal_path(path: Path) -> Path:
    return path.with_name(path.name + ".checked")


def _fingerprint(path: Path) -> dict | None:
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return None  # not checkpointed: the file was not closed cleanly
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}


def is_sealed(path: Path) -> bool:
    try:
        recorded = json.loads(_seal_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded == _fingerprint(path)


def seal(path: Path) -> None:
    """Record that the file was closed cleanly and known sound."""
    fingerprint = _fingerprint(path)
    if fingerprint is None:
        return
    target = _seal_path(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(fingerprint, handle)
    except OSError:
        target.unlink(missing_ok=True)  # no seal only costs a check next time
