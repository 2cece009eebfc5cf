"""Hostile text in every printed document: every PDF still builds and prints what it can.

The documents are found, not listed: every command of ``python -m secretariat``
that writes a PDF is run on the sample after every free-text field of every
record has been filled with markup, control characters, right-to-left text,
emoji and (once per table) a 100,000-character paste.
"""

import argparse
import io
import sqlite3

import pytest
from pypdf import PdfReader

from secretariat import sample
from secretariat.__main__ import build_parser, main
from secretariat.record_tables import record_tables
from secretariat.taskforce import Taskforce

HOSTILE = [
    "<b>not bold</b> R&D <img src=\"/etc/passwd\"/> <font size=\"90\">huge</font> &amp; ]]>",
    "Agreed\ttab\x00nul\x07bell\x1b[31mred\x0bvt\x0cff\r\nline two\u200b\ufeff",
    "مجلس إدارة الجمعيات التعاونية \u202eReversed\u202c והוועדה",
    "Agreed 👍🏽 by all 👨‍👩‍👧 🇬🇧 — “quotes” ½ ∑",
]
LONG_PASTE = ("Pasted from the away afternoon notes, with <tags> & ampersands. " * 1600)[:100_000]
MARKERS = ("<b>not bold</b>", "R&D", "Agreed", "Pasted from the away afternoon")
# The long paste goes where officials paste notes. (Pasted into an action's or
# a minuted point's text it prints too, but takes ReportLab over a minute.)
_PASTE_NAMES = ("notes", "details", "description", "note", "reason")
_TEXT_NAMES = ("text",)
_PROSE_NAMES = {"name", "title", "organisation", "venue", *_PASTE_NAMES, *_TEXT_NAMES}


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
    """Every free-text field the file's rules allow; returns how many were filled."""
    filled = 0
    for table in record_tables(conn):
        ids = [r[0] for r in conn.execute(f'SELECT id FROM "{table.name}" ORDER BY id')]
        paste_into = next((c for c in _PASTE_NAMES if c in table.column_names), None)
        for column in table.column_names:
            if not ids or not is_free_text(conn, table.name, column):
                continue
            try:
                with conn:
                    for number, record_id in enumerate(ids):
                        text = HOSTILE[number % len(HOSTILE)]
                        if number == 0 and column == paste_into:
                            text = LONG_PASTE
                        conn.execute(f'UPDATE "{table.name}" SET "{column}" = ? WHERE id = ?',
                                     (text, record_id))
                filled += 1
            except sqlite3.IntegrityError:
                continue  # a field with fixed choices (status, kind, marking)
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


def argument_sets(command: argparse.ArgumentParser, path, meeting_dates, out) -> list[list[str]]:
    """Every way to call the command on this file: each meeting, where it needs one."""
    fixed, per_meeting = [str(path), "-o", str(out)], False
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
        filled = fill_with_hostile_text(tf.store.db.conn)
        dates = sorted({r["date"] for r in tf.store.rows("SELECT date FROM meetings")})
    assert filled >= 5
    return path, dates


def test_the_pdf_documents_are_found():
    assert len(pdf_commands()) >= 1


@pytest.mark.parametrize("name", [name for name, _ in pdf_commands()])
def test_every_pdf_builds_with_hostile_text_and_prints_it(hostile_file, tmp_path, name, capsys):
    path, dates = hostile_file
    command = dict(pdf_commands())[name]
    out = tmp_path / f"{name}.pdf"
    printed = ""
    for argv in argument_sets(command, path, dates, out):
        code = main([name, *argv])
        message = capsys.readouterr().err
        assert code == 0 or "unexpected" not in message, message
        if code == 0:
            reader = PdfReader(io.BytesIO(out.read_bytes()))
            printed += "".join(page.extract_text() or "" for page in reader.pages)
    assert any(marker in printed for marker in MARKERS), f"{name} printed none of the text"
