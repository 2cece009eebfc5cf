"""python -m secretariat agenda / attendance: a PDF, or one line of error and exit 1."""

import io

from pypdf import PdfReader

from secretariat.__main__ import main
from secretariat.taskforce import Taskforce


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_agenda_of_a_sample_meeting(sample_path, tmp_path, capsys):
    out = tmp_path / "agenda.pdf"
    assert main(["agenda", str(sample_path), "--meeting", "26 May 2011", "-o", str(out)]) == 0
    assert "Wrote the agenda of Thursday 26 May 2011" in capsys.readouterr().out
    assert "Cross cutting issues" in text_of(out)


def test_attendance_over_a_period(sample_path, tmp_path, capsys):
    out = tmp_path / "attendance.pdf"
    assert main(["attendance", str(sample_path), "--from", "2012-01-01", "--to", "2012-12-31",
                 "-o", str(out)]) == 0
    text = text_of(out)
    assert "1 January 2012 to 31 December 2012: 1 meeting(s) with a register" in text
    assert "Patrick Burns" not in text  # he had left by then


def one_line_error(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    return lines[0]


def test_a_date_without_a_meeting_is_one_line(sample_path, tmp_path, capsys):
    out = tmp_path / "agenda.pdf"
    assert main(["agenda", str(sample_path), "--meeting", "2013-01-01", "-o", str(out)]) == 1
    assert one_line_error(capsys) == "error: There is no meeting on 2013-01-01."
    assert not out.exists()


def test_two_meetings_on_a_date_need_the_body(sample_path, tmp_path, capsys):
    with Taskforce.open(sample_path) as tf:
        other, _ = tf.bodies.create("Expert Panel", short_name="EP")
        tf.meetings.create(other, "2011-05-26", "10:00", "11:00")
        tf.agenda.add(tf.meetings.on_date("2011-05-26", other)[0].id, "Panel business")
    out = tmp_path / "agenda.pdf"
    assert main(["agenda", str(sample_path), "--meeting", "2011-05-26", "-o", str(out)]) == 1
    assert "name the body with --body" in one_line_error(capsys)
    assert main(["agenda", str(sample_path), "--meeting", "2011-05-26", "--body", "EP",
                 "-o", str(out)]) == 0
    assert "Panel business" in text_of(out)
    assert main(["attendance", str(sample_path), "-o", str(out)]) == 1
    assert "name one with --body" in one_line_error(capsys)


def test_a_bad_period_is_one_line(sample_path, tmp_path, capsys):
    out = tmp_path / "attendance.pdf"
    assert main(["attendance", str(sample_path), "--from", "soon", "-o", str(out)]) == 1
    assert "is not a date" in one_line_error(capsys)
