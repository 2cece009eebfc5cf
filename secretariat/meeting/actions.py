"""Actions agreed at meetings, and the action log across all of them.

An action says what is to be done, by whom (people, officials known by their
role, or a group in words such as "all members" or "Chair and officials") and
when (a date, or words such as "by the next meeting"). Its progress is a list
of dated updates, each recorded against the meeting where it was reported;
closing or carrying it forward is such an update. At each meeting the actions
still open from earlier meetings are the matters arising.
"""

import datetime as dt
from typing import Sequence

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..records import Manager, choice, require_text
from ..storage import Store
from ..storage.schema.s21_action_due_by import REFRESH, STALE
from ..membership.people import people_or_words
from ..values import parse_date
from .action_records import OUTCOMES, STATUSES, Action, Owner, Update, parse_due
from .lifecycle import Lifecycle

DROPPED_WITH_ITEM = "Dropped with its agenda item."
_STATUS_AFTER = {"done": "done", "dropped": "dropped", "reopened": "open",
                 "carried_forward": "open"}
SORTS = ("due", "meeting", "owner", "status")

# SQL over ``actions a JOIN meetings m`` (with ``action_due_by d`` where the
# due-by date is wanted; and, for labels, ``action_owners o LEFT JOIN people
# p``), so the log is filtered, sorted and paged by SQLite. The file keeps
# each action's due-by date (schema s21), indexed by body in the log's order.
_OWNER_LABEL = "coalesce(nullif(coalesce(nullif(p.name, ''), p.role_title, ''), ''), o.group_name)"
_FOLD = "casefold"  # str.casefold, registered on the connection: SQLite's lower() is ASCII only
_ITEM_POS = "coalesce(pi.position, i.position, 0)"
_SUB_POS = "CASE WHEN pi.id IS NULL THEN 0 ELSE i.position END"
# An item (and its parent) belongs to the action's meeting: found among that
# meeting's items (``agenda_items_in_meeting``), the items of a body's log lie
# together in the file, however large it grows.
_ITEMS = """LEFT JOIN agenda_items i ON i.meeting_id = a.meeting_id AND i.id = a.item_id
           LEFT JOIN agenda_items pi ON pi.meeting_id = i.meeting_id AND pi.id = i.parent_id"""
_MEETINGS = "FROM actions a JOIN meetings m ON m.id = a.meeting_id"
# (only where needed: looking up every action's due-by doubles the cost of a
# log sorted by owner or status)
_DUE = f"{_MEETINGS} JOIN action_due_by d ON d.action_id = a.id"
_FROM = f"{_DUE} {_ITEMS}"
_PLAIN = f"{_MEETINGS} {_ITEMS}"
# Sort terms are expressions, not names of columns returned, so a query may
# sort by them without returning them (``log_ids`` returns ids alone).
_BY_MEETING = ("m.date", _ITEM_POS, _SUB_POS, "a.position", "a.id")
_SORT_KEYS = {
    "due": ("d.due_by IS NULL", "d.due_by"),  # undated last
    "meeting": (),
    "owner": (f"""(SELECT {_FOLD}({_OWNER_LABEL}) FROM action_owners o
                  LEFT JOIN people p ON p.id = o.person_id
                  WHERE o.action_id = a.id ORDER BY o.position LIMIT 1)""",),  # first owner
    "status": ("CASE a.status " + " ".join(
        f"WHEN '{key}' THEN {n}" for n, key in enumerate(STATUSES)) + " END",),
}


def _stored_date(value: str | None) -> dt.date | None:
    """A date as the file stores it (ISO); far quicker than parsing what was typed."""
    return dt.date.fromisoformat(value) if value else None


def _order(sort: str, descending: bool = False) -> str:
    """An ORDER BY for a sort key; ties by meeting, item and position, then id."""
    if sort not in SORTS:
        raise ValidationError(f"Sort by one of: {', '.join(SORTS)}.")
    terms = _SORT_KEYS[sort] + _BY_MEETING
    return ", ".join(f"{t} DESC" if descending else t for t in terms)


