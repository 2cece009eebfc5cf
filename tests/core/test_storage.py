"""The taskforce file keeps itself safe: refusals, the instance lock, modes, backups."""

import datetime as dt
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlite_utils import Database

from secretariat.storage import schema
from secretariat.errors import (DamagedFileError, FileLockedError, NewerFileError,
                                NotTaskforceFileError, ReadOnlyError)
from secretariat.storage import backups, seal
from secretariat.storage.database import Store
from secretariat.storage.opening import APPLICATION_ID, UpgradeNeeded
from secretariat.storage.migrations import TABLE as MIGRATIONS_TABLE
from secretariat.taskforce import Taskforce

ROOT = Path(__file__).resolve().parents[2]
HOLD_OPEN = textwrap.dedent("""
    import sys
    from secretariat.taskforce import Taskforce
    tf = Taskforce.open(sys.argv[1])
    print("ready", flush=True)
    sys.stdin.read()
""")


@pytest.fixture
def holder(sample_path):
    """Another process holding the sample file open."""
    child = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(sample_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "ready"
    yield child
    if child.poll() is None:
        child.stdin.close()
        child.wait()


def _seal_as(release: str, path) -> None:
    """Leave the file as a release would on closing it cleanly (sealed), or not."""
    if release != "unsealed":
        seal.seal(path)


@pytest.mark.parametrize("release", ["unsealed", "sealed"])
def test_a_file_from_a_newer_version_is_refused_unchanged(sample_path, release):
    conn = sqlite3.connect(sample_path)
    conn.execute(f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) "
                 "VALUES ('secretariat.core', 'm999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    _seal_as(release, sample_path)
    before = sample_path.read_bytes()
    taken = backups.list_backups(sample_path)
    with pytest.raises(NewerFileError) as refused:
        Taskforce.open(sample_path)
    assert sample_path.name in str(refused.value)
    assert "newer version" in str(refused.value)
    assert sample_path.read_bytes() == before
    assert backups.list_backups(sample_path) == taken


@pytest.mark.parametrize("where", [20, 4096 + 10])  # the header; a page of records
def test_a_damaged_file_is_refused_untouched(sample_path, where):
    data = bytearray(sample_path.read_bytes())
    data[where:where + 200] = b"\xff" * 200
    sample_path.write_bytes(bytes(data))
    with pytest.raises((DamagedFileError, NotTaskforceFileError)) as refused:
        Taskforce.open(sample_path)
    assert "left as it is" in str(refused.value)
    assert sample_path.read_bytes() == bytes(data)


def test_not_a_taskforce_file(tmp_path):
    text = tmp_path / "agenda.taskforce"
    text.write_text("Agenda: 1. Welcome")
    with pytest.raises(NotTaskforceFileError, match="not a taskforce file"):
        Taskforce.open(text)
    assert text.read_text() == "Agenda: 1. Welcome"

    other = tmp_path / "other.db"
    Database(other)["things"].insert({"a": 1})
    before = other.read_bytes()
    with pytest.raises(NotTaskforceFileError, match="SQLite database but not a taskforce"):
        Taskforce.open(other)
    assert other.read_bytes() == before


def test_second_opening_in_this_process_names_the_holder(sample_path):
    with Taskforce.open(sample_path):
        with pytest.raises(FileLockedError) as refused:
            Taskforce.open(sample_path)
    assert socket.gethostname() in str(refused.value)
    assert f"process {os.getpid()}" in str(refused.value)
    Taskforce.open(sample_path).close()  # released on close


def test_second_instance_in_another_process_is_refused(sample_path, holder):
    with pytest.raises(FileLockedError) as refused:
        Taskforce.open(sample_path)
    assert f"process {holder.pid}" in str(refused.value)
    assert socket.gethostname() in str(refused.value)


def test_a_lock_left_by_a_killed_process_is_recovered(sample_path, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert (sample_path.parent / (sample_path.name + ".lock")).exists()  # nobody deleted it
    with Taskforce.open(sample_path) as tf:
        assert tf.bodies.all()[0].name == "Mutuals Taskforce"


def test_file_and_companions_are_private(file_path):
    with Taskforce.open(file_path, create=True) as tf:
        tf.bodies.create("Mutuals Taskforce")
        companions = [file_path.with_name(file_path.name + suffix)
                      for suffix in ("-wal", "-shm", ".lock")]
        for path in [file_path, *companions]:
            assert path.stat().st_mode & 0o777 == 0o600, path.name
    taken = backups.list_backups(file_path)
    assert taken and all(b.path.stat().st_mode & 0o777 == 0o600 for b in taken)
    assert backups.backup_dir_for(file_path).stat().st_mode & 0o777 == 0o700


def test_a_backup_is_restorable(sample_tf, tmp_path):
    backup = sample_tf.store.backup("manual")
    conn = sqlite3.connect(backup.path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    restored = tmp_path / "restored.taskforce"
    restored.write_bytes(backup.path.read_bytes())
    with Taskforce.open(restored) as tf:
        assert [m.date.isoformat() for m in tf.meetings.of_body(tf.bodies.all()[0].id)] == [
            "2012-01-12", "2011-05-26"]
        assert tf.store.check() == []


def test_backup_on_close_only_when_changed(sample_path):
    before = len(backups.list_backups(sample_path))
    Taskforce.open(sample_path).close()
    assert len(backups.list_backups(sample_path)) == before
    with Taskforce.open(sample_path) as tf:
        tf.bodies.update(tf.bodies.all()[0].id, default_venue="70 Whitehall")
    after = backups.list_backups(sample_path)
    assert len(after) == before + 1 and after[0].reason == "on-close"
    conn = sqlite3.connect(after[0].path)
    assert conn.execute("SELECT default_venue FROM bodies").fetchone()[0] == "70 Whitehall"
    conn.close()


@pytest.mark.parametrize("release", ["unsealed", "sealed"])
def test_backup_before_migrating_an_older_file(file_path, release):
    backups.create_private_file(file_path)
    db = Database(file_path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migration_sets()[0].apply(db)  # as written by the first release
    db.conn.commit()
    db.close()
    _seal_as(release, file_path)
    with Taskforce.open(file_path) as tf:
        assert tf.store.check() == []
    taken = backups.list_backups(file_path)
    assert taken[-1].reason == "before-upgrade"
    old = sqlite3.connect(taken[-1].path)
    sets = {r[0] for r in old.execute(f"SELECT migration_set FROM {MIGRATIONS_TABLE}")}
    old.close()
    assert sets == {schema.migration_sets()[0].name}


def test_thinning_keeps_ten_then_daily_then_monthly():
    now = dt.datetime(2012, 6, 30, 12, 0)
    today = [now - dt.timedelta(minutes=5 * i) for i in range(1, 13)]
    days = [dt.datetime.combine(now.date() - dt.timedelta(days=d), dt.time(hour))
            for d in range(1, 80) for hour in (9, 18)]
    keep = backups.backups_to_keep(today + days, now)
    evenings = {t for t in days if t.hour == 18}
    within_month = {t for t in evenings if (now - t).days < backups.KEEP_DAILY_DAYS}
    older = sorted((t for t in days if (now - t).days >= backups.KEEP_DAILY_DAYS), reverse=True)
    newest_of_month = {next(t for t in older if (t.year, t.month) == ym)
                       for ym in {(t.year, t.month) for t in older}}
    assert keep == set(today[:10]) | within_month | newest_of_month


def test_thinning_removes_files(file_path):
    with Taskforce.open(file_path, create=True) as tf:
        for _ in range(14):
            tf.store.backup("manual")
    assert len(backups.list_backups(file_path)) == backups.KEEP_LATEST


def test_read_only_file_can_be_read_but_not_written(sample_path, monkeypatch):
    import secretariat.storage.opening as opening

    monkeypatch.setattr(opening.os, "access", lambda path, mode: False)  # tests may run as root
    before = sample_path.read_bytes()
    with Taskforce.open(sample_path) as tf:
        assert tf.read_only
        body = tf.bodies.all()[0]
        with pytest.raises(ReadOnlyError, match="read-only"):
            tf.bodies.update(body.id, name="Renamed")
    assert sample_path.read_bytes() == before


def test_save_copy_is_private_and_complete(sample_tf, tmp_path):
    target = sample_tf.store.save_copy(tmp_path / "copy.taskforce")
    assert target.stat().st_mode & 0o777 == 0o600
    with Taskforce.open(target) as copy:
        assert copy.store.check() == []
        assert len(copy.people.in_body(copy.bodies.all()[0].id)) == len(
            sample_tf.people.in_body(sample_tf.bodies.all()[0].id))


def test_a_file_changed_behind_our_back_is_checked_again_on_opening(sample_path):
    # Closed cleanly, the file opens without reading every page; once its
    # bytes change outside the program the full check runs and refuses it.
    with Taskforce.open(sample_path):
        pass
    data = bytearray(sample_path.read_bytes())
    page = 4096
    data[3 * page:4 * page] = b"\xff" * page
    sample_path.write_bytes(bytes(data))
    before = sample_path.read_bytes()
    with pytest.raises(DamagedFileError):
        Taskforce.open(sample_path)
    assert sample_path.read_bytes() == before


def test_a_clean_close_lets_the_next_opening_skip_the_whole_file_check(sample_path):
    from secretariat.storage import seal

    with Taskforce.open(sample_path) as tf:
        tf.bodies.update(tf.bodies.all()[0].id, default_venue="70 Whitehall")
        assert not seal.is_sealed(sample_path)  # open and changing: not sealed
    assert seal.is_sealed(sample_path)
    assert (sample_path.with_name(sample_path.name + ".checked").stat().st_mode & 0o777) == 0o600


def test_a_file_closed_cleanly_opens_without_loading_the_schema(sample_path):
    with Taskforce.open(sample_path):
        pass
    probe = ("import sys\n"
             "from secretariat.taskforce import Taskforce\n"
             f"with Taskforce.open({str(sample_path)!r}) as tf:\n"
             "    print(len(tf.bodies.all()),\n"
             "          [m for m in sys.modules if m.startswith('secretariat.storage.schema.')])\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.stdout.split("\n")[-2] == "1 []", result.stderr[-2000:]


def test_files_whose_version_record_sqlite_utils_wrote_open_as_up_to_date(file_path, tmp_path):
    """Releases before our own migration record used sqlite-utils' Migrations:
    the same table, so such a file is neither upgraded again nor refused."""
    from sqlite_utils.migrations import Migrations as LibraryMigrations

    backups.create_private_file(file_path)
    db = Database(file_path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for ours in schema.migration_sets():
        theirs = LibraryMigrations(ours.name)
        for step in ours.steps:
            theirs(name=step.name)(step.fn)
        theirs.apply(db)
    db.conn.commit()
    library_table = _shape(db.conn)
    db.close()
    with Taskforce.open(file_path) as tf:
        assert tf.store.check() == []
    assert [b.reason for b in backups.list_backups(file_path)] in ([], ["on-close"])

    fresh = tmp_path / "fresh.taskforce"
    with Taskforce.open(fresh, create=True):
        pass
    conn = sqlite3.connect(fresh)
    assert _shape(conn) == library_table  # and ours is the same table
    conn.close()


def _shape(conn) -> tuple:
    """The version record's columns and unique indexes."""
    columns = conn.execute(f"PRAGMA table_info({MIGRATIONS_TABLE})").fetchall()
    indexes = [(name, unique, [c[2] for c in conn.execute(f"PRAGMA index_info([{name}])")])
               for _, name, unique, *_ in conn.execute(f"PRAGMA index_list({MIGRATIONS_TABLE})")]
    return columns, sorted(indexes)


def test_an_older_file_can_be_refused_for_an_upgrade_elsewhere_unchanged(file_path, sample_path):
    backups.create_private_file(file_path)
    db = Database(file_path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migration_sets()[0].apply(db)
    db.conn.commit()
    db.close()
    before = file_path.read_bytes()

    with pytest.raises(UpgradeNeeded):
        Store.open(file_path, upgrade=False)
    assert file_path.read_bytes() == before and backups.list_backups(file_path) == []
    Store.open(sample_path, upgrade=False).close()  # up to date: opens as usual
    with Store.open(file_path) as upgraded:  # and the next opening upgrades it
        assert upgraded.check() == []


def test_a_version_record_damaged_to_nothing_is_called_damaged_not_newer(sample_path):
    import sqlite3

    from secretariat.storage.migrations import TABLE

    conn = sqlite3.connect(sample_path)
    conn.execute(f"UPDATE [{TABLE}] SET name = NULL WHERE rowid = (SELECT max(rowid) "
                 f"FROM [{TABLE}])")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedFileError, match="is damaged"):
        Taskforce.open(sample_path)
