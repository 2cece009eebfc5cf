"""The pieces every Word document is built from: user text as paragraphs and
table cells, in a named style, as ``flowables`` are for the PDFs.

Word holds text as typed: python-docx writes it as XML text, so markup in it
is only characters, and a 100,000-character point is one paragraph (Word
lays it out over its pages itself). Only what XML cannot hold is dropped
(``text.plain``); a line break typed in a point stays a line break, and a
paragraph whose first letter is written right to left (Hebrew, Arabic) is a
right-to-left paragraph, set from the right margin as in the PDFs.
"""

from docx.oxml import OxmlElement
from docx.shared import Emu

from .docx_layout import TEXT_WIDTH, new_document
from .docx_styles import STYLE
from .text import RIGHT_TO_LEFT, plain, right_to_left_first

Columns = tuple[tuple[str, float], ...]  # each column's heading and share of the width
# What may follow w:bidi among a paragraph's properties (Word wants them in order).
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
               "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def fill(paragraph, text: str, style: str | None = None, character_style: str | None = None):
    """Put user text (as typed) in a paragraph, in the style whose id is ``style``
    (``docx_layout.new_document`` gives them); returns the paragraph."""
    text = plain(text)
    if style is not None:
        paragraph._p.style = style
    if text:
        run = paragraph.add_run(text)
        if character_style is not None:
            run._r.style = character_style
        if RIGHT_TO_LEFT.search(text) and right_to_left_first(text):
            paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"),
                                                                *_AFTER_BIDI)
    return paragraph


def add(container, text: str, style: str) -> None:
    """User text as a new paragraph of a document or table cell."""
    fill(container.add_paragraph(), text, style)


def table(document, columns: Columns, rows: list[list[str]], text_style: str,
          header_style: str | None = None, table_style: str | None = None):
    """A table of user text in ``table_style``, its heading row (in
    ``header_style``) repeated on every page; with neither, plain columns."""
    made = document.add_table(rows=0, cols=len(columns))
    widths = [Emu(int(TEXT_WIDTH * share)) for _, share in columns]
    for column, width in zip(made.columns, widths, strict=True):
        column.width = width  # the grid, which each row added takes its cells' widths from
    made.autofit = False
    if table_style is not None:
        made._tbl.tblPr.style = table_style
    if header_style is not None:
        row = made.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on each page
        for cell, (name, _) in zip(row.cells, columns, strict=True):
            fill(cell.paragraphs[0], name, header_style)
    for values in rows:
        for cell, value in zip(made.add_row().cells, values, strict=True):
            fill(cell.paragraphs[0], value, text_style)
    return made


def in_columns(document, names: list[str], style: str, columns: int = 2) -> None:
    """Names down two columns, as the minutes set out who attended, or one a line."""
    if columns == 1:
        for name in names:
            add(document, name, style)
        return
    half = (len(names) + 1) // 2
    left, right = names[:half], names[half:] + [""] * (2 * half - len(names))
    table(document, (("", 0.5), ("", 0.5)), [list(pair) for pair in zip(left, right, strict=True)],
          style)


def meeting_document(doc, name: str):
    """A new Word document for a meeting's agenda or minutes (``doc``: its
    content, with ``MeetingHeading``), headed as the PDFs are, down to its
    ``name`` ("AGENDA")."""
    document = new_document(doc.metadata_title, doc.marking, doc.draft)
    add(document, doc.heading, STYLE["Title"])
    for line in doc.title_lines:
        add(document, line, STYLE["Centred"])
    add(document, name, STYLE["Title"])
    return document
