"""An agenda item as read from the file, and as planned: numbered (1, 2, then
i), ii) under an item) and timed on the meeting's running clock."""

import datetime as dt

from ..frozen import record
from ..values import time_to_text
from .standing_items import PURPOSES

STATUSES = {"planned": "Planned", "taken": "Taken", "deferred": "Deferred", "dropped": "Dropped"}


@record
class AgendaItem:
    id: str
    meeting_id: str
    parent_id: str | None
    position: int
    title: str
    purpose: str
    lead_person_id: str | None
    lead_text: str
    minutes_allocated: int
    standing_kind: str
    status: str
    carried_from_id: str | None
    restricted: bool
    offer_dropped_on: str | None = None

    @property
    def purpose_label(self) -> str:
        return PURPOSES[self.purpose]

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]


@record
class PlannedItem:
    """An item as the printed agenda shows it: numbered, led, papered and timed."""

    item: AgendaItem
    depth: int
    number: str  # "4" or "ii)"; empty for a dropped item
    full_number: str  # "4" or "4 ii)"
    lead: str
    papers: tuple[str, ...]
    start: dt.time | None
    end: dt.time | None
    over_run: bool


@record
class Clock:
    """When the agenda as planned ends, against when the meeting ends."""

    start: dt.time | None
    planned_end: dt.time | None
    meeting_end: dt.time | None
    minutes_allocated: int

    @property
    def over_run_minutes(self) -> int:
        if not (self.planned_end and self.meeting_end):
            return 0
        return max(0, minutes_of_day(self.planned_end) - minutes_of_day(self.meeting_end))

    @property
    def warning(self) -> str:
        over = self.over_run_minutes
        if not over:
            return ""
        return (f"The agenda runs to {time_to_text(self.planned_end)}, {over} minutes past "
                f"the meeting's end at {time_to_text(self.meeting_end)}.")


def roman(number: int) -> str:
    """1 -> i, 4 -> iv, 12 -> xii."""
    numerals = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    text = ""
    for value, letters in numerals:
        while number >= value:
            text += letters
            number -= value
    return text


def minutes_of_day(time: dt.time) -> int:
    return time.hour * 60 + time.minute


def add_minutes(time: dt.time, minutes: int) -> dt.time:
    total = (minutes_of_day(time) + minutes) % (24 * 60)
    return dt.time(total // 60, total % 60)
