"""Word documents: the page and what every page carries, in one place, as
``layout`` is for the PDFs (their styles: ``docx_styles``).

Every page carries the protective marking at top and bottom and "Page x of
y" as Word's own PAGE and NUMPAGES fields, which Word works out as it lays
the pages out; a draft carries DRAFT across every page as Word's own
watermark (Design > Watermark removes it). Output is bytes.

python-docx is imported only when a Word document is made.
"""

import datetime as dt
import io

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm

from . import docx_styles
from .docx_styles import FONT, STYLE
from .text import plain

PAGE = (Mm(210), Mm(297))  # A4, as the PDFs
MARGIN = Mm(20)
TEXT_WIDTH = PAGE[0] - 2 * MARGIN


AUTHOR = "Taskforce Secretariat"


def new_document(title: str, marking: str, draft: bool) -> WordDocument:
    """An empty A4 document in the house styles, the marking in its header and
    footer, its pages numbered, and DRAFT across them when it is one. The
    ``title`` goes to its properties: never restricted content."""
    document = Document()
    docx_styles.install(document)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = Mm(24)  # room for the marking, as the PDFs
    section.header_distance, section.footer_distance = Mm(10), Mm(7)
    marking = plain(marking)
    top = section.header.paragraphs[0]
    top._p.style = STYLE["Marking"]
    top.add_run(marking)
    if draft:
        top._p.append(parse_xml(_WATERMARK))
    numbers = section.footer.paragraphs[0]
    numbers._p.style = STYLE["Page number"]
    numbers.add_run("Page ")
    _field(numbers, "PAGE")
    numbers.add_run(" of ")
    _field(numbers, "NUMPAGES")
    section.footer.add_paragraph(marking)._p.style = STYLE["Marking"]
    properties = document.core_properties
    properties.title = plain(title)
    properties.author = properties.last_modified_by = AUTHOR
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
    for part in ('<w:fldChar w:fldCharType="begin"/>',
                 f'<w:instrText xml:space="preserve"> {code} </w:instrText>',
                 '<w:fldChar w:fldCharType="separate"/>',
                 "<w:t>1</w:t>",  # shown until Word works the number out
                 '<w:fldChar w:fldCharType="end"/>'):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{part}</w:r>"))


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
