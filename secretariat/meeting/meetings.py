"""Meetings of a body: when, where, what kind, and how far their record has got."""

import datetime as dt

from .. import fields
from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..records import Manager, choice, stripped
from ..values import (date_to_text, long_date, parse_date, parse_optional_date, parse_time,
                      time_to_text)

KINDS = {
    "regular": "Regular meeting",
    "away_afternoon": "Away afternoon",
    "expert_witness": "Expert witness session",
    "round_table": "Round table",
}
STATUSES = {
    "planned": "Planned",
    "held": "Held",
    "minutes_draft": "Minutes in draft",
    "circulated": "Minutes circulated",
    "approved": "Minutes approved",
}
MARKINGS = {"OFFICIAL": "OFFICIAL", "OFFICIAL-SENSITIVE": "OFFICIAL-SENSITIVE"}
# What a calendar holding the invitation must hear of again: its SEQUENCE rises.
WHEN_AND_WHERE = ("date", "start_time", "end_time", "venue")


@record
class Meeting:
    id: str
    body_id: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str
    kind: str
    status: str
    marking: str
    title: str
    notes: str
    calendar_sequence: int = 0  # the SEQUENCE of its calendar event (s19)
    invited_on: dt.date | None = None  # when its invitation was made
    cancelled_on: dt.date | None = None

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def status_label(self) -> str:
        return "Cancelled" if self.cancelled_on else STATUSES[self.status]


