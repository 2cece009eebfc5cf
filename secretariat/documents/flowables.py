"""The pieces every printed document is built from: user text as paragraphs,
headings that are bookmarks, and ruled tables.

A 100,000-character paste must not stall a build. ReportLab re-measures a
paragraph's whole remaining text each time it splits it across a page, and a
table row's whole cells each time it splits the row, so a huge text costs
time in proportion to its length times its pages. Here long text is printed
as a run of short paragraphs, a heading or title prints its first words and
continues as body text, and a table cell prints its first part with "[continued below]"
and the rest flows as paragraphs under the table. Nothing is dropped.
"""


from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Table, TableStyle

from . import fonts
from .layout import WIDTH
from .paged_table import ROWS_AT_A_TIME, PagedTable
from .paragraph import Paragraph
from .text import clean, esc

from ..frozen import record

RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")
RUN = 2000  # characters per paragraph of a long text: each measures fast
LONG_HEADING = 300  # characters a heading shows; the rest continues as body text
CELL_LIMIT = 800  # characters a table cell shows; the rest continues below the table
BOOKMARK = 120  # characters of a heading the PDF's outline shows
CONTINUED = "[continued below]"


def cut(text: str, limit: int) -> tuple[str, str]:
    """The text's first part of at most ``limit`` characters, ending at a space
    or line break where one is near, and the rest."""
    if len(text) <= limit:
        return text, ""
    at = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
    if at < limit // 2:  # one long word: break inside it
        return text[:limit], text[limit:]
    return text[:at], text[at + 1:]


def paragraphs(text: str, style, bullet: str | None = None) -> list[Paragraph]:
    """User text (escaped here) as one paragraph, or a run of them with no gap
    between when it is long; the first carries the bullet."""
    rest, pieces = clean(text), []
    while True:
        piece, rest = cut(rest, RUN)
        pieces.append(piece)
        if not rest:
            break
    if len(pieces) == 1:
        return [Paragraph(esc(pieces[0]), style, bulletText=bullet)]
    first, middle, last = (
        ParagraphStyle(f"{style.name}-{part}", parent=style, **gaps) for part, gaps in (
            ("first", dict(spaceAfter=0)), ("middle", dict(spaceBefore=0, spaceAfter=0)),
            ("last", dict(spaceBefore=0))))
    return [Paragraph(esc(piece), first if n == 0 else last if n == len(pieces) - 1
                      else middle, bulletText=None if n else bullet)
            for n, piece in enumerate(pieces)]


class OutlinedHeading(Paragraph):
    """A short heading (ready markup) that is also a bookmark in the PDF's outline.

    Should ReportLab split it, it builds the pieces from ready fragments and
    keyword arguments; the first piece carries the bookmark.
    """

    def __init__(self, text, style, outline: str | None = None, level: int = 0, **pieces):
        super().__init__(text, style, **pieces)
        self._outline = None if pieces else outline
        self._level = level

    def split(self, availWidth, availHeight):
        pieces = super().split(availWidth, availHeight)
        if pieces:  # the bookmark goes with the first piece
            pieces[0]._outline, pieces[0]._level = self._outline, self._level
        return pieces

    def draw(self):
        if self._outline is not None:
            key = f"h{id(self)}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(self._outline, key, level=self._level, closed=False)
        super().draw()


def heading(text: str, style, level: int = 0) -> list:
    """A heading (user text) whose bookmark says what it says.

    ReportLab never finishes laying out a keep-with-next paragraph taller than
    a page, so a long heading shows its first words, marked, and the rest
    follows as body text.
    """
    shown, rest = cut(clean(text), LONG_HEADING)
    outline, more = cut(shown, BOOKMARK)
    return [OutlinedHeading(esc(shown) + (f" {CONTINUED}" if rest else ""), style,
                            outline + ("…" if more else ""), level), *_continued(rest, style)]


def title(text: str, style) -> list:
    """A title or centred line (user text); a long one continues as body text."""
    shown, rest = cut(clean(text), LONG_HEADING)
    return [Paragraph(esc(shown) + (f" {CONTINUED}" if rest else ""), style),
            *_continued(rest, style)]


