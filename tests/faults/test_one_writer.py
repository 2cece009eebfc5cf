"""One writer per file, whatever name it is opened by; readers beside it.

Two programs started together on two names of the same file (a hard link, a
symlink): one opens it, the other is refused, and the file stays sound. A
command that only reads (printing, export, search) reads beside a writer,
from a consistent snapshot.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from secretariat.__main__ import main
from secretariat.errors import FileProblem
from secretariat.taskforce import Taskforce

ROOT = Path(__file__).resolve().parents[2]
TRIES = 5

# Opens the file by the name given, says whether it could, and when it could
# makes edits until told to stop (stdin closed), then closes it.
WRITER = textwrap.dedent("""
    import sys
    from secretariat.errors import FileLockedError
    from secretariat.taskforce import Taskforce
    try:
        tf = Taskforce.open(sys.argv[1])
    except FileLockedError as refused:
        print("refused", refused, flush=True)
        sys.exit(0)
    print("opened", flush=True)
    body = tf.bodies.all()[0].id
    for n in range(20):
        tf.people.create(body, f"{sys.argv[2]} {n}")
    sys.stdin.read()
    tf.close()
""")


def start(path, label):
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), label], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


@pytest.mark.parametrize("second_name", ["hard link", "symlink"])
def test_two_writers_on_two_names_of_one_file_never_both_write(sample_path, second_name):
    other = sample_path.with_name("second name.taskforce")
    if second_name == "hard link":
        os.link(sample_path, other)
    else:
        other.symlink_to(sample_path)
    for attempt in range(TRIES):
        writers = [start(sample_path, f"First{attempt}"), start(other, f"Second{attempt}")]
        said = [w.stdout.readline().split(" ", 1) for w in writers]
        for writer in writers:
            writer.stdin.close()
            writer.wait(timeout=60)
        assert sorted(s[0].strip() for s in said) == ["opened", "refused"], said
        refusal = next(s[1] for s in said if s[0] == "refused")
        assert "already open in Taskforce Secretariat" in refusal
        opened = next(w.pid for w, s in zip(writers, said, strict=True) if s[0].strip() == "opened")
        assert f"process {opened}" in refusal
    assert main(["check", str(sample_path)]) == 0
    with Taskforce.open(other) as tf:
        assert tf.store.check() == []
        assert tf.store.scalar("SELECT count(*) FROM people WHERE name LIKE 'First%' "
                               "OR name LIKE 'Second%'") == 20 * TRIES
    if second_name == "symlink":  # lock, seal and backups are the file's, not the link's
            assert sorted(p.name for p in sample_path.parent.iterdir()
                      if p.name.startswith("second name")) == ["second name.taskforce"]


# Writes people and their memberships in one transaction each, many times.
BUSY_WRITER = textwrap.dedent("""
    import sys
    from secretariat.taskforce import Taskforce
    tf = Taskforce.open(sys.argv[1])
    body = tf.bodies.all()[0].id
    tf.people.create(body, "Written Elsewhere")
    print("ready", flush=True)
    n = 0
    while not sys.stdin.closed:
        n += 1
        tf.people.create(body, f"Busy {n}")
        if n == 400:
            break
    sys.stdin.read()
    tf.close()
