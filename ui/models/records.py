"""A read-only table model over a list of records, one column per accessor.

A view fetches the records through the core and hands them over with
``set_records``; the model only formats what it holds.
"""

from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from secretariat.frozen import record

RECORD_ROLE = Qt.ItemDataRole.UserRole
# The roles a cell answers with its text; looked up once, as the view asks
# data() for some thousand cells a screen.
TEXT_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole))


@record
class Column:
    title: str
    text: Callable[[Any], str]


class RecordTableModel(QAbstractTableModel):
    """Records shown whole (``set_records``), or a long list's first screen of
    them, the rest read when first wanted (``set_first``)."""

    columns: Sequence[Column] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list = []
        self._rest: Callable[[], list] | None = None  # reads the whole list, if not yet read
        self.whole = False  # the whole list has been shown

    def set_records(self, records: list) -> None:
        self._reset(records, None)

    def set_first(self, first: list, everything: Callable[[], list]) -> None:
        """The first records of a longer list, which ``everything()`` reads
        whole when first wanted (``complete``)."""
        self._reset(first, everything)

    def _reset(self, records: list, rest: Callable[[], list] | None) -> None:
        self.beginResetModel()
        self._records, self._rest, self.whole = list(records), rest, rest is None
        self.endResetModel()

    def complete(self) -> None:
        """The rest of a list shown from its first records: they stay as they
        are (some may be chosen), the others follow in the order read now."""
        if self._rest is None:
            return
        read, self._rest, self.whole = self._rest, None, True
        shown = {self._id(r) for r in self._records}
        more = [r for r in read() if self._id(r) not in shown]
        if more:
            self.beginInsertRows(QModelIndex(), len(self._records),
                                 len(self._records) + len(more) - 1)
            self._records.extend(more)
            self.endInsertRows()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # scrolled to the end of the first
        return not parent.isValid() and self._rest is not None

    def fetchMore(self, parent=QModelIndex()) -> None:
        self.complete()

    def record(self, row: int):
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        """The row holding the record with this id, or -1 (the whole list read
        if it is not among the first records)."""
        row = next((i for i, r in enumerate(self._records) if self._id(r) == record_id), -1)
        if row < 0 and self._rest is not None:
            self.complete()
            return self.row_of(record_id)
        return row

    @staticmethod
    def _id(record) -> str:
        return record.id

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        record = self._records[index.row()]
        if role in TEXT_ROLES:
            return self.columns[index.column()].text(record)
        if role == RECORD_ROLE:
            return self._id(record)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.columns)):
            return self.columns[section].title
        return None


class ColouredModel(RecordTableModel):
    """A table whose rows may be drawn in a colour (see ``ui.palette``): those
    needing attention, or ended."""

    def colour(self, record) -> QBrush | None:
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            return self.colour(self.record(index.row()))
        return super().data(index, role)
