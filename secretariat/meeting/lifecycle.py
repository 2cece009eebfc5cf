"""How far a meeting's minutes have got: draft, circulated (on a date),
approved at a later meeting of the same body, and then final.

The state is the meeting's status, so meeting lists show it; the dates and
the approving meeting are kept in ``minutes_lifecycle``. Approval and any
later correction are recorded as decisions of the meeting that made them.

Approving keeps the minutes as they were approved (``approved_minutes``,
schema s12): from then on they print as kept, whatever changes later, and
the file itself refuses any change to what the meeting recorded. Taking an
approval back is a recorded step (``reopen``), with its reason.
"""

import datetime as dt
from typing import Callable

from ..changes import Changes, Kind
from ..errors import MinutesLockedError, NotFoundError, ValidationError
from ..frozen import record
from ..records import approved_minutes_refusal
from ..storage import Store
from ..values import long_date, parse_date, parse_optional_date

STATES = {"draft": "Draft", "circulated": "Circulated", "approved": "Approved"}
_STATE_OF_STATUS = {"circulated": "circulated", "approved": "approved"}


@record
class MinutesState:
    meeting_id: str
    state: str  # draft, circulated or approved
    circulated_on: dt.date | None
    approved_at_meeting_id: str | None
    approval_entry_id: str | None

    @property
    def locked(self) -> bool:
        return self.state == "approved"

    @property
    def draft(self) -> bool:
        """Printed with DRAFT on every page."""
        return self.state != "approved"

    @property
    def label(self) -> str:
        return STATES[self.state]


@record
class Correction:
    id: str
    meeting_id: str
    made_at_meeting_id: str
    made_at_date: dt.date
    text: str


@record
class Snapshot:
    """Everything a lifecycle step changes, so undo can put it back."""

    status: str
    lifecycle_row: dict | None
    entry_rows: tuple[dict, ...]
    kept_row: dict | None = None  # the minutes as approved


# The minutes as they stand, as kept on approval: (the document, the version
# for publication), each as JSON (``minutes_content.as_approved``).
Documents = Callable[[str], tuple[str, str]]


