"""Where a file lives: local disk or a network share.

SQLite's locking and its guarantees after a power cut rely on the local
file system; on a network share two people can corrupt a file between them.
We cannot prevent that, only warn.
"""

import os
from pathlib import Path

NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph",
    "glusterfs", "lustre", "gfs2", "ocfs2", "davfs", "fuse.sshfs", "fuse.davfs2",
    "fuse.rclone", "fuse.glusterfs", "fuse.s3fs",
})


def _unescape(field: str) -> str:
    """/proc/mounts writes spaces and tabs in paths as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def filesystem_type(path, mounts_file: str = "/proc/mounts") -> str | None:
    """The type of the file system holding ``path`` (Linux), or None if unknown."""
    target = os.path.realpath(Path(path).absolute())
    try:
        with open(mounts_file, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    best, kind = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        mount_point = _unescape(fields[1])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best):
            best, kind = mount_point, fields[2]
    return kind


def is_network_path(path, mounts_file: str = "/proc/mounts") -> bool:
    """True when the file is on a network share (where SQLite is not safe)."""
    if str(path).startswith(("\\\\", "//")):  # a UNC path on Windows
        return True
    return filesystem_type(path, mounts_file) in NETWORK_TYPES
