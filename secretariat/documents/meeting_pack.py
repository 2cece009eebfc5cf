"""The meeting pack: one PDF for members before a meeting.

A cover (the body, the meeting, its date and venue, the protective marking
and the contents with each part's first page), the agenda as it prints on its
own, then each paper tabled for the meeting in agenda order: the paper's own
PDF, or a page saying it is to follow (no file yet) or could not be included
(its file is not a PDF that can be read; ``pack_papers`` says why). The
restricted version adds the chair's brief on interests after the agenda and
says so on the cover and in the PDF's title. The parts the pack lays out (the
agenda and brief too) carry the pack's marking and no numbers of their own:
every part is a bookmark, and every page, the papers' own too, is stamped
"Page x of y" of the whole pack. The papers' own pages are stamped with the
pack's marking too, beside the number and at the foot on the right (not over
the middle, where a paper's own marking, perhaps a higher one, stands).

``build`` reads the file (on the thread that owns it); ``render`` reads the
papers' files and lays the pack out from that plain data, on any thread.
"""

import io
from dataclasses import replace
from pathlib import PurePath

from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Spacer

from ..frozen import record
from ..interest.conflicts import BriefDocument, brief_document
from ..meeting import agenda_content
from ..meeting.agenda_content import AgendaDocument
from ..meeting.meetings import MARKINGS
from ..errors import printable
from ..progress import SCALE, Progress, ignore, part
from ..taskforce import Taskforce
from . import agenda_pdf, chairs_brief_pdf, fonts, pack_papers
from .flowables import BOOKMARK, cut, grid, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import clean

COVER = "Cover and contents"
AGENDA = "Agenda"
BRIEF = "Chair's brief on interests (restricted)"
RESTRICTED_NOTE = ("RESTRICTED VERSION: this pack holds the chair's brief on interests. "
                   "It is for the chair and officials, not for circulation to members.")
TO_FOLLOW = "to follow"
NOT_INCLUDED = "not included"
# Where "Page x of y" stands: its right end and baseline, from the page's top right corner.
STAMP_RIGHT, STAMP_TOP = 20 * mm, 8 * mm
STAMP_FONT, STAMP_SIZE = "Helvetica-Bold", 9  # digits and markings: no font need be embedded


@record
class PackPaper:
    item: str  # the agenda item's number it is tabled under ("4 ii)"); empty if none
    title: str
    path: str  # the paper's file, as recorded


@record
class PackDocument:
    body_name: str
    date: str  # as the agenda prints it
    marking: str  # the pack's: the higher of the meeting's and, restricted, the brief's
    agenda: AgendaDocument
    brief: BriefDocument | None  # the restricted version only
    papers: tuple[PackPaper, ...]

    @property
    def restricted(self) -> bool:
        return self.brief is not None


@record
class Pack:
    pdf: bytes
    pages: int
    left_out: tuple[str, ...]  # for the official: each paper not in the pack, and why


def build(tf: Taskforce, meeting_id: str, restricted: bool = False) -> PackDocument:
    agenda = agenda_content.build(tf, meeting_id)
    brief = brief_document(tf, meeting_id) if restricted else None
    markings = list(MARKINGS)
    marking = max(agenda.marking, brief.marking if brief else agenda.marking,
                  key=markings.index)
    # Every page of the pack carries the pack's marking, the agenda's too.
    agenda = replace(agenda, marking=marking)
    brief = replace(brief, marking=marking) if brief else None
    return PackDocument(agenda.body_name, agenda.date, marking, agenda, brief,
                        tuple(_tabled(tf, meeting_id)))


def _tabled(tf: Taskforce, meeting_id: str) -> list[PackPaper]:
    """The papers going to the meeting in the order of the items they are tabled
    under (a paper under two, at the first), then those under no item; by title
    within each."""
    planned, _ = tf.agenda.planned(meeting_id)
    order = {p.item.id: (at, p.full_number) for at, p in enumerate(planned)}
    tabled = []
    for paper in tf.papers.for_meeting(meeting_id):
        items = [order[link.agenda_item_id] for link in tf.papers.links(paper.id)
                 if link.meeting_id == meeting_id and link.agenda_item_id in order]
        at, number = min(items, default=(len(order), ""))
        named = paper.title + (f" ({paper.short_name})" if paper.short_name
                               and paper.short_name != paper.title else "")
        tabled.append((at, PackPaper(number, named, paper.document_path)))
    return [paper for _, paper in sorted(tabled, key=lambda entry: entry[0])]


