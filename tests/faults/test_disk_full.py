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

        with pytest.raises(NotSavedError, match="This change was not saved.*Free some space"):
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
    assert lines[0].startswith("refused: This change was not saved")
    assert lines[1] == "retried"
    with Taskforce.open(sample_path) as tf:
        assert tf.store.check() == []
        assert people(tf) == before + 1
        assert tf.store.scalar("SELECT notes FROM people WHERE name = 'Late Arrival'") == "retried"
