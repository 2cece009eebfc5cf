"""The meetings list of one body."""

from secretariat.values import time_range

from .records import Column, RecordTableModel


def _when(meeting) -> str:
    return meeting.date.strftime("%a %d %b %Y")


class MeetingsModel(RecordTableModel):
    columns = (
        Column("Date", _when),
        Column("Status", lambda m: m.status_label),  # beside the date, in a narrow list
        Column("Time", lambda m: time_range(m.start_time, m.end_time)),
        Column("Kind", lambda m: m.kind_label),
        Column("Title", lambda m: m.title),
        Column("Venue", lambda m: m.venue),
    )
