"""New files come whole or not at all: built under a temporary name, placed last.

Every file the program makes that is not an edit of an open file (a new
taskforce file, the sample, an import into a new file, a copy, a travel copy,
a backup, an output) is written under a hidden temporary name beside its
final one, made readable by its owner only, checked, and only then given
its final name. A kill, a full disk or an error at any moment leaves the
final name as it was: absent, or the earlier file.

The temporary names carry the process that made them
(``.NAME.PID-RANDOM.part``), so a later run can tell a leftover of a dead
process from work still going on in another, and remove it (``sweep``).
"""

import contextlib
import errno
import os
import re
import shutil
from pathlib import Path
from typing import Callable, Iterator

from ..errors import DiskFullError, NotSavedError, disk_full
from .targets import check_not_beside_a_file

PART = ".part"
# What SQLite and this program may leave beside a file of that name.
COMPANIONS = ("-wal", "-shm", "-journal", ".lock", ".checked", ".backups")


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]+\.part")


class UnfinishedError(NotSavedError):
    def __init__(self, target: Path):
        super().__init__(f"{target.name} could not be written whole, so it was not made. "
                         "Nothing was saved.", target)


def temporary_name(target: Path) -> Path:
    # (os.urandom as secrets.token_hex reads it: secrets brings hashlib, hmac and
    # random to every command that writes a file)
    return target.with_name(f".{target.name}.{os.getpid()}-{os.urandom(4).hex()}{PART}")


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)


def remove_companions(path: Path) -> None:
    """What SQLite and this program left beside ``path`` (not the file itself)."""
    for suffix in COMPANIONS:
        _remove(path.with_name(path.name + suffix))


def remove_with_companions(path: Path) -> None:
    _remove(path)
    remove_companions(path)


def place(temporary: Path, target: Path, replace: bool = False) -> None:
    """Give the finished ``temporary`` its final name; never over another file
    unless ``replace``."""
    if replace:
        os.replace(temporary, target)
        return
    try:
        os.link(temporary, target)  # fails, atomically, if the name was taken meanwhile
    except FileExistsError:
        raise
    except OSError:  # no hard links here (a FAT memory stick): the next best thing
        if target.exists():
            raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
        os.rename(temporary, target)
        return
    os.unlink(temporary)


@contextlib.contextmanager
def building(target: Path, replace: bool = False, backups: bool = False,
             check: Callable[[Path], bool] | None = None) -> Iterator[Path]:
    """A temporary path to build the new file ``target`` at; placed under
    ``target`` when the block ends without an error and it passes ``check``,
    else removed with everything made beside it. Never in the place of a
    taskforce file's companions, unless ``backups``: this program's own
    backups and snapshots."""
    if not backups:
        check_not_beside_a_file(target)
    sweep(target.parent)
    temporary = temporary_name(target)
    try:
        yield temporary
        wal = temporary.with_name(temporary.name + "-wal")
        if (wal.exists() and wal.stat().st_size) or (check and not check(temporary)):
            raise UnfinishedError(target)  # (changes still in its -wal would be lost)
        remove_companions(temporary)
        place(temporary, target, replace)
    except (OSError, DiskFullError) as error:
        remove_with_companions(temporary)
        if isinstance(error, DiskFullError) or error.errno == errno.ENOSPC:
            raise disk_full(target) from None  # named by the file wanted, not the temporary
        raise
    except BaseException:
        remove_with_companions(temporary)
        raise


def sweep(folder: Path) -> None:
    """Remove the temporary files (and what lies beside them) that processes which
    have since died left in ``folder``."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        found = _LEFTOVER.match(entry.name)
        if found and not _alive(int(found["pid"])):
            _remove(entry)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # (os.kill there would stop the process)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True
