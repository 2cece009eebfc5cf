"""The shape every area manager shares: read a record, change some fields,
put a deleted record back for undo. Each manager says how its rows become
dataclasses and how typed values are checked and stored."""

from dataclasses import fields
from typing import Any, ClassVar, Generic, TypeVar

from .changes import Changes, Kind
from .errors import MinutesLockedError, NotFoundError, ValidationError, quoted
from .storage import Store
from .values import long_date, parse_date

R = TypeVar("R")


class Manager(Generic[R]):
    table: ClassVar[str]
    kind: ClassVar[Kind]
    record_type: ClassVar[type]
    label: ClassVar[str] = "record"

    def __init__(self, store: Store):
        self._store = store

    # Subclasses override these two to convert between stored and typed values.
    def _from_row(self, row: dict) -> R:
        names = {f.name for f in fields(self.record_type)}
        return self.record_type(**{k: v for k, v in row.items() if k in names})

    def _clean(self, values: dict[str, Any], current: R | None) -> dict[str, Any]:
        """Check and convert typed values to stored ones; raise ValidationError."""
        return values

    def get(self, record_id: str) -> R:
        row = self._store.row(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,))
        if row is None:
            raise NotFoundError(f"That {self.label} no longer exists.")
        return self._from_row(row)

    def update(self, record_id: str, /, **values) -> Changes:
        current = self.get(record_id)
        known = {f.name for f in fields(self.record_type)} - {"id", "created_at", "updated_at"}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"{self.table} has no field {sorted(unknown)[0]}")
        try:
            self._store.update(self.table, record_id, self._clean(values, current))
        except MinutesLockedError as refused:  # the file's own refusal: say which meeting
            meeting_id = record_id if self.table == "meetings" else self.raw(record_id).get(
                "meeting_id")
            raise (approved_minutes_refusal(self._store, meeting_id) or refused) from refused
        return Changes.of(self.kind, record_id)

    def raw(self, record_id: str) -> dict:
        """The stored row, for undo of a delete."""
        row = self._store.row(f"SELECT * FROM {self.table} WHERE id = ?", (record_id,))
        if row is None:
            raise NotFoundError(f"That {self.label} no longer exists.")
        return row

    def restore(self, row: dict) -> Changes:
        self._store.restore(self.table, row)
        return Changes.of(self.kind, row["id"])

    def _remove(self, table: str, row_id: str, owner: str,
                what: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete a row of ``table`` that belongs to one of this manager's records
        (named by its column ``owner``): a link, say. The row, for undo."""
        row = self._store.row(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        if row is None:
            raise NotFoundError(f"That {what} no longer exists.")
        self._store.delete(table, row_id)
        return Changes.of(self.kind, row[owner], row_id), [(table, row)]

    def _create(self, values: dict[str, Any]) -> tuple[str, Changes]:
        row = self._store.insert(self.table, self._clean(values, None))
        return row["id"], Changes.of(self.kind, row["id"])


def approved_minutes_refusal(store: Store, meeting_id: str | None) -> MinutesLockedError | None:
    """The refusal of a change to a meeting whose minutes are approved, naming
    the meeting and the one that approved them; None if they are not."""
    row = store.row(
        """SELECT m.date, a.date AS approved_at FROM meetings m
           LEFT JOIN minutes_lifecycle l ON l.meeting_id = m.id
           LEFT JOIN meetings a ON a.id = l.approved_at_meeting_id
           WHERE m.id = ? AND m.status = 'approved'""",
        (meeting_id,))
    if row is None:
        return None
    at = (f" at the meeting of {long_date(parse_date(row['approved_at']))}"
          if row["approved_at"] else "")
    return MinutesLockedError(
        f"The minutes of {long_date(parse_date(row['date']))} were approved{at}, so they are "
        "final: nothing was changed. Record a correction at a later meeting, or reopen "
        "them with a reason (Minutes tab, Reopen…).")


def stripped(values: dict[str, Any]) -> dict[str, Any]:
    """Values as typed, without the spaces around text."""
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}


def require_text(value: Any, what: str) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if not text:
        raise ValidationError(f"The {what} cannot be empty.")
    return text


def choice(value: str, allowed: dict[str, str], what: str) -> str:
    """Accept a stored key or its label, case-insensitively."""
    lowered = str(value).strip().lower()
    for key, label in allowed.items():
        if lowered in (key, label.lower()):
            return key
    options = ", ".join(allowed.values())
    raise ValidationError(f"The {what} {quoted(value)} is not one of: {options}.")
