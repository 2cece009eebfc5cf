"""What an action is, as the manager reads it: its owners, its dated updates, when
it is due (a date, or words such as "by the next meeting") and how each of these
is named."""

import calendar
import datetime as dt
import re
from typing import Callable

from ..errors import ValidationError
from ..frozen import record
from ..values import long_date, parse_date

STATUSES = {"open": "Open", "done": "Done", "dropped": "Dropped"}
OUTCOMES = {"note": "Update", "carried_forward": "Carried forward", "done": "Done",
            "dropped": "Dropped", "reopened": "Reopened"}


@record
class Owner:
    person_id: str | None
    group_name: str
    label: str


@record
class Update:
    id: str
    action_id: str
    meeting_id: str | None
    meeting_date: dt.date | None
    made_on: dt.date
    text: str
    outcome: str

    @property
    def outcome_label(self) -> str:
        return OUTCOMES[self.outcome]


@record
class Action:
    id: str
    body_id: str
    meeting_id: str
    meeting_date: dt.date
    item_id: str | None
    item_title: str
    position: int
    text: str
    due_date: dt.date | None
    due_text: str
    status: str
    owners: tuple[Owner, ...] = ()
    updates: tuple[Update, ...] = ()
    due_by: dt.date | None = None  # the date, or the next meeting's for "by the next meeting"
    restricted: bool = False  # agreed under a restricted item

    @property
    def owner_label(self) -> str:
        return join_names([o.label for o in self.owners])

    @property
    def due_label(self) -> str:
        """When it is due, as agreed (the minutes say no more)."""
        if self.due_date:
            return long_date(self.due_date)
        return self.due_text

    def when(self, date_text: Callable[[dt.date], str] = long_date) -> str:
        """When it is due, for the action log: the date in ``date_text``'s form,
        or the words agreed, with the date they stand for where there is one
        ("By the next meeting, 9 Feb 2012"), which the log is sorted by."""
        if self.due_date:
            return date_text(self.due_date)
        if self.due_by:
            return f"{self.due_text}, {date_text(self.due_by)}"
        return self.due_text

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    def overdue(self, today: dt.date | None = None) -> bool:
        return (self.status == "open" and self.due_by is not None
                and self.due_by < (today or dt.date.today()))


def join_names(names: list[str]) -> str:
    """Peter Marsh; Peter Marsh and Ed Mayo; A, B and C."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def parse_due(value) -> tuple[str | None, str]:
    """A due date as typed: a date, or words such as "by the next meeting"."""
    if value is None or isinstance(value, dt.date):
        return (value.isoformat() if value else None), ""
    text = " ".join(str(value).split())
    try:
        return parse_date(text).isoformat(), ""
    except ValidationError:
        if _no_such_day(text):
            raise
        return None, text


_MONTHS = {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])}
_DAY_MONTH_YEAR = re.compile(r"\d{1,2}(st|nd|rd|th)? ([A-Za-z]+) \d{4}")
_ISO_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def _no_such_day(text: str) -> bool:
    """Written as a date ('30 February 2012', '2012-02-30'), but no such day:
    refused, not kept as words like 'by the next meeting'."""
    day = _DAY_MONTH_YEAR.fullmatch(text)
    return bool(_ISO_LIKE.fullmatch(text) or (day and day.group(2).lower() in _MONTHS))
