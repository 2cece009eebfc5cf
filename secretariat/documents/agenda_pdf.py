"""The printed agenda, as the chair receives it: the body, MEETING, the date,
venue and times, AGENDA; then the numbered items with their sub-items, each
with its purpose, lead, papers and planned time. DRAFT on every page until the
agenda is agreed."""


from reportlab.lib.styles import ParagraphStyle

from ..frozen import record
from ..meeting.agenda_items import Clock, PlannedItem
from ..taskforce import Taskforce
from ..values import clock_time, long_date, time_range
from . import fonts
from .flowables import Cell, grid, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import esc


@record
class AgendaDocument:
    body_name: str
    date: str
    venue: str
    times: str
    meeting_title: str
    marking: str
    draft: bool
    items: tuple[PlannedItem, ...]
    clock: Clock
    carried_from: dict  # item id -> date of the meeting it was deferred from


def build(tf: Taskforce, meeting_id: str) -> AgendaDocument:
    meeting = tf.meetings.get(meeting_id)
    planned, clock = tf.agenda.planned(meeting_id)
    carried = {}
    for p in planned:
        if p.item.carried_from_id:
            source = tf.agenda.get(p.item.carried_from_id)
            carried[p.item.id] = long_date(tf.meetings.get(source.meeting_id).date)
    return AgendaDocument(
        body_name=tf.bodies.get(meeting.body_id).name, date=long_date(meeting.date),
        venue=meeting.venue, times=time_range(meeting.start_time, meeting.end_time),
        meeting_title=meeting.title, marking=meeting.marking, draft=tf.agenda.agenda_status(meeting_id) != "agreed",
        items=tuple(p for p in planned if p.number), clock=clock, carried_from=carried)


def warnings(doc: AgendaDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(doc.body_name, doc.meeting_title, doc.venue, *(
        f"{p.item.title} {p.lead} {' '.join(p.papers)}" for p in doc.items))


def _item_cell(p: PlannedItem, doc: AgendaDocument) -> Cell:
    before, after = ("<b>", "</b>") if p.depth == 0 else (f"{esc(p.number)}\u00a0\u00a0", "")
    notes = [p.item.purpose_label] if p.item.purpose else []
    if p.item.restricted:
        notes.append("Restricted")
    if p.item.id in doc.carried_from:
        notes.append(f"Carried forward from {doc.carried_from[p.item.id]}")
    if notes:
        after += f"<br/><i>{esc('; '.join(notes))}</i>"
    return Cell(p.item.title, before, after, "SubCell" if p.depth else "Cell")


def _timing(p: PlannedItem) -> str:
    """15.30–15.45, as the minutes print times; a start alone for an untimed item."""
    if not p.start:
        return ""
    start = clock_time(p.start)
    return f"{start}–{clock_time(p.end)}" if p.end and p.item.minutes_allocated else start


def render(doc: AgendaDocument) -> bytes:
    styles = stylesheet()
    styles.add(ParagraphStyle("SubCell", parent=styles["Cell"], leftIndent=10))
    story = (title(doc.body_name.upper() + " MEETING", styles["Title"])
             + title(doc.date, styles["Centre"]))
    for line in (doc.meeting_title, doc.venue, doc.times):
        story += title(line, styles["Centre"]) if line else []
    story.append(Paragraph("AGENDA", styles["Title"]))
    if not doc.items:
        story.append(Paragraph("No items yet.", styles["Body"]))
    else:
        rows = [[p.number if p.depth == 0 else "", _item_cell(p, doc), p.lead,
                 ", ".join(p.papers), _timing(p)] for p in doc.items]
        story += grid(["No.", "Item", "Lead", "Papers", "Time"], rows,
                      [0.07, 0.41, 0.18, 0.18, 0.16], styles)
    if doc.draft and doc.clock.warning:
        story += paragraphs(doc.clock.warning, styles["Small"])
    return build_pdf(story, PageSettings(
        title=f"Agenda: {doc.body_name}, {doc.date}", marking=doc.marking, draft=doc.draft))
