"""The printed minutes, in the house style of the Taskforce's own minutes.

The body's name and MEETING in capitals, the date, venue and times, MINUTES;
who attended (whoever chaired first), officials by role, presenters, guests
and apologies; then each item as a numbered heading with its points,
decisions, and an Actions table saying who does what by when.
"""

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from ..minutes_content import ItemMinutes, MinutesDocument
from . import fonts
from .layout import MARGIN, PAGE, PageSettings, build_pdf, stylesheet
from .text import clean, esc

WIDTH = PAGE[0] - 2 * MARGIN
RULE = colors.HexColor("#999999")
SHADE = colors.HexColor("#eeeeee")
LONG_HEADING = 300  # characters; a longer heading is not kept with what follows


class OutlinedHeading(Paragraph):
    """A heading (user text, escaped here) that is also a bookmark in the PDF's outline.

    Should ReportLab split it, it builds the pieces from ready fragments and
    keyword arguments; the first piece carries the bookmark.
    """

    def __init__(self, text, style, outline: str | None = None, level: int = 0, **pieces):
        if not pieces and len(text or "") > LONG_HEADING and style.keepWithNext:
            # ReportLab never finishes a keep-with-next paragraph taller than a page.
            style = ParagraphStyle(f"{style.name}-long", parent=style, keepWithNext=False)
        super().__init__(text if pieces else esc(text), style, **pieces)
        self._outline = None if pieces or outline is None else clean(outline)
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


def heading(text: str, style, level: int = 0) -> OutlinedHeading:
    """A heading whose bookmark says what it says."""
    return OutlinedHeading(text, style, text, level)


def warnings(doc: MinutesDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(*doc.all_text)


def render(doc: MinutesDocument) -> bytes:
    styles = stylesheet()
    story = _title_block(doc, styles) + _register(doc, styles)
    for item in doc.items:
        story += _item(item, styles)
    if doc.corrections:
        story.append(heading("Corrections", styles["Heading"]))
        story += [Paragraph(esc(c), styles["Bullet"], bulletText="•") for c in doc.corrections]
    return build_pdf(story, PageSettings(title=doc.metadata_title, marking=doc.marking,
                                         draft=doc.draft))


def _title_block(doc: MinutesDocument, styles) -> list:
    lines = [Paragraph(esc(doc.heading), styles["Title"]),
             Paragraph(esc(doc.date), styles["Centre"])]
    lines += [Paragraph(esc(t), styles["Centre"]) for t in (doc.venue, doc.times) if t]
    lines += [Spacer(1, 3 * mm), Paragraph("MINUTES", styles["Title"])]
    if doc.publication:
        lines.append(Paragraph("Version for publication", styles["Centre"]))
    return lines + [Spacer(1, 2 * mm)]


def _columns(names: list[str], styles) -> list:
    """Names in two columns, as the seed minutes set out who attended."""
    if not names:
        return [Paragraph("None recorded.", styles["Body"])]
    half = (len(names) + 1) // 2
    left, right = names[:half], names[half:] + [""] * (2 * half - len(names))
    rows = [[Paragraph(esc(a), styles["Cell"]), Paragraph(esc(b), styles["Cell"])]
            for a, b in zip(left, right)]
    table = Table(rows, colWidths=[WIDTH / 2] * 2, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    return [table]


def _register(doc: MinutesDocument, styles) -> list:
    story = [Paragraph("Attendees", styles["Subheading"])]
    attendees = ([doc.chair_line] if doc.chair_line else []) + list(doc.members)
    story += _columns(attendees, styles)
    for heading, names in (("Officials", doc.officials), ("Presenters", doc.presenters),
                           ("Guests", doc.guests), ("Apologies", doc.apologies)):
        if names or heading in ("Officials", "Apologies"):
            story.append(Paragraph(heading, styles["Subheading"]))
            story += _columns(list(names), styles)
    if doc.declarations:  # when the agenda has no item for them
        story.append(Paragraph("Declarations of interest", styles["Subheading"]))
        story += [Paragraph(esc(d), styles["Bullet"], bulletText="•") for d in doc.declarations]
    return story + [Spacer(1, 2 * mm)]


def _item(item: ItemMinutes, styles) -> list:
    style = styles["Heading"] if item.level == 0 else styles["Subheading"]
    if item.withheld:
        title = f"{item.number} Item withheld"
        return [heading(title, style, item.level),
                Paragraph("This item is withheld from the published minutes.", styles["Body"])]
    title = f"{item.number} {item.title}"
    story = [heading(title, style, item.level)]
    if item.restricted:
        story.append(Paragraph("OFFICIAL-SENSITIVE: not for publication", styles["Small"]))
    if item.note:
        story.append(Paragraph(esc(item.note), styles["Body"]))
    for entry in item.entries:
        if entry.kind == "decision":
            story.append(Paragraph(f"<b>{esc(entry.text)}</b>", styles["Body"]))
        else:
            story.append(Paragraph(esc(entry.text), styles["Bullet"], bulletText="•"))
        story += [Paragraph(esc(s), styles["SubBullet"], bulletText="–")
                  for s in entry.sub_points]
    if item.arising:
        story.append(Paragraph("Matters arising", styles["Subheading"]))
        story.append(grid(["Agreed", "Who", "Action", "Progress"],
                            [[a.agreed_on, a.owners, a.text, a.progress] for a in item.arising],
                            [0.17, 0.2, 0.35, 0.28], styles))
    if item.actions:
        story.append(Paragraph("Actions", styles["Subheading"]))
        story.append(grid(["Who", "Action", "When"],
                            [[a.owners, a.text, a.when] for a in item.actions],
                            [0.25, 0.52, 0.23], styles))
    return story


def grid(header: list[str], rows: list[list], widths: list[float], styles) -> Table:
    """A ruled table with a shaded header row repeated on every page; a cell is
    user text (escaped here) or a ready flowable. Widths are fractions."""
    data = [[Paragraph(h, styles["CellBold"]) for h in header]]
    data += [[Paragraph(esc(cell), styles["Cell"]) if isinstance(cell, str) else cell
              for cell in row] for row in rows]
    table = Table(data, colWidths=[WIDTH * w for w in widths], repeatRows=1,
                  hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table
