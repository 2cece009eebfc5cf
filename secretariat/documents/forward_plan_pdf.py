"""The forward plan: the body's coming meetings in order, each with its agenda
so far, the papers expected at it and the suggestions aimed at it; then the
items not yet placed on any agenda (suggestions waiting or held, items
deferred), with who raised them, where and when.

A meeting is coming from the day the plan starts (today, unless told), if it
is not cancelled (what was planned for it goes to the next). A
paper is expected at a meeting it is linked to, or at the first coming
meeting after its review closes while it is still under review: the first
coming meeting of all when its review closed before the plan starts (it is
overdue); a paper whose review closes after the last meeting arranged waits
for one, under the items not yet placed. A
suggestion aimed at a month goes to the first coming meeting that month;
until one is arranged it waits, saying the month.
"""

import datetime as dt

from ..frozen import record
from ..meeting.agenda_items import PlannedItem
from ..meeting.minutes_content import SENSITIVE
from ..meeting.suggestions import SuggestionView
from ..review.papers import UNDER_REVIEW, Paper
from ..taskforce import Taskforce
from ..values import abbreviated_date, day_month_year, long_date, parse_optional_date, time_range
from . import fonts
from .flowables import Cell, grid, heading, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph


@record
class ExpectedPaper:
    label: str  # the short name officials use, or the title
    owner: str
    status: str
    why: str  # "under Chair's Update", "review closes 30 June 2011"


@record
class PlannedMeeting:
    heading: str  # Thursday 12 January 2012, and the meeting's title or kind
    details: str  # where, when, how far its agenda has got
    items: tuple[PlannedItem, ...]
    papers: tuple[ExpectedPaper, ...]
    aimed: tuple[SuggestionView, ...]


@record
class Waiting:
    """An item offered to a coming agenda but not yet on one."""

    title: str
    details: str
    raised_by: str
    raised: str  # where and when: "meeting of 12 Jan 2012"
    state: str  # what became of it so far
    aim: str  # what it is aimed at, if anything


@record
class ForwardPlan:
    body_name: str
    start: dt.date
    meetings: tuple[PlannedMeeting, ...]
    waiting: tuple[Waiting, ...]
    papers_waiting: tuple[ExpectedPaper, ...] = ()  # no meeting arranged after the review
    marking: str = "OFFICIAL"

    @property
    def all_text(self) -> list[str]:
        texts = [self.body_name]
        for m in self.meetings:
            texts += [m.heading, m.details, *(f"{p.item.title} {p.lead}" for p in m.items)]
            texts += [f"{p.label} {p.owner} {p.why}" for p in m.papers]
            texts += [f"{v.suggestion.title} {v.suggested_by} {v.suggestion.details}"
                      for v in m.aimed]
        texts += [f"{w.title} {w.details} {w.raised_by} {w.state}" for w in self.waiting]
        texts += [f"{p.label} {p.owner} {p.why}" for p in self.papers_waiting]
        return texts


def build(tf: Taskforce, body_id: str, start=None, today: dt.date | None = None
          ) -> ForwardPlan:
    """The plan of the body's meetings from ``start`` (a date as typed; today
    when left out)."""
    start = parse_optional_date(start, "date the plan starts") or today or dt.date.today()
    body = tf.bodies.get(body_id)
    coming = sorted((m for m in tf.meetings.of_body(body_id)
                     if m.date >= start and not m.cancelled_on),
                    key=lambda m: (m.date, m.start_time or dt.time()))
    suggestions = tf.suggestions.future_items(body_id)
    aimed = _aimed(coming, suggestions)
    papers, papers_waiting = _expected(tf, body_id, coming, start)
    meetings, restricted = [], False
    for meeting in coming:
        items = tuple(p for p in tf.agenda.planned(meeting.id)[0] if p.number)
        restricted |= meeting.marking == SENSITIVE or any(p.item.restricted for p in items)
        meetings.append(PlannedMeeting(
            _meeting_heading(meeting), _meeting_details(tf, meeting), items,
            tuple(papers.get(meeting.id, ())),
            tuple(v for v in suggestions if aimed.get(v.suggestion.id) == meeting.id)))
    waiting = [_suggested(v) for v in suggestions if v.suggestion.id not in aimed]
    waiting += [_deferred(tf, item, day) for item, day in tf.agenda.waiting(body_id)]
    return ForwardPlan(body.name, start, tuple(meetings), tuple(waiting), papers_waiting,
                       SENSITIVE if restricted else body.default_marking)


def _meeting_heading(meeting) -> str:
    named = meeting.title or (meeting.kind_label if meeting.kind != "regular" else "")
    return long_date(meeting.date) + (f": {named}" if named else "")


def _meeting_details(tf: Taskforce, meeting) -> str:
    agreed = tf.agenda.agenda_status(meeting.id) == "agreed"
    parts = [meeting.venue, time_range(meeting.start_time, meeting.end_time),
             "agenda agreed" if agreed else "agenda in draft"]
    return "; ".join(p for p in parts if p)


def _aimed(coming, suggestions: list[SuggestionView]) -> dict[str, str]:
    """The coming meeting each suggestion is aimed at, by the suggestion's id."""
    found: dict[str, str] = {}
    ids = {m.id for m in coming}
    for view in suggestions:
        s = view.suggestion
        if s.aimed_at_id:
            if s.aimed_at_id in ids:
                found[s.id] = s.aimed_at_id
        elif s.aimed_month:
            month = (s.aimed_month.year, s.aimed_month.month)
            meeting = next((m for m in coming if (m.date.year, m.date.month) == month), None)
            if meeting:
                found[s.id] = meeting.id
    return found


