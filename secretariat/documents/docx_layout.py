"""Word documents: the page, the styles and what every page carries, in one
place, as ``layout`` is for the PDFs.

A Word document is for the chair or the department to edit before
publication, so its look lives in named styles, not on each paragraph:
Title, Heading 1 to 3, List Bullet, a Decision style and a "Ruled table"
table style. Every page carries the protective marking at top and bottom
and "Page x of y" as Word's own PAGE and NUMPAGES fields; a draft carries
DRAFT across every page as Word's own watermark (Design > Watermark
removes it). Output is bytes.

python-docx is imported only when a Word document is made.
"""

import datetime as dt
import io

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import StyleFactory

from ..frozen import record
from .text import plain

# Word's own font on every computer that has Word; the PDFs' DejaVu Sans is
# shipped with this program, not with Word.
FONT = "Arial"
PAGE = (Mm(210), Mm(297))  # A4, as the PDFs
MARGIN = Mm(20)
TEXT_WIDTH = PAGE[0] - 2 * MARGIN
BLACK = RGBColor(0, 0, 0)
GREY = RGBColor(0x44, 0x44, 0x44)
RULE = "999999"
SHADE = "EEEEEE"

TABLE_STYLE = "Ruled table"
_DEFAULTS = f"""<w:docDefaults {nsdecls('w')}>
  <w:rPrDefault><w:rPr>
    <w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>
    <w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="he-IL"/>
  </w:rPr></w:rPrDefault>
  <w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>"""
_RULED = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE}"'
# The table style's own properties, in the order Word's schema wants them.
_TABLE = (
    f"""<w:pPr {nsdecls('w')}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>""",
    f"""<w:tblPr {nsdecls('w')}><w:tblBorders><w:top {_RULED}/><w:bottom {_RULED}/>
        <w:insideH {_RULED}/></w:tblBorders>
        <w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>
        <w:bottom w:w="60" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>
        </w:tblPr>""",
    f"""<w:tblStylePr {nsdecls('w')} w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>
        <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{SHADE}"/></w:tcPr>
        </w:tblStylePr>""",
)


@record
class PageSettings:
    title: str  # goes to the document's properties: never restricted content
    marking: str = "OFFICIAL"
    draft: bool = False
    author: str = "Taskforce Secretariat"


def new_document(settings: PageSettings) -> WordDocument:
    """An empty A4 document with the house styles, the marking in its header and
    footer, its pages numbered, and DRAFT across them when it is one."""
    document = Document()
    _house_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = Mm(24)  # room for the marking, as the PDFs
    section.header_distance, section.footer_distance = Mm(10), Mm(7)
    marking = plain(settings.marking)
    top = section.header.paragraphs[0]
    top.style = document.styles["Marking"]
    top.add_run(marking)
    if settings.draft:
        top._p.append(parse_xml(_WATERMARK))
    numbers = section.footer.paragraphs[0]
    numbers.style = document.styles["Page number"]
    numbers.add_run("Page ")
    _field(numbers, "PAGE")
    numbers.add_run(" of ")
    _field(numbers, "NUMPAGES")
    section.footer.add_paragraph(marking, document.styles["Marking"])
    properties = document.core_properties
    properties.title, properties.author = plain(settings.title), settings.author
    properties.last_modified_by = settings.author
    properties.comments = properties.subject = properties.keywords = properties.category = ""
    properties.created = properties.modified = dt.datetime.now(dt.UTC)
    properties.revision = 1
    return document


