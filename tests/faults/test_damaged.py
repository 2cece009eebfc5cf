"""A damaged file is refused, kept byte for byte, and a verified backup offered."""

import os

import pytest

from secretariat.errors import DamagedFileError, FileProblem, NotTaskforceFileError
from secretariat.files.restore import restore_backup, verified_backups
from secretariat.taskforce import Taskforce

PAGE = 4096


def overwrite_page(path, number):
    with open(path, "r+b") as handle:
        handle.seek((number - 1) * PAGE)
        handle.write(bytes(range(256)) * (PAGE // 256))


def truncate(path, _):
    with open(path, "r+b") as handle:
        handle.truncate(os.path.getsize(path) // 2)


def not_a_database(path, _):
    path.write_text("Minutes of the Mutuals Taskforce\n" * 100, encoding="utf-8")


DAMAGE = {"a page overwritten": (overwrite_page, DamagedFileError),
          "truncated": (truncate, DamagedFileError),
          "not a database": (not_a_database, NotTaskforceFileError)}


@pytest.mark.parametrize("page", [2, 5, 40])
def test_any_overwritten_page_is_found_before_anything_is_written(sample_path, page):
    overwrite_page(sample_path, page)
    damaged = sample_path.read_bytes()
    with pytest.raises(DamagedFileError, match="damaged.*left as it is"):
        Taskforce.open(sample_path)
    assert sample_path.read_bytes() == damaged


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_file_is_refused_kept_and_a_verified_backup_restores_it(sample_path, case):
    damage, error = DAMAGE[case]
    with Taskforce.open(sample_path) as tf:
        names = {r["name"] for r in tf.store.rows("SELECT name FROM people")}
    damage(sample_path, 5)
    damaged = sample_path.read_bytes()

    with pytest.raises(FileProblem) as refused:
        Taskforce.open(sample_path)

    assert isinstance(refused.value, error) and "left as it is" in str(refused.value)
    assert sample_path.read_bytes() == damaged
    offered = verified_backups(sample_path)
    assert offered
    aside = restore_backup(sample_path, offered[0].path)
    assert aside.read_bytes() == damaged
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        assert {r["name"] for r in tf.store.rows("SELECT name FROM people")} == names
