"""The meetings list of one body."""

from secretariat.values import time_range, weekday_date

from .records import Column, RecordTableModel


class MeetingsModel(RecordTableModel):
    columns = (
        Column("Date", lambda m: weekday_date(m.date)),
        Column("Status", lambda m: m.status_label),  # beside the date, in a narrow list
        Column("Time", lambda m: time_range(m.start_time, m.end_time)),
        Column("Kind", lambda m: m.kind_label),
        Column("Title", lambda m: m.title),
        Column("Venue", lambda m: m.venue),
    )
