"""The window never drops the locks SQLite holds on its open file.

Closing any descriptor of a file drops every POSIX lock the process holds on
it. When the window read its own open file by name (to refuse writing over
it, to take it as a paper for a pack) or a file dialog looked inside the
files of its folder, a command run beside it found the file unlocked, folded
its -wal in and deleted it: the window's later edits went to the deleted
file, unseen by any other program and lost if the window was then killed.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from secretariat.errors import UserFacingError
from secretariat.files.output_files import check_target
from secretariat.taskforce import Taskforce

ROOT = Path(__file__).resolve().parents[2]
VENUE = "import sys; from secretariat.taskforce import Taskforce; " \
        "tf = Taskforce.open(sys.argv[1], reading=True); " \
        "print(tf.meetings.find_one('2012-01-12').venue); tf.close()"


def beside(*args: str) -> str:
    """Run a command beside the window, as an official would: what it printed."""
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    return done.stdout.strip()


def edits_stay_seen(tf, path: Path) -> None:
    """A command reads the file beside the window; the window's next edit is then
    still in the file, for the next command to see."""
    meeting = tf.meetings.find_one("2012-01-12").id
    tf.meetings.update(meeting, venue="Room A")
    assert beside("-m", "secretariat", "check", str(path)).endswith("ok")
    tf.meetings.update(meeting, venue="Room B")
    assert beside("-c", VENUE, str(path)) == "Room B"
    assert Path(f"{path}-wal").exists()


def test_refusing_to_write_over_the_open_file_keeps_its_locks(sample_path):
    with Taskforce.open(sample_path) as tf:
        for named in (sample_path, Path(f"{sample_path}-wal")):
            with pytest.raises(UserFacingError):
                check_target(named)
        edits_stay_seen(tf, sample_path)


def test_the_open_file_named_as_a_paper_of_a_pack_is_left_out_unread(sample_path, tmp_path):
    from secretariat.documents import meeting_pack

    with Taskforce.open(sample_path) as tf:
        paper = tf.papers.of_body(tf.bodies.all()[0].id)[0]
        tf.papers.update(paper.id, document_path=str(sample_path))
        meeting = tf.meetings.find_one("2012-01-12").id
        tf.papers.link(paper.id, meeting)
        made = meeting_pack.render(meeting_pack.build(tf, meeting))
        assert any("taskforce file itself" in why for why in made.left_out)
        edits_stay_seen(tf, sample_path)