class Lifecycle:
    def __init__(self, store: Store, documents: Documents | None = None):
        self._store = store
        self._documents = documents

    def _meeting(self, meeting_id: str) -> dict:
        row = self._store.row("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
        if row is None:
            raise NotFoundError("That meeting no longer exists.")
        return row

    def _held(self, meeting_id: str) -> dict:
        """The meeting, refused if it was cancelled: it has no minutes, and
        approves none."""
        row = self._meeting(meeting_id)
        if row["cancelled_on"]:
            raise ValidationError(f"The meeting of {long_date(parse_date(row['date']))} was "
                                  "cancelled: it has no minutes to circulate or approve, and "
                                  "approves none.")
        return row

    def _row(self, meeting_id: str) -> dict | None:
        return self._store.row("SELECT * FROM minutes_lifecycle WHERE meeting_id = ?",
                               (meeting_id,))

    def of(self, meeting_id: str) -> MinutesState:
        status = self._meeting(meeting_id)["status"]
        row = self._row(meeting_id) or {}
        return MinutesState(
            meeting_id=meeting_id, state=_STATE_OF_STATUS.get(status, "draft"),
            circulated_on=parse_optional_date(row.get("circulated_on")),
            approved_at_meeting_id=row.get("approved_at_meeting_id"),
            approval_entry_id=row.get("approval_entry_id"))

    def ensure_editable(self, meeting_id: str) -> None:
        """Refuse any change to approved minutes."""
        if self.of(meeting_id).locked:
            raise approved_minutes_refusal(self._store, meeting_id) or MinutesLockedError(
                "Those minutes have been approved and can no longer be changed.")

    def ensure_recordable(self, meeting_id: str) -> None:
        """Refuse new minutes for a meeting called off (or approved): what was
        typed in its Live tab would be minutes of a meeting never held."""
        row = self._meeting(meeting_id)
        if row["cancelled_on"]:
            raise ValidationError(f"The meeting of {long_date(parse_date(row['date']))} was "
                                  "cancelled: there are no minutes to record. Reinstate it "
                                  "first if it is being held after all.")
        self.ensure_editable(meeting_id)

    def _write(self, meeting_id: str, status: str, **values) -> Changes:
        with self._store.transaction():
            self._store.update("meetings", meeting_id, {"status": status})
            row = self._row(meeting_id)
            if row is None:
                self._store.insert("minutes_lifecycle", {"meeting_id": meeting_id, **values})
            elif values:
                self._store.update("minutes_lifecycle", row["id"], values)
        return Changes.of(Kind.MEETING, meeting_id) | Changes.of(Kind.MINUTES, meeting_id)

    def circulate(self, meeting_id: str, on=None) -> Changes:
        """Mark the draft as sent out on a date (today unless given)."""
        self.ensure_editable(meeting_id)
        day = parse_date(on or dt.date.today(), "date circulated")
        meeting_day = parse_date(self._held(meeting_id)["date"])
        if day < meeting_day:
            raise ValidationError("Minutes cannot be circulated before the meeting was held.")
        return self._write(meeting_id, "circulated", circulated_on=day.isoformat())

    def approve(self, meeting_id: str, at_meeting_id: str) -> Changes:
        """Approve circulated minutes at a later meeting, recording the decision there."""
        current = self.of(meeting_id)
        self.ensure_editable(meeting_id)
        if current.state != "circulated":
            raise ValidationError("Circulate the minutes before they are approved.")
        meeting, later = self._held(meeting_id), self._held(at_meeting_id)
        if later["body_id"] != meeting["body_id"] or later["date"] <= meeting["date"]:
            raise ValidationError("Minutes are approved at a later meeting of the same body.")
        self.ensure_editable(at_meeting_id)
        item_id = self.minutes_item(at_meeting_id)
        text = f"Minutes of the meeting of {long_date(parse_date(meeting['date']))} approved."
        with self._store.transaction():
            entry_id = self._add_decision(item_id, text)
            changes = self._write(meeting_id, "approved", approved_at_meeting_id=at_meeting_id,
                                  approval_entry_id=entry_id)
            self._keep(meeting_id)  # last: from here on, the file refuses any change to them
        return changes | Changes.of(Kind.MINUTES, at_meeting_id, entry_id)

    def _keep(self, meeting_id: str) -> None:
        """Keep the minutes as they are now, as approved."""
        assert self._documents is not None, "only the minutes' own lifecycle keeps them"
        document, publication = self._documents(meeting_id)
        self._store.insert("approved_minutes", {"meeting_id": meeting_id, "document": document,
                                                "publication": publication})

    def kept(self, meeting_id: str, publication: bool = False) -> str | None:
        """The minutes as approved (JSON), if they were kept on approval."""
        return self._store.scalar(
            f"SELECT {'publication' if publication else 'document'} FROM approved_minutes "
            "WHERE meeting_id = ?", (meeting_id,))

    def keep_unkept(self) -> int:
        """Keep the minutes approved before this program kept them on approval
        (files from earlier versions), as they stand; how many were kept."""
        unkept = self._store.column(
            """SELECT id FROM meetings m WHERE status = 'approved'
               AND NOT EXISTS (SELECT 1 FROM approved_minutes a WHERE a.meeting_id = m.id)""")
        with self._store.transaction():
            for meeting_id in unkept:
                self._keep(meeting_id)
        return len(unkept)

    def reopen(self, meeting_id: str, reason: str, on=None) -> Changes:
        """Take an approval back, recording when and why; the minutes are then
        circulated again, to be corrected and approved anew."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError("Say why the approval is taken back.")
        if not self.of(meeting_id).locked:
            raise ValidationError("These minutes are not approved.")
        day = parse_date(on or dt.date.today(), "date")
        with self._store.transaction() as db:
            self._store.insert("minutes_reopenings", {
                "meeting_id": meeting_id, "reason": reason, "reopened_on": day.isoformat()})
            db.execute("DELETE FROM approved_minutes WHERE meeting_id = ?", (meeting_id,))
            changes = self._write(meeting_id, "circulated", approved_at_meeting_id=None,
                                  approval_entry_id=None)
        return changes

    def record_correction(self, meeting_id: str, at_meeting_id: str,
                          text: str) -> tuple[str, Changes]:
        """A change to approved minutes, agreed at a later meeting and recorded there."""
        text = (text or "").strip()
        if not text:
            raise ValidationError("Say what the correction is.")
        meeting, later = self._meeting(meeting_id), self._meeting(at_meeting_id)
        if not self.of(meeting_id).locked:
            raise ValidationError("These minutes are not approved yet: edit them directly.")
        if later["body_id"] != meeting["body_id"] or later["date"] <= meeting["date"]:
            raise ValidationError("A correction is agreed at a later meeting of the same body.")
        self.ensure_editable(at_meeting_id)
        day = long_date(parse_date(meeting["date"]))
        with self._store.transaction():
            entry_id = self._add_decision(
                self.minutes_item(at_meeting_id),
                f"Minutes of the meeting of {day} corrected: {text}")
            row = self._store.insert("minutes_corrections", {
                "meeting_id": meeting_id, "made_at_meeting_id": at_meeting_id,
                "decision_entry_id": entry_id, "text": text})
        return row["id"], Changes.of(Kind.MINUTES, meeting_id, at_meeting_id, entry_id)

    def withdraw_correction(self, correction_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Take back a correction and its decision (undo); rows returned parents first."""
        row = self._store.row("SELECT * FROM minutes_corrections WHERE id = ?", (correction_id,))
        if row is None:
            raise NotFoundError("That correction no longer exists.")
        self.ensure_editable(row["made_at_meeting_id"])
        rows = [("minutes_entries", r) for r in self._store.rows(
            "SELECT * FROM minutes_entries WHERE id = ?", (row["decision_entry_id"],))]
        with self._store.transaction() as db:
            db["minutes_corrections"].delete(correction_id)
            for _, entry in rows:
                db["minutes_entries"].delete(entry["id"])
        return (Changes.of(Kind.MINUTES, row["meeting_id"], row["made_at_meeting_id"]),
                rows + [("minutes_corrections", row)])

    def corrections(self, meeting_id: str) -> list[Correction]:
        rows = self._store.rows(
            """SELECT c.*, m.date AS made_at_date FROM minutes_corrections c
               JOIN meetings m ON m.id = c.made_at_meeting_id
               WHERE c.meeting_id = ? ORDER BY m.date, c.created_at""", (meeting_id,))
        return [Correction(r["id"], r["meeting_id"], r["made_at_meeting_id"],
                           parse_date(r["made_at_date"]), r["text"]) for r in rows]

    def minutes_item(self, meeting_id: str) -> str:
        """Where the last minutes are taken: the standing item, else the first item."""
        found = self.matters_arising_item(meeting_id) or self._store.scalar(
            """SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL
               ORDER BY position LIMIT 1""", (meeting_id,))
        if found is None:
            raise ValidationError(
                "The later meeting has no agenda yet: add an item for the minutes of the "
                "last meeting first.")
        return found

    def matters_arising_item(self, meeting_id: str) -> str | None:
        """The item for the minutes of the last meeting and matters arising, if any."""
        return self._store.scalar(
            """SELECT id FROM agenda_items WHERE meeting_id = ? AND parent_id IS NULL
               AND (standing_kind = 'minutes' OR title LIKE '%minutes%')
               ORDER BY standing_kind = 'minutes' DESC, position LIMIT 1""", (meeting_id,))

    def _add_decision(self, item_id: str, text: str) -> str:
        position = self._store.scalar(
            "SELECT coalesce(max(position), 0) + 1 FROM minutes_entries "
            "WHERE item_id = ? AND parent_id IS NULL", (item_id,))
        return self._store.insert("minutes_entries", {
            "item_id": item_id, "parent_id": None, "position": position,
            "kind": "decision", "text": text})["id"]

    # -- undo --------------------------------------------------------------

    def snapshot(self, meeting_id: str) -> Snapshot:
        row = self._row(meeting_id)
        entry_id = row and row["approval_entry_id"]
        entries = self._store.rows("SELECT * FROM minutes_entries WHERE id = ?", (entry_id,))
        kept = self._store.row("SELECT * FROM approved_minutes WHERE meeting_id = ?",
                               (meeting_id,))
        return Snapshot(self._meeting(meeting_id)["status"], row, tuple(entries), kept)

    def put_back(self, meeting_id: str, before: Snapshot) -> Changes:
        """Return the minutes to an earlier snapshot (undo of a lifecycle step).
        Undoing an approval takes it back, a recorded step like any other."""
        now = self.snapshot(meeting_id)
        with self._store.transaction() as db:
            if now.kept_row and not before.kept_row:
                self._store.insert("minutes_reopenings", {
                    "meeting_id": meeting_id, "reason": "The approval was undone.",
                    "reopened_on": dt.date.today().isoformat()})
                db.execute("DELETE FROM approved_minutes WHERE meeting_id = ?", (meeting_id,))
            for entry in now.entry_rows:
                if entry not in before.entry_rows:
                    db["minutes_entries"].delete(entry["id"])
            for entry in before.entry_rows:
                if entry not in now.entry_rows:
                    self._store.restore("minutes_entries", entry)
            db.execute("DELETE FROM minutes_lifecycle WHERE meeting_id = ?", (meeting_id,))
            if before.lifecycle_row:
                self._store.restore("minutes_lifecycle", before.lifecycle_row)
            self._store.update("meetings", meeting_id, {"status": before.status})
            if before.kept_row and not now.kept_row:  # approved again (redo): kept anew
                self._store.insert("approved_minutes", {
                    k: before.kept_row[k] for k in ("meeting_id", "document", "publication")})
        return Changes.of(Kind.MEETING, meeting_id) | Changes.of(Kind.MINUTES, meeting_id)
