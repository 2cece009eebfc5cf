"""The disk fills during a save: a clear message, earlier data intact, retry works."""

import pytest

from secretariat.errors import NotSavedError
from secretariat.taskforce import Taskforce

BIG_NOTE = "Notes pasted from the away afternoon. " * 8000


def people(tf) -> int:
    return tf.store.scalar("SELECT count(*) FROM people")


def test_a_full_file_refuses_the_change_clearly_and_keeps_the_rest(sample_path):
    with Taskforce.open(sample_path) as tf:
        before = people(tf)
        # The file may not grow by a page: SQLite's own "database or disk is full".
        tf.store.db.execute(f"PRAGMA max_page_count = {tf.store.scalar('PRAGMA page_count')}")

        with pytest.raises(NotSavedError, match="Nothing was saved: the disk .* is full.*Free some space"):
            tf.store.insert("people", {"name": "Late Arrival", "notes": BIG_NOTE})

        assert people(tf) == before
        tf.store.db.execute("PRAGMA max_page_count = 1073741823")  # space freed
        tf.store.insert("people", {"name": "Late Arrival", "notes": BIG_NOTE})
        assert people(tf) == before + 1
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        assert tf.store.scalar("SELECT notes FROM people WHERE name = 'Late Arrival'") == BIG_NOTE


# The operating system refuses to let the files grow (as on a full disk): the
# write fails with an I/O error half-way through, in a process of its own.
FILE_SIZE_LIMIT = """
import os, resource, signal, sys
from secretariat.taskforce import Taskforce
from secretariat.errors import NotSavedError
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
path = sys.argv[1]
tf = Taskforce.open(path)
wal = path + "-wal"
limit = max(os.path.getsize(path), os.path.getsize(wal) if os.path.exists(wal) else 0) + 4096
soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
try:
    tf.store.insert("people", {"name": "Late Arrival", "notes": "x" * 400000})
    print("saved")
except NotSavedError as error:
    print("refused:", error)
resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
tf.store.insert("people", {"name": "Late Arrival", "notes": "retried"})
print("retried")
tf.close()
"""


def test_an_io_error_from_the_file_system_is_a_clear_refusal_and_retry_works(sample_path, child):
    with Taskforce.open(sample_path) as tf:
        before = people(tf)
    process = child(FILE_SIZE_LIMIT, sample_path)
    out, err = process.communicate(timeout=60)

    assert process.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("refused: Nothing was saved: the disk holding")
    assert lines[1] == "retried"
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        assert people(tf) == before + 1
        assert tf.store.scalar("SELECT notes FROM people WHERE name = 'Late Arrival'") == "retried"


# -- a real full disk: a small file system of its own --------------------------

