"""A body's meetings as an iCalendar file (RFC 5545), for Outlook, Apple
Calendar, Google Calendar and the like.

Each meeting is one event whose UID is the meeting's own id, so a calendar
program can tell, when the meetings are exported again (after a change, or
from a copy of the file), which meeting it already holds. Times are London's, with the zone's rules
in the file (VTIMEZONE), so a meeting in British Summer Time shows at the
hour the minutes give wherever the reader is; a meeting without a start time
is a whole day. A cancelled meeting stays, marked CANCELLED, and each event
carries the meeting's SEQUENCE (``meetings.calendar_sequence``: raised by each
change of time or place after the invitation, and by the cancelling), so a
calendar holding an older version takes this one. The ``icalendar`` library
escapes and folds what we give it; ``meeting_invitation`` sends one event at a
time, with its organiser and those invited.
"""

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from ..errors import ValidationError

if TYPE_CHECKING:
    from ..meeting.meetings import Meeting
    from ..membership.bodies import Body
    from ..taskforce import Taskforce

PRODID = "-//Taskforce Secretariat//Meetings//EN"
LONDON = ZoneInfo("Europe/London")


def london_zone() -> Timezone:
    """Europe/London as calendar programs write it themselves: one yearly rule
    for summer time and one for winter (the rules since 1996; a meeting before
    then is read by whatever the calendar program knows of London).

    Not the library's list of every change since 1970: a reader that keeps one
    rule of each kind (vobject, the parser our tests read with, does) takes
    that list's first STANDARD, the British Standard Time of 1970, an hour
    ahead all year, and puts winter meetings an hour out."""
    zone = Timezone()
    zone.add("tzid", "Europe/London")
    for part, name, offsets, starts, month in (
            (TimezoneDaylight, "BST", (0, 1), dt.datetime(1996, 3, 31, 1), 3),
            (TimezoneStandard, "GMT", (1, 0), dt.datetime(1996, 10, 27, 2), 10)):
        rule = part()
        rule.add("tzname", name)
        rule.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
        rule.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
        rule.add("dtstart", starts)  # the clock on the wall, in the time it leaves
        rule.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        zone.add_component(rule)
    return zone


def uid(meeting: "Meeting") -> str:
    """The event's identity in every calendar it reaches: the meeting's id
    (unique the world over) at the program's name."""
    return f"{meeting.id}@taskforce-secretariat"


def summary(meeting: "Meeting", body: "Body") -> str:
    """What a calendar shows for the meeting: the body, then its title or kind."""
    return f"{body.name}: {meeting.title or meeting.kind_label}"


def event(meeting: "Meeting", body: "Body", stamp: dt.datetime) -> Event:
    made = Event()
    made.add("uid", uid(meeting))
    made.add("dtstamp", stamp)
    if meeting.start_time:
        made.add("dtstart", dt.datetime.combine(meeting.date, meeting.start_time, LONDON))
        if meeting.end_time:
            made.add("dtend", dt.datetime.combine(meeting.date, meeting.end_time, LONDON))
    else:  # a whole day: the end is the next day, not included (RFC 5545 3.6.1)
        made.add("dtstart", meeting.date)
        made.add("dtend", meeting.date + dt.timedelta(days=1))
    made.add("summary", summary(meeting, body))
    if meeting.venue:
        made.add("location", meeting.venue)
    made.add("status", "CANCELLED" if meeting.cancelled_on else "CONFIRMED")
    made.add("sequence", meeting.calendar_sequence)
    return made


def empty_calendar(meetings: "list[Meeting]", method: str | None = None) -> Calendar:
    """Ours, ready for these meetings' events: London's rules if any has a time;
    with ``method`` (REQUEST, CANCEL), a message to those invited (RFC 5546)."""
    made = Calendar()
    made.add("prodid", PRODID)
    made.add("version", "2.0")
    if method:
        made.add("method", method)
    if any(m.start_time for m in meetings):
        made.add_component(london_zone())
    return made


def calendar(meetings: "list[Meeting]", body: "Body",
             stamp: dt.datetime | None = None) -> Calendar:
    """The meetings as one calendar, oldest first, named for the body."""
    stamp = stamp or dt.datetime.now(dt.UTC)
    made = empty_calendar(meetings)
    made.calendar_name = f"{body.name} meetings"
    for meeting in sorted(meetings, key=lambda m: (m.date, m.start_time or dt.time())):
        made.add_component(event(meeting, body, stamp))
    return made


def body_calendar(tf: "Taskforce", body_id: str,
                  stamp: dt.datetime | None = None) -> tuple[bytes, int]:
    """Every meeting of the body, as the bytes of an .ics file, and how many."""
    body = tf.bodies.get(body_id)
    meetings = tf.meetings.of_body(body_id)
    if not meetings:  # RFC 5545 wants at least one event; a calendar program, something
        raise ValidationError(f"{body.name} has no meetings to put in a calendar.")
    return calendar(meetings, body, stamp).to_ical(), len(meetings)
