"""The agenda of a meeting: numbered items and sub-items, their order, the
running clock, standing items, copying, and items deferred to a later meeting.

Items are numbered 1, 2, 3 and their sub-items i), ii), iii), as the minutes
print them. Positions run 1..n under each parent; every move rewrites them so
they stay that way. Dropped items stay in the file but are neither numbered
nor timed.
"""

import datetime as dt

from ..changes import Changes, Kind
from ..errors import ValidationError
from ..records import Manager, choice, require_text, stripped
from .agenda_items import (STATUSES, AgendaItem, Clock, PlannedItem, add_minutes,
                           minutes_of_day, roman)
from .meetings import Meetings
from .standing_items import CLOSING_KINDS, PURPOSES, StandingItems, allocation

AGENDA_STATUSES = {"draft": "Draft", "circulated": "Circulated", "agreed": "Agreed"}
MAX_DEPTH = 1  # items and their sub-items, as the minutes number them
# A new item's time until the official sets it: with none, every item of a new
# agenda would start and end at the meeting's start.
DEFAULT_ITEM_MINUTES = 10


class Agenda(Manager[AgendaItem]):
    table = "agenda_items"
    kind = Kind.AGENDA
    record_type = AgendaItem
    label = "agenda item"

    def __init__(self, store):
        super().__init__(store)
        self.standing = StandingItems(store)
        self._meetings = Meetings(store)

    def _from_row(self, row: dict) -> AgendaItem:
        return super()._from_row({**row, "restricted": bool(row["restricted"])})

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "item's title")
        if "purpose" in cleaned:
            cleaned["purpose"] = choice(cleaned["purpose"] or "", PURPOSES, "purpose")
        if "status" in cleaned:
            cleaned["status"] = choice(cleaned["status"], STATUSES, "item status")
        if "minutes_allocated" in cleaned:
            cleaned["minutes_allocated"] = allocation(cleaned["minutes_allocated"])
        if "restricted" in cleaned:
            cleaned["restricted"] = int(bool(cleaned["restricted"]))
        if cleaned.get("lead_person_id") == "":
            cleaned["lead_person_id"] = None
        return cleaned

    # -- reading ---------------------------------------------------------------

    def of_meeting(self, meeting_id: str) -> list[AgendaItem]:
        """Every item of the meeting in agenda order: each item, then its sub-items."""
        rows = self._store.rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position", (meeting_id,))
        children: dict[str | None, list[AgendaItem]] = {}
        for row in rows:
            item = self._from_row(row)
            children.setdefault(item.parent_id, []).append(item)
        ordered: list[AgendaItem] = []

        def walk(parent_id):
            for item in children.get(parent_id, []):
                ordered.append(item)
                walk(item.id)

        walk(None)
        return ordered

    def rows_of_meeting(self, meeting_id: str) -> list[dict]:
        """A meeting's items as the file holds them, in no order: for numbering
        (``minutes_content.number_items``)."""
        return self._store.rows("SELECT * FROM agenda_items WHERE meeting_id = ?", (meeting_id,))

    def children(self, meeting_id: str, parent_id: str | None) -> list[AgendaItem]:
        return [i for i in self.of_meeting(meeting_id) if i.parent_id == parent_id]

    def before_closing(self, meeting_id: str) -> int:
        """Where an item brought to the agenda goes: before its first closing
        standing item (Any other business), which stays last; else at the end."""
        top = self.children(meeting_id, None)
        return next((i.position for i in top if i.standing_kind in CLOSING_KINDS), len(top) + 1)

    def planned(self, meeting_id: str) -> tuple[list[PlannedItem], Clock]:
        """The agenda numbered and timed from the meeting's start, with its clock."""
        meeting = self._meetings.get(meeting_id)
        leads = self._leads(meeting_id)
        papers = self._papers(meeting_id)
        counters: dict[str | None, int] = {}
        numbers: dict[str | None, str] = {}
        depth: dict[str, int] = {}
        clock = meeting.start_time
        total = 0
        planned = []
        for item in self.of_meeting(meeting_id):
            depth[item.id] = 0 if item.parent_id is None else depth[item.parent_id] + 1
            number = full = ""
            start = end = None
            if item.status != "dropped" and numbers.get(item.parent_id, "-") != "":
                counters[item.parent_id] = counters.get(item.parent_id, 0) + 1
                count = counters[item.parent_id]
                number = str(count) if item.parent_id is None else f"{roman(count)})"
                full = number if item.parent_id is None else f"{numbers[item.parent_id]} {number}"
                total += item.minutes_allocated
                if clock:
                    start = clock
                    end = clock = add_minutes(clock, item.minutes_allocated)
            numbers[item.id] = full
            over = bool(end and meeting.end_time
                        and minutes_of_day(end) > minutes_of_day(meeting.end_time))
            planned.append(PlannedItem(
                item, depth[item.id], number, full, leads.get(item.id, item.lead_text),
                tuple(papers.get(item.id, ())), start, end, over))
        return planned, Clock(meeting.start_time, clock if meeting.start_time else None,
                              meeting.end_time, total)

    def _leads(self, meeting_id: str) -> dict[str, str]:
        rows = self._store.rows(
            """SELECT a.id, coalesce(nullif(p.name, ''), p.role_title) AS lead
               FROM agenda_items a JOIN people p ON p.id = a.lead_person_id
               WHERE a.meeting_id = ?""", (meeting_id,))
        return {r["id"]: r["lead"] for r in rows}

    def _papers(self, meeting_id: str) -> dict[str, list[str]]:
        rows = self._store.rows(
            """SELECT l.agenda_item_id AS item_id,
                      coalesce(nullif(p.short_name, ''), p.title) AS paper
               FROM paper_links l JOIN papers p ON p.id = l.paper_id
               WHERE l.meeting_id = ? AND l.agenda_item_id IS NOT NULL
               ORDER BY paper COLLATE NOCASE""", (meeting_id,))
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row["item_id"], []).append(row["paper"])
        return found

    # -- writing ---------------------------------------------------------------

    def add(self, meeting_id: str, title: str, *, parent_id: str | None = None,
            purpose: str = "", lead_person_id: str | None = None, lead_text: str = "",
            minutes_allocated=DEFAULT_ITEM_MINUTES, standing_kind: str = "", restricted: bool = False,
            carried_from_id: str | None = None, position: int | None = None
            ) -> tuple[str, Changes]:
        """A new item at the end of the agenda (or under ``parent_id``, or at ``position``)."""
        self._meetings.get(meeting_id)
        if parent_id:
            parent = self.get(parent_id)
            if parent.meeting_id != meeting_id:
                raise ValidationError("A sub-item must belong to the same meeting as its item.")
            if self._depth(parent) >= MAX_DEPTH:
                raise ValidationError("Sub-items cannot have sub-items of their own.")
        siblings = self.children(meeting_id, parent_id)
        at = len(siblings) + 1 if position is None else max(1, min(position, len(siblings) + 1))
        with self._store.transaction():
            self._shift(meeting_id, parent_id, at, 1)
            item_id, changes = self._create(dict(
                meeting_id=meeting_id, parent_id=parent_id, position=at, title=title,
                purpose=purpose, lead_person_id=lead_person_id, lead_text=lead_text,
                minutes_allocated=minutes_allocated, standing_kind=standing_kind,
                restricted=restricted, carried_from_id=carried_from_id))
        return item_id, changes | Changes.of(Kind.MEETING, meeting_id)

    def delete(self, item_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Remove an item with its sub-items; returns the rows as they were, for undo.

        A suggestion placed as this item goes back to waiting for a meeting.
        """
        item = self.get(item_id)
        before = self.order(item.meeting_id)
        with self._store.transaction() as db:
            suggestions = self._store.rows(
                "SELECT * FROM agenda_suggestions WHERE placed_item_id IN "
                "(SELECT id FROM agenda_items WHERE id = ? OR parent_id = ?)", (item_id, item_id))
            removed = self._store.delete_with_dependents(self.table, item_id)
            for row in suggestions:
                db.execute("UPDATE agenda_suggestions SET outcome = 'pending' WHERE id = ?",
                           (row["id"],))
            self._renumber(item.meeting_id, item.parent_id)
        moved = [("agenda_items", r) for r in self._store.rows(
            "SELECT * FROM agenda_items WHERE meeting_id = ?", (item.meeting_id,))]
        current = {r["id"]: r for _, r in moved}
        restore = [(t, r) for t, r in removed if t != "agenda_suggestions"]
        restore += [("agenda_suggestions", r) for r in suggestions]
        restore += [("agenda_items", {**current[i], "parent_id": p, "position": n})
                    for i, p, n in before if i in current]
        return Changes.everything(item_id, item.meeting_id), restore

    # -- order -----------------------------------------------------------------

    def order(self, meeting_id: str) -> list[tuple[str, str | None, int]]:
        """(id, parent, position) of every item: what undo of a move puts back."""
        return [(i.id, i.parent_id, i.position) for i in self.of_meeting(meeting_id)]

    def restore_order(self, meeting_id: str, order: list[tuple[str, str | None, int]]) -> Changes:
        with self._store.transaction() as db:
            for item_id, parent_id, position in order:
                db.execute("UPDATE agenda_items SET parent_id = ?, position = ? "
                           "WHERE id = ? AND meeting_id = ?",
                           (parent_id, position, item_id, meeting_id))
        return Changes.of(self.kind, meeting_id)

    def move_up(self, item_id: str) -> Changes:
        item = self.get(item_id)
        if item.position <= 1:
            raise ValidationError(f"'{item.title}' is already first.")
        return self.move_to(item_id, item.parent_id, item.position - 1)

    def move_down(self, item_id: str) -> Changes:
        item = self.get(item_id)
        if item.position >= len(self.children(item.meeting_id, item.parent_id)):
            raise ValidationError(f"'{item.title}' is already last.")
        return self.move_to(item_id, item.parent_id, item.position + 1)

    def indent(self, item_id: str) -> Changes:
        """Make the item the last sub-item of the item above it."""
        item = self.get(item_id)
        if item.parent_id is not None:
            raise ValidationError(f"'{item.title}' is already a sub-item.")
        if item.position <= 1:
            raise ValidationError(
                f"'{item.title}' is the first item; there is no item above to put it under.")
        above = self.children(item.meeting_id, None)[item.position - 2]
        return self.move_to(item_id, above.id, len(self.children(item.meeting_id, above.id)) + 1)

    def outdent(self, item_id: str) -> Changes:
        """Make a sub-item an item of its own, just after its former item."""
        item = self.get(item_id)
        if item.parent_id is None:
            raise ValidationError(f"'{item.title}' is already a main item.")
        parent = self.get(item.parent_id)
        return self.move_to(item_id, None, parent.position + 1)

    def move_to(self, item_id: str, parent_id: str | None, position: int) -> Changes:
        """Put the item at ``position`` (1-based) under ``parent_id`` (None: a main item)."""
        item = self.get(item_id)
        if parent_id is not None:
            parent = self.get(parent_id)
            if parent.meeting_id != item.meeting_id:
                raise ValidationError("An item cannot move to another meeting's agenda.")
            if parent_id == item_id or self._depth(parent) >= MAX_DEPTH:
                raise ValidationError("Sub-items cannot have sub-items of their own.")
            if self.children(item.meeting_id, item_id):
                raise ValidationError(
                    f"'{item.title}' has sub-items of its own, so it cannot become a sub-item.")
        with self._store.transaction() as db:
            db.execute("UPDATE agenda_items SET position = -1 WHERE id = ?", (item_id,))
            self._renumber(item.meeting_id, item.parent_id)
            siblings = self.children(item.meeting_id, parent_id)
            at = max(1, min(position, len([s for s in siblings if s.id != item_id]) + 1))
            self._shift(item.meeting_id, parent_id, at, 1)
            db.execute("UPDATE agenda_items SET parent_id = ?, position = ? WHERE id = ?",
                       (parent_id, at, item_id))
        return Changes.of(self.kind, item_id, item.meeting_id)

    def _depth(self, item: AgendaItem) -> int:
        depth = 0
        while item.parent_id:
            item = self.get(item.parent_id)
            depth += 1
        return depth

    def _shift(self, meeting_id: str, parent_id: str | None, from_position: int, by: int):
        with self._store.transaction() as db:
            db.execute(
                "UPDATE agenda_items SET position = position + ? WHERE meeting_id = ? "
                "AND parent_id IS ? AND position >= ?", (by, meeting_id, parent_id, from_position))

    def _renumber(self, meeting_id: str, parent_id: str | None) -> None:
        rows = self._store.rows(
            "SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS ? "
            "AND position >= 0 ORDER BY position", (meeting_id, parent_id))
        with self._store.transaction() as db:
            for n, row in enumerate(rows, start=1):
                db.execute("UPDATE agenda_items SET position = ? WHERE id = ?", (n, row["id"]))

    # -- the meeting's agenda as a whole --------------------------------------

    def set_agenda_status(self, meeting_id: str, status: str) -> Changes:
        self._meetings.get(meeting_id)
        self._store.update("meetings", meeting_id, {
            "agenda_status": choice(status, AGENDA_STATUSES, "agenda status")})
        return Changes.of(Kind.MEETING, meeting_id)

    def agenda_status(self, meeting_id: str) -> str:
        return self._store.scalar("SELECT agenda_status FROM meetings WHERE id = ?",
                                  (meeting_id,)) or "draft"

    def create_meeting(self, body_id: str, date, *args, **kwargs) -> tuple[str, Changes]:
        """A new meeting whose draft agenda starts with the body's standing items."""
        with self._store.transaction():
            meeting_id, changes = self._meetings.create(body_id, date, *args, **kwargs)
            changes |= self.apply_standing_items(meeting_id)
        return meeting_id, changes

    def apply_standing_items(self, meeting_id: str) -> Changes:
        """Add the body's standing items the agenda lacks (by kind or by title):
        the closing ones (AOB) at the end, the others at the top in the body's order."""
        meeting = self._meetings.get(meeting_id)
        items = self.of_meeting(meeting_id)
        kinds = {i.standing_kind for i in items if i.standing_kind}
        titles = {i.title.casefold() for i in items}
        changes = Changes.of(self.kind, meeting_id)
        top = 1
        with self._store.transaction():
            for standing in self.standing.of_body(meeting.body_id, create_defaults=True):
                if standing.standing_kind in kinds or standing.title.casefold() in titles:
                    continue
                _, made = self.add(
                    meeting_id, standing.title, purpose=standing.purpose,
                    minutes_allocated=standing.minutes_allocated,
                    standing_kind=standing.standing_kind,
                    position=None if standing.closing else top)
                top += 0 if standing.closing else 1
                changes |= made
        return changes

    def copy_from(self, source_meeting_id: str, meeting_id: str) -> Changes:
        """Append a copy of another meeting's items (not dropped ones), planned afresh."""
        if source_meeting_id == meeting_id:
            raise ValidationError("Choose another meeting to copy the agenda from.")
        self._meetings.get(meeting_id)
        copies: dict[str | None, str] = {}
        changes = Changes.of(self.kind, meeting_id)
        with self._store.transaction():
            for item in self.of_meeting(source_meeting_id):
                if item.status == "dropped" or (item.parent_id and item.parent_id not in copies):
                    continue
                copies[item.id], made = self.add(
                    meeting_id, item.title, parent_id=copies.get(item.parent_id),
                    purpose=item.purpose, lead_person_id=item.lead_person_id,
                    lead_text=item.lead_text, minutes_allocated=item.minutes_allocated,
                    standing_kind=item.standing_kind, restricted=item.restricted)
                changes |= made
        return changes

    # -- deferred items ----------------------------------------------------------

    def set_status(self, item_id: str, status: str) -> Changes:
        return self.update(item_id, status=status)

    def offered(self, meeting_id: str) -> list[tuple[AgendaItem, dt.date]]:
        """Items deferred at the body's earlier meetings and still waiting (``waiting``)."""
        meeting = self._meetings.get(meeting_id)
        return self.waiting(meeting.body_id, meeting.date)

    def waiting(self, body_id: str, before: dt.date = dt.date.max
                ) -> list[tuple[AgendaItem, dt.date]]:
        """Items deferred at the body's meetings (those before ``before``) and not
        yet placed on a later agenda or dropped from the offer, with their
        meeting's date."""
        rows = self._store.rows(
            """SELECT a.*, m.date AS meeting_date FROM agenda_items a
               JOIN meetings m ON m.id = a.meeting_id
               WHERE m.body_id = ? AND m.date < ? AND a.status = 'deferred'
                 AND a.offer_dropped_on IS NULL
                 AND NOT EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from_id = a.id)
               ORDER BY m.date, a.position""", (body_id, before.isoformat()))
        return [(self._from_row(r), dt.date.fromisoformat(r["meeting_date"])) for r in rows]

    def place_deferred(self, deferred_id: str, meeting_id: str) -> tuple[str, Changes]:
        """Put a deferred item on this meeting's agenda (before Any other business),
        remembering where it came from."""
        item = self.get(deferred_id)
        if item.status != "deferred":
            raise ValidationError(f"'{item.title}' was not deferred.")
        if item.meeting_id == meeting_id:
            raise ValidationError(f"'{item.title}' is already on this meeting's agenda.")
        return self.add(meeting_id, item.title, purpose=item.purpose,
                        lead_person_id=item.lead_person_id, lead_text=item.lead_text,
                        minutes_allocated=item.minutes_allocated, restricted=item.restricted,
                        carried_from_id=deferred_id, position=self.before_closing(meeting_id))

    def drop_deferred(self, deferred_id: str, on=None) -> Changes:
        """Stop offering a deferred item to later meetings; its own meeting still
        shows it as deferred."""
        item = self.get(deferred_id)
        if item.status != "deferred":
            raise ValidationError(f"'{item.title}' was not deferred.")
        return self.update(deferred_id, offer_dropped_on=(on or dt.date.today()).isoformat())

