"""The agenda's tree of items: the number, title, status and planned time in
view, and the keys that reorder items (Ctrl+Up/Down, Ctrl+Right/Left), add one
(Insert) and remove one (Delete), each handed to the page."""

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ..tables import ColumnFitter, FullTextTips

if TYPE_CHECKING:
    from .agenda import AgendaPage

TITLE, IN_VIEW = 1, 4  # the item's title; the columns kept in view, to its planned time
TITLE_LEAST = 16  # characters of the title shown, however narrow the pane


class AgendaTree(QTreeView):
    """The items, with the keys that reorder them."""

    def __init__(self, page: "AgendaPage"):
        super().__init__()
        self._page = page
        self.setAccessibleName("Agenda items")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setExpandsOnDoubleClick(False)
        # The number, title, status and planned time stay in view, the title
        # shortened with "…" if need be (pointing at it shows it whole); the
        # columns after them begin at the right edge, to scroll to.
        self.header().setStretchLastSection(False)
        self.columns = ColumnFitter(self, share_width=False, stretch=TITLE, keep=IN_VIEW)
        self.setItemDelegate(FullTextTips(self))

    def fit_columns(self) -> None:
        header = self.header()
        headings = [header.sectionSizeHint(c) for c in range(header.count())]
        natural = [max(self.sizeHintForColumn(c), least) for c, least in enumerate(headings)]
        headings[TITLE] = min(natural[TITLE], TITLE_LEAST * self.fontMetrics().averageCharWidth())
        self.columns.fit_to(natural, headings)

    def keyPressEvent(self, event):
        keys = {Qt.Key.Key_Up: self._page.move_up, Qt.Key.Key_Down: self._page.move_down,
                Qt.Key.Key_Right: self._page.indent, Qt.Key.Key_Left: self._page.outdent}
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in keys:
            keys[event.key()]()
        elif event.key() == Qt.Key.Key_Delete and not event.modifiers():
            self._page.remove_item()
        elif event.key() == Qt.Key.Key_Insert and not event.modifiers():
            self._page.add_item()
        else:
            super().keyPressEvent(event)
