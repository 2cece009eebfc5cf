"""The minutes as a Word document, for the chair or the department to edit
before publication: what the printed minutes say (``minutes_content``), in
their house style, in Word's own styles.

The title block in Title and Centred; who attended under Heading 2 (names
down two columns, officials one a line); each item a Heading 1 (a sub-item
a Heading 2) numbered as the record numbers it, its points in List Bullet
and List Bullet 2, decisions in the Decision style, and its actions in a
"Ruled table" under a Heading 3. The numbers are typed, not Word's
automatic numbering: they are part of the record (a presenter came "for
item 3", a withheld item keeps its number), so an edit must not renumber
them.
"""

from ..meeting.minutes_content import (ACTION_COLUMNS, ARISING_COLUMNS, RESTRICTED, WITHHELD,
                                       ItemMinutes, MinutesDocument)
from .docx_blocks import add, meeting_document, in_columns, table
from .docx_layout import to_bytes
from .docx_styles import STYLE, TABLE


def render(doc: MinutesDocument) -> bytes:
    document = meeting_document(doc, "MINUTES")
    if doc.publication:
        add(document, "Version for publication", STYLE["Centred"])
    _register(document, doc)
    for item in doc.items:
        _item(document, item)
    if doc.corrections:
        add(document, "Corrections", STYLE["Heading 1"])
        for correction in doc.corrections:
            add(document, correction, STYLE["List Bullet"])
    return to_bytes(document)


def _register(document, doc: MinutesDocument) -> None:
    for section, names in doc.register:
        add(document, section, STYLE["Heading 2"])
        if not names:
            add(document, "None recorded.", STYLE["Normal"])
        else:  # officials one a line, in the order recorded, as the seed minutes list them
            in_columns(document, list(names), STYLE["Table text"],
                       1 if section == "Officials" else 2)
    if doc.declarations:  # when the agenda has no item for them
        add(document, "Declarations of interest", STYLE["Heading 2"])
        for declaration in doc.declarations:
            add(document, declaration, STYLE["List Bullet"])


def _item(document, item: ItemMinutes) -> None:
    add(document, item.heading, STYLE["Heading 1" if item.level == 0 else "Heading 2"])
    if item.withheld:
        add(document, WITHHELD, STYLE["Normal"])
        return
    if item.restricted:
        add(document, RESTRICTED, STYLE["Note"])
    if item.note:
        add(document, item.note, STYLE["Normal"])
    for entry in item.entries:
        add(document, entry.text, STYLE["Decision" if entry.kind == "decision" else "List Bullet"])
        for sub_point in entry.sub_points:
            add(document, sub_point, STYLE["List Bullet 2"])
    for label, columns, rows in (("Matters arising", ARISING_COLUMNS, item.arising_rows),
                                 ("Actions", ACTION_COLUMNS, item.action_rows)):
        if rows:
            add(document, label, STYLE["Heading 3"])
            table(document, columns, rows, STYLE["Table text"], STYLE["Table heading"],
                  STYLE[TABLE])