def warnings(doc: PackDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    missing = agenda_pdf.warnings(doc.agenda)
    if doc.brief:
        missing += chairs_brief_pdf.warnings(doc.brief)
    missing += fonts.missing_glyphs(*(f"{p.title} {PurePath(p.path).name}" for p in doc.papers))
    return list(dict.fromkeys(missing))


@record
class _Part:
    title: str  # in the contents and the bookmarks
    item: str
    pdf: bytes
    own: bool = False  # a paper's own pages, not laid out with the pack's marking


def render(doc: PackDocument, progress: Progress = ignore) -> Pack:
    """The pack; ``progress`` hears of each paper read and each page numbered."""
    parts = [_Part(AGENDA, "", agenda_pdf.render(doc.agenda, numbered=False))]
    if doc.brief:
        parts.append(_Part(BRIEF, "", chairs_brief_pdf.render(doc.brief, numbered=False)))
    progress(SCALE // 10, SCALE)
    left_out, count = [], len(doc.papers)
    for n, paper in enumerate(doc.papers):
        got = pack_papers.read(paper.path, part(progress, 0.1 + 0.7 * n / count,
                                                0.1 + 0.7 * (n + 1) / count))
        if got.pdf:
            parts.append(_Part(paper.title, paper.item, got.pdf, own=True))
            continue
        kind = TO_FOLLOW if got.to_follow else NOT_INCLUDED
        left_out.append(f"{paper.title} – {kind}: {got.reason}"
                        + (f". File: {printable(paper.path)}" if paper.path.strip() else ""))
        parts.append(_Part(f"{paper.title} ({kind})", paper.item,
                           _placeholder(doc, paper, got)))
    readers = [PdfReader(io.BytesIO(p.pdf)) for p in parts]
    cover = _cover(doc, parts, [len(r.pages) for r in readers])
    pdf, pages = _assembled(doc, [cover, *readers], [COVER, *(p.title for p in parts)],
                            [False, *(p.own for p in parts)], part(progress, 0.8, 1))
    return Pack(pdf, pages, tuple(left_out))


def _settings(doc: PackDocument) -> PageSettings:
    # The pack numbers these pages with all the others.
    version = " (restricted version)" if doc.restricted else ""
    return PageSettings(title=f"Meeting pack{version}: {doc.body_name}, {doc.date}",
                        marking=doc.marking, numbered=False)


def _placeholder(doc: PackDocument, paper: PackPaper, got: pack_papers.PaperFile) -> bytes:
    """The page that stands for a paper whose own pages are not in the pack."""
    styles = stylesheet()
    story = [*title(paper.title, styles["Title"])]
    if paper.item:
        story += title(f"Agenda item {paper.item}", styles["Centre"])
    story.append(Spacer(0, 20 * mm))
    if got.to_follow:
        story.append(Paragraph("TO FOLLOW", styles["Title"]))
        story.append(Paragraph("This paper will be sent separately.", styles["Centre"]))
    else:
        story.append(Paragraph("COULD NOT BE INCLUDED", styles["Title"]))
        story += paragraphs(f"The paper's file, {PurePath(paper.path).name}, could not be "
                            f"included in this pack: {got.reason}. Ask the secretariat "
                            "for a copy.", styles["Centre"])
    return build_pdf(story, _settings(doc))


def _cover(doc: PackDocument, parts: list[_Part], lengths: list[int]):
    """The cover; its contents give each part's first page, which depends on
    how long the cover itself is: laid out again until that is known. (A part's
    page number never changes how many lines its row takes, so it settles.)"""
    own = 1
    while True:
        starts = [own + 1 + sum(lengths[:n]) for n in range(len(parts))]
        cover = PdfReader(io.BytesIO(build_pdf(_cover_story(doc, parts, starts),
                                               _settings(doc))))
        if len(cover.pages) <= own:
            return cover
        own = len(cover.pages)


def _cover_story(doc: PackDocument, parts: list[_Part], starts: list[int]) -> list:
    styles = stylesheet()
    agenda = doc.agenda
    story = (title(doc.body_name.upper(), styles["Title"])
             + [Paragraph("MEETING PACK", styles["Title"]), Spacer(0, 4 * mm)])
    for line in (agenda.meeting_title, agenda.date, agenda.venue, agenda.times):
        story += title(line, styles["Centre"]) if line else []
    if agenda.cancelled:
        story += title(f"CANCELLED on {agenda.cancelled}", styles["Title"])
    story += [Spacer(0, 6 * mm), *title(doc.marking, styles["Title"])]
    if doc.restricted:
        story += paragraphs(RESTRICTED_NOTE, ParagraphStyle(
            "Notice", parent=styles["Decision"], alignment=TA_CENTER))
    story.append(Paragraph("Contents", styles["Heading"]))
    rows = [[p.item, p.title, str(start)] for p, start in zip(parts, starts, strict=True)]
    story += grid(["Item", "Part", "Page"], rows, [0.12, 0.76, 0.12], styles)
    if not doc.papers:
        story.append(Paragraph("No papers are tabled for this meeting.", styles["Body"]))
    return story


def _assembled(doc: PackDocument, readers: list, titles: list[str], own: list[bool],
               progress: Progress) -> tuple[bytes, int]:
    """The parts one after another, each a bookmark, every page numbered (and
    the pages of an ``own`` part marked)."""
    writer = PdfWriter()
    starts, unmarked = [], set()
    for reader, papers in zip(readers, own, strict=True):
        starts.append(len(writer.pages))
        for page in reader.pages:
            if papers:
                unmarked.add(len(writer.pages))
            writer.add_page(page)
    total = len(writer.pages)
    stamps = PdfReader(io.BytesIO(_stamps(writer.pages, doc.marking, unmarked)))
    numbered = zip(writer.pages, stamps.pages, strict=True)
    for number, (page, stamp) in enumerate(numbered, start=1):
        page.merge_transformed_page(stamp, _placing(page))
        page.compress_content_streams()
        progress(number, total)
    for heading, start in zip(titles, starts, strict=True):
        shown, more = cut(clean(heading), BOOKMARK)
        writer.add_outline_item(title=shown + ("…" if more else ""), page_number=start)
    writer.page_mode = "/UseOutlines"  # the contents open beside the pages
    settings = _settings(doc)
    writer.add_metadata({"/Title": settings.title, "/Author": settings.author,
                         "/Creator": settings.author})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), total


def _shown_size(page) -> tuple[float, float]:
    """The page's width and height as a reader sees it: its crop box, turned."""
    box = page.cropbox
    width, height = float(box.width), float(box.height)
    return (height, width) if page.rotation % 360 in (90, 270) else (width, height)


def _stamps(pages, marking: str, unmarked: set[int]) -> bytes:
    """A page for each page of the pack, of its size as shown, bearing its
    number, and the marking on the pages (by index) ``unmarked``."""
    out = io.BytesIO()
    canvas = Canvas(out)
    total = len(pages)
    for index, page in enumerate(pages):
        width, height = _shown_size(page)
        canvas.setPageSize((width, height))
        number = f"Page {index + 1} of {total}"
        right = width - STAMP_RIGHT
        if index in unmarked:
            _stamp(canvas, right, height - STAMP_TOP, f"{marking}    {number}")
            _stamp(canvas, right, STAMP_TOP, marking)
        else:
            _stamp(canvas, right, height - STAMP_TOP, number)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _stamp(canvas: Canvas, right: float, baseline: float, text: str) -> None:
    """``text`` ending at ``right``, on white: legible over whatever a paper has there."""
    canvas.setFont(STAMP_FONT, STAMP_SIZE)
    across = canvas.stringWidth(text, STAMP_FONT, STAMP_SIZE)
    canvas.setFillColor(colors.white)
    canvas.rect(right - across - 2 * mm, baseline - 1.2 * mm, across + 4 * mm, 4.4 * mm,
                stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.drawRightString(right, baseline, text)


def _placing(page):
    """Where a stamp made upright at the page's shown size goes on the page as
    stored: onto its crop box, turned back by the page's rotation."""
    box = page.cropbox
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    return Transformation({
        90: (0, 1, -1, 0, left + width, bottom),
        180: (-1, 0, 0, -1, left + width, bottom + height),
        270: (0, -1, 1, 0, left, bottom + height),
    }.get(page.rotation % 360, (1, 0, 0, 1, left, bottom)))
