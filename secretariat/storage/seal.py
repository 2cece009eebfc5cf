"""Skip the checks of opening a file we closed cleanly ourselves.

``quick_check`` reads every page, so on a large file it costs seconds. It is
only needed when the file may have changed behind our back: a crash, a copy
from elsewhere, a damaged disk. On a clean close we record the file's size
and modification time beside it; a file that still matches, with no
leftover -wal, is exactly as we left it and opens without the check.

The seal also names the schema the file was up to date with (``schema.DIGEST``
of the program that closed it): when this program's is the same, the file
needs no upgrade and is not newer, and opening it imports no schema module.
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


def read(path: Path) -> dict | None:
    """What the seal records, if the file is still exactly as it was sealed; else None."""
    try:
        recorded = json.loads(_seal_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    fingerprint = _fingerprint(path)
    if (fingerprint is None or not isinstance(recorded, dict)
            or any(recorded.get(key) != value for key, value in fingerprint.items())):
        return None
    return recorded


def is_sealed(path: Path) -> bool:
    return read(path) is not None


def seal(path: Path, schema: int | None) -> None:
    """Record that the file was closed cleanly, known sound, and up to date
    with the schema whose digest is ``schema`` (None: with none we vouch for)."""
    fingerprint = _fingerprint(path)
    if fingerprint is None:
        return
    target = _seal_path(path)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({**fingerprint, "schema": schema}, handle)
    except OSError:
        target.unlink(missing_ok=True)  # no seal only costs a check next time
