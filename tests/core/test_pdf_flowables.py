"""Long user text in the shared pieces of every document: headings taller than
a page, table cells longer than a page, pastes of 100,000 characters."""

import io
import re

import pypdf
import pytest
from reportlab.platypus import Paragraph

from secretariat.documents import flowables
from secretariat.documents.layout import PageSettings, build_pdf, stylesheet

END = "and that is the end of it"
PASTE = ("Notes from the away afternoon & <more>. " * 2500)[:99_970] + " " + END


def _text(story) -> str:
    pdf = build_pdf(story, PageSettings(title="test"))
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


@pytest.mark.parametrize("make, style", [(flowables.heading, "Heading"),
                                         (flowables.heading, "Subheading"),
                                         (flowables.title, "Title")])
def test_a_heading_or_title_taller_than_a_page_prints_whole_and_marked(make, style):
    styles = stylesheet()
    text = _text(make(PASTE, styles[style])
                 + [Paragraph("What follows the heading", styles["Body"])])
    assert text.count("afternoon &") > 2400
    assert flowables.CONTINUED in text
    assert END in text and text.index(END) < text.index("What follows the heading")


def test_a_long_cell_prints_its_first_part_then_the_rest_below_and_the_table_goes_on():
    styles = stylesheet()
    story = flowables.grid(["Who", "Action"], [["Ed Mayo", PASTE], ["Rachel Wolf", "Write"]],
                           [0.3, 0.7], styles)
    text = _text(story)
    assert "Ed Mayo Notes from the away" in text and flowables.CONTINUED in text
    assert "Action continued:" in text
    assert text.index(END) < text.index("Rachel Wolf Write")
    assert text.count("afternoon &") > 2400


def test_a_short_cell_and_heading_print_as_they_are():
    styles = stylesheet()
    text = _text(flowables.heading("2. Chair's update", styles["Heading"])
                 + flowables.grid(["Who"], [["Ed Mayo"]], [1.0], styles))
    assert "2. Chair's update Who Ed Mayo" in text
    assert flowables.CONTINUED not in text and "continued:" not in text


def test_a_table_of_thousands_of_rows_prints_each_row_once_in_order_under_its_header():
    styles = stylesheet()
    # Rows of one line, and rows of many (some taller than what is left of a page).
    rows = [[f"Row {n:04d}", ("Agreed at length. " * (40 if n % 7 == 0 else 1)).strip()]
            for n in range(1, 1501)]
    pdf = build_pdf(flowables.grid(["Who", "Action"], rows, [0.3, 0.7], styles),
                    PageSettings(title="test"))
    pages = [" ".join(page.extract_text().split())
             for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) > 40
    printed = re.findall(r"Row (\d{4})", " ".join(pages))
    assert printed == [f"{n:04d}" for n in range(1, 1501)]
    assert all(page.count("Who Action") == 1 for page in pages)
    assert " ".join(pages).count("Agreed") == sum(  # (a row cut by a page break: no word lost)
        40 if n % 7 == 0 else 1 for n in range(1, 1501))
