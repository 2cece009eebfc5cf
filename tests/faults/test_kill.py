"""kill -9 at any moment costs nothing that was reported saved, and no group is half done."""

import os
import signal
import subprocess

from secretariat.taskforce import Taskforce
from secretariat.travel import merge, take_travel_copy

SEPARATE_EDITS = """
import sys
from secretariat.taskforce import Taskforce
tf = Taskforce.open(sys.argv[1])
for number in range(1000):
    row = tf.store.insert("people", {"name": f"Edit {number}"})
    print(row["id"], flush=True)
sys.stdin.read()  # stay alive to be killed
"""


def kill_after(process, lines: int) -> list[str]:
    """Read ``lines`` reports, kill -9, and return every line it managed to report."""
    seen = [process.stdout.readline().strip() for _ in range(lines)]
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    seen += process.stdout.read().split()
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
from secretariat.travel import merge
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
