"""The printed agenda and attendance: their text, extracted from the PDF."""

import io

from pypdf import PdfReader

from agenda_setup import carried_forward
from secretariat.documents import agenda_pdf, attendance_pdf
from secretariat.meeting import agenda_content


def pdf_text(data: bytes) -> tuple[str, PdfReader]:
    """The text with runs of white space as one space (table cells wrap), and the reader."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split()), reader


def agenda_of(tf, day):
    return agenda_content.build(tf, tf.meetings.find_one(day).id)


def test_the_agenda_prints_the_meeting_items_leads_and_times(sample_tf):
    text, reader = pdf_text(agenda_pdf.render(agenda_of(sample_tf, "2012-01-12")))
    for expected in ("MUTUALS TASKFORCE MEETING", "Thursday 12 January 2012", "22 Whitehall",
                     "16.00 – 17.30", "AGENDA", "Update from Crown Commercial",
                     "Stephen Kelly", "16.05–16.20", "page 1 of 1", "OFFICIAL"):
        assert expected in text
    assert "DRAFT" not in text  # the sample's agenda was agreed
    assert reader.metadata.title == "Agenda: Mutuals Taskforce, Thursday 12 January 2012"


def test_sub_items_print_with_roman_numerals(sample_tf):
    text, _ = pdf_text(agenda_pdf.render(agenda_of(sample_tf, "2011-05-26")))
    assert "i) Papers; review and signing off process" in text
    assert "iii) Case studies" in text


def test_a_draft_says_so_on_every_page_and_warns_of_an_over_run(sample_tf):
    meeting = sample_tf.meetings.find_one("2011-05-26").id
    sample_tf.minutes.lifecycle.reopen(meeting, "More items to plan")  # approved: final
    sample_tf.agenda.set_agenda_status(meeting, "draft")
    for n in range(40):
        sample_tf.agenda.add(meeting, f"Extra item {n} " + "with a long title " * 4,
                             minutes_allocated=5, purpose="discussion")
    text, reader = pdf_text(agenda_pdf.render(agenda_of(sample_tf, "2011-05-26")))
    assert len(reader.pages) > 1
    for page in reader.pages:
        page_text = page.extract_text()
        assert "DRAFT" in page_text and "OFFICIAL" in page_text
    assert f"page {len(reader.pages)} of {len(reader.pages)}" in text
    assert "The agenda runs to 20.50" not in text
    assert "200 minutes past the meeting's end at 17:30" in text
    assert "For discussion" in text


def test_carried_forward_and_restricted_items_say_so(sample_tf):
    carried_forward(sample_tf, restricted=True)
    text, reader = pdf_text(agenda_pdf.render(agenda_of(sample_tf, "2012-01-12")))
    assert "Restricted; Carried forward from Thursday 26 May 2011" in text
    assert "legal models" not in reader.metadata.title


def test_hostile_text_prints_literally(sample_tf):
    meeting = sample_tf.meetings.find_one("2012-01-12").id
    sample_tf.agenda.add(meeting, "<b>Budget</b> & <img src='x'/> review")
    text, _ = pdf_text(agenda_pdf.render(agenda_of(sample_tf, "2012-01-12")))
    assert "<b>Budget</b> & <img src='x'/> review" in text


def test_attendance_prints_each_member_and_a_chart(sample_tf):
    body = sample_tf.bodies.all()[0]
    doc = attendance_pdf.AttendanceDocument(
        body.name, None, None, 2, tuple(sample_tf.attendance.over_period(body.id)))
    text, reader = pdf_text(attendance_pdf.render(doc))
    assert "All meetings: 2 meeting(s) with a register" in text
    assert "Rachel Wolf 2 2 0 0 100%" in text
    assert "Patrick Lewis 2 0 2 0 0%" in text
    assert "Share of meetings attended" in text
    assert "75%" in text  # the chart's scale
    assert reader.metadata.title == "Attendance: Mutuals Taskforce"


def test_attendance_with_no_register_says_so(tf):
    doc = attendance_pdf.AttendanceDocument("Expert Panel", None, None, 0, ())
    text, _ = pdf_text(attendance_pdf.render(doc))
    assert "No register was taken at any meeting in this period." in text


def test_the_agenda_of_a_cancelled_meeting_says_so_in_print_and_in_word(sample_tf):
    from docx import Document

    from secretariat.documents import agenda_docx

    body = sample_tf.bodies.all()[0].id
    meeting, _ = sample_tf.agenda.create_meeting(body, "2012-02-09")
    sample_tf.meetings.cancel(meeting, "2012-01-05")
    doc = agenda_of(sample_tf, "2012-02-09")
    text, _ = pdf_text(agenda_pdf.render(doc))
    assert "Thursday 9 February 2012" in text
    assert "CANCELLED on Thursday 5 January 2012 AGENDA" in text
    word = Document(io.BytesIO(agenda_docx.render(doc)))
    assert "CANCELLED on Thursday 5 January 2012" in [p.text for p in word.paragraphs]
