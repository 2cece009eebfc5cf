"""The printed agenda, as the chair receives it: the body, MEETING, the date,
venue and times, AGENDA; then the numbered items with their sub-items, each
with its purpose, lead, papers and planned time. DRAFT on every page until the
agenda is agreed. (What it says: ``meeting.agenda_content``.)"""


from reportlab.lib.styles import ParagraphStyle

from ..meeting.agenda_content import COLUMNS, AgendaDocument, timing
from ..meeting.agenda_items import PlannedItem
from . import fonts
from .flowables import Cell, grid, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import esc


def warnings(doc: AgendaDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(doc.body_name, doc.meeting_title, doc.venue, *(
        f"{p.item.title} {p.lead} {' '.join(p.papers)}" for p in doc.items))


def _item_cell(p: PlannedItem, doc: AgendaDocument) -> Cell:
    before, after = ("<b>", "</b>") if p.depth == 0 else (f"{esc(p.number)}\u00a0\u00a0", "")
    if notes := doc.notes(p):
        after += f"<br/><i>{esc(notes)}</i>"
    return Cell(p.item.title, before, after, "SubCell" if p.depth else "Cell")


def render(doc: AgendaDocument, numbered: bool = True) -> bytes:
    """The agenda; ``numbered`` off inside a meeting pack, which numbers its pages."""
    styles = stylesheet()
    styles.add(ParagraphStyle("SubCell", parent=styles["Cell"], leftIndent=10))
    story = title(doc.heading, styles["Title"])
    for line in doc.title_lines:
        story += title(line, styles["Centre"])
    story.append(Paragraph("AGENDA", styles["Title"]))
    if not doc.items:
        story.append(Paragraph("No items yet.", styles["Body"]))
    else:
        rows = [[p.number if p.depth == 0 else "", _item_cell(p, doc), p.lead,
                 ", ".join(p.papers), timing(p)] for p in doc.items]
        story += grid([name for name, _ in COLUMNS], rows, [width for _, width in COLUMNS],
                      styles)
    if doc.draft and doc.clock.warning:
        story += paragraphs(doc.clock.warning, styles["Small"])
    return build_pdf(story, PageSettings(title=doc.metadata_title, marking=doc.marking,
                                         draft=doc.draft, numbered=numbered))
