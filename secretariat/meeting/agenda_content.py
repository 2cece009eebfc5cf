"""What the agenda of one meeting says, as plain data for a document: the body,
the date, venue and times, and the numbered items with their sub-items, each
with its purpose, lead, papers and planned time. The PDF and the Word
document are both written from it."""

from ..frozen import record
from ..taskforce import Taskforce
from ..values import clock_time, long_date, time_range
from .agenda_items import Clock, PlannedItem
from .document_heading import MeetingHeading

# The agenda's table: each column's heading and its share of the text's width.
COLUMNS = (("No.", 0.07), ("Item", 0.41), ("Lead", 0.18), ("Papers", 0.18), ("Time", 0.16))


@record
class AgendaDocument(MeetingHeading):
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
    cancelled: str = ""  # the day the meeting was called off, if it was

    @property
    def title_lines(self) -> list[str]:
        """The heading's lines, then whether the meeting was called off: its
        agenda (and its pack) may still be printed, for the record."""
        lines = super().title_lines
        return [*lines, f"CANCELLED on {self.cancelled}"] if self.cancelled else lines

    @property
    def metadata_title(self) -> str:
        """For the document's properties: nothing an item says."""
        return f"Agenda: {self.body_name}, {self.date}"

    def notes(self, p: PlannedItem) -> str:
        """What the item's line says under its title: its purpose, that it is
        restricted, where it was carried forward from."""
        notes = [p.item.purpose_label] if p.item.purpose else []
        if p.item.restricted:
            notes.append("Restricted")
        if p.item.id in self.carried_from:
            notes.append(f"Carried forward from {self.carried_from[p.item.id]}")
        return "; ".join(notes)


def timing(p: PlannedItem) -> str:
    """15.30–15.45, as the minutes print times; a start alone for an untimed item."""
    if not p.start:
        return ""
    start = clock_time(p.start)
    return f"{start}–{clock_time(p.end)}" if p.end and p.item.minutes_allocated else start


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
        meeting_title=meeting.title, marking=meeting.marking,
        draft=tf.agenda.agenda_status(meeting_id) != "agreed",
        items=tuple(p for p in planned if p.number), clock=clock, carried_from=carried,
        cancelled=long_date(meeting.cancelled_on) if meeting.cancelled_on else "")
