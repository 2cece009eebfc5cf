"""What the minutes record under each agenda item: discussion points (with
one level of sub-points) and decisions; actions live in ``actions``.

Officials type plain text in a light list syntax, one entry a line::

    - a discussion point            (the dash is optional)
      - a sub-point                 (indented dash: under the point above)
    Decision: Process approved.     ("Agreed:" works too)
    Action: Officials — send round the e-mail address — by the next meeting

An action line is owner — what — when, split by an em or en dash, " -- " or
" | "; when may be left out. Several owners are separated by ";" (a group in
words such as "Chair and officials" is one owner).
"""

import re

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..records import Manager, choice, require_text
from ..storage import Store
from .actions import Actions
from .lifecycle import Documents, Lifecycle

KINDS = {"point": "Point", "decision": "Decision"}

_ACTION = re.compile(r"^actions?\s*:\s*(.*)$", re.IGNORECASE)
_DECISION = re.compile(r"^(?:decision|decided|agreed)\s*:\s*(.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•]\s*")
_PARTS = re.compile(r"\s+(?:—|–|--|\|)\s+|^(?:—|–|--|\|)\s+|\s+(?:—|–|--|\|)$")


@record
class Entry:
    id: str
    item_id: str
    parent_id: str | None
    position: int
    kind: str
    text: str


@record
class Captured:
    """One line of captured text, parsed."""

    kind: str  # point, sub_point, decision or action
    text: str
    owners: tuple[str, ...] = ()
    due: str = ""


def parse(text: str) -> list[Captured]:
    """Read the light list syntax (see the module's docstring); blank lines are skipped."""
    found = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        indented = line[:1] in (" ", "\t") and _BULLET.match(line.lstrip())
        body = _BULLET.sub("", line.strip(), count=1).strip()
        if not body:
            continue
        if match := _ACTION.match(body):
            found.append(_parse_action(match.group(1)))
        elif match := _DECISION.match(body):
            found.append(Captured("decision", require_text(match.group(1), "decision")))
        else:
            kind = "sub_point" if indented else "point"
            found.append(Captured(kind, body))
    return found


def _parse_action(rest: str) -> Captured:
    parts = [p.strip() for p in _PARTS.split(rest.strip())]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise ValidationError(
            "Write an action as: Action: owner — what is to be done — when.")
    if len(parts) > 3:
        raise ValidationError(
            "An action has three parts, owner — what — when; this one has more dashes.")
    owners = tuple(o.strip() for o in parts[0].split(";") if o.strip())
    return Captured("action", parts[1], owners, parts[2] if len(parts) == 3 else "")


