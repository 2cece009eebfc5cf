"""Where the program may write a file: never over a record.

Every file we write (PDFs, e-mail drafts, exports, copies, travel copies) is
checked here before a byte is written: never a taskforce file or any SQLite
database (read from its first bytes, so a symlink or a second name of the
open file is caught too), nothing that belongs beside one (its -wal, -shm,
lock, seal or backups), nothing marked read-only.
"""

import os
import stat
from pathlib import Path
from typing import Iterable

from ..errors import FileProblem, UserFacingError
from . import held

SQLITE_MAGIC = b"SQLite format 3\x00"
# What SQLite and this program keep beside a taskforce file.
_BESIDE = ("-wal", "-shm", "-journal", ".lock", ".checked", ".backups")


class UnsafeTargetError(UserFacingError):
    title = "Not saved"


def is_database(path: Path) -> bool:
    """True when ``path`` (followed through links) is an SQLite file: any taskforce file."""
    if not path.is_file():  # a folder, a device, a pipe (opening one would wait), or nothing
        return False
    if held.is_held(path):  # open here (or its -wal): reading it would drop SQLite's locks
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except FileNotFoundError:
        return False
    except OSError as error:
        raise UnsafeTargetError(
            f"{path.name} cannot be read ({error.strerror}), so it cannot be checked "
            "before writing over it; choose another name.") from error


def _owner_of(path: Path) -> Path | None:
    """The taskforce file ``path`` belongs beside (its -wal, lock, backups…), if any,
    by the names given and by the real folder (a symlink to a backups folder)."""
    real = Path(os.path.realpath(path.parent)) / path.name
    for place in (path, path.parent, real, real.parent):
        for suffix in _BESIDE:
            if place.name.endswith(suffix) and len(place.name) > len(suffix):
                owner = place.with_name(place.name[:-len(suffix)])
                if is_database(owner):
                    return owner
    return None


def check_not_beside_a_file(path) -> Path:
    """Refuse a new file in the place of a taskforce file's -wal, lock, seal or
    backups (a file SQLite or this program would take for one of those)."""
    target = Path(path).absolute()
    owner = _owner_of(target) or _owner_of(Path(os.path.realpath(target)))  # (a symlink)
    if owner is not None:
        where = (f"in the backups folder of {owner.name}" if target.parent != owner.parent
                 else f"beside {owner.name}, where that file's own companions go")
        raise UnsafeTargetError(f"{target.name} would be {where}; choose another name "
                                "or folder. Nothing was written.")
    return target


def check_target(path) -> Path:
    """``path`` as an absolute path, if a file may be written there; else a clear refusal."""
    target = Path(path).absolute()
    if target.is_dir():
        raise UnsafeTargetError(f"{target.name} is a folder; name a file to write.")
    if not target.parent.is_dir():
        raise UnsafeTargetError(f"The folder for {target.name} does not exist.")
    if is_database(target):
        raise UnsafeTargetError(
            f"{target.name} is a taskforce file (or another database): nothing is ever "
            "written over one. It has been left as it is; choose another name.")
    check_not_beside_a_file(target)
    if target.exists() and (not os.access(target, os.W_OK)
                            or not target.stat().st_mode & stat.S_IWUSR):
        raise UnsafeTargetError(f"{target.name} is read-only. It has been left as it is; "
                                "choose another name.")
    return target


def check_new_file(path, what: str) -> Path:
    """``path`` as an absolute path for a new file (a copy of the open one, say
    ``what``): refused if anything is there already, then as any target."""
    target = Path(path).absolute()
    if target.exists():
        raise FileProblem(f"{target.name} already exists; choose a new name for the {what}.",
                          target)
    return check_target(target)


def check_targets(paths: Iterable) -> list[Path]:
    """Every target of a command that writes several files, checked before the first is written."""
    checked: list[Path] = []
    for path in paths:
        target = check_target(path)
        if any(target == other or (target.exists() and other.exists()
                                   and os.path.samefile(target, other)) for other in checked):
            raise UnsafeTargetError(f"{target.name} is named for two outputs; give each its "
                                    "own name.")
        checked.append(target)
    return checked
