"""Agenda items members suggest through the chair, and what became of each:
placed on a meeting's agenda, held for a future meeting, or declined with a
reason. The pending and held ones are the body's list of future agenda items.

A suggestion is kept with the meeting where it was raised, and may be aimed
at a coming meeting, or at a month while no meeting is arranged ("perhaps
next month"): the forward plan shows it there."""

import datetime as dt

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..records import Manager, choice, require_text, stripped
from ..values import day_month_year, month_year, parse_date, parse_optional_date
from .agenda import Agenda

OUTCOMES = {"pending": "Waiting", "placed": "Placed", "held": "Held for a future meeting",
            "declined": "Declined"}


@record
class Suggestion:
    id: str
    body_id: str
    suggested_by_id: str | None
    suggested_on: dt.date
    title: str
    details: str
    outcome: str
    placed_item_id: str | None
    reason: str
    raised_at_id: str | None  # the meeting where it was raised
    aimed_at_id: str | None  # the coming meeting it is meant for
    aimed_month: dt.date | None  # or the month (its first day), while none is arranged


@record
class SuggestionView:
    """A suggestion with the names and dates the list shows."""

    suggestion: Suggestion
    suggested_by: str
    placed_on: dt.date | None  # the date of the meeting it was placed on
    raised_at: dt.date | None = None  # the date of the meeting where it was raised
    aimed_at: dt.date | None = None  # the date of the meeting it is aimed at

    @property
    def aim(self) -> str:
        """What it is aimed at, in words; empty for no aim."""
        if self.aimed_at:
            return f"the meeting of {day_month_year(self.aimed_at)}"
        month = self.suggestion.aimed_month
        return month_year(month) if month else ""

    @property
    def what_became(self) -> str:
        s = self.suggestion
        if s.outcome == "placed":
            day = self.placed_on
            return f"Placed on {day_month_year(day)}" if day else "Placed"
        if s.outcome in ("held", "declined") and s.reason:
            return f"{OUTCOMES[s.outcome]}: {s.reason}"
        return OUTCOMES[s.outcome]