def to_bytes(document: WordDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word works out as it lays out the page."""
    paragraph._p.append(parse_xml(
        f"""<w:r {nsdecls('w')}><w:fldChar w:fldCharType="begin"/></w:r>"""))
    paragraph._p.append(parse_xml(
        f"""<w:r {nsdecls('w')}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>"""))
    paragraph._p.append(parse_xml(
        f"""<w:r {nsdecls('w')}><w:fldChar w:fldCharType="separate"/></w:r>"""))
    paragraph.add_run("1")  # shown until Word works the number out
    paragraph._p.append(parse_xml(
        f"""<w:r {nsdecls('w')}><w:fldChar w:fldCharType="end"/></w:r>"""))


def _house_styles(document: WordDocument) -> None:
    styles = document.styles
    old = styles.element.find(qn("w:docDefaults"))
    old.addprevious(parse_xml(_DEFAULTS))
    styles.element.remove(old)
    _restyle(styles["Title"], 14, bold=True, after=2, centred=True)
    _restyle(styles["Heading 1"], 12, bold=True, before=10, after=4)
    for name in ("Heading 2", "Heading 3"):
        _restyle(styles[name], 10.5, bold=True, before=6, after=2)
    _add(styles, "Centred", "Normal", after=1, centred=True)
    decision = _add(styles, "Decision", "Normal", bold=True)
    # set apart: a rule down its left side (added first: Word wants it before the spacing)
    decision.element.get_or_add_pPr().append(parse_xml(
        f"""<w:pBdr {nsdecls('w')}><w:left w:val="single" w:sz="18" w:space="6"
            w:color="{RULE}"/></w:pBdr>"""))
    decision.paragraph_format.left_indent = Pt(10)
    _add(styles, "Note", "Normal", size=8.5, colour=GREY)
    cell = _add(styles, "Table text", "Normal", size=9.5, after=0)
    cell.paragraph_format.line_spacing = 1.0
    _add(styles, "Table heading", "Table text", bold=True)
    _add(styles, "Table sub-item", "Table text").paragraph_format.left_indent = Pt(10)
    _add(styles, "Marking", "Header", size=9, bold=True, centred=True)
    _add(styles, "Page number", "Footer", size=8.5).paragraph_format.alignment = \
        WD_ALIGN_PARAGRAPH.RIGHT
    table = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Normal Table"]
    for part in _TABLE:
        table.element.append(parse_xml(part))


def _add(styles, name: str, base: str, **look):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True  # offered in Word's style gallery
    _restyle(style, **look)
    return style


def _restyle(style, size: float | None = None, bold: bool | None = None,
             before: float | None = None, after: float | None = None,
             centred: bool = False, colour: RGBColor = BLACK) -> None:
    """Set a style's look. A built-in one first forgets the template's theme
    fonts, colours and rules (as does its "… Char" twin, which Word uses on
    part of a paragraph), so that it is in the house font, in black."""
    link = style.element.find(qn("w:link"))
    twin = None if link is None else style.element.getparent().get_by_id(link.get(qn("w:val")))
    for element in (style.element, twin):
        if element is not None:
            _font(StyleFactory(element), size, bold, colour)
    pPr = style.element.find(qn("w:pPr"))
    if pPr is not None and (rule := pPr.find(qn("w:pBdr"))) is not None:
        pPr.remove(rule)
    paragraph = style.paragraph_format
    if before is not None:
        paragraph.space_before = Pt(before)
    if after is not None:
        paragraph.space_after = Pt(after)
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


_TEMPLATE_LOOK = {qn(tag) for tag in ("w:rFonts", "w:b", "w:bCs", "w:color", "w:spacing",
                                      "w:kern", "w:sz", "w:szCs")}


def _font(style, size: float | None, bold: bool | None, colour: RGBColor) -> None:
    """The style's letters, in Latin and in right-to-left scripts alike."""
    rPr = style.element.get_or_add_rPr()
    for child in list(rPr):
        if child.tag in _TEMPLATE_LOOK:
            rPr.remove(child)
    font = style.font
    font.color.rgb = colour
    if bold is not None:
        font.bold = font.cs_bold = bold
    if size is not None:
        font.size = Pt(size)
        rPr.find(qn("w:sz")).addnext(parse_xml(
            f"""<w:szCs {nsdecls('w')} w:val="{round(size * 2)}"/>"""))


# Word's DRAFT watermark as Word itself writes it (a shape of the text, pale and
# turned across the page, behind the text), so Word recognises and removes it.
_VML = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"'
_PLACE = ";".join((  # centred on the text, turned 45°, behind it
    "position:absolute", "margin-left:0", "margin-top:0", "width:400pt", "height:130pt",
    "rotation:315", "z-index:-251657216", "mso-position-horizontal:center",
    "mso-position-horizontal-relative:margin", "mso-position-vertical:center",
    "mso-position-vertical-relative:margin"))
_WATERMARK = f"""<w:r {nsdecls('w')} {_VML}><w:pict>
<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"
  path="m@7,l@8,m@5,21600l@6,21600e">
 <v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>
  <v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>
  <v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/>
  <v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/>
  <v:f eqn="sum @6 0 @5"/></v:formulas>
 <v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"
  o:connectangles="270,180,90,0"/>
 <v:textpath on="t" fitshape="t"/>
 <v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>
 <o:lock v:ext="edit" text="t" shapetype="t"/>
</v:shapetype>
<v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136"
  style="{_PLACE}"
  o:allowincell="f" fillcolor="silver" stroked="f">
 <v:fill opacity=".35"/>
 <v:textpath style="font-family:&quot;{FONT}&quot;;font-size:1pt" string="DRAFT"/>
</v:shape>
</w:pict></w:r>"""
