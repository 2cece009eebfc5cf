"""What the command line prints from a file never acts on the terminal:
control characters and direction marks are shown as escapes."""

import contextlib
import sqlite3

from secretariat.__main__ import main


def rename(path, old, new):
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE people SET name = ? WHERE name = ?", (new, old))
        conn.commit()


def test_a_name_holding_escape_sequences_is_shown_escaped_in_a_warning(sample_path, tmp_path,
                                                                       capsys):
    rename(sample_path, "Ed Mayo", "Ed\x1b[2J\x1b[31m Mayo\u202e")
    assert main(["minutes", str(sample_path), "--meeting", "2011-05-26",
                 "-o", str(tmp_path / "m.pdf"), "--email", str(tmp_path / "m.eml")]) == 0
    err = capsys.readouterr().err
    assert "Ed\\x1b[2J\\x1b[31m Mayo\\u202e" in err
    assert "\x1b" not in err and "\u202e" not in err


def test_search_results_are_shown_escaped(sample_path, capsys):
    from secretariat.taskforce import Taskforce

    rename(sample_path, "Ed Mayo", "Ed\x1b]0;owned\x07 Mayo")  # as another program could
    Taskforce.open(sample_path).close()  # (which indexes it for search)
    assert main(["search", str(sample_path), "Mayo"]) == 0
    out = capsys.readouterr().out
    assert "Ed\\x1b]0;owned\\x07" in out and "\x1b" not in out and "\x07" not in out


def test_an_error_naming_what_a_file_holds_is_escaped(sample_path, capsys):
    with contextlib.closing(sqlite3.connect(sample_path)) as conn:
        conn.execute('CREATE TABLE "\x1b[2Jgone" (a)')
        conn.commit()
    assert main(["check", str(sample_path)]) == 1
    err = capsys.readouterr().err
    assert "table \\x1b[2Jgone that this program did not make" in err and "\x1b" not in err


def test_output_cut_short_by_the_reader_is_no_error(sample_path):
    """As in ``python -m secretariat search … | head -1``: here the reader has
    gone before anything is written."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import secretariat

    env = {**os.environ, "PYTHONPATH": str(Path(secretariat.__file__).parent.parent)}
    result = subprocess.run(
        f"{sys.executable} -m secretariat search '{sample_path}' 'a*' | true",
        shell=True, capture_output=True, text=True, env=env)
    assert result.stderr == ""
