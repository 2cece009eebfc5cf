"""kill -9 at any moment costs nothing reported saved; no group (a register, a merge,
an upgrade step) is ever half done."""

import os
import signal
import subprocess
import time

import pytest
from sqlite_utils import Database

from secretariat.storage import schema
from secretariat.storage.backups import create_private_file
from secretariat.storage.opening import APPLICATION_ID
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy

SEPARATE_EDITS = """
import sys
from secretariat.taskforce import Taskforce
tf = Taskforce.open(sys.argv[1])
for number in range(1000):
    row = tf.store.insert("people", {"name": f"Edit {number}"})
    print(row["id"], flush=True)
sys.stdin.read()  # stay alive to be killed
"""


def kill_after(process, lines: int, wait: float = 0.0) -> list[str]:
    """Read ``lines`` reports, kill -9, and return every line it managed to report."""
    seen = [process.stdout.readline().strip() for _ in range(lines)]
    time.sleep(wait)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    seen += process.stdout.read().split()
    if not wait:  # after a wait it may have finished first
        assert process.returncode == -signal.SIGKILL
    return [line for line in seen if line]


def test_every_edit_reported_done_is_there_after_kill_9(sample_path, child):
    process = child(SEPARATE_EDITS, sample_path, stdin=subprocess.PIPE)  # left open
    reported = kill_after(process, 400)

    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        stored = {r["id"] for r in tf.store.rows("SELECT id FROM people WHERE name LIKE 'Edit %'")}
    assert len(reported) >= 400
    assert set(reported) <= stored


GROUPED_CHANGES = """
import sys
from secretariat.taskforce import Taskforce
tf = Taskforce.open(sys.argv[1])
for group in range(1000):
    with tf.store.transaction():
        for member in range(100):
            tf.store.insert("people", {"name": f"Group {group}", "notes": str(member)})
    print(group, flush=True)
"""


def test_a_grouped_change_killed_part_way_is_all_there_or_not_there(sample_path, child):
    process = child(GROUPED_CHANGES, sample_path)
    reported = kill_after(process, 3)

    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        sizes = tf.store.rows("SELECT name, count(*) AS n FROM people "
                              "WHERE name LIKE 'Group %' GROUP BY name")
    assert {row["n"] for row in sizes} == {100}
    assert {f"Group {g}" for g in reported} <= {row["name"] for row in sizes}


MERGE = """
import sys
from secretariat.files.travel import merge
print("merging", flush=True)
merge(sys.argv[1], sys.argv[2])
print("merged", flush=True)
"""


def test_a_merge_killed_part_way_is_all_there_or_not_there(sample_path, tmp_path, child):
    travel = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, travel)
    with Taskforce.open(travel) as tf, tf.store.transaction():
        for number in range(2000):
            tf.store.insert("people", {"name": f"Away {number}"})

    process = child(MERGE, sample_path, travel)
    kill_after(process, 1)

    def arrived() -> int:
        with Taskforce.open(sample_path) as tf:
            assert tf.store.check() == []
            return tf.store.scalar("SELECT count(*) FROM people WHERE name LIKE 'Away %'")

    assert arrived() in (0, 2000)
    merge(sample_path, travel)  # finishing the merge afterwards brings it all in, once
    assert arrived() == 2000


UPGRADE = """
import sys
from secretariat.taskforce import Taskforce
print("opening", flush=True)
Taskforce.open(sys.argv[1]).close()
print("opened", flush=True)
"""


# The upgrade takes a fraction of a second; killing at several moments lands
# some kills between its steps (each step is one transaction with its record).
@pytest.mark.parametrize("wait", [0.05, 0.1, 0.2])
def test_an_upgrade_killed_part_way_leaves_a_file_that_opens_whole(tmp_path, child, wait):
    path = tmp_path / "old.taskforce"
    create_private_file(path)
    old = Database(path)
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migration_sets()[0].apply(old)  # a file from before the other areas existed
    old["people"].insert({"id": "p1", "name": "Kept Through The Upgrade",
                          "created_at": "2011-05-26T10:00:00+00:00",
                          "updated_at": "2011-05-26T10:00:00+00:00"})
    old.close()

    process = child(UPGRADE, path)
    kill_after(process, 1, wait)

    with Taskforce.open(path) as tf:  # finishes whatever upgrade steps are left
        assert tf.store.check() == []
        assert tf.store.scalar("SELECT name FROM people WHERE id = 'p1'") == \
            "Kept Through The Upgrade"
