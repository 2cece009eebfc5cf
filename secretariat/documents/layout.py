"""Page geometry, the paragraph styles and the page template, in one place.

Every page carries the protective marking at top and bottom and "page x of y";
a draft carries DRAFT across every page. Output is bytes.
"""

import io

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, SimpleDocTemplate, Table

from ..frozen import record
from ..progress import Progress, ignore
from . import fonts
from .paged_table import PagedTable
from .text import clean, for_the_eye

PAGE = A4
MARGIN = 20 * mm
WIDTH = PAGE[0] - 2 * MARGIN  # of the text on a page


@record
class PageSettings:
    title: str  # goes to the PDF metadata: never restricted content
    marking: str = "OFFICIAL"
    draft: bool = False
    author: str = "Taskforce Secretariat"
    numbered: bool = True  # off for pages numbered with the others of a meeting pack


def stylesheet() -> StyleSheet1:
    family = fonts.loaded()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=family, fontSize=10.5, leading=14,
                          spaceAfter=4, wordWrap=None)
    sheet.add(base)
    sheet.add(ParagraphStyle("Title", parent=base, fontName=fonts.BOLD, fontSize=14,
                             leading=18, alignment=TA_CENTER, spaceAfter=2))
    sheet.add(ParagraphStyle("Centre", parent=base, alignment=TA_CENTER, spaceAfter=1))
    sheet.add(ParagraphStyle("Heading", parent=base, fontName=fonts.BOLD, fontSize=12,
                             leading=16, spaceBefore=10, spaceAfter=4, keepWithNext=True))
    sheet.add(ParagraphStyle("Subheading", parent=base, fontName=fonts.BOLD, fontSize=10.5,
                             spaceBefore=6, spaceAfter=2, keepWithNext=True))
    sheet.add(ParagraphStyle("Decision", parent=base, fontName=fonts.BOLD))
    sheet.add(ParagraphStyle("Bullet", parent=base, leftIndent=14, bulletIndent=4))
    sheet.add(ParagraphStyle("SubBullet", parent=base, leftIndent=28, bulletIndent=18))
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8.5, leading=11,
                             textColor=colors.HexColor("#444444")))
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=9.5, leading=12, spaceAfter=0))
    sheet.add(ParagraphStyle("CellBold", parent=base, fontName=fonts.BOLD, fontSize=9.5,
                             leading=12, spaceAfter=0))
    return sheet


def _numbered_canvas(settings: PageSettings):
    """A canvas that writes each page as it is finished; its "page x of y" is
    a small form the page names and the end of the document writes, once y is
    known (holding every page until then held 80 MB for a 2,000-page log)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = 0

        def showPage(self):
            self._pages += 1
            self._decorate(self._pages)
            super().showPage()

        def save(self):
            if settings.numbered:
                for number in range(1, self._pages + 1):
                    self.beginForm(f"page-{number}")
                    self.setFont(fonts.REGULAR, 8.5)
                    self.drawRightString(PAGE[0] - MARGIN, 12 * mm,
                                         f"page {number} of {self._pages}")
                    self.endForm()
            super().save()

        def _decorate(self, number: int):
            width, height = PAGE
            self.saveState()
            if settings.numbered:
                self.doForm(f"page-{number}")
            self.setFont(fonts.BOLD, 9)
            marking = for_the_eye(clean(settings.marking))
            self.drawCentredString(width / 2, height - 12 * mm, marking)
            self.drawCentredString(width / 2, 8 * mm, marking)
            if settings.draft:
                self.setFont(fonts.BOLD, 90)
                self.setFillColor(colors.Color(0.75, 0.75, 0.75, alpha=0.35))
                self.translate(width / 2, height / 2)
                self.rotate(45)
                self.drawCentredString(0, -30, "DRAFT")
            self.restoreState()

    return NumberedCanvas


def build_pdf(story: list, settings: PageSettings, progress: Progress = ignore) -> bytes:
    """The story laid out on numbered pages; ``progress`` hears of each part laid out
    (and of each page, so that Cancel is heard within a page)."""
    fonts.loaded()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm, bottomMargin=MARGIN + 4 * mm,
        title=settings.title, author=settings.author, subject="", keywords="",
        creator="Taskforce Secretariat", pageCompression=1)
    doc.setProgressCallBack(_reporter(progress))
    doc.build(_headings_kept_with_text(story), canvasmaker=_numbered_canvas(settings))
    return out.getvalue()


HEADING_ROOM = 22 * mm  # below a heading, for the first lines of what it heads
LONG_TABLE = 15  # rows, or...
LONG_TEXT = 2500  # ...characters in its cells, or...
LONG_LINES = 26  # ...lines its rows wrap to: a table this long may not fit the rest of a page
_CHARACTER = 5  # points: about the width of a character of a cell's text


def _long(flowable) -> bool:
    """A table that may be taller than what is left of a page (told cheaply, from
    its rows, the length of its text and the lines it wraps to in its columns,
    not by laying it out)."""
    if isinstance(flowable, PagedTable):
        return True
    if not isinstance(flowable, Table):
        return False
    rows = flowable._cellvalues
    text = sum(len(cell.getPlainText()) for row in rows for cell in row
               if hasattr(cell, "getPlainText"))
    return len(rows) > LONG_TABLE or text > LONG_TEXT or _lines(flowable) > LONG_LINES


def _lines(table: Table) -> int:
    """About how many lines the table's rows take: each row as many as its
    fullest cell wraps to in its column."""
    total = 0
    for row in table._cellvalues:
        wrapped = [len(cell.getPlainText()) * _CHARACTER // max(int(width), 1) + 1
                   for cell, width in zip(row, table._colWidths, strict=False)
                   if hasattr(cell, "getPlainText")]
        total += max(wrapped, default=1)
    return total


def _headings_kept_with_text(story: list) -> list:
    """Headings start a new page only when too little room is left for them and
    the first lines under them.

    ReportLab keeps a keep-with-next heading together with the whole of what
    follows: with a table taller than the page left (a long register), it moves
    both to the next page and leaves this one blank. Before a long table, a
    conditional page break does what keepWithNext was for, and no more;
    anywhere else keepWithNext stays as it lays out.
    """
    kept, run = [], []
    for flowable in story:
        if hasattr(flowable, "getKeepWithNext") and flowable.getKeepWithNext():
            run.append(flowable)
            continue
        if run and _long(flowable):
            for heading in run:
                heading.keepWithNext = 0
            room = HEADING_ROOM + sum(h.style.leading + h.style.spaceBefore for h in run)
            kept.append(CondPageBreak(room))
        kept += run + [flowable]
        run = []
    return kept + run


def _reporter(progress: Progress):
    """ReportLab's progress events as (flowables laid out, flowables estimated)."""
    seen = {"done": 0, "total": 0}

    def on_event(kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            seen["total"] = value
        elif kind == "PROGRESS":
            seen["done"] = max(seen["done"], value)
        elif kind != "PAGE":
            return
        progress(seen["done"], seen["total"])
    return on_event
