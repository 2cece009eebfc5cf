"""Agenda items members suggest through the chair, and what became of each:
placed on a meeting's agenda, held for a future meeting, or declined with a
reason. The pending and held ones are the body's list of future agenda items."""

import datetime as dt

from ..changes import Changes, Kind
from ..errors import ValidationError
from ..frozen import record
from ..records import Manager, choice, require_text, stripped
from ..values import day_month_year, parse_date
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


@record
class SuggestionView:
    """A suggestion with the names and dates the list shows."""

    suggestion: Suggestion
    suggested_by: str
    placed_on: dt.date | None  # the date of the meeting it was placed on

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
        return super()._from_row({**row, "suggested_on": parse_date(row["suggested_on"])})

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "suggested item")
        if "suggested_on" in cleaned:
            cleaned["suggested_on"] = parse_date(cleaned["suggested_on"],
                                                 "date suggested").isoformat()
        if "outcome" in cleaned:
            cleaned["outcome"] = choice(cleaned["outcome"], OUTCOMES, "outcome")
        return cleaned

    def create(self, body_id: str, title: str, suggested_by_id: str | None = None,
               suggested_on=None, details: str = "") -> tuple[str, Changes]:
        return self._create(dict(
            body_id=body_id, title=title, suggested_by_id=suggested_by_id or None,
            suggested_on=suggested_on or dt.date.today(), details=details))

    def delete(self, suggestion_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self.raw(suggestion_id)
        self._store.delete(self.table, suggestion_id)
        return Changes.of(self.kind, suggestion_id), [(self.table, row)]

    def of_body(self, body_id: str, outcomes: tuple[str, ...] = tuple(OUTCOMES)
                ) -> list[SuggestionView]:
        marks = ",".join("?" * len(outcomes))
        rows = self._store.rows(
            f"""SELECT s.*, coalesce(nullif(p.name, ''), p.role_title, '') AS by_name,
                       m.date AS placed_date
                FROM agenda_suggestions s LEFT JOIN people p ON p.id = s.suggested_by_id
                LEFT JOIN agenda_items a ON a.id = s.placed_item_id
                LEFT JOIN meetings m ON m.id = a.meeting_id
                WHERE s.body_id = ? AND s.outcome IN ({marks})
                ORDER BY s.suggested_on, s.title COLLATE NOCASE""", (body_id, *outcomes))
        return [SuggestionView(self._from_row(r), r["by_name"],
                               parse_date(r["placed_date"]) if r["placed_date"] else None)
                for r in rows]

    def future_items(self, body_id: str) -> list[SuggestionView]:
        """Suggestions still waiting for a meeting: the list of future agenda items."""
        return self.of_body(body_id, ("pending", "held"))

    def place(self, suggestion_id: str, meeting_id: str) -> tuple[str, Changes]:
        """Put the suggestion on a meeting's agenda as a new item."""
        suggestion = self.get(suggestion_id)
        if suggestion.outcome in ("placed", "declined"):
            raise ValidationError(
                f"'{suggestion.title}' is already {OUTCOMES[suggestion.outcome].lower()}.")
        with self._store.transaction():
            item_id, changes = self._agenda.add(meeting_id, suggestion.title)
            self._store.update(self.table, suggestion_id,
                               dict(outcome="placed", placed_item_id=item_id))
        return item_id, changes | Changes.of(self.kind, suggestion_id)

    def hold(self, suggestion_id: str, reason: str = "") -> Changes:
        return self.update(suggestion_id, outcome="held", reason=reason, placed_item_id=None)

    def decline(self, suggestion_id: str, reason: str) -> Changes:
        reason = require_text(reason, "reason for declining")
        return self.update(suggestion_id, outcome="declined", reason=reason,
                           placed_item_id=None)

    def reopen(self, suggestion_id: str) -> Changes:
        return self.update(suggestion_id, outcome="pending", reason="", placed_item_id=None)