def _expected(tf: Taskforce, body_id: str, coming, start: dt.date
              ) -> tuple[dict[str, list[ExpectedPaper]], tuple[ExpectedPaper, ...]]:
    """The papers expected at each coming meeting, by its id; and those whose
    review closes after the last of them."""
    found: dict[str, list[ExpectedPaper]] = {}
    placed: set[str] = set()
    waiting: list[ExpectedPaper] = []

    def expected(paper: Paper, why: str) -> ExpectedPaper:
        placed.add(paper.id)
        return ExpectedPaper(paper.label, tf.papers.owner_name(paper), paper.status_label, why)

    def expect(meeting_id: str, paper: Paper, why: str) -> None:
        found.setdefault(meeting_id, []).append(expected(paper, why))

    for meeting in coming:
        for paper in tf.papers.for_meeting(meeting.id):
            items = [link.item_title for link in tf.papers.links(paper.id)
                     if link.meeting_id == meeting.id and link.item_title]
            expect(meeting.id, paper, f"under {', '.join(items)}" if items else "tabled")
    closing = sorted((p for p in tf.papers.of_body(body_id)
                      if p.status in UNDER_REVIEW and p.review_deadline and p.id not in placed),
                     key=lambda p: p.review_deadline or dt.date.min)
    for paper in closing:
        deadline = paper.review_deadline or dt.date.min
        why = (f"overdue: review closed {day_month_year(deadline)}" if deadline < start
               else f"review closes {day_month_year(deadline)}")
        meeting = next((m for m in coming if m.date >= deadline), None)
        if meeting:
            expect(meeting.id, paper, why)
        else:
            waiting.append(expected(paper, why))
    return found, tuple(waiting)


def _raised(day: dt.date, at_meeting: bool) -> str:
    return f"{'meeting of ' if at_meeting else ''}{abbreviated_date(day)}"


def _suggested(view: SuggestionView) -> Waiting:
    s = view.suggestion
    raised = _raised(view.raised_at or s.suggested_on, bool(view.raised_at))
    return Waiting(s.title, s.details, view.suggested_by, raised, view.what_became, view.aim)


def _deferred(tf: Taskforce, item, day: dt.date) -> Waiting:
    lead = (tf.people.get(item.lead_person_id).display_name if item.lead_person_id
            else item.lead_text)
    return Waiting(item.title, "", lead, _raised(day, True), "Deferred", "")


def warnings(doc: ForwardPlan) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(*doc.all_text)


def _joined(title: str, details: str) -> str:
    return f"{title}\n{details}" if details else title


def _meeting(m: PlannedMeeting, styles) -> list:
    story = heading(m.heading, styles["Heading"]) + title(m.details, styles["Small"])
    story.append(Paragraph("Agenda so far", styles["Subheading"]))
    if m.items:
        story += grid(["No.", "Item", "Lead", "Papers"], [
            [p.full_number, Cell(p.item.title, after="<br/><i>Restricted</i>"
                                 if p.item.restricted else ""), p.lead, ", ".join(p.papers)]
            for p in m.items], [0.08, 0.52, 0.2, 0.2], styles)
    else:
        story.append(Paragraph("No items yet.", styles["Body"]))
    story.append(Paragraph("Papers expected", styles["Subheading"]))
    if m.papers:
        story += _papers(m.papers, styles)
    else:
        story.append(Paragraph("None yet.", styles["Body"]))
    story.append(Paragraph("Suggested for this meeting", styles["Subheading"]))
    if m.aimed:
        story += grid(["Item", "Suggested by", "Suggested"], [
            [_joined(v.suggestion.title, v.suggestion.details), v.suggested_by,
             _raised(v.raised_at or v.suggestion.suggested_on, bool(v.raised_at))]
            for v in m.aimed], [0.6, 0.2, 0.2], styles)
    else:
        story.append(Paragraph("None aimed at it.", styles["Body"]))
    return story


def _papers(papers: tuple[ExpectedPaper, ...], styles) -> list:
    return grid(["Paper", "Lead author", "Status", "Expected"],
                [[p.label, p.owner, p.status, p.why] for p in papers],
                [0.34, 0.22, 0.16, 0.28], styles)


def render(doc: ForwardPlan) -> bytes:
    styles = stylesheet()
    story = (title(f"{doc.body_name.upper()} FORWARD PLAN", styles["Title"])
             + title(f"Meetings from {long_date(doc.start)}", styles["Centre"]))
    if not doc.meetings:
        story.append(Paragraph("No meetings are arranged from that day.", styles["Body"]))
    for meeting in doc.meetings:
        story += _meeting(meeting, styles)
    story.append(Paragraph("Not yet placed on an agenda", styles["Heading"]))
    if doc.waiting:
        story += grid(["Item", "Raised by", "Raised", "So far", "Aimed at"],
                      [[_joined(w.title, w.details), w.raised_by, w.raised, w.state, w.aim]
                       for w in doc.waiting], [0.32, 0.14, 0.18, 0.2, 0.16], styles)
    else:
        story.append(Paragraph("Nothing is waiting: every suggestion and deferred item has "
                               "been placed or declined.", styles["Body"]))
    if doc.papers_waiting:
        story.append(Paragraph("Papers awaiting a meeting", styles["Subheading"]))
        story += _papers(doc.papers_waiting, styles)
    return build_pdf(story, PageSettings(title=f"Forward plan: {doc.body_name}",
                                         marking=doc.marking))
