"""A read-only table model that reads its records a batch at a time.

A page hands over the ids of every record, in the order shown (one narrow
query through the core), and ``read(ids)``, which reads those records through
the core. The model has a row for every id from the start, so the scroll bar
is true to the list and Ctrl+End or a drag to the bottom goes to its end; a
row's record is read, with the rest of its batch, when the view first asks
for it, and each batch costs the same however far down it is. A list
already at hand is shown the same way, read from itself.

Each row is kept as a plain tuple of its id and texts, made once when read:
``data()`` neither queries nor formats, and the garbage collector stops
tracking such tuples, so a long log held here does not lengthen each full
collection (a pause of the whole window). ``record(row)`` reads the record
again, for a user's gesture, never for painting.
"""

from typing import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from .records import RECORD_ROLE, TEXT_ROLES, RecordTableModel

Read = Callable[[Sequence[str]], list]  # records with these ids, in order; deleted ones left out


class Unfolding(Sequence[str]):
    """Ids in order of which the first screen's are at hand and the rest read
    all at once when first wanted (``unfold``): on a long log the first
    screen is shown before the whole order is settled. ``count``: how many
    there are in all."""

    def __init__(self, first: list[str], count: int, everything: Callable[[], list[str]]):
        self._ids = first
        self._count = count
        self._everything: Callable[[], list[str]] | None = (
            everything if count > len(first) else None)

    @property
    def whole(self) -> bool:
        return self._everything is None

    def unfold(self) -> None:
        """Read the whole order. The first ones stay as they were handed over
        (some may be shown already); the rest follow in the order read now."""
        if self._everything is not None:
            shown = set(self._ids)
            self._ids = self._ids + [i for i in self._everything() if i not in shown]
            self._everything = None
            self._count = len(self._ids)

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            if (index.stop is None or index.stop > len(self._ids)) and not self.whole:
                self.unfold()
        elif index >= len(self._ids):
            self.unfold()
        return self._ids[index]


class LazyTableModel(RecordTableModel):
    # A screenful or two: a view that jumps into the unread part of the list
    # waits for one batch (or two), so the batch sets the longest stall.
    batch = 50

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: Sequence[str] = []
        self._count = 0
        self._read: Read | None = None
        self._batches: dict[int, dict[str, tuple]] = {}  # read so far: by number, rows by id

    def set_source(self, ids: Sequence[str], read: Read) -> None:
        """Show the records with these ids, none read until asked for."""
        self.beginResetModel()
        self._ids, self._read, self._batches = ids, read, {}  # (an Unfolding kept as it is)
        self._count = len(ids)
        self.endResetModel()

    def set_records(self, records: list) -> None:
        at_hand = {r.id: r for r in records}
        self.set_source(list(at_hand), lambda ids: [at_hand[i] for i in ids])

    def _rows(self, records: list) -> list[tuple]:
        """What the view shows of each record: its id, then each column's text."""
        return [(r.id, *(c.text(r) for c in self.columns)) for r in records]

    def _row(self, row: int) -> tuple | None:
        """The row as kept, its batch read if it is not yet; None for a record
        deleted since the ids were handed over (the page reloads on hearing of it)."""
        number = row // self.batch
        rows = self._batches.get(number)
        if rows is None:
            assert self._read is not None, "rows only exist once a source is set"
            ids = self._ids[number * self.batch:(number + 1) * self.batch]
            rows = self._batches[number] = {r[0]: r for r in self._rows(self._read(ids))}
        return rows.get(self._id_at(row))

    def _id_at(self, row: int) -> str | None:
        # (the whole order, read afresh, may be shorter than the count it was shown with)
        return self._ids[row] if row < len(self._ids) else None

    def record(self, row: int):
        record_id = self._id_at(row) if row >= 0 else None
        found = self._read([record_id]) if record_id is not None and self._read else []
        return found[0] if found else None

    def row_of(self, record_id: str) -> int:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return -1

    def total(self) -> int:
        """How many records there are, read or not."""
        return self._count

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or (role not in TEXT_ROLES and role != RECORD_ROLE):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        return row[1 + index.column()] if role in TEXT_ROLES else row[0]
