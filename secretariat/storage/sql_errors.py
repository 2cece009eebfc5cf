"""SQLite's environment errors in words the official can act on.

Busy, read-only, full, damaged: each becomes a ``UserFacingError``; anything
else is a bug and goes through unchanged.
"""

import contextlib
import sqlite3
from pathlib import Path
from typing import Iterator

from ..errors import (APPROVED_MINUTES_ARE_FINAL, WRONG_KIND, DamagedFileError, FileProblem,
                      MinutesLockedError, NotSavedError, ReadOnlyError, UserFacingError,
                      ValidationError, disk_full)


def damaged(path: Path) -> DamagedFileError:
    return DamagedFileError(
        f"{path.name} is damaged and cannot be read safely. It has been left as it is; "
        "restore it from one of its backups.", path)


def _explain(error: sqlite3.Error, path: Path) -> UserFacingError | None:
    """Map an SQLite environment error to a message; None when it is a bug."""
    text = str(error).lower()
    name = path.name
    if WRONG_KIND in text:
        return ValidationError("A value of the wrong kind (text where a number or a date "
                               "belongs) was refused; nothing was changed.")
    if APPROVED_MINUTES_ARE_FINAL in text:
        return MinutesLockedError(
            "That would change minutes that have been approved, and approved minutes are "
            "final: nothing was changed. Record a correction at a later meeting instead.")
    if "readonly" in text or "read-only" in text:
        return ReadOnlyError(f"{name} is read-only: this change was not saved.", path)
    if "disk is full" in text:
        return disk_full(path)
    if "disk i/o" in text or "out of memory" in text:
        return NotSavedError(
            f"Nothing was saved: the disk holding {name} is full or failing, and SQLite "
            "needs a little room beside a file even to read it. Earlier changes are safe. "
            "Free some space and try again.", path)
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
