"""The search box: Ctrl+F or Ctrl+K from anywhere (see ``ui.search``), hits
grouped by kind with the matching words in bold, Enter opens the record in
its page.

The box searches
the body shown (people and interests belong to every body) as the official
types, and emits ``open_record(kind, record_id, meeting_id)``; ``open_hit``
takes the window to the record's page (a page may offer
``show_record(record_id)`` to select the record itself). Once a hit is opened
the box goes away and the window has the keyboard, on the record chosen.
"""

import html

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (QDialog, QLabel, QLineEdit, QStyle, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from secretariat.search import Hit, Marked

from .pages import PAGES
from .session import Session

HIT_ROLE = Qt.ItemDataRole.UserRole
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 1
_DELAY_MS = 120  # typing pauses this long before the search runs
_PAGES = {"person": "People", "interest": "Interests", "paper": "Papers",
          "recommendation": "Recommendations",
          "suggestion": "Suggestions"}


def markup(marked: Marked) -> str:
    """Rich text with the matching words in bold; everything typed is escaped."""
    return "".join(f"<b>{html.escape(text)}</b>" if matched else html.escape(text)
                   for text, matched in marked.runs)


def hit_markup(hit: Hit) -> str:
    lines = [markup(hit.text)]
    if hit.detail:
        lines.append(f"<small>{markup(hit.detail)}</small>")
    if hit.context:
        lines.append(f"<small><i>{html.escape(hit.context)}</i></small>")
    return "<br>".join(lines)


class _RichTextDelegate(QStyledItemDelegate):
    """Draws an item's rich text (MARKUP_ROLE) in place of its plain text."""

    def _document(self, option, index) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(index.data(MARKUP_ROLE))
        width = option.rect.width()
        view = option.widget
        if width <= 0 and view is not None:  # sizing, before the item has a place
            width = view.viewport().width() - 2 * view.indentation()
        document.setTextWidth(max(width, 200))
        return document

    def paint(self, painter, option, index: QModelIndex) -> None:
        if not index.data(MARKUP_ROLE):
            super().paint(painter, option, index)
            return
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        option.text = ""
        option.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                                          option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        if not index.data(MARKUP_ROLE):
            return super().sizeHint(option, index)
        option = QStyleOptionViewItem(option)
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()))


class _Results(QTreeWidget):
    """The hits under their groups' headings: the arrow and page keys step
    from hit to hit, over the headings."""

    def moveCursor(self, action, modifiers) -> QModelIndex:
        target = super().moveCursor(action, modifiers)
        upward = action in (self.CursorAction.MoveUp, self.CursorAction.MovePrevious,
                            self.CursorAction.MovePageUp)
        step = self.indexAbove if upward else self.indexBelow
        while target.isValid() and not target.parent().isValid():  # a heading
            target = step(target)
        return target if target.isValid() else self.currentIndex()


class SearchBox(QDialog):
    """Search the open file; stays open beside the window until Escape or a hit is opened."""

    open_record = Signal(str, str, object)  # kind, record id, meeting id (or None)

    def __init__(self, session: Session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Search")
        self.setAccessibleName("Search")
        self.words = QLineEdit()
        self.words.setPlaceholderText('words, "a phrase", word*, -word, a OR b')
        self.words.setAccessibleName("Search for")
        self.words.setClearButtonEnabled(True)
        self.results = _Results()
        self.results.setHeaderHidden(True)
        self.results.setAccessibleName("Search results")
        self.results.setItemDelegate(_RichTextDelegate(self.results))
        self.results.setUniformRowHeights(False)
        self.results.setWordWrap(True)
        self.status = QLabel()
        self.status.setAccessibleName("Search status")
        layout = QVBoxLayout(self)
        layout.addWidget(self.words)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(560, 520)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DELAY_MS)
        self._timer.timeout.connect(self.run)
        self.words.textChanged.connect(lambda _: self._timer.start())
        self.words.returnPressed.connect(self._enter_in_box)
        self.results.itemActivated.connect(self._open)
        session.changed.connect(lambda _: self.isVisible() and self._timer.start())

    def start(self) -> None:
        """Show the box with the words selected, ready to type over."""
        self.show()
        self.activateWindow()
        self.words.setFocus()
        self.words.selectAll()

    def run(self) -> None:
        self._timer.stop()
        if getattr(self.parent(), "session", self.session) is not self.session:
            self.close()  # its file has been closed
            return
        words = self.words.text()
        results = self.session.tf.search(words, self.session.body_id, as_you_type=True)
        self.results.clear()
        for group in results.groups:
            header = QTreeWidgetItem([f"{group.label} ({len(group.hits)})"])
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            self.results.addTopLevelItem(header)
            for hit in group.hits:
                item = QTreeWidgetItem([hit.text.plain])
                item.setData(0, HIT_ROLE, hit)
                item.setData(0, MARKUP_ROLE, hit_markup(hit))
                item.setToolTip(0, hit.context)
                header.addChild(item)
        self.results.expandAll()
        if not words.strip():
            self.status.setText("")
        elif results:
            self.status.setText(f"{len(results.hits)} found. Press Down to choose, "
                                "Enter to open.")
        else:
            self.status.setText(f"Nothing found for {words.strip()}.")
        first = self.results.topLevelItem(0)
        if first is not None:
            self.results.setCurrentItem(first.child(0))

    def _enter_in_box(self) -> None:
        if self._timer.isActive():
            self.run()
        current = self.results.currentItem()
        if current is not None:
            self._open(current)

    def _open(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if hit is not None:
            self.hide()  # not left on top of the record it opens
            self.open_record.emit(hit.kind, hit.record_id, hit.meeting_id)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and self.words.hasFocus():
            self.results.setFocus()
            return
        super().keyPressEvent(event)


def open_hit(window, kind: str, record_id: str, meeting_id: str | None) -> None:
    """Show the record's page: the meeting for what was said or agreed there."""
    workspace = window.centralWidget()
    name = "Meetings" if meeting_id else _PAGES.get(kind)
    names = [page_name for page_name, _ in PAGES]
    if not hasattr(workspace, "page") or name not in names:
        return
    workspace.show_page(names.index(name))
    page = workspace.page(name)
    if meeting_id and hasattr(page, "show_meeting"):
        page.show_meeting(meeting_id, kind, record_id)
    elif hasattr(page, "show_record"):
        page.show_record(record_id)
    window.activateWindow()  # the keyboard to the record, which show_record focused
