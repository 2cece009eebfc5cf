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
    columns: Sequence[Column] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._records: list = []

    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int):
        return self._records[row]

    def row_of(self, record_id: str) -> int:
        """The row holding the record with this id, or -1."""
        return next((i for i, r in enumerate(self._records) if self._id(r) == record_id), -1)

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
