"""A row of widgets that wraps onto more lines when the width runs out.

A row of four buttons in a plain box layout asks for the width of all four,
and two such rows side by side push a tab wider than a laptop's window. This
one asks only for its widest widget and grows taller instead.
"""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget, QWidgetItem

FALLBACK_SPACING = 6  # when neither the layout nor the style says


class FlowLayout(QLayout):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # -- the items ---------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """As a box layout's: the widget goes before the one at ``index``."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes ---------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """All on one line, as wide as that takes."""
        width = sum(i.sizeHint().width() for i in self._shown())
        width += self._spacing() * max(len(self._shown()) - 1, 0)
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """As narrow as the widest item."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- placing -------------------------------------------------------------------

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]  # hidden widgets take no room

    def _spacing(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        spacing = parent.style().pixelMetric(
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if parent else -1
        return spacing if spacing >= 0 else FALLBACK_SPACING

    def _with_margins(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, place: bool) -> int:
        """Lay the items out left to right within ``rect`` (moving them only
        when ``place``); returns the height that takes."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap = self._spacing()
        x, y, line_height = area.x(), area.y(), 0
        for item in self._shown():
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:  # the next line
                x, y, line_height = area.x(), y + line_height + gap, 0
            if place:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()
