"""A read-only table model that fetches its records a batch at a time.

The view asks for more (``canFetchMore``/``fetchMore``) as it scrolls towards
the end; the model never queries from ``data()``. A page hands over a
``fetch(offset, limit)`` that pages through the core and the total the core
counted, or, for a short list already at hand, the list itself.
"""

from typing import Callable

from PySide6.QtCore import QModelIndex

from .records import RecordTableModel

Fetch = Callable[[int, int], list]


class LazyTableModel(RecordTableModel):
    batch = 200

    def __init__(self, parent=None):
        super().__init__(parent)
        self._fetch: Fetch | None = None
        self._total = 0

    def set_source(self, fetch: Fetch, total: int) -> None:
        """Start again from the first batch of ``total`` records."""
        self.beginResetModel()
        self._fetch, self._total = fetch, total
        self._records = fetch(0, self.batch) if total else []
        self.endResetModel()

    def set_records(self, records: list) -> None:
        self._fetch, self._total = None, len(records)
        super().set_records(records)

    def total(self) -> int:
        """How many records there are, fetched or not."""
        return self._total

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return (not parent.isValid() and self._fetch is not None
                and len(self._records) < self._total)

    def fetchMore(self, parent=QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        more = self._fetch(len(self._records), self.batch)
        if not more:  # fewer than counted (the file changed): stop asking
            self._total = len(self._records)
            return
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._records.extend(more)
        self.endInsertRows()
