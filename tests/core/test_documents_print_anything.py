"""Every document prints right whatever it holds: any number of members, a
first block taller than a page, long words in narrow columns, characters
beyond U+FFFF and right-to-left names, who presented which item and who
was in the chair. (Each page was also looked at, rendered with pdftoppm.)"""

import datetime as dt
import io
import re
import shutil
import subprocess
import unicodedata

import pypdf
import pytest

from minutes_setup import board
from secretariat.meeting import agenda_content, minutes_content
from secretariat.meeting.register_records import MemberRecord
from secretariat.interest.conflicts import BriefDocument, Conflict
from secretariat.documents import (agenda_pdf, attendance_pdf, chairs_brief_pdf, fonts,
                                   minutes_pdf)
from secretariat.membership.people import Person

_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def no_page_is_empty(pdf: bytes) -> list[str]:
    """The pages' text, checked to hold more than their marking and number."""
    pages = page_texts(pdf)
    furniture = re.compile(r"OFFICIAL(-SENSITIVE)?|page \d+ of \d+|DRAFT|\s")
    assert all(furniture.sub("", page) for page in pages), "a page holds nothing"
    return pages


def extracted(pdf: bytes) -> str:
    """The text as a PDF reader's copy and search see it (poppler's pdftotext)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True).stdout
    return _MARKS.sub("", text.decode("utf-8"))


def member(n: int) -> MemberRecord:
    person = Person(f"p{n}", f"Member Number {n:03d}", "", "", "", "")
    return MemberRecord(person, 10, n % 11, 10 - n % 11, 0)


def test_the_attendance_chart_takes_as_many_pages_as_members_need():
    records = tuple(member(n) for n in range(200))
    doc = attendance_pdf.AttendanceDocument("Mutuals Taskforce", None, None, 10, records)
    pages = no_page_is_empty(attendance_pdf.render(doc))
    text = "\n".join(pages)
    assert all(f"Member Number {n:03d}" in text for n in range(200))
    charts = [p for p in pages if "100%" in p and "75%" in p]  # a chart's scale
    assert len(charts) >= 200 // attendance_pdf.PER_CHART


def test_a_register_taller_than_a_page_starts_on_the_first(tf):
    b = board(tf)
    meeting = b.meetings[0]
    with tf.store.transaction():
        for n in range(150):
            person, _ = tf.people.create(b.body, f"Member Number {n} With A Longish Name")
            tf.attendance.add(meeting, person, "present")
    pages = no_page_is_empty(minutes_pdf.render(minutes_content.build(tf, meeting)))
    assert "Attendees" in pages[0] and "Member Number" in pages[0]


def test_a_brief_whose_first_table_is_taller_than_a_page_starts_on_the_first():
    conflicts = [Conflict(f"p{n}", f"Member {n}", f"i{n}", "Trustee of the Heliotrope Trust, "
                          "which bids to run services " * 3, "Heliotrope Trust", "item",
                          "t", f"Commissioning item {n}") for n in range(60)]
    doc = BriefDocument("Mutuals Taskforce", dt.date(2012, 1, 12), "", conflicts, [], [])
    pages = no_page_is_empty(chairs_brief_pdf.render(doc))
    assert "Conflict flags" in pages[0] and "Member 0" in pages[0]


def test_words_in_a_narrow_column_are_not_broken(sample_tf):
    meeting = sample_tf.meetings.find_one("2012-01-12").id
    item = sample_tf.agenda.planned(meeting)[0][2].item.id
    for name in ("Procurement", "Commissioning", "Sustainability"):
        paper, _ = sample_tf.papers.create(sample_tf.bodies.all()[0].id, f"The {name} paper",
                                           short_name=name)
        sample_tf.papers.link(paper, meeting, item)
    text = extracted(agenda_pdf.render(agenda_content.build(sample_tf, meeting)))
    assert all(name in text for name in ("Procurement,", "Commissioning,", "Sustainability"))


def _minutes_saying(tf, words: str) -> bytes:
    b = board(tf)
    item = b.items[(0, "Update")]
    tf.minutes.add(item, words)
    return minutes_pdf.render(minutes_content.build(tf, b.meetings[0]))


def test_a_character_beyond_u_ffff_prints_as_its_code_never_as_another(tf):
    pdf = _minutes_saying(tf, "Morale is good 😀 say the pathfinders")
    text = extracted(pdf)
    assert "Morale is good [U+1F600] say the pathfinders" in " ".join(text.split())
    assert "\u1f60" not in text  # what ReportLab would have made of it
    assert fonts.missing_glyphs("😀") == ["😀"]  # and the document warns of it


@pytest.mark.parametrize("words", ["שלום עולם", "مرحبا بالعالم"])
def test_right_to_left_text_reads_back_as_it_was_typed(tf, words):
    text = extracted(_minutes_saying(tf, f"Greeting {words} noted"))
    found = unicodedata.normalize("NFKC", text)  # Arabic joined forms back to its letters
    assert words in " ".join(found.split())


def _words(first: int, last: int, ending: str) -> str:
    """Sixty different right-to-left words: where a line begins shows."""
    letters = [chr(c) for c in range(first, last + 1)]
    return " ".join(a + b + ending for a in letters[:6] for b in letters[:10])


HEBREW = _words(0x05D0, 0x05E9, "ים")
ARABIC = _words(0x0628, 0x063A, "ات")


def _read_back(pdf: bytes) -> str:
    return " ".join(unicodedata.normalize("NFKC", extracted(pdf)).split())


@pytest.mark.parametrize("words", [HEBREW, ARABIC], ids=["Hebrew", "Arabic"])
def test_right_to_left_text_over_several_lines_reads_back_in_the_order_typed(tf, words):
    # A reader puts the point's bullet, left of a right-to-left line, at its end.
    assert words in _read_back(_minutes_saying(tf, words)).replace(" •", "")


def _words_on_the_line_of(pdf: bytes, word: str) -> list[tuple[float, float, str]]:
    """(left, right, glyphs left to right) of each word on the line holding ``word``."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    page = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=pdf,
                          capture_output=True).stdout.decode("utf-8")
    boxes = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, text in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
        page)]
    line = next(y for _, y, _, text in boxes if text[::-1] == word)
    return sorted((x0, x1, text) for x0, y, x1, text in boxes if y == line)


