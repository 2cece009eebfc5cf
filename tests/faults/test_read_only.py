"""A read-only file or folder opens read-only, refuses changes clearly, never crashes.

Root may write to any file whatever its mode, so when the tests run as root
the file or folder is made immutable (chattr +i), which binds root too.
"""

import os
import shutil
import subprocess

import pytest

from secretariat.errors import ReadOnlyError
from secretariat.taskforce import Taskforce


@pytest.fixture
def make_read_only():
    changed = []

    def protect(path):
        if os.geteuid() != 0:
            path.chmod(0o555 if path.is_dir() else 0o444)
        elif not shutil.which("chattr") or subprocess.run(
                ["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("running as root where files cannot be made immutable")
        changed.append(path)

    yield protect
    for path in reversed(changed):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o700 if path.is_dir() else 0o600)


@pytest.mark.parametrize("what", ["file", "folder", "both"])
def test_read_only_opens_read_only_and_refuses_changes_clearly(sample_path, make_read_only, what):
    with Taskforce.open(sample_path) as tf:
        people = tf.store.scalar("SELECT count(*) FROM people")
    before = sample_path.read_bytes()
    if what in ("file", "both"):
        make_read_only(sample_path)
    if what in ("folder", "both"):
        make_read_only(sample_path.parent)

    with Taskforce.open(sample_path) as tf:
        assert tf.read_only
        assert tf.store.scalar("SELECT count(*) FROM people") == people
        with pytest.raises(ReadOnlyError) as refused:
            tf.store.insert("people", {"name": "Not Allowed"})

    assert str(refused.value) == f"{sample_path.name} is open read-only: this change was not saved."
    assert sample_path.read_bytes() == before