class Meetings(Manager[Meeting]):
    table = "meetings"
    kind = Kind.MEETING
    record_type = Meeting
    label = "meeting"

    def _from_row(self, row: dict) -> Meeting:
        return Meeting(
            id=row["id"], body_id=row["body_id"], date=parse_date(row["date"]),
            start_time=parse_time(row["start_time"]), end_time=parse_time(row["end_time"]),
            venue=row["venue"], kind=row["kind"], status=row["status"],
            marking=row["marking"], title=row["title"], notes=row["notes"],
            calendar_sequence=row["calendar_sequence"],
            invited_on=parse_optional_date(row["invited_on"]),
            cancelled_on=parse_optional_date(row["cancelled_on"]))

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "date" in cleaned:
            cleaned["date"] = parse_date(cleaned["date"], "meeting date").isoformat()
        start = parse_time(cleaned.get("start_time", current and current.start_time), "start time")
        end = parse_time(cleaned.get("end_time", current and current.end_time), "end time")
        if start and end and end <= start:
            raise ValidationError("The meeting must end after it starts.")
        for key, value in (("start_time", start), ("end_time", end)):
            if key in cleaned:
                cleaned[key] = time_to_text(value)
        for key, allowed, what in (("kind", KINDS, "kind of meeting"),
                                   ("status", STATUSES, "status"),
                                   ("marking", MARKINGS, "protective marking")):
            if key in cleaned:
                cleaned[key] = choice(cleaned[key], allowed, what)
        for key in ("invited_on", "cancelled_on"):
            if key in cleaned:
                day = parse_optional_date(cleaned[key], key.replace("_", " "))
                cleaned[key] = date_to_text(day)
        if current and current.cancelled_on and cleaned.get("cancelled_on", True) \
                and cleaned.get("status", current.status) != current.status:
            raise ValidationError(f"The meeting of {long_date(current.date)} was cancelled: "
                                  "reinstate it before you change its status.")
        if current and current.invited_on and "calendar_sequence" not in cleaned \
                and _moved(current, cleaned):
            cleaned["calendar_sequence"] = current.calendar_sequence + 1
        if current and "calendar_sequence" in cleaned:
            # Never lower than a version that may have gone out: a calendar
            # ignores an update whose sequence is below the one it holds.
            cleaned["calendar_sequence"] = max(current.calendar_sequence, fields.check(
                "meetings", "calendar_sequence", cleaned["calendar_sequence"]))
        return cleaned

    def create(self, body_id: str, date, start_time=None, end_time=None, venue: str | None = None,
               kind: str = "regular", status: str = "planned", marking: str | None = None,
               title: str = "", notes: str = "") -> tuple[str, Changes]:
        """A new meeting; venue and marking default to the body's."""
        body = self._store.row("SELECT * FROM bodies WHERE id = ?", (body_id,))
        if body is None:
            raise NotFoundError("That body no longer exists.")
        return self._create(dict(
            body_id=body_id, date=date, start_time=start_time, end_time=end_time,
            venue=body["default_venue"] if venue is None else venue, kind=kind, status=status,
            marking=marking or body["default_marking"], title=title, notes=notes))

    def record_invitation(self, meeting_id: str, on=None) -> Changes:
        """Note that the meeting's invitation was made (today unless ``on``): from
        now on a change of its time or place raises its calendar sequence."""
        meeting = self.get(meeting_id)
        if meeting.cancelled_on:
            raise ValidationError(f"The meeting of {long_date(meeting.date)} was cancelled: "
                                  "there is nothing to invite anyone to.")
        return self.update(meeting_id, invited_on=on or dt.date.today())

    def cancel(self, meeting_id: str, on=None) -> Changes:
        """Call the meeting off (today unless ``on``); its calendar sequence rises,
        so that a calendar holding the invitation takes the cancellation."""
        meeting = self.get(meeting_id)
        if meeting.cancelled_on:
            raise ValidationError(f"The meeting of {long_date(meeting.date)} is already "
                                  "cancelled.")
        if meeting.status != "planned":
            raise ValidationError(f"The meeting of {long_date(meeting.date)} is marked "
                                  f"{meeting.status_label.lower()}: only a planned meeting "
                                  "can be cancelled.")
        return self.update(meeting_id, cancelled_on=on or dt.date.today(),
                           calendar_sequence=meeting.calendar_sequence + 1)

    def reinstate(self, meeting_id: str) -> Changes:
        """Hold a cancelled meeting after all; its calendar sequence rises again,
        so that a new invitation puts it back in the calendars that dropped it."""
        meeting = self.get(meeting_id)
        if not meeting.cancelled_on:
            raise ValidationError(f"The meeting of {long_date(meeting.date)} is not "
                                  "cancelled: there is nothing to reinstate.")
        return self.update(meeting_id, cancelled_on=None,
                           calendar_sequence=meeting.calendar_sequence + 1)

    def of_body(self, body_id: str, limit: int | None = None) -> list[Meeting]:
        """The body's meetings, newest first (the first ``limit`` of them: a long
        list's first screen)."""
        rows = self._store.rows(
            "SELECT * FROM meetings WHERE body_id = ? ORDER BY date DESC, start_time DESC"
            + (f" LIMIT {int(limit)}" if limit is not None else ""), (body_id,))
        return [self._from_row(r) for r in rows]

    def on_date(self, day, body_id: str | None = None) -> list[Meeting]:
        day = parse_date(day, "meeting date").isoformat()
        if body_id:
            rows = self._store.rows(
                "SELECT * FROM meetings WHERE date = ? AND body_id = ? ORDER BY start_time",
                (day, body_id))
        else:
            rows = self._store.rows(
                "SELECT * FROM meetings WHERE date = ? ORDER BY start_time", (day,))
        return [self._from_row(r) for r in rows]

    def find_one(self, day, body_id: str | None = None) -> Meeting:
        """The one meeting on a date; a clear error for none or several."""
        found = self.on_date(day, body_id)
        if not found:
            raise NotFoundError(f"There is no meeting on {parse_date(day).isoformat()}.")
        if len(found) > 1:
            raise ValidationError(
                f"There are {len(found)} meetings on {parse_date(day).isoformat()}; "
                "name the body with --body to pick one.")
        return found[0]

    def delete(self, meeting_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete a meeting and everything recorded for it (agenda, register, ...).

        Returns the rows removed, so that ``Taskforce.restore_rows`` can undo it.
        """
        self.get(meeting_id)
        removed = self._store.delete_with_dependents(self.table, meeting_id)
        return Changes.everything(meeting_id), removed


def _moved(current: Meeting, cleaned: dict) -> bool:
    """Whether the stored values ``cleaned`` change when or where the meeting is."""
    stored = {"date": current.date.isoformat(), "start_time": time_to_text(current.start_time),
              "end_time": time_to_text(current.end_time), "venue": current.venue}
    return any(key in cleaned and cleaned[key] != stored[key] for key in WHEN_AND_WHERE)
