"""The files this process has open through SQLite, which it must never open and
close any other way.

Closing any descriptor of a file drops every POSIX lock the process holds on
it, SQLite's among them (SQLite keeps its own descriptors open for this
reason, but cannot know of ours). Measured: after the window read the first
bytes of its own open file (to refuse writing over it) or a file dialog
looked inside the files of its folder, a command reading the file beside it
found no lock, took the -wal for its own, folded it in and deleted it, and
the window's later edits went to a deleted file. So whatever reads a file
by its name asks ``is_held`` first, by device and inode (a link, a symlink
or another spelling of the name is the same file), -wal and -shm included.
"""

import os
from collections import Counter
from pathlib import Path

_held: Counter[Path] = Counter()  # a file's path, by how many of this process's stores have it
COMPANIONS = ("", "-wal", "-shm", "-journal")


def hold(path: Path) -> None:
    _held[path] += 1


def release(path: Path) -> None:
    _held[path] -= 1
    if _held[path] <= 0:
        del _held[path]


def is_held(path) -> bool:
    """Whether ``path`` is a file, or a companion of a file, this process has open."""
    try:
        wanted = os.stat(path)
    except OSError:
        return False
    for held in _held:
        for suffix in COMPANIONS:
            try:
                found = os.stat(f"{held}{suffix}")
            except OSError:
                continue
            if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
                return True
    return False
