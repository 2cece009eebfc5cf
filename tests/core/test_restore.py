"""Restoring a file from one of its backups; the network-share warning."""

import pytest

from secretariat.errors import FileLockedError, FileProblem
from secretariat.files.filesystem import is_network_path
from secretariat.files.restore import restore_backup, verified_backups
from secretariat.storage.backups import list_backups
from secretariat.taskforce import Taskforce


def add_person(path, name):
    with Taskforce.open(path) as tf:
        tf.store.insert("people", {"name": name})


def names(path) -> set[str]:
    with Taskforce.open(path) as tf:
        return {r["name"] for r in tf.store.rows("SELECT name FROM people")}


def test_restoring_sets_the_current_file_aside_and_puts_the_backup_in_place(sample_path):
    add_person(sample_path, "Before The Mistake")
    backup = verified_backups(sample_path)[0]
    add_person(sample_path, "After The Backup")
    current = sample_path.read_bytes()

    aside = restore_backup(sample_path, backup.path)

    assert aside.read_bytes() == current and "set-aside" in aside.name
    assert "Before The Mistake" in names(sample_path)
    assert "After The Backup" not in names(sample_path)
    assert "After The Backup" in names(aside)


def test_restore_is_refused_while_the_file_is_open(sample_path):
    backup = list_backups(sample_path)[0]
    with Taskforce.open(sample_path), pytest.raises(FileLockedError):
        restore_backup(sample_path, backup.path)


def test_a_backup_that_fails_its_check_is_not_offered_nor_used(sample_path):
    bad = list_backups(sample_path)[0].path
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert bad not in [b.path for b in verified_backups(sample_path)]
    before = sample_path.read_bytes()
    with pytest.raises(FileProblem, match="failed its check"):
        restore_backup(sample_path, bad)
    assert sample_path.read_bytes() == before


def test_a_file_on_a_network_share_is_recognised(tmp_path):
    mounts = tmp_path / "mounts"
    mounts.write_text("/dev/sda1 / ext4 rw 0 0\n"
                      "server:/share /mnt/shared\\040drive nfs4 rw 0 0\n"
                      "//nas/office /mnt/office cifs rw 0 0\n")
    assert is_network_path("/mnt/shared drive/mtf.taskforce", str(mounts))
    assert is_network_path("/mnt/office/mtf.taskforce", str(mounts))
    assert not is_network_path("/home/official/mtf.taskforce", str(mounts))
    assert not is_network_path("/mnt/shared/mtf.taskforce", str(mounts))