def _continued(rest: str, style) -> list:
    """What a heading or title did not show, as body text under it."""
    if not rest:
        return []
    return paragraphs(rest, ParagraphStyle(
        f"{style.name}-rest", parent=style, fontName=fonts.REGULAR, fontSize=10.5, leading=14,
        alignment=TA_LEFT, keepWithNext=False, spaceBefore=0))


@record
class Cell:
    """A table cell of user text (escaped here) between ready markup."""

    text: str
    before: str = ""
    after: str = ""
    style: str = "Cell"


def grid(header: list[str] | None, rows: list[list], widths: list[float], styles,
         ruled: bool = True) -> list:
    """A table with a shaded header row repeated on every page (``ruled``), or
    plain columns. A cell is user text, a ``Cell`` or a ready flowable; widths
    are fractions of the text width.

    A long cell shows its first part; the table breaks after its row, the rest
    follows as paragraphs, and the table carries on below them. A table of
    many rows makes its paragraphs a page at a time (``PagedTable``).
    """
    story, table_rows = [], []
    for row in rows:
        cells, overflow = [], []
        for column, cell in enumerate(row):
            if isinstance(cell, str):
                cell = Cell(cell)
            if isinstance(cell, Cell):
                shown, rest = cut(clean(cell.text), CELL_LIMIT)
                marker = f" <i>{CONTINUED}</i>" if rest else ""
                cell = _Text(cell.before + esc(shown) + marker + cell.after, cell.style,
                             shown, WIDTH * widths[column])
                if rest:
                    overflow.append((header[column] if header else "", rest))
            cells.append(cell)
        table_rows.append(cells)
        if overflow:
            story.append(_table(header, table_rows, widths, styles, ruled))
            for label, rest in overflow:
                story.append(Paragraph(f"<i>{esc(label)} continued:</i>" if label
                                       else "<i>Continued:</i>", styles["Small"]))
                story += paragraphs(rest, styles["Body"])
            table_rows = []
    if table_rows or not story:
        story.append(_table(header, table_rows, widths, styles, ruled))
    return story


class _Text(NamedTuple):
    """A cell's text, ready to be made a paragraph when its row is laid out."""

    markup: str
    style: str
    shown: str  # the user's words in it, which decide whether it must print smaller
    width: float


SMALLEST = 6.5  # points: a cell's text is not made smaller than this
_PADDING = 14  # points of a cell's width its padding takes, and a little to spare


def _fitting(style, text: str, width: float):
    """The cell's style, smaller where a word would not fit the column whole:
    a narrow column then prints "Procurement" smaller rather than "Procure-"
    and "ment" on two lines. A word too long even then is still split."""
    widest = max((pdfmetrics.stringWidth(word, style.fontName, style.fontSize)
                  for word in text.split()), default=0)
    room = width - _PADDING
    if widest <= room:
        return style
    size = max(SMALLEST, round(style.fontSize * room / widest, 1))
    return ParagraphStyle(f"{style.name}-{size}", parent=style, fontSize=size,
                          leading=size * style.leading / style.fontSize)


def _table(header, rows, widths, styles, ruled: bool):
    def make(carried: list, more) -> Table:
        return _made_table(header, carried + [_cells(row, styles) for row in more], widths,
                           styles, ruled)
    if len(rows) > ROWS_AT_A_TIME:
        return PagedTable(make, rows)
    return make([], rows)


def _cells(row: list, styles) -> list:
    return [Paragraph(cell.markup, _fitting(styles[cell.style], cell.shown, cell.width))
            if isinstance(cell, _Text) else cell for cell in row]


def _made_table(header, rows, widths, styles, ruled: bool) -> Table:
    data = [[Paragraph(esc(h), styles["CellBold"]) for h in header]] if header else []
    table = Table(data + rows, colWidths=[WIDTH * w for w in widths],
                  repeatRows=1 if header else 0, hAlign="LEFT", splitByRow=0, splitInRow=1)
    if ruled:
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ]))
    else:
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                   ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return table