def due_by_problems(store: Store) -> list[str]:
    """What ``check`` says of the due-by dates the file keeps (they order the log)."""
    stale = store.scalar(STALE)
    return [f"action log: {stale} actions' due-by dates out of date "
            "(repair with check --repair)"] if stale else []


def refresh_due_by(store: Store) -> None:
    with store.transaction() as db:
        db.execute(REFRESH)


class Actions(Manager[Action]):
    table = "actions"
    kind = Kind.ACTION
    record_type = Action
    label = "action"

    def __init__(self, store: Store):
        super().__init__(store)
        self.lifecycle = Lifecycle(store)
        store.add_function(_FOLD, str.casefold)

    # -- reading -----------------------------------------------------------

    def get(self, action_id: str) -> Action:
        found = self._load("a.id = ?", (action_id,))
        if not found:
            raise NotFoundError("That action no longer exists.")
        return found[0]

    def _load(self, where: str = "1", params: tuple = (),
              order: str = _order("meeting")) -> list[Action]:
        rows = self._store.rows(
            f"""SELECT a.*, m.body_id, m.date AS meeting_date, d.due_by,
                       coalesce(i.title, '') AS item_title,
                       coalesce(i.restricted, 0) OR coalesce(pi.restricted, 0) AS restricted
                {_FROM} WHERE {where} ORDER BY {order}""", params)
        if not rows:
            return []
        ids = tuple(r["id"] for r in rows)
        marks = ",".join("?" * len(ids))
        owners: dict[str, list[Owner]] = {}
        for r in self._store.rows(
                f"""SELECT o.action_id, o.person_id, o.group_name, {_OWNER_LABEL} AS label
                    FROM action_owners o LEFT JOIN people p ON p.id = o.person_id
                    WHERE o.action_id IN ({marks}) ORDER BY o.position""", ids):
            owners.setdefault(r["action_id"], []).append(
                Owner(r["person_id"], r["group_name"], r["label"]))
        updates: dict[str, list[Update]] = {}
        for r in self._store.rows(
                f"""SELECT u.*, m.date AS meeting_date FROM action_updates u
                    LEFT JOIN meetings m ON m.id = u.meeting_id
                    WHERE u.action_id IN ({marks}) ORDER BY u.made_on, u.created_at""", ids):
            updates.setdefault(r["action_id"], []).append(Update(
                r["id"], r["action_id"], r["meeting_id"], _stored_date(r["meeting_date"]),
                dt.date.fromisoformat(r["made_on"]), r["text"], r["outcome"]))
        return [Action(
            id=r["id"], body_id=r["body_id"], meeting_id=r["meeting_id"],
            meeting_date=dt.date.fromisoformat(r["meeting_date"]), item_id=r["item_id"],
            item_title=r["item_title"], position=r["position"], text=r["text"],
            due_date=_stored_date(r["due_date"]), due_text=r["due_text"],
            status=r["status"], owners=tuple(owners.get(r["id"], ())),
            updates=tuple(updates.get(r["id"], ())), due_by=_stored_date(r["due_by"]),
            restricted=bool(r["restricted"]))
            for r in rows]

    def of_meeting(self, meeting_id: str) -> list[Action]:
        """The actions agreed at a meeting, in item order."""
        return self._load("a.meeting_id = ?", (meeting_id,))

    def of_item(self, item_id: str) -> list[Action]:
        # (by way of its meeting, so that the index of the meeting's actions serves)
        return self._load("a.meeting_id = (SELECT meeting_id FROM agenda_items WHERE id = ?) "
                          "AND a.item_id = ?", (item_id, item_id))

    def log(self, body_id: str | None = None, status: str | None = None,
            owner: str | None = None, meeting_id: str | None = None,
            due_before=None, overdue: bool = False, today: dt.date | None = None,
            sort: str = "due", descending: bool = False) -> list[Action]:
        """The action log, filtered and sorted by SQLite (a long log is better read
        a batch at a time: ``log_ids`` then ``many``).

        ``owner`` matches any owner's name, role or group, ignoring case;
        ``due_before`` keeps actions due (by date or next meeting) before it.
        Ties are broken by meeting, item and position, then id, so the order is
        always the same.
        """
        where, params, _ = self._log_filter(body_id, status, owner, meeting_id, due_before,
                                            overdue, today)
        return self._load(where, params, _order(sort, descending))

    def log_ids(self, body_id: str | None = None, sort: str = "due", descending: bool = False,
                limit: int | None = None, **filters) -> list[str]:
        """The ids of the actions ``log`` gives (same filters), in its order; the
        first ``limit`` of them if given.

        For a view that reads the log a batch at a time with ``many``: the order
        is settled once, over narrow rows, so a late batch costs no more than
        the first (an OFFSET would sort and skip everything before it again).
        A body's log by due date is read in that order off an index, so its
        first screen (``limit``) costs the same however long the log.
        """
        if sort == "status" and filters.get("status"):
            sort = "meeting"  # the same order, which the index of meetings gives
        where, params, due = self._log_filter(body_id, by_due=sort == "due", **filters)
        return self._ids(where, params, _order(sort, descending), limit,
                         _FROM if due else _PLAIN)

    def log_count(self, body_id: str | None = None, **filters) -> int:
        """How many actions ``log`` gives (same filters), without ordering them."""
        where, params, due = self._log_filter(body_id, **filters)
        return self._store.scalar(f"SELECT count(*) {_DUE if due else _MEETINGS} WHERE {where}",
                                  params)

    def _ids(self, where: str, params: tuple, order: str, limit: int | None = None,
             source: str = _PLAIN) -> list[str]:
        return self._store.column(
            f"SELECT a.id {source} WHERE {where} ORDER BY {order}"
            + (f" LIMIT {int(limit)}" if limit is not None else ""), params)

    def many(self, ids: Sequence[str]) -> list[Action]:
        """The actions with these ids (a batch), in this order; any deleted since are left out."""
        if not ids:
            return []
        found = {a.id: a for a in self._load(f"a.id IN ({','.join('?' * len(ids))})",
                                             tuple(ids))}
        return [found[i] for i in ids if i in found]

    def _log_filter(self, body_id=None, status=None, owner=None, meeting_id=None,
                    due_before=None, overdue=False, today=None, by_due=False
                    ) -> tuple[str, tuple, bool]:
        """The WHERE and parameters of the log so filtered, and whether they need
        the due-by dates (``d``); ``by_due``: to be sorted by due date."""
        where, params = ["1"], []
        due = by_due or bool(due_before) or overdue
        if body_id:
            where.append("m.body_id = ?")
            params.append(body_id)
            if due and not meeting_id:
                # where the planner finds the body's log in due order; a
                # meeting's few actions are better found by their meeting
                where.append("d.body_id = ?")
                params.append(body_id)
        if meeting_id:
            where.append("a.meeting_id = ?")
            params.append(meeting_id)
        if status:
            where.append("a.status = ?")
            params.append(choice(status, STATUSES, "status"))
        if owner and owner.strip():
            where.append(f"""EXISTS (SELECT 1 FROM action_owners o
                                 LEFT JOIN people p ON p.id = o.person_id
                                 WHERE o.action_id = a.id
                                 AND instr({_FOLD}({_OWNER_LABEL}), ?) > 0)""")
            params.append(owner.strip().casefold())
        if due_before:
            where.append("d.due_by < ?")
            params.append(parse_date(due_before, "due date").isoformat())
        if overdue:
            where.append("a.status = 'open' AND d.due_by < ?")
            params.append((today or dt.date.today()).isoformat())
        return " AND ".join(where), tuple(params), due

    def open_by_owner(self, body_id: str | None = None) -> list[tuple[str, int]]:
        """How many open actions each owner has, most first. (Counted by person or
        group first, then labelled: labelling each of 25,000 rows took a third
        of the time.)"""
        rows = self._store.rows(
            f"""WITH counted AS (
                    SELECT o.person_id, o.group_name, count(*) AS n
                    FROM actions a JOIN action_owners o ON o.action_id = a.id
                    JOIN meetings m ON m.id = a.meeting_id
                    WHERE a.status = 'open' {"AND m.body_id = ?" if body_id else ""}
                    GROUP BY o.person_id, o.group_name)
                SELECT {_OWNER_LABEL} AS label, sum(o.n) AS n
                FROM counted o LEFT JOIN people p ON p.id = o.person_id
                GROUP BY label ORDER BY n DESC, {_FOLD}(label)""",
            (body_id,) if body_id else ())
        return [(r["label"], r["n"]) for r in rows]

    def matters_arising(self, meeting_id: str) -> list[Action]:
        """Actions from the body's earlier meetings still open at this one, with
        those closed during it (so the list stays put while it is worked through)."""
        return self._load(*self._arising(meeting_id))

    def matters_arising_ids(self, meeting_id: str) -> list[str]:
        """The ids of ``matters_arising``, in its order, for reading with ``many``."""
        return self._ids(*self._arising(meeting_id), _order("meeting"))

    def _arising(self, meeting_id: str) -> tuple[str, tuple]:
        meeting = self._store.row("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
        if meeting is None:
            raise NotFoundError("That meeting no longer exists.")
        return ("""m.body_id = ? AND m.date < ? AND (a.status = 'open' OR EXISTS (
                       SELECT 1 FROM action_updates u WHERE u.action_id = a.id
                       AND u.meeting_id = ?))""",
                (meeting["body_id"], meeting["date"], meeting_id))

    # -- writing -----------------------------------------------------------

    def _meeting_of(self, item_id: str) -> str:
        row = self._store.row("SELECT meeting_id FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFoundError("That agenda item no longer exists.")
        return row["meeting_id"]

    def _write_owners(self, action_id: str, body_id: str, owners) -> None:
        owners = [o for o in (owners or []) if o and str(o).strip()]
        if not owners:
            raise ValidationError("Say who owns the action: a person, an official or a group.")
        self._store.db.execute("DELETE FROM action_owners WHERE action_id = ?", (action_id,))
        # an owner named twice owns it once (the file holds to that too)
        for position, (person_id, group) in enumerate(
                people_or_words(self._store, body_id, owners, "An owner"), start=1):
            self._store.insert("action_owners", {
                "action_id": action_id, "position": position,
                "person_id": person_id, "group_name": group})

    def create(self, item_id: str, text: str, owners: list[str],
               due=None) -> tuple[str, Changes]:
        """A new open action under an agenda item."""
        meeting_id = self._meeting_of(item_id)
        self.lifecycle.ensure_recordable(meeting_id)
        text = require_text(text, "action")
        due_date, due_text = parse_due(due)
        body_id = self._store.scalar("SELECT body_id FROM meetings WHERE id = ?", (meeting_id,))
        position = self._store.scalar(
            "SELECT coalesce(max(position), 0) + 1 FROM actions WHERE meeting_id = ? "
            "AND item_id = ?", (meeting_id, item_id))
        with self._store.transaction():
            action_id = self._store.insert(self.table, {
                "meeting_id": meeting_id, "item_id": item_id, "position": position,
                "text": text, "due_date": due_date, "due_text": due_text,
                "status": "open"})["id"]
            self._write_owners(action_id, body_id, owners)
        return action_id, Changes.of(self.kind, action_id)

    def update(self, action_id: str, /, **values) -> Changes:
        """Change what, who or when; refused once the meeting's minutes are approved."""
        action = self.get(action_id)
        unknown = set(values) - {"text", "owners", "due"}
        if unknown:
            raise ValueError(f"actions have no field {sorted(unknown)[0]}")
        self.lifecycle.ensure_editable(action.meeting_id)
        stored: dict[str, str | None] = {}
        if "text" in values:
            stored["text"] = require_text(values["text"], "action")
        if "due" in values:
            stored["due_date"], stored["due_text"] = parse_due(values["due"])
        with self._store.transaction():
            if "owners" in values:
                self._write_owners(action_id, action.body_id, values["owners"])
            self._store.update(self.table, action_id, stored)
        return Changes.of(self.kind, action_id)

    def record_update(self, action_id: str, text: str = "", *, meeting_id: str | None = None,
                      on=None, outcome: str = "note") -> tuple[str, Changes]:
        """Progress on an action, dated, and against the meeting where it was reported.

        An outcome of done or dropped closes the action, reopened opens it again,
        carried_forward keeps it open for the next meeting.
        """
        action = self.get(action_id)
        outcome = choice(outcome, OUTCOMES, "outcome")
        text = (text or "").strip()
        if outcome == "note" and not text:
            raise ValidationError("Say what progress there has been.")
        made_on = on
        if meeting_id:
            meeting = self._store.row("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
            if meeting is None:
                raise NotFoundError("That meeting no longer exists.")
            if meeting["body_id"] != action.body_id or meeting["date"] < action.meeting_date.isoformat():
                raise ValidationError(
                    "Progress is reported at a later meeting of the body that agreed the action.")
            self.lifecycle.ensure_editable(meeting_id)
            made_on = made_on or meeting["date"]
        made_on = parse_date(made_on or dt.date.today(), "date of the update")
        if made_on < action.meeting_date:
            raise ValidationError("An update cannot be dated before the action was agreed.")
        with self._store.transaction():
            row = self._store.insert("action_updates", {
                "action_id": action_id, "meeting_id": meeting_id,
                "made_on": made_on.isoformat(), "text": text, "outcome": outcome})
            if outcome in _STATUS_AFTER:
                self._store.update(self.table, action_id, {"status": _STATUS_AFTER[outcome]})
        return row["id"], Changes.of(self.kind, action_id, row["id"])

    def carry_forward(self, action_id: str, meeting_id: str, text: str = "") -> tuple[str, Changes]:
        return self.record_update(action_id, text, meeting_id=meeting_id,
                                  outcome="carried_forward")

    def close(self, action_id: str, text: str = "", *, meeting_id: str | None = None,
              on=None, dropped: bool = False) -> tuple[str, Changes]:
        return self.record_update(action_id, text, meeting_id=meeting_id, on=on,
                                  outcome="dropped" if dropped else "done")

    def drop_with_item(self, item_id: str, meeting_id: str) -> tuple[list[str], Changes]:
        """Close the item's open actions as dropped, at its meeting, when the item
        is dropped from the agenda (it leaves the minutes that agreed them): the
        updates made, for ``remove_update`` to take back."""
        made, changes = [], Changes.of(self.kind)
        with self._store.transaction():
            for action in self.of_item(item_id):
                if action.status == "open":
                    update_id, more = self.record_update(
                        action.id, DROPPED_WITH_ITEM, meeting_id=meeting_id, outcome="dropped")
                    made.append(update_id)
                    changes = changes | more
        return made, changes

    def remove_update(self, update_id: str) -> Changes:
        """Take back an update (undo), with the status the action had before it."""
        row = self._store.row("SELECT * FROM action_updates WHERE id = ?", (update_id,))
        if row is None:
            raise NotFoundError("That update no longer exists.")
        if row["meeting_id"]:
            self.lifecycle.ensure_editable(row["meeting_id"])
        with self._store.transaction() as db:
            db["action_updates"].delete(update_id)
            earlier = self._store.scalar(
                """SELECT outcome FROM action_updates WHERE action_id = ? AND outcome <> 'note'
                   ORDER BY made_on DESC, created_at DESC LIMIT 1""", (row["action_id"],))
            self._store.update(self.table, row["action_id"],
                               {"status": _STATUS_AFTER.get(earlier, "open")})
        return Changes.of(self.kind, row["action_id"], update_id)

    def delete(self, action_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete an action entered by mistake, with its owners, updates and any
        recommendation's link to it; returns the rows, for undo."""
        action = self.get(action_id)
        self.lifecycle.ensure_editable(action.meeting_id)
        removed = self._store.delete_with_dependents(self.table, action_id)
        return Changes.of(self.kind, action_id), removed
