"""One application instance per file.

The lock is an OS advisory lock on a small file beside the taskforce file. The
operating system drops the lock when the holding process dies, however it
dies, so a lock left by a killed process is simply taken over: nobody has to
delete anything. The file's text says who holds it, for the refusal message.
"""

import json
import os
from pathlib import Path

from ..errors import FileLockedError

if os.name == "nt":  # pragma: no cover - exercised on Windows only
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


def describe_holder(lock_file: Path) -> str:
    try:
        holder = json.loads(lock_file.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    host = holder.get("host", "another computer")
    pid = holder.get("pid", "unknown")
    return f"{host} (process {pid})"


class InstanceLock:
    """Held for as long as a taskforce file is open for writing."""

    def __init__(self, path: Path):
        self.path = lock_path_for(path)
        self._fd = None

    def acquire(self, file_path: Path) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            raise FileLockedError(
                f"{file_path.name} is already open in Taskforce Secretariat on "
                f"{describe_holder(self.path)}. Close it there first.",
                file_path,
            )
        self._fd = fd
        record = json.dumps({"host": _host(), "pid": os.getpid()})
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        # Windows locks a byte range: write after the first byte stays unlocked.
        # Not synced: the record only names the holder for a message, and after
        # a power cut the lock is free again whatever the record says.
        os.write(fd, record.encode("utf-8"))

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def _host() -> str:
    """This computer's name, as socket.gethostname gives it, without importing
    the socket module on the way to opening a file."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import platform  # Windows

    return platform.node()
