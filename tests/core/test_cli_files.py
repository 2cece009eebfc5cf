"""The headless commands about the file: --help, sample, check; bad input is one line."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import secretariat

SOURCE = str(Path(secretariat.__file__).parent.parent)


def run(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [SOURCE, os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "secretariat", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd, env=env)


def one_line_error(result):
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    assert "sample" in result.stdout and "check" in result.stdout


def test_sample_then_check(tmp_path):
    path = tmp_path / "mtf.taskforce"
    result = run("sample", path)
    assert result.returncode == 0, result.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(path)
    names = {r[0] for r in conn.execute("SELECT name FROM people")}
    dates = [r[0] for r in conn.execute("SELECT date FROM meetings ORDER BY date")]
    conn.close()
    assert {"Julian Le Grand", "Peter Marsh"} <= names
    assert dates == ["2011-05-26", "2012-01-12"]

    checked = run("check", path)
    assert checked.returncode == 0 and "ok" in checked.stdout


def test_sample_will_not_overwrite(sample_path):
    before = sample_path.read_bytes()
    assert "left as it is" in one_line_error(run("sample", sample_path))
    assert sample_path.read_bytes() == before


def test_check_finds_a_broken_reference(sample_path):
    conn = sqlite3.connect(sample_path)
    conn.execute("UPDATE memberships SET person_id = 'nobody' WHERE rowid = 1")
    conn.commit()
    conn.close()
    assert "foreign key" in one_line_error(run("check", sample_path))


@pytest.mark.parametrize("args, message", [
    (["check", "missing.taskforce"], "no taskforce file"),
    (["check", "."], "folder"),
    (["check", "notes.txt"], "not a taskforce file"),
    (["frobnicate"], "there is no command called 'frobnicate' (see"),
    (["minuts"], "did you mean minutes?"),
    (["search", "x.taskforce", "  "], "Say what to search for"),
    ([], "required"),
    (["sample", "no/such/folder/x.taskforce"], "does not exist"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, args, message):
    (tmp_path / "notes.txt").write_text("not a database")
    assert message in one_line_error(run(*args, cwd=tmp_path))


def test_repair_says_what_it_rebuilt(sample_path):
    repaired = run("check", "--repair", sample_path)
    assert repaired.returncode == 0, repaired.stderr
    assert "search index" in repaired.stdout and "action log's due dates" in repaired.stdout
