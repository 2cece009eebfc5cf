"""A read-only file or folder opens read-only, refuses changes clearly, never crashes.

Root may write to any file whatever its mode, so when the tests run as root
the file or folder is made immutable (chattr +i), which binds root too.
"""

import os
import shutil
import subprocess
from pathlib import Path

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


# Edits acknowledged one by one, then the program is killed: its last edits
# are still in the -wal, which only a clean close folds into the file.
KILLED_WRITER = """
import os, signal, sys
from secretariat.taskforce import Taskforce
tf = Taskforce.open(sys.argv[1])
body = tf.bodies.all()[0].id
for n in range(int(sys.argv[2])):
    tf.people.create(body, f"Acknowledged {n}")
    print(n, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_read_only_folder_never_hides_the_latest_edits(sample_path, make_read_only, child,
                                                          capsys, tmp_path):
    import tempfile

    from secretariat.__main__ import main

    def private_copies():
        return {p for p in Path(tempfile.gettempdir()).iterdir()
                if p.name.startswith("taskforce-read-")}

    copies_before = private_copies()
    edits = 40
    writer = child(KILLED_WRITER, sample_path, edits)
    acknowledged = writer.stdout.read().split()
    writer.wait()
    assert len(acknowledged) == edits
    wal = sample_path.with_name(sample_path.name + "-wal")
    assert wal.stat().st_size > 0  # the edits are there, not yet in the file itself
    folder = sample_path.parent
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    make_read_only(folder)

    with Taskforce.open(sample_path) as tf:
        assert tf.read_only
        assert tf.store.scalar("SELECT count(*) FROM people WHERE name LIKE 'Acknowledged%'") \
            == edits
    assert main(["check", str(sample_path)]) == 0
    capsys.readouterr()
    assert main(["search", str(sample_path), "Acknowledged", "--limit", "100"]) == 0
    assert f"People ({edits})" in capsys.readouterr().out
    out = tmp_path.parent / f"{tmp_path.name}-export.json"
    assert main(["export", str(sample_path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count('"Acknowledged ') == edits

    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert private_copies() == copies_before  # the private copies read are gone