def test_a_right_to_left_point_starts_at_the_right_margin_and_ends_at_its_left(tf):
    """A Hebrew minutes point is a right-to-left paragraph: its first word at
    the right margin, its full stop at the left end, where the sentence ends."""
    words = _words_on_the_line_of(_minutes_saying(tf, "הוועדה דנה בסעיף 12."), "הוועדה")
    first_typed, full_stop = words[-1], words[0]
    assert first_typed[2][::-1] == "הוועדה" and first_typed[1] > 500  # at the right margin
    assert full_stop[2].startswith(".")


def test_a_right_to_left_title_in_bold_over_a_plain_note_reads_back_in_order(sample_tf):
    """An agenda item's title (bold) and its purpose (italic) are one
    paragraph of two styles, wrapped in a narrow column."""
    meeting = sample_tf.meetings.find_one("2012-01-12").id
    sample_tf.agenda.add(meeting, HEBREW, purpose="decision")
    assert f"{HEBREW} For decision" in _read_back(
        agenda_pdf.render(agenda_content.build(sample_tf, meeting)))


def test_a_presenter_is_listed_with_the_item_they_presented(tf):
    b = board(tf)
    meeting = b.meetings[0]
    guest, _ = tf.people.create(b.body, "Ann Visitor", "guest", organisation="Co-ops UK")
    tf.attendance.add(meeting, guest, "present", capacity="presenter",
                                 item_ids=(b.items[(0, "Update")],))
    assert minutes_content.build(tf, meeting).presenters == (
        "Ann Visitor, Co-ops UK (item 2, Chair's update)",)


def test_the_chair_s_brief_shows_what_was_declared_at_its_meeting(sample_tf):
    from secretariat.interest.conflicts import brief_document

    january = sample_tf.meetings.find_one("2012-01-12").id
    ed = sample_tf.store.scalar("SELECT id FROM people WHERE name = 'Ed Mayo'")
    sample_tf.interests.declare_at_meeting(january, ed, "Secretary General of Co-operatives UK")
    text = " ".join(extracted(chairs_brief_pdf.render(brief_document(sample_tf, january))).split())
    assert "Declared at the meeting" in text
    assert "Ed Mayo: Secretary General of Co-operatives UK" in text


def test_the_coverage_view_says_which_meeting_a_paper_goes_to(sample_tf):
    from secretariat.documents import reviews_pdf
    from secretariat.review.reviews import coverage_document

    body = sample_tf.bodies.all()[0].id
    text = " ".join(extracted(reviews_pdf.render(coverage_document(sample_tf, body))).split())
    assert "Goes to the meeting of Thursday 12 January 2012" in text


def test_a_long_name_in_the_attendance_chart_stays_on_the_page():
    import re

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    long = Person("p", "MARÍA WOLFGANG MWANGI-WORTHINGTON-WHITMORE", "", "", "", "")
    records = (MemberRecord(long, 10, 5, 5, 0),) + tuple(member(n) for n in range(5))
    doc = attendance_pdf.AttendanceDocument("Mutuals Taskforce", None, None, 10, records)
    boxes = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=attendance_pdf.render(doc),
                           capture_output=True).stdout.decode("utf-8")
    lefts = [float(x) for x in re.findall(r'xMin="([-\d.]+)"', boxes)]
    assert lefts and min(lefts) >= 20  # nothing in or beyond the page's left margin
    assert boxes.count(">MARÍA<") == 2  # in the table, and the chart's label begins on the page


def test_no_page_of_the_register_of_interests_starts_with_a_member_s_form_line(tf):
    from secretariat.documents import interests_pdf
    from secretariat.interest.interests import interests_document

    body, _ = tf.bodies.create("Mutuals Taskforce")
    for n in range(40):
        person, _ = tf.people.create(body, f"Member Number {n:02d}", joined_on="2011-01-01")
        for k in range(n % 7):  # entries of many heights: one ends where a page does
            tf.interests.declare(person, description=f"Trustee {k}", organisation="A Trust",
                                 kind="directorship", declared_on="2011-02-01")
    pages = no_page_is_empty(interests_pdf.render(interests_document(tf, body, "2012-01-12")))
    firsts = [next(line for line in page.splitlines() if line.strip()
                   and "OFFICIAL" not in line and "Register of" not in line)
              for page in pages[1:]]
    assert not [line for line in firsts if line.startswith(("No declaration form",
                                                             "Declaration form sent",
                                                             "No interests"))]


def test_a_meeting_s_title_heads_its_agenda_and_minutes(sample_tf):
    from secretariat.documents import agenda_pdf

    january = sample_tf.meetings.find_one("2012-01-12").id
    sample_tf.meetings.update(january, title="Expert witness session on finance")
    for pdf in (agenda_pdf.render(agenda_content.build(sample_tf, january)),
                minutes_pdf.render(minutes_content.build(sample_tf, january))):
        first = no_page_is_empty(pdf)[0]
        assert "Expert witness session on finance" in first.split("22 Whitehall")[0]
