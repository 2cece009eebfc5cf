"""The house styles of the Word documents, as Word's own named styles, in one
place, as ``layout.stylesheet`` is for the PDFs.

A Word document is for the chair or the department to edit before
publication, so its look lives in styles, not on each paragraph: restyling
Heading 1 restyles every item. Title and Heading 1 to 3 replace the
template's own (blue, in the theme's fonts) under the same names, so Word's
navigation pane and outline know them; List Bullet, List Bullet 2, Strong
and Emphasis are python-docx's template's, bullets and all; the rest are the
house's own: Centred, Decision (set apart by a rule down its left side),
Note, Table text, Table heading, Table sub-item, Marking, Page number, and
the "Ruled table" table style (a shaded heading row, a rule under each row).

Every paragraph is given its style's id (``STYLE``) rather than the style:
python-docx, given a style, looks through all the document's styles for the
default one each time, a millisecond a paragraph.
"""

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

# Word's own font on every computer that has Word; the PDFs' DejaVu Sans is
# shipped with this program, not with Word.
FONT = "Arial"
GREY = "444444"
RULE = "999999"
SHADE = "EEEEEE"

TABLE = "Ruled table"
# Each style the documents set, by name: its id.
STYLE = {"Normal": "Normal", "Title": "Title", "Heading 1": "Heading1",
         "Heading 2": "Heading2", "Heading 3": "Heading3", "List Bullet": "ListBullet",
         "List Bullet 2": "ListBullet2", "Strong": "Strong", "Emphasis": "Emphasis",
         "Centred": "Centred", "Decision": "Decision", "Note": "Note",
         "Table text": "TableText", "Table heading": "TableHeading",
         "Table sub-item": "TableSubItem", "Marking": "Marking", "Page number": "PageNumber",
         TABLE: "RuledTable", "Header": "Header", "Footer": "Footer"}
# The template's styles replaced, and their "… Char" twins, which only they used.
_REPLACED = {"Title", "Heading1", "Heading2", "Heading3",
             "TitleChar", "Heading1Char", "Heading2Char", "Heading3Char"}

_DEFAULTS = f"""<w:docDefaults {nsdecls('w')}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
    <w:sz w:val="21"/><w:szCs w:val="21"/>
    <w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="he-IL"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="276" w:lineRule="auto"/></w:pPr>
  </w:pPrDefault>
</w:docDefaults>"""


def _paragraph_style(name: str, base: str, size: float | None = None, bold: bool = False,
                     before: float = 0, after: float | None = None, single: bool = False,
                     align: str = "", indent: float = 0, outline: int | None = None,
                     rule: bool = False, colour: str = "000000", custom: bool = True) -> str:
    """A paragraph style's XML; sizes and spaces in points. A heading (``outline``)
    keeps with what follows it."""
    spacing = (f' w:before="{round(before * 20)}"' if before else "") + (
        f' w:after="{round(after * 20)}"' if after is not None else "") + (
        ' w:line="240" w:lineRule="auto"' if single else "")
    paragraph = "".join((
        "<w:keepNext/><w:keepLines/>" if outline is not None else "",
        f'<w:pBdr><w:left w:val="single" w:sz="18" w:space="6" w:color="{RULE}"/></w:pBdr>'
        if rule else "",
        f"<w:spacing{spacing}/>" if spacing else "",
        f'<w:ind w:left="{round(indent * 20)}"/>' if indent else "",
        f'<w:jc w:val="{align}"/>' if align else "",
        f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""))
    letters = "".join((
        "<w:b/><w:bCs/>" if bold else "", f'<w:color w:val="{colour}"/>',
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""))
    kind = ' w:customStyle="1"' if custom else ""
    shown = name.lower() if name.startswith("Heading") else name  # Word's own spelling
    return (f'<w:style {nsdecls("w")} w:type="paragraph"{kind} w:styleId="{STYLE[name]}">'
            f'<w:name w:val="{shown}"/><w:basedOn w:val="{STYLE[base]}"/>'
            f'<w:next w:val="{"Normal" if outline is not None or not custom else STYLE[name]}"/>'
            f"<w:qFormat/><w:pPr>{paragraph}</w:pPr><w:rPr>{letters}</w:rPr></w:style>")


_RULED = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
_HOUSE = (
    _paragraph_style("Title", "Normal", 14, bold=True, after=2, single=True, align="center",
                     custom=False),
    _paragraph_style("Heading 1", "Normal", 12, bold=True, before=10, after=4, outline=0,
                     custom=False),
    _paragraph_style("Heading 2", "Normal", 10.5, bold=True, before=6, after=2, outline=1,
                     custom=False),
    _paragraph_style("Heading 3", "Normal", 10.5, bold=True, before=6, after=2, outline=2,
                     custom=False),
    _paragraph_style("Centred", "Normal", after=1, align="center"),
    _paragraph_style("Decision", "Normal", bold=True, indent=10, rule=True),
    _paragraph_style("Note", "Normal", 8.5, colour=GREY),
    _paragraph_style("Table text", "Normal", 9.5, after=0, single=True),
    _paragraph_style("Table heading", "Table text", bold=True),
    _paragraph_style("Table sub-item", "Table text", indent=10),
    _paragraph_style("Marking", "Header", 9, bold=True, align="center"),
    _paragraph_style("Page number", "Footer", 8.5, align="right"),
    f"""<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="{STYLE[TABLE]}">
      <w:name w:val="{TABLE}"/><w:basedOn w:val="TableNormal"/><w:qFormat/>
      <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
      <w:tblPr><w:tblBorders><w:top {_RULED}/><w:bottom {_RULED}/><w:insideH {_RULED}/>
        </w:tblBorders>
        <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
        <w:bottom w:w="60" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{SHADE}"/></w:tcPr>
      </w:tblStylePr>
    </w:style>""",
)


def install(document: WordDocument) -> None:
    """Give the document the house styles (python-docx's template's, restyled)."""
    styles = document.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) in _REPLACED:
            styles.remove(style)
    defaults = styles.find(qn("w:docDefaults"))
    defaults.addprevious(parse_xml(_DEFAULTS))
    styles.remove(defaults)
    for style in _HOUSE:
        styles.append(parse_xml(style))
