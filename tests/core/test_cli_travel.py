"""Travel copies from the command line: taken, edited away, merged back,
with records changed on both sides left for the window unless --keep says."""

import pytest

from secretariat.__main__ import main
from secretariat.taskforce import Taskforce


@pytest.fixture
def away(sample_path, tmp_path, capsys):
    copy = tmp_path / "laptop.taskforce"
    assert main(["travel", "take", str(sample_path), str(copy)]) == 0
    assert f"Took a travel copy of {sample_path} to {copy}" in capsys.readouterr().out
    return copy


def rename_chair(path, name):
    with Taskforce.open(path) as tf:
        chair = tf.store.row("SELECT id FROM people WHERE name = 'Julian Le Grand'")
        tf.people.update(chair["id"], notes=name)


def notes_of_chair(path):
    with Taskforce.open(path) as tf:
        return tf.store.scalar("SELECT notes FROM people WHERE name = 'Julian Le Grand'")


def test_a_copy_taken_edited_and_merged_brings_its_changes_home(sample_path, away, capsys):
    with Taskforce.open(away) as tf:
        tf.people.create(tf.bodies.all()[0].id, "Lord Hodgson")
    assert main(["travel", "merge", str(sample_path), str(away)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Merged: 2 added.")
    assert "  added person: Lord Hodgson" in out and "before-merge" in out
    assert main(["travel", "merge", str(sample_path), str(away)]) == 0
    assert "Nothing new came in" in capsys.readouterr().out


def test_records_changed_on_both_sides_are_left_unless_a_side_is_kept(sample_path, away,
                                                                      capsys):
    rename_chair(away, "Chairs from the away afternoon")
    rename_chair(sample_path, "Chairs from the office")

    assert main(["travel", "merge", str(sample_path), str(away)]) == 1
    captured = capsys.readouterr()
    assert "changed on both sides: person: Julian Le Grand" in captured.out
    assert captured.err.startswith("error: Nothing was merged: 1 records were changed both")
    assert notes_of_chair(sample_path) == "Chairs from the office"

    assert main(["travel", "merge", str(sample_path), str(away), "--keep", "travel"]) == 0
    assert "the travel version kept: person: Julian Le Grand" in capsys.readouterr().out
    assert notes_of_chair(sample_path) == "Chairs from the away afternoon"


def test_a_copy_is_never_taken_over_an_existing_file(sample_path, tmp_path, capsys):
    existing = tmp_path / "notes.txt"
    existing.write_text("keep me")
    assert main(["travel", "take", str(sample_path), str(existing)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert existing.read_text() == "keep me"
