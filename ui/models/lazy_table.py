"""A read-only table model that reads its records a batch at a time.

A page hands over the ids of every record, in the order shown (one narrow
query through the core), and ``read(ids)``, which reads those records through
the core. The view asks for more (``canFetchMore``/``fetchMore``) as it
scrolls towards the end, and each batch costs the same however far down it
is. A list already at hand is shown the same way, read from itself.

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
    # Two or three screenfuls. A scroll that reaches the end of what is read
    # waits for one batch, so the batch sets the longest stall (50 rows: about
    # half that of 100); the first still fills the screen at once.
    batch = 50

    def __init__(self, parent=None):
        super().__init__(parent)
        self._ids: Sequence[str] = []
        self._read: Read | None = None
        self._next = 0  # where in _ids the next batch starts

    def set_source(self, ids: Sequence[str], read: Read) -> None:
        """Start again from the first batch of the records with these ids."""
        self.beginResetModel()
        self._ids, self._read, self._next = ids, read, 0  # (an Unfolding kept as it is)
        self._records = self._read_batch()
        self.endResetModel()

    def set_records(self, records: list) -> None:
        at_hand = {r.id: r for r in records}
        self.set_source(list(at_hand), lambda ids: [at_hand[i] for i in ids])

    def _rows(self, records: list) -> list[tuple]:
        """What the view shows of each record: its id, then each column's text."""
        return [(r.id, *(c.text(r) for c in self.columns)) for r in records]

    def record(self, row: int):
        found = self._read([self._records[row][0]])
        return found[0] if found else None

    @staticmethod
    def _id(record) -> str:
        return record[0]  # a row as kept

    def total(self) -> int:
        """How many records there are, read or not."""
        return len(self._ids)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in TEXT_ROLES:
            return self._records[index.row()][1 + index.column()]
        if role == RECORD_ROLE:
            return self._records[index.row()][0]
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and self._next < len(self._ids)

    def fetchMore(self, parent=QModelIndex()) -> None:
        more = []
        while not more and self.canFetchMore(parent):  # a batch deleted since: the next
            more = self._read_batch()
        if more:
            first = len(self._records)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._records.extend(more)
            self.endInsertRows()

    def _read_batch(self) -> list[tuple]:
        ids = self._ids[self._next:self._next + self.batch]
        self._next += len(ids)
        return self._rows(self._read(ids)) if ids else []
