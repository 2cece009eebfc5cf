"""The floor for the calendar: icalendar alone writing the same events.

    python tests/benchmarks/bare_icalendar.py EVENTS_JSON OUT.ics

EVENTS_JSON is a list of events, each with uid, summary, location, status,
sequence, and start and end: ISO dates (a whole day) or London wall-clock
times. The zone's rules are added as the library finds them. Nothing of the
application is imported.
"""

import datetime as dt
import json
import sys
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

LONDON = ZoneInfo("Europe/London")


def _when(text: str) -> dt.date | dt.datetime:
    return dt.date.fromisoformat(text) if len(text) == 10 else \
        dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def write(events: list[dict]) -> bytes:
    made = Calendar()
    made.add("prodid", "-//bare//EN")
    made.add("version", "2.0")
    stamp = dt.datetime.now(dt.UTC)
    for fields in events:
        event = Event()
        event.add("uid", fields["uid"])
        event.add("dtstamp", stamp)
        event.add("dtstart", _when(fields["start"]))
        if fields["end"]:
            event.add("dtend", _when(fields["end"]))
        event.add("summary", fields["summary"])
        if fields["location"]:
            event.add("location", fields["location"])
        event.add("status", fields["status"])
        event.add("sequence", fields["sequence"])
        made.add_component(event)
    made.add_missing_timezones()
    return made.to_ical()


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        data = write(json.load(handle))
    with open(sys.argv[2], "wb") as out:
        out.write(data)
