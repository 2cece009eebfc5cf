"""Crafted files (``crafted.py``) through every way in: opened, checked,
exported, printed from and merged. Each is refused with one clear line, or
handled; no byte of any file changes (the home file only by a legitimate merge)."""

import hashlib
import shutil

import pytest

from secretariat.__main__ import main
from secretariat.errors import UserFacingError
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge

from crafted import CRAFTED, make


def fingerprints(folder):
    """Every file under ``folder``, by relative path: its bytes' digest."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".lock"}


def one_line_refusal(capsys, argv) -> str:
    assert main([str(a) for a in argv]) == 1
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1, err
    assert lines[0].startswith("error: ") and "unexpected" not in lines[0], lines[0]
    assert "\x1b" not in lines[0]  # control characters shown, never obeyed
    return lines[0]


@pytest.fixture
def sound(tmp_path, _sample_template):
    path = tmp_path / "sound.taskforce"
    shutil.copy(_sample_template, path)
    return path


def test_the_corpus_is_large_and_covers_every_kind():
    assert len(CRAFTED) >= 20
    assert {c.kind for c in CRAFTED} == {"file", "travel"}


@pytest.mark.parametrize("crafted", [c for c in CRAFTED if c.kind == "file"],
                         ids=lambda c: c.name)
def test_a_crafted_file_is_refused_everywhere_and_left_as_it_is(crafted, sound, tmp_path,
                                                                capsys):
    received, home = make(crafted, sound, tmp_path / "work")
    before = fingerprints(received.parent)

    with pytest.raises(UserFacingError) as refused:
        Taskforce.open(received)
    assert crafted.refusal in str(refused.value)
    for argv in (["check", received], ["check", "--repair", received],
                 ["export", received, "-o", tmp_path / "out.json"],
                 ["minutes", received, "--meeting", "2011-05-26", "-o", tmp_path / "m.pdf"],
                 ["search", received, "mutual"]):
        assert crafted.refusal in one_line_refusal(capsys, argv)
    # Merged as if it were a travel copy: refused before the home file is touched.
    with pytest.raises(UserFacingError):
        merge(home, received)
    one_line_refusal(capsys, ["travel", "merge", home, received])

    assert fingerprints(received.parent) == before
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "m.pdf").exists()


@pytest.mark.parametrize("crafted", [c for c in CRAFTED if c.kind == "travel"],
                         ids=lambda c: c.name)
def test_a_crafted_travel_copy_is_refused_and_the_home_file_unchanged(crafted, sound, tmp_path,
                                                                      capsys):
    received, home = make(crafted, sound, tmp_path / "work")
    before = fingerprints(received.parent)

    with pytest.raises(UserFacingError) as refused:
        merge(home, received)
    assert crafted.refusal in str(refused.value)
    assert crafted.refusal in one_line_refusal(capsys, ["travel", "merge", home, received])

    assert fingerprints(received.parent) == before
    with Taskforce.open(home) as tf:
        emails = {r["email"] for r in tf.store.rows("SELECT email FROM people")}
    assert "attacker@evil.example" not in emails


def test_a_travel_copy_from_this_program_still_merges(sound, tmp_path, capsys):
    """The refusals above are not refusing everything: an honest copy merges."""
    from secretariat.files.travel import take_travel_copy

    away = tmp_path / "away.taskforce"
    with Taskforce.open(sound) as tf:
        take_travel_copy(tf.store, away)
    with Taskforce.open(away) as tf:
        tf.people.create(tf.bodies.all()[0].id, "Someone New")
    assert main(["travel", "merge", str(sound), str(away)]) == 0
    out = capsys.readouterr().out
    assert "Merged: 2 added" in out and "added person: Someone New" in out
    with Taskforce.open(sound) as tf:
        assert tf.store.row("SELECT name FROM people WHERE name = 'Someone New'")
