"""Every copy, backup, import and export is whole or absent, whenever the
program is killed: never a partial or unmarked file under a final name, and
what a killed run left behind is cleaned away by the next run.

Each kind of writing is killed (SIGKILL) at a random moment, twenty times,
on a file large enough for the writing to take a while.
"""

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from secretariat.files import exchange
from secretariat.storage.backups import backup_dir_for, list_backups, verify
from secretariat.taskforce import Taskforce

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
NOTE = "Notes of the away afternoon, pasted in whole. " * 40


@pytest.fixture(scope="session")
def big_template(tmp_path_factory, _sample_template):
    """The sample with some thousands of people more: a few MB to copy."""
    path = tmp_path_factory.mktemp("big") / "big.taskforce"
    shutil.copy(_sample_template, path)
    conn = sqlite3.connect(path)
    conn.execute("""WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
                    INSERT INTO people (id, name, notes, created_at, updated_at)
                    SELECT printf('bulk%05d', i), printf('Bulk Member %d', i), ?,
                           '2012-01-01', '2012-01-01' FROM n""", (NOTE,))
    conn.commit()
    conn.close()
    Taskforce.open(path).close()  # indexed for search, checked, closed cleanly
    return path


@pytest.fixture
def home(tmp_path, big_template):
    path = tmp_path / "home" / "big.taskforce"
    path.parent.mkdir()
    shutil.copy(big_template, path)
    return path


# Each: prepare, print "go", then the writing that is killed.
WORK = {
    "on-close backup": """
        tf = Taskforce.open(home)
        tf.people.create(tf.bodies.all()[0].id, f"Edited Before Closing {os.getpid()}")
        go()
        tf.close()""",
    "travel copy": """
        from secretariat.files.travel import take_travel_copy
        tf = Taskforce.open(home)
        go()
        take_travel_copy(tf.store, target)
        tf.close()""",
    "save a copy": """
        tf = Taskforce.open(home, reading=True)
        go()
        tf.store.save_copy(target)
        tf.close()""",
    "import": """
        from secretariat.files import exchange
        text = open(source, encoding="utf-8").read()
        go()
        exchange.import_json(text, target)""",
    "export": """
        from secretariat.files import exchange
        tf = Taskforce.open(home, reading=True)
        go()
        exchange.export_file(tf.store, target)
        tf.close()""",
}
PRELUDE = """
import os, sys
from secretariat.taskforce import Taskforce
home, target, source = sys.argv[1:4]
def go():
    print("go", flush=True)
"""


def run(kind: str, home: Path, target: Path, source: Path, kill_after: float | None):
    """The writing in a process of its own, killed ``kill_after`` seconds into it."""
    code = PRELUDE + textwrap.dedent(WORK[kind])
    child = subprocess.Popen([sys.executable, "-c", code, str(home), str(target), str(source)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "go", child.stderr.read()
    if kill_after is None:
        assert child.wait(timeout=120) == 0, child.stderr.read()
    else:
        time.sleep(kill_after)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    child.stdout.close()
    child.stderr.close()


def whole(kind: str, target: Path, expected_people: int) -> bool:
    """What lies under the final name is the whole thing."""
    if kind == "export":
        tables = json.loads(target.read_text(encoding="utf-8"))["tables"]
        return len(tables["people"]) == expected_people
    if not verify(target, "integrity_check", marked=kind == "travel copy"):
        return False
    with Taskforce.open(target, reading=True) as tf:
        return tf.store.scalar("SELECT count(*) FROM people") == expected_people


def leftovers(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders if folder.is_dir()
                  for p in folder.iterdir() if ".part" in p.name)


@pytest.mark.parametrize("kind", WORK)
def test_killed_at_any_moment_nothing_unusable_is_left_under_a_final_name(kind, home,
                                                                       tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    source = tmp_path / "export.json"
    with Taskforce.open(home, reading=True) as tf:
        people = tf.store.scalar("SELECT count(*) FROM people")
        exchange.export_file(tf.store, source)
    timing = time.perf_counter()
    run(kind, home, out / "first.taskforce", source, kill_after=None)  # how long it takes
    duration = time.perf_counter() - timing
    randomly = random.Random(kind)

    for attempt in range(KILLS):
        target = out / f"try {attempt}.{'json' if kind == 'export' else 'taskforce'}"
        run(kind, home, target, source, kill_after=randomly.uniform(0, duration))
        if target.exists():
            assert whole(kind, target, people), f"try {attempt}: {target.name} is not whole"
        for backup in list_backups(home):  # only whole backups are listed, and they are
            assert verify(backup.path), backup.path.name
        with Taskforce.open(home) as tf:  # and the file itself is sound
            assert tf.store.check() == []

    # The next run cleans away what the killed ones left.
    run(kind, home, out / "last.taskforce", source, kill_after=None)
    Taskforce.open(home).close()
    assert leftovers(out, home.parent, backup_dir_for(home)) == []
    if kind == "travel copy":  # a starting point kept only for a copy that was made
        copies = {copy_id_of(p) for p in out.iterdir() if p.suffix == ".taskforce"}
        kept = {p.name.split("-", 1)[1].removesuffix(".snapshot")
                for p in backup_dir_for(home).glob("travel-*")}
        assert kept <= copies


def copy_id_of(path: Path) -> str:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id FROM travel_origin").fetchone()[0]
    finally:
        conn.close()