""")


def test_commands_that_only_read_do_so_beside_a_writer(sample_path, tmp_path, capsys):
    writer = subprocess.Popen([sys.executable, "-c", BUSY_WRITER, str(sample_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        assert main(["search", str(sample_path), "Elsewhere"]) == 0
        assert "Written [Elsewhere]" in capsys.readouterr().out
        assert main(["export", str(sample_path), "-o", str(tmp_path / "all.json")]) == 0
        assert main(["minutes", str(sample_path), "--meeting", "2011-05-26",
                     "-o", str(tmp_path / "minutes.pdf")]) == 0
        for _ in range(5):  # checking while the writer writes never refuses its changes
            assert main(["check", str(sample_path)]) == 0, capsys.readouterr()
    finally:
        writer.stdin.close()
        writer.wait(timeout=120)
    assert writer.returncode == 0
    # A snapshot: each person the export holds has the membership made with them.
    tables = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["tables"]
    members = {m["person_id"] for m in tables["memberships"]}
    busy = {p["id"] for p in tables["people"] if p["name"].startswith("Busy")}
    assert "Written Elsewhere" in {p["name"] for p in tables["people"]}
    assert busy and busy <= members


def test_a_reader_by_a_second_name_reads_by_the_name_the_writer_uses(sample_path, tmp_path,
                                                                      capsys):
    """SQLite keeps a writer's latest changes beside the name it opened: a
    reader by a hard link reads through that name, never a stale file."""
    second = sample_path.with_name("second name.taskforce")
    os.link(sample_path, second)
    writer = subprocess.Popen([sys.executable, "-c", BUSY_WRITER, str(sample_path)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        for _ in range(5):
            assert main(["search", str(second), "Elsewhere"]) == 0
            assert "Written [Elsewhere]" in capsys.readouterr().out
            assert main(["export", str(second), "-o", str(tmp_path / "all.json")]) == 0
            assert main(["check", str(second)]) == 0
    finally:
        writer.stdin.close()
        writer.wait(timeout=120)
    assert writer.returncode == 0
    assert not second.with_name(second.name + "-wal").exists()


KILLED_WRITER = textwrap.dedent("""
    import os, signal, sys
    from secretariat.taskforce import Taskforce
    tf = Taskforce.open(sys.argv[1])
    tf.people.create(tf.bodies.all()[0].id, "Acknowledged Before The Kill")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def test_changes_a_killed_writer_left_beside_one_name_are_never_lost_by_another(
        sample_path, capsys):
    second = sample_path.with_name("second name.taskforce")
    os.link(sample_path, second)
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(sample_path)], cwd=ROOT)
    assert sample_path.with_name(sample_path.name + "-wal").stat().st_size > 0

    with pytest.raises(FileProblem, match="Open it as .*sample.taskforce so that they are kept"):
        Taskforce.open(second)  # writing by the other name would lose them
    assert main(["search", str(second), "Acknowledged"]) == 0  # reading follows them
    assert "Acknowledged Before The Kill" in capsys.readouterr().out.replace("[", "").replace(
        "]", "")
    with Taskforce.open(sample_path) as tf:  # by its own name: there, and sound
        assert tf.store.check() == []
        assert tf.store.scalar("SELECT count(*) FROM people WHERE name = "
                               "'Acknowledged Before The Kill'") == 1
    with Taskforce.open(second) as tf:  # closed cleanly: either name will do again
        assert tf.store.check() == []


# Writes, then on each line read folds its -wal into the file and writes again,
# so that its next changes start the -wal afresh.
TURNING_WRITER = textwrap.dedent("""
    import sys
    from secretariat.taskforce import Taskforce
    tf = Taskforce.open(sys.argv[1])
    body = tf.bodies.all()[0].id
    for n in range(30):
        tf.people.create(body, f"Before The Turn {n}")
    print("ready", flush=True)
    for line in sys.stdin:
        tf.store.scalar("PRAGMA wal_checkpoint(RESTART)")
        for n in range(3):
            tf.people.create(body, f"After The Turn {n}")
        print("turned", flush=True)
    tf.close()
""")


def test_a_reader_beside_a_writer_starting_a_new_wal_finds_the_file_sound(
        sample_path, monkeypatch, capsys):
    """The writer folds its -wal into the file and starts it afresh just as a
    reader looks: the reader sees one state of the file, never the file from
    before the fold with the -wal from after it, which would read as damage."""
    import secretariat.storage.opening as opening

    writer = subprocess.Popen([sys.executable, "-c", TURNING_WRITER, str(sample_path)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    copy = opening.shutil.copyfile

    def turn_between(source, target, *args, **kwargs):
        done = copy(source, target, *args, **kwargs)
        if Path(source) == sample_path:  # the file read; its -wal is read next
            writer.stdin.write("turn\n")
            writer.stdin.flush()
            assert writer.stdout.readline().strip() == "turned"
        return done

    monkeypatch.setattr(opening.shutil, "copyfile", turn_between)
    try:
        assert writer.stdout.readline().strip() == "ready"
        assert main(["check", str(sample_path)]) == 0, capsys.readouterr()
        assert main(["search", str(sample_path), "Turn"]) == 0
        assert "Before The [Turn] 0" in capsys.readouterr().out
    finally:
        writer.stdin.close()
        writer.wait(timeout=120)
    assert writer.returncode == 0
