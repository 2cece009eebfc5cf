"""The agenda as a Word document, for the chair to edit: what the printed
agenda says (``agenda_content``), in its house style, in Word's own styles.

The title block in Title and Centred, then one "Ruled table" of the items
as the PDF has it: number, item (a main item's title in Strong, a sub-item's
indented behind its number, its purpose and the like under it in Emphasis),
lead, papers and time. DRAFT across every page until the agenda is agreed.
"""

from ..meeting.agenda_content import COLUMNS, AgendaDocument, timing
from .docx_blocks import add, meeting_document, fill, table
from .docx_layout import to_bytes
from .docx_styles import STYLE, TABLE


def render(doc: AgendaDocument) -> bytes:
    document = meeting_document(doc, "AGENDA")
    if not doc.items:
        add(document, "No items yet.", STYLE["Normal"])
    else:
        made = table(document, COLUMNS, [[p.number if p.depth == 0 else "", "", p.lead,
                                          ", ".join(p.papers), timing(p)] for p in doc.items],
                     STYLE["Table text"], STYLE["Table heading"], STYLE[TABLE])
        for row, p in zip(made.rows[1:], doc.items, strict=True):
            cell = row.cells[1]
            if p.depth == 0:
                fill(cell.paragraphs[0], p.item.title, character_style=STYLE["Strong"])
            else:
                fill(cell.paragraphs[0], f"{p.number}\u00a0\u00a0{p.item.title}",
                     STYLE["Table sub-item"])
            if notes := doc.notes(p):
                fill(cell.add_paragraph(), notes, STYLE["Table text"], STYLE["Emphasis"])
    if doc.draft and doc.clock.warning:
        add(document, doc.clock.warning, STYLE["Note"])
    return to_bytes(document)
