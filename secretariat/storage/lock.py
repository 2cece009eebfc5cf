"""One writer per file, whatever name it is opened by.

A file can have several names: a symlink, a hard link, a path through
another folder. So the lock that counts is keyed by the file itself, its
device and inode, in a folder of this user's on this computer
(``lock_folder``): every name of the file meets the same lock. A second lock
beside the file's real path (``NAME.lock``) holds the holder's computer and
process, for the refusal message, and keeps two computers sharing a folder
apart where the share honours locks at all.

Both are OS advisory locks (``flock``, ``msvcrt.locking``), dropped by the
operating system when the holding process dies, however it dies: a lock left
by a killed process is simply taken over, nobody has to delete anything.
"""

import contextlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from ..errors import FileLockedError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def lock_path_for(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def lock_folder() -> Path:
    """This user's folder for the locks keyed by file, made private on first use."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir():
        folder = Path(runtime) / "taskforce-secretariat"
    else:
        user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
        folder = Path(tempfile.gettempdir()) / f"taskforce-secretariat-{user}"
    folder.mkdir(mode=0o700, exist_ok=True)
    made = os.lstat(folder)
    # In a shared temporary folder someone else could have made it first.
    if hasattr(os, "getuid") and (made.st_uid != os.getuid() or not Path(folder).is_dir()
                                  or folder.is_symlink()):
        raise FileLockedError(f"The folder {folder} for this program's locks belongs to "
                              "someone else; the file was not opened.", folder)
    return folder


def _identity_lock(path: Path) -> Path:
    found = os.stat(path)
    return lock_folder() / f"{found.st_dev}-{found.st_ino}.lock"


def name_in_use(path: Path) -> Path | None:
    """The other name this file is open under, or was when a program holding it
    died, if not ``path`` (a hard link): SQLite keeps the latest changes
    beside the name a file is opened by, so that is the name to read it by."""
    try:
        recorded = json.loads(_identity_lock(path).read_text(encoding="utf-8") or "{}")
        named = Path(recorded.get("path") or "")
        if named.is_absolute() and named != path and os.path.samefile(named, path):
            return named
    except (OSError, ValueError, FileLockedError):
        pass
    return None


def held_elsewhere(path: Path) -> bool:
    """Whether a program holds the file open for writing now (asked, not taken)."""
    try:
        fd = os.open(_identity_lock(path), os.O_RDWR)
    except (OSError, FileLockedError):
        return False
    try:
        if not _try_lock(fd):
            return True
        _unlock(fd)
        return False
    finally:
        os.close(fd)


def describe_holder(lock_file: Path) -> str:
    holder = {}
    for _ in range(20):  # the holder writes its name just after taking the lock
        try:
            holder = json.loads(lock_file.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            holder = {}
        if holder:
            break
        time.sleep(0.01)
    host = holder.get("host", "another computer")
    pid = holder.get("pid", "unknown")
    return f"{host} (process {pid})"


class InstanceLock:
    """Held for as long as a taskforce file is open for writing."""

    def __init__(self, path: Path):
        self.real = Path(os.path.realpath(path))
        self.path = lock_path_for(self.real)  # beside the file itself, not beside a link
        self._fds: list[tuple[int, Path | None]] = []

    def acquire(self, file_path: Path) -> None:
        try:
            self._take_by_identity(file_path)
            self._take(self.path, file_path)
        except BaseException:
            self.release()
            raise

    def _take_by_identity(self, file_path: Path) -> None:
        """The lock every name of the file meets: keyed by its device and inode."""
        while True:
            lock_file = _identity_lock(self.real)
            fd = self._take(lock_file, file_path, remove=True)
            # Another holder may have removed this lock file as it let go, after we
            # opened it: ours is the lock only if it is still the file of that name.
            try:
                if os.path.samestat(os.fstat(fd), os.stat(lock_file)):
                    return
            except FileNotFoundError:
                pass
            self._fds.pop()
            os.close(fd)

    def _take(self, lock_file: Path, file_path: Path, remove: bool = False) -> int:
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise FileLockedError(
                f"{file_path.name} is already open in Taskforce Secretariat on "
                f"{describe_holder(lock_file)}. Close it there first.",
                file_path,
            )
        self._fds.append((fd, lock_file if remove else None))
        # Windows locks a byte range: write after the first byte stays unlocked.
        # Not synced: the record only names the holder for a message, and after
        # a power cut the lock is free again whatever the record says.
        # The name it is opened by, too: SQLite keeps its latest changes beside it.
        record = {"host": _host(), "pid": os.getpid(), "path": str(self.real)}
        with contextlib.suppress(OSError):  # a full disk: the lock holds without it
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, json.dumps(record).encode("utf-8"))
        return fd

    def release(self) -> None:
        while self._fds:
            fd, remove = self._fds.pop()
            try:
                if remove and os.name != "nt":  # Windows keeps an open file; it is reused there
                    remove.unlink(missing_ok=True)  # while still held: see _take_by_identity
                os.ftruncate(fd, 0)
                _unlock(fd)
            finally:
                os.close(fd)


def _host() -> str:
    """This computer's name, as socket.gethostname gives it, without importing
    the socket module on the way to opening a file."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import platform  # Windows

    return platform.node()
