"""Hostile text in every printed document: every PDF still builds and prints what it can.

The documents are found, not listed: every command of ``python -m secretariat``
that writes a PDF is run on the sample after every free-text field of every
record has been filled with markup, control characters, right-to-left text,
emoji and (in each table's first record) a 100,000-character paste.
"""

import argparse
import contextlib
import io
import sqlite3

import pytest
from pypdf import PdfReader

from secretariat.files import sample
from secretariat.__main__ import build_parser, main
from secretariat.record_tables import record_tables
from secretariat.taskforce import Taskforce

HOSTILE = [
    "<b>not bold</b> R&D <img src=\"/etc/passwd\"/> <font size=\"90\">huge</font> &amp; ]]>",
    "Agreed\ttab\x00nul\x07bell\x1b[31mred\x0bvt\x0cff\r\nline two\u200b\ufeff",
    "مجلس إدارة الجمعيات التعاونية \u202eReversed\u202c והוועדה",
    "Agreed 👍🏽 by all 👨‍👩‍👧 🇬🇧 — “quotes” ½ ∑",
]
PASTE_END = "the end of the pasted notes"
LONG_PASTE = ("Pasted from the away afternoon notes, with <tags> & ampersands. " * 1600
              )[:100_000 - len(PASTE_END) - 1] + " " + PASTE_END
MARKERS = ("<b>not bold</b>", "R&D", "Agreed", "Pasted from the away afternoon")
_PROSE_NAMES = {"name", "title", "organisation", "venue", "notes", "details", "description",
                "note", "reason", "text"}


def is_free_text(conn, table: str, column: str) -> bool:
    """Prose an official types: a known prose field, or one the sample fills with words.

    Codes (status, kind), dates and paths hold no spaces, so they are left alone.
    """
    if column == "id" or column.endswith(("_id", "_at")):
        return False
    return column in _PROSE_NAMES or bool(conn.execute(
        f'SELECT 1 FROM "{table}" WHERE typeof("{column}") = \'text\' AND "{column}" LIKE \'% %\' '
        'LIMIT 1').fetchone())


def fill_with_hostile_text(conn: sqlite3.Connection) -> int:
    """Every free-text field the file's rules allow, the long paste in each
    table's first record where the rules take it; returns how many were filled."""
    filled = 0
    for table in record_tables(conn):
        ids = [r[0] for r in conn.execute(f'SELECT id FROM "{table.name}" ORDER BY id')]
        for column in table.column_names:
            if not ids or not is_free_text(conn, table.name, column):
                continue
            for first in (LONG_PASTE, HOSTILE[0]):
                try:
                    with conn:
                        for number, record_id in enumerate(ids):
                            text = first if number == 0 else HOSTILE[number % len(HOSTILE)]
                            conn.execute(
                                f'UPDATE "{table.name}" SET "{column}" = ? WHERE id = ?',
                                (text, record_id))
                    filled += 1
                    break
                except sqlite3.IntegrityError:
                    continue  # a length limit, or fixed choices (status, kind, marking)
    return filled


def pdf_commands() -> list[tuple[str, argparse.ArgumentParser]]:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    helps = {a.dest: a.help or "" for a in commands._choices_actions}
    found = []
    for name, command in commands.choices.items():
        output = [a for a in command._actions if "-o" in a.option_strings]
        if output and "pdf" in f"{helps[name]} {output[0].metavar} {output[0].help}".lower():
            found.append((name, command))
    return found


def argument_sets(command: argparse.ArgumentParser, path, meeting_dates) -> list[list[str]]:
    """Every way to call the command on this file (less its output): each
    meeting, where it needs one."""
    fixed, per_meeting = [str(path)], False
    for action in command._actions:
        if not action.option_strings and action.dest != "path":
            pytest.fail(f"{command.prog}: the hostile-text test does not know how to fill "
                        f"{action.dest}; teach argument_sets")
        if action.option_strings and action.required and "-o" not in action.option_strings:
            if action.dest != "meeting":
                pytest.fail(f"{command.prog}: the hostile-text test does not know how to fill "
                            f"{action.option_strings[0]}; teach argument_sets")
            per_meeting = True
    if per_meeting:
        return [fixed + ["--meeting", day] for day in meeting_dates]
    return [fixed]


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "hostile.taskforce"
    with Taskforce.open(path, create=True) as tf:
        sample.build(tf)
        approved = tf.store.column("SELECT meeting_id FROM approved_minutes")
        for meeting_id in approved:  # taken back, filled, and kept as approved again
            tf.minutes.lifecycle.reopen(meeting_id, "Filled with hostile text")
        filled = fill_with_hostile_text(tf.store.db.conn)
        for meeting_id in approved:
            tf.store.update("meetings", meeting_id, {"status": "approved"})
        tf.minutes.lifecycle.keep_unkept()
        dates = sorted({r["date"] for r in tf.store.rows("SELECT date FROM meetings")})
    assert filled >= 5
    return path, dates


def test_the_pdf_documents_are_found():
    assert len(pdf_commands()) >= 1


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """Runs a command once and keeps its exit code, its error output and the
    text its PDF prints (spaces and line breaks as single spaces)."""
    done = {}
    out = tmp_path_factory.mktemp("printed") / "out.pdf"

    def run(name: str, argv: list[str]) -> tuple[int, str, str]:
        key = (name, *argv)
        if key not in done:
            errors = io.StringIO()
            with contextlib.redirect_stderr(errors):
                code = main([name, *argv, "-o", str(out)])
            text = ""
            if code == 0:
                reader = PdfReader(io.BytesIO(out.read_bytes()))
                text = " ".join(" ".join((page.extract_text() or "").split())
                                for page in reader.pages)
            done[key] = code, errors.getvalue(), text
        return done[key]

    return run


@pytest.mark.parametrize("name", [name for name, _ in pdf_commands()])
def test_every_pdf_builds_with_hostile_text_and_prints_it(hostile_file, printed, name):
    path, dates = hostile_file
    command = dict(pdf_commands())[name]
    text = ""
    for argv in argument_sets(command, path, dates):
        code, message, words = printed(name, argv)
        assert code == 0 or "unexpected" not in message, message
        text += words
    assert any(marker in text for marker in MARKERS), f"{name} printed none of the text"


# Where each pasted field prints in the minutes: the meeting it belongs to.
_MEETING_OF = {
    ("actions", "text"): "SELECT meeting_id FROM actions WHERE text = ?",
    ("minutes_entries", "text"): "SELECT i.meeting_id FROM minutes_entries e "
                                 "JOIN agenda_items i ON i.id = e.item_id WHERE e.text = ?",
    ("agenda_items", "title"): "SELECT meeting_id FROM agenda_items WHERE title = ?",
}


@pytest.mark.parametrize("table, column", list(_MEETING_OF))
def test_a_long_paste_prints_to_its_end_in_the_minutes(hostile_file, printed, table, column):
    path, _ = hostile_file
    with Taskforce.open(path) as tf:
        meeting_id = tf.store.scalar(_MEETING_OF[table, column], (LONG_PASTE,))
        day = tf.meetings.get(meeting_id).date.isoformat()
    code, message, text = printed("minutes", [str(path), "--meeting", day])
    assert code == 0, message
    assert PASTE_END in text
    assert text.count("ampersands.") > 1500  # all of it, not its first part