DISK_FULL = "is full. What was saved before is safe. Free some space and try again."


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB file system (tmpfs), and fill(left): fill it up but for ``left`` bytes."""
    import os
    import subprocess

    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs",
                                            str(disk)], capture_output=True).returncode:
        pytest.skip("cannot make a small file system here (needs root and mount)")
    filler = disk / "filler"

    def fill(left: int) -> None:
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        with open(filler, "ab") as out:
            out.write(b"\0" * max(0, free - left))

    yield disk, fill
    subprocess.run(["umount", "-l", str(disk)], check=True)


def contents(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "filler")


def one_disk_full_line(capsys, argv) -> str:
    from secretariat.__main__ import main

    assert main([str(a) for a in argv]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: Nothing was saved: the disk "), err
    assert DISK_FULL in err
    return err


def test_sample_on_a_full_disk_leaves_nothing(small_disk, capsys):
    disk, fill = small_disk
    fill(200_000)
    err = one_disk_full_line(capsys, ["sample", disk / "mtf.taskforce"])
    assert "holding mtf.taskforce" in err
    assert contents(disk) == []
    (disk / "filler").unlink()  # space freed: the same command now works
    from secretariat.__main__ import main

    assert main(["sample", str(disk / "mtf.taskforce")]) == 0


def test_import_on_a_full_disk_leaves_nothing(small_disk, sample_path, tmp_path, capsys):
    from secretariat.files import exchange

    disk, fill = small_disk
    source = tmp_path / "all.json"
    with Taskforce.open(sample_path, reading=True) as tf:
        exchange.export_file(tf.store, source)
    fill(200_000)
    one_disk_full_line(capsys, ["import", disk / "new.taskforce", source])
    assert contents(disk) == []


def test_check_on_a_full_disk_changes_nothing_and_passes(small_disk, sample_path, capsys):
    from secretariat.__main__ import main
    from secretariat.storage.backups import list_backups

    disk, fill = small_disk
    path = disk / sample_path.name
    path.write_bytes(sample_path.read_bytes())
    Taskforce.open(path).close()
    before = (path.read_bytes(), contents(disk), list_backups(path))
    fill(150_000)
    assert main(["check", str(path)]) == 0
    assert "ok" in capsys.readouterr().out
    assert (path.read_bytes(), contents(disk), list_backups(path)) == before


def test_an_edit_on_a_full_disk_is_refused_and_nothing_acknowledged_is_lost(small_disk,
                                                                           sample_path):
    disk, fill = small_disk
    path = disk / sample_path.name
    path.write_bytes(sample_path.read_bytes())
    with Taskforce.open(path) as tf:
        body = tf.bodies.all()[0].id
        tf.people.create(body, "Acknowledged Before")
        fill(50_000)
        with pytest.raises(NotSavedError, match=DISK_FULL):
            tf.people.create(body, "Too Much", notes=BIG_NOTE * 2)
        (disk / "filler").unlink()
    with Taskforce.open(path) as tf:
        assert tf.store.check() == []
        names = {r["name"] for r in tf.store.rows("SELECT name FROM people")}
    assert "Acknowledged Before" in names and "Too Much" not in names


def test_a_travel_copy_to_a_full_disk_leaves_nothing(small_disk, sample_path, capsys):
    from secretariat.storage.backups import backup_dir_for

    disk, fill = small_disk
    snapshots = sorted(backup_dir_for(sample_path).iterdir())
    fill(100_000)
    one_disk_full_line(capsys, ["travel", "take", sample_path, disk / "laptop.taskforce"])
    assert contents(disk) == []
    assert sorted(backup_dir_for(sample_path).iterdir()) == snapshots


def test_closing_on_a_full_disk_never_fails(small_disk, sample_path):
    disk, fill = small_disk
    path = disk / sample_path.name
    path.write_bytes(sample_path.read_bytes())
    tf = Taskforce.open(path)
    fill(0)
    assert tf.close() is None  # nothing changed: nothing to back up, nothing to fail

    (disk / "filler").unlink()
    tf = Taskforce.open(path)
    tf.people.create(tf.bodies.all()[0].id, "Saved Before Closing")
    fill(0)
    warning = tf.close()  # the change is in the file; only its backup could not be taken
    assert warning.endswith("is saved, but its backup on closing could not be taken: "
                            "the disk is full.")
    (disk / "filler").unlink()
    with Taskforce.open(path) as tf:
        assert tf.store.scalar("SELECT count(*) FROM people WHERE name = 'Saved Before Closing'")
    assert not [p for p in disk.rglob("*") if ".part" in p.name]


@pytest.mark.parametrize("command", ["sample", "import"])
def test_a_disk_that_fills_halfway_never_leaves_a_damaged_file(small_disk, sample_path,
                                                               tmp_path, command):
    """However little room is left, the new file is whole, or not made at all."""
    from secretariat.files import exchange
    from secretariat.__main__ import main
    from secretariat.storage.backups import verify_whole

    disk, fill = small_disk
    source = tmp_path / "all.json"
    with Taskforce.open(sample_path, reading=True) as tf:
        exchange.export_file(tf.store, source)
    for kilobytes in range(300, 1500, 100):
        target = disk / f"new {kilobytes}.taskforce"
        fill(kilobytes * 1024)
        argv = ["sample", str(target)] if command == "sample" else [
            "import", str(target), str(source)]
        code = main(argv)
        (disk / "filler").unlink()
        if code == 0:
            assert verify_whole(target), f"{kilobytes} KB free: a damaged file was made"
        else:
            assert not target.exists()
        assert [p.name for p in disk.iterdir() if p.name.startswith(".")] == []