class Minutes(Manager[Entry]):
    table = "minutes_entries"
    kind = Kind.MINUTES
    record_type = Entry
    label = "entry in the minutes"

    def __init__(self, store: Store, actions: Actions, documents: Documents):
        super().__init__(store)
        self.actions = actions
        self.lifecycle = Lifecycle(store, documents)

    def meeting_of_item(self, item_id: str) -> str:
        row = self._store.row("SELECT meeting_id FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFoundError("That agenda item no longer exists.")
        return row["meeting_id"]

    def _clean(self, values, current):
        cleaned = dict(values)
        if "text" in cleaned:
            cleaned["text"] = require_text(cleaned["text"], "entry")
        if "kind" in cleaned:
            cleaned["kind"] = choice(cleaned["kind"], KINDS, "kind of entry")
        return cleaned

    # -- reading -----------------------------------------------------------

    def of_item(self, item_id: str) -> list[Entry]:
        """The item's entries in reading order: each point followed by its sub-points."""
        rows = self._store.rows(
            "SELECT * FROM minutes_entries WHERE item_id = ? ORDER BY position, created_at",
            (item_id,))
        children: dict[str, list[dict]] = {}
        for r in rows:
            if r["parent_id"]:
                children.setdefault(r["parent_id"], []).append(r)
        ordered = []
        for r in rows:
            if not r["parent_id"]:
                ordered.append(self._from_row(r))
                ordered += [self._from_row(c) for c in children.get(r["id"], ())]
        return ordered

    # -- writing -----------------------------------------------------------

    def add(self, item_id: str, text: str, kind: str = "point",
            parent_id: str | None = None) -> tuple[str, Changes]:
        """A point, sub-point (with parent_id) or decision at the end of the item."""
        self.lifecycle.ensure_recordable(self.meeting_of_item(item_id))
        if parent_id:
            parent = self.get(parent_id)
            if parent.item_id != item_id or parent.parent_id or parent.kind != "point":
                raise ValidationError("A sub-point goes under a point of the same item.")
            kind = "point"
        position = self._store.scalar(
            "SELECT coalesce(max(position), 0) + 1 FROM minutes_entries "
            "WHERE item_id = ? AND parent_id IS ?", (item_id, parent_id))
        return self._create(dict(item_id=item_id, parent_id=parent_id, position=position,
                                 kind=kind, text=text))

    def update(self, entry_id: str, /, **values) -> Changes:
        self.lifecycle.ensure_editable(self.meeting_of_item(self.get(entry_id).item_id))
        return super().update(entry_id, **values)

    def move(self, entry_id: str, step: int) -> Changes:
        """Swap an entry with the one before (step -1) or after (+1) it, sub-points
        among their point's; nothing happens at either end."""
        entry = self.get(entry_id)
        self.lifecycle.ensure_editable(self.meeting_of_item(entry.item_id))
        siblings = [e for e in self.of_item(entry.item_id) if e.parent_id == entry.parent_id]
        index = [e.id for e in siblings].index(entry_id)
        if not 0 <= index + step < len(siblings):
            return Changes()
        ordered = list(siblings)
        ordered[index], ordered[index + step] = ordered[index + step], ordered[index]
        with self._store.transaction():
            for position, sibling in enumerate(ordered, start=1):
                if sibling.position != position:
                    self._store.update(self.table, sibling.id, {"position": position})
        return Changes.of(self.kind, entry_id)

    def capture(self, item_id: str, text: str) -> tuple[list[tuple[str, str]], Changes]:
        """Record typed lines under an item, in one write.

        Returns (table, id) of each record made, for undo, and what changed.
        """
        parsed = parse(text)
        if not parsed:
            raise ValidationError("There is nothing to record: type a point, a decision "
                                  "or an action.")
        made: list[tuple[str, str]] = []
        changes = Changes()
        last_point = self._store.scalar(
            """SELECT id FROM minutes_entries WHERE item_id = ? AND parent_id IS NULL
               AND kind = 'point' ORDER BY position DESC LIMIT 1""", (item_id,))
        with self._store.transaction():
            for line in parsed:
                if line.kind == "action":
                    new_id, step = self.actions.create(item_id, line.text, list(line.owners),
                                                       line.due)
                    made.append(("actions", new_id))
                else:
                    # A sub-point goes under the item's last point, if it has one.
                    parent = last_point if line.kind == "sub_point" else None
                    kind = "decision" if line.kind == "decision" else "point"
                    new_id, step = self.add(item_id, line.text, kind, parent)
                    made.append((self.table, new_id))
                    if kind == "point" and parent is None:
                        last_point = new_id
                changes |= step
        return made, changes

    def delete(self, entry_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete an entry and its sub-points; returns the rows (parents first) for undo."""
        entry = self.get(entry_id)
        self.lifecycle.ensure_editable(self.meeting_of_item(entry.item_id))
        rows = [(self.table, self.raw(entry_id))] + [(self.table, r) for r in self._store.rows(
            "SELECT * FROM minutes_entries WHERE parent_id = ?", (entry_id,))]
        with self._store.transaction() as db:
            db[self.table].delete(entry_id)  # sub-points go with it
        return Changes.of(self.kind, entry_id), rows

    def remove(self, made: list[tuple[str, str]]) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete entries and actions made together (undo of ``capture``)."""
        changes, rows = Changes(), list[tuple[str, dict]]()
        with self._store.transaction():
            for table, record_id in reversed(made):
                manager = self.actions if table == "actions" else self
                if self._store.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (record_id,)):
                    step, removed = manager.delete(record_id)
                    changes |= step
                    rows = removed + rows
        return changes, rows

    def put_back(self, rows: list[tuple[str, dict]]) -> Changes:
        """Restore rows a delete removed, parents first (undo of a delete, redo of a capture)."""
        changes = Changes()
        with self._store.transaction():
            for table, row in rows:
                if table == self.table:
                    self.lifecycle.ensure_editable(self.meeting_of_item(row["item_id"]))
                    changes |= Changes.of(self.kind, row["id"])
                elif table == "actions":
                    self.lifecycle.ensure_editable(row["meeting_id"])
                    changes |= Changes.of(Kind.ACTION, row["id"])
                elif table == "minutes_corrections":
                    changes |= Changes.of(self.kind, row["meeting_id"])
                else:  # an action's owners and updates
                    changes |= Changes.of(Kind.ACTION, row["action_id"])
                self._store.restore(table, row)
        return changes