class Suggestions(Manager[Suggestion]):
    table = "agenda_suggestions"
    kind = Kind.SUGGESTION
    record_type = Suggestion
    label = "suggestion"

    def __init__(self, store):
        super().__init__(store)
        self._agenda = Agenda(store)

    def _from_row(self, row: dict) -> Suggestion:
        return super()._from_row({**row, "suggested_on": parse_date(row["suggested_on"]),
                                  "aimed_month": parse_optional_date(row["aimed_month"])})

    def _meeting(self, meeting_id: str, body_id: str) -> dict:
        """The meeting's row; refused unless it is one of the body's."""
        row = self._store.row("SELECT id, body_id, date FROM meetings WHERE id = ?",
                              (meeting_id,))
        if row is None:
            raise NotFoundError("That meeting no longer exists.")
        if row["body_id"] != body_id:
            raise ValidationError("That meeting is another body's.")
        return row

    def _clean(self, values, current):
        cleaned = stripped(values)
        body_id = cleaned.get("body_id") or current.body_id
        for key in ("raised_at_id", "aimed_at_id"):
            if key in cleaned:
                cleaned[key] = cleaned[key] or None
                if cleaned[key]:
                    self._meeting(cleaned[key], body_id)
        if cleaned.get("aimed_at_id") and cleaned.get("aimed_month"):
            raise ValidationError("Aim a suggestion at a meeting or at a month, not both.")
        if "aimed_month" in cleaned:
            month = parse_optional_date(cleaned["aimed_month"], "month aimed at")
            cleaned["aimed_month"] = month.replace(day=1).isoformat() if month else None
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "suggested item")
        if "suggested_on" in cleaned:
            on = cleaned["suggested_on"]
            if not on:  # not told: the day of the meeting where it was raised, or today
                raised = cleaned.get("raised_at_id", current and current.raised_at_id)
                on = self._meeting(raised, body_id)["date"] if raised else dt.date.today()
            cleaned["suggested_on"] = parse_date(on, "date suggested").isoformat()
        if "outcome" in cleaned:
            cleaned["outcome"] = choice(cleaned["outcome"], OUTCOMES, "outcome")
        return cleaned

    def create(self, body_id: str, title: str, suggested_by_id: str | None = None,
               suggested_on=None, details: str = "", raised_at_id: str | None = None,
               aimed_at_id: str | None = None, aimed_month=None) -> tuple[str, Changes]:
        """A new suggestion; raised at a meeting, it is dated that day unless told."""
        return self._create(dict(
            body_id=body_id, title=title, suggested_by_id=suggested_by_id or None,
            suggested_on=suggested_on, details=details,
            raised_at_id=raised_at_id, aimed_at_id=aimed_at_id, aimed_month=aimed_month))

    def delete(self, suggestion_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self.raw(suggestion_id)
        self._store.delete(self.table, suggestion_id)
        return Changes.of(self.kind, suggestion_id), [(self.table, row)]

    def of_body(self, body_id: str, outcomes: tuple[str, ...] = tuple(OUTCOMES)
                ) -> list[SuggestionView]:
        marks = ",".join("?" * len(outcomes))
        rows = self._store.rows(
            f"""SELECT s.*, coalesce(nullif(p.name, ''), p.role_title, '') AS by_name,
                       m.date AS placed_date, raised.date AS raised_date,
                       aimed.date AS aimed_date
                FROM agenda_suggestions s LEFT JOIN people p ON p.id = s.suggested_by_id
                LEFT JOIN agenda_items a ON a.id = s.placed_item_id
                LEFT JOIN meetings m ON m.id = a.meeting_id
                LEFT JOIN meetings raised ON raised.id = s.raised_at_id
                LEFT JOIN meetings aimed ON aimed.id = s.aimed_at_id
                WHERE s.body_id = ? AND s.outcome IN ({marks})
                ORDER BY s.suggested_on, s.title COLLATE NOCASE""", (body_id, *outcomes))
        return [SuggestionView(self._from_row(r), r["by_name"],
                               *(parse_optional_date(r[k]) for k in (
                                   "placed_date", "raised_date", "aimed_date")))
                for r in rows]

    def future_items(self, body_id: str) -> list[SuggestionView]:
        """Suggestions still waiting for a meeting: the list of future agenda items."""
        return self.of_body(body_id, ("pending", "held"))

    def place(self, suggestion_id: str, meeting_id: str) -> tuple[str, Changes]:
        """Put the suggestion on a meeting's agenda as a new item (before Any
        other business)."""
        suggestion = self.get(suggestion_id)
        if suggestion.outcome in ("placed", "declined"):
            raise ValidationError(
                f"'{suggestion.title}' is already {OUTCOMES[suggestion.outcome].lower()}.")
        with self._store.transaction():
            item_id, changes = self._agenda.add(
                meeting_id, suggestion.title, position=self._agenda.before_closing(meeting_id))
            self._store.update(self.table, suggestion_id,
                               dict(outcome="placed", placed_item_id=item_id))
        return item_id, changes | Changes.of(self.kind, suggestion_id)

    def aim(self, suggestion_id: str, meeting_id: str | None = None, month=None) -> Changes:
        """Aim it at one of the body's meetings, or at a month (any day of it)
        while none is arranged; at neither, it has no aim."""
        return self.update(suggestion_id, aimed_at_id=meeting_id or None,
                           aimed_month=month or None)

    def hold(self, suggestion_id: str, reason: str = "") -> Changes:
        return self.update(suggestion_id, outcome="held", reason=reason, placed_item_id=None)

    def decline(self, suggestion_id: str, reason: str) -> Changes:
        reason = require_text(reason, "reason for declining")
        return self.update(suggestion_id, outcome="declined", reason=reason,
                           placed_item_id=None)

    def reopen(self, suggestion_id: str) -> Changes:
        return self.update(suggestion_id, outcome="pending", reason="", placed_item_id=None)
