"""The agenda as a two-level tree: items and their sub-items, numbered and timed.

The model holds the ``PlannedItem`` rows the core gives; a drop does not move
anything itself but asks ``on_move(item_id, parent_id, position)`` to, so the
move goes through the session (undoable) and the view refreshes from it.
"""

from typing import Callable

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, Qt

from secretariat.meeting.agenda_items import PlannedItem
from secretariat.values import time_to_text

from .. import item_status, palette
from .records import RECORD_ROLE

MIME = "application/x-secretariat-agenda-item"
# The status stands next to the title, where it reads at the default width.
COLUMNS = ("No.", "Item", "Status", "Planned", "Minutes", "Lead", "Papers", "Purpose")


def _planned(p: PlannedItem) -> str:
    """15:30–15:40; an item given no time is a moment: 15:30."""
    if not p.start:
        return ""
    if p.start == p.end:
        return time_to_text(p.start)
    return f"{time_to_text(p.start)}–{time_to_text(p.end)}"


class AgendaModel(QAbstractItemModel):
    def __init__(self, on_move: Callable[[str, str | None, int], None], parent=None):
        super().__init__(parent)
        self._on_move = on_move
        self._top: list[PlannedItem] = []
        self._children: dict[str, list[PlannedItem]] = {}
        self._by_id: dict[str, PlannedItem] = {}

    def set_items(self, planned: list[PlannedItem]) -> None:
        self.beginResetModel()
        self._top = [p for p in planned if p.item.parent_id is None]
        self._children = {}
        for p in planned:
            if p.item.parent_id:
                self._children.setdefault(p.item.parent_id, []).append(p)
        self._by_id = {p.item.id: p for p in planned}
        self.endResetModel()

    def order(self) -> list[str]:
        """The items' ids in agenda order."""
        return list(self._by_id)

    def planned(self, index: QModelIndex) -> PlannedItem | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, item_id: str) -> QModelIndex:
        p = self._by_id.get(item_id)
        if p is None:
            return QModelIndex()
        siblings = self._siblings(p.item.parent_id)
        return self.createIndex(siblings.index(p), 0, p)

    def _siblings(self, parent_id: str | None) -> list[PlannedItem]:
        return self._top if parent_id is None else self._children.get(parent_id, [])

    # -- the tree --------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()):
        siblings = self._siblings(self.planned(parent).item.id if parent.isValid() else None)
        if 0 <= row < len(siblings) and 0 <= column < len(COLUMNS):
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        p = self.planned(index)
        if p is None or p.item.parent_id is None:
            return QModelIndex()
        return self.index_of(p.item.parent_id)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid():
            return 0 if parent.column() else len(self._children.get(self.planned(parent).item.id,
                                                                    []))
        return len(self._top)

    def columnCount(self, parent=QModelIndex()):
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        p = self.planned(index)
        if p is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (p.number, p.item.title, item_status.label(p.item.status), _planned(p),
                    str(p.item.minutes_allocated or ""), p.lead, ", ".join(p.papers),
                    p.item.purpose_label)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole and COLUMNS[index.column()] == "Status":
            return p.item.status_label  # "Planned" said aloud, where the eye sees a blank
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.data(index)
        if role == Qt.ItemDataRole.ForegroundRole:
            return palette.warning() if p.over_run else item_status.brush(p.item.status)
        if role == Qt.ItemDataRole.FontRole:
            return item_status.font(p.item.status)
        if role == Qt.ItemDataRole.ToolTipRole and p.over_run:
            return "Planned to run past the meeting's end"
        if role == RECORD_ROLE:
            return p.item.id
        return None

    # -- drag and drop -----------------------------------------------------------

    def flags(self, index):
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):
        return Qt.DropAction.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        ids = [self.planned(i).item.id for i in indexes if i.isValid()]
        data = QMimeData()
        data.setData(MIME, (ids[0] if ids else "").encode())
        return data

    def dropMimeData(self, data, action, row, column, parent):
        """Dropped between rows: that place under ``parent``; dropped on an item:
        its last sub-item. The move itself is left to ``on_move``."""
        item_id = bytes(data.data(MIME)).decode()
        moving = self._by_id.get(item_id)
        if moving is None or action != Qt.DropAction.MoveAction:
            return False
        target = self.planned(parent)
        parent_id = target.item.id if target else None
        siblings = self._siblings(parent_id)
        if row < 0:
            row = len(siblings)
        current = siblings.index(moving) if moving in siblings else None
        position = row if current is not None and current < row else row + 1
        self._on_move(item_id, parent_id, position)
        return False  # the session's refresh shows the move; the view removes nothing
