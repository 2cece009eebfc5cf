"""Small helpers every page and dialog uses to stay keyboard- and reader-friendly."""

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QFrame, QLabel, QListView, QListWidget,
                               QPlainTextEdit, QPushButton,
                               QScrollArea, QSplitter, QStackedWidget, QStyledItemDelegate,
                               QStyleOptionViewItem, QTabWidget, QVBoxLayout, QWidget)

from secretariat.values import abbreviated_date, day_month_year

from .flow_layout import FlowLayout


def drawn_width(text: str, label: QLabel) -> int:
    """The width a label's one-line text takes as drawn. A mnemonic's underline
    splits it into pieces drawn without kerning between them: "&To" drawn as
    "T" then "o" is a pixel wider than "To" measured, and showed as "Tc"."""
    metrics = label.fontMetrics()
    at = text.find("&")
    pieces = [text[:at], text[at + 1], text[at + 2:]] if 0 <= at < len(text) - 1 else [text]
    return sum(metrics.horizontalAdvance(piece) for piece in pieces)


def add_row(form: QFormLayout, label: str, widget: QWidget) -> QWidget:
    """A labelled form row; the label (with its &-mnemonic) names the control for readers."""
    widget.setAccessibleName(label.replace("&", ""))
    name = QLabel(label)
    name.setBuddy(widget)
    name.setMinimumWidth(drawn_width(label, name))
    form.addRow(name, widget)
    return widget


def button(text: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    """A push button that calls ``slot()`` when clicked: with no arguments, so
    the ``checked`` flag ``clicked`` sends never lands in an optional parameter."""
    push = QPushButton(text)
    push.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        push.setToolTip(tip)
    push.clicked.connect(lambda: slot())
    return push


LISTED = 15  # entries a drop-down list shows before it scrolls


def combo_box(box: QComboBox | None = None) -> QComboBox:
    """A drop-down (``box``, or a new one) whose list opens below it, at most
    ``LISTED`` entries tall. (The Fusion style opens a fixed list with every
    entry, the current one over the box: a long list ran off the screen and
    ignored ``maxVisibleItems``.)"""
    box = box or QComboBox()
    box.setStyleSheet("QComboBox { combobox-popup: 0; }")
    box.setMaxVisibleItems(LISTED)
    return box


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]):
        super().__init__(widget)
        self._work = work
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._finish)  # once this paint is done
        return False

    def _finish(self) -> None:
        self._work()
        self.deleteLater()


def after_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Do ``work`` once ``widget`` has next been painted (shown, if it is not
    yet), so that what it shows is seen first."""
    _AfterPaint(widget, work)


class FilledWhenUsed(QComboBox):
    """A drop-down whose long list (a body's 1,200 meetings) is made when the
    official first comes to it, by mouse or keyboard, not with its page:
    ``fill(box)`` adds the entries after the first, which is there from the
    start and chosen."""

    def __init__(self, fill: Callable[[QComboBox], None], first: str):
        super().__init__()
        combo_box(self)
        self.addItem(first, None)
        self._fill = fill
        self._filled = False

    def refill(self) -> None:
        """The entries changed: made again now if shown, else when next used."""
        if self._filled:
            self._filled = False
            self._make()

    def _make(self) -> None:
        if self._filled:
            return
        self._filled = True
        chosen = self.currentData()
        blocked = self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        self._fill(self)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(blocked)

    def showPopup(self) -> None:
        self._make()
        super().showPopup()

    def focusInEvent(self, event) -> None:
        self._make()
        super().focusInEvent(event)


def choice_box(choices: dict[str, str], name: str = "") -> QComboBox:
    """A drop-down of ``choices`` (key: label), each holding its key as data."""
    box = combo_box()
    box.setAccessibleName(name)
    for key, label in choices.items():
        box.addItem(label or "(not given)", key)
    return box


class NotesEdit(QPlainTextEdit):
    """A text box that says when the user has finished with it (focus leaves)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def set_quietly(widget: QObject, setter, value) -> None:
    """Show a stored value without it counting as an edit."""
    blocked = widget.blockSignals(True)
    try:
        setter(value)
    finally:
        widget.blockSignals(blocked)


def scrollable(widget: QWidget, name: str) -> QScrollArea:
    """Let a wide page scroll on a small screen instead of widening the window."""
    widget.setAccessibleName(name)
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class Deferred(QWidget):
    """Holds a place in a stack or a tab bar for a widget built the first time
    it is the current one (see ``build_when_current``) or is asked for, so
    opening a file or a meeting builds only what is on screen."""

    def __init__(self, build: Callable[[], QWidget], name: str):
        super().__init__()
        self._build, self._name = build, name
        self._content: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        if self._content is None:
            self._content = self._build()
            area = scrollable(self._content, self._name)
            self.layout().addWidget(area)
            if self.isVisible():  # else it shows with this placeholder (hiding it would stick)
                area.show()
        return self._content


def build_when_current(pages: QStackedWidget | QTabWidget) -> None:
    """Build each ``Deferred`` of ``pages`` as it becomes the current one; call
    before adding them. (Not from a showEvent: the first event handler written
    in Python makes PySide build its QEvent classes, milliseconds of start-up.)"""
    def build(index: int) -> None:
        page = pages.widget(index)
        if isinstance(page, Deferred):
            page.content()

    pages.currentChanged.connect(build)


def day_text(day) -> str:
    """A date as tables and short fields show it, e.g. 26 May 2011; empty for none."""
    return abbreviated_date(day) if day else ""


def field_date_text(day) -> str:
    """A date as a field to edit shows it, e.g. 1 February 2011; empty for none."""
    return day_month_year(day) if day else ""


def button_row(entries) -> FlowLayout:
    """Buttons from (text, slot, tip) in a row, left-aligned, wrapping onto a
    second line rather than widening a narrow pane."""
    row = FlowLayout()
    for entry in entries:
        row.addWidget(entry if isinstance(entry, QWidget) else button(*entry))
    return row


class WrapToTheList(QStyledItemDelegate):
    """Each line of a list measured wrapped to the width it is drawn at: the
    list's, less its spacing either side. (Qt measures a line once for its
    place, at the width the list would have beside a scroll bar, and again
    for its height, at the width of the widest line: a line wrapped onto
    three lines at one and two at the other had an empty line under it, and
    its last words, drawn at the list's width, cut short with "…".)"""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        view = self.parent()
        sized = QStyleOptionViewItem(option)
        sized.rect = QRect(0, 0, view.viewport().width() - 2 * view.spacing(),
                           max(option.rect.height(), 1))
        return super().sizeHint(sized, index)


def wrapping_list(name: str) -> QListWidget:
    """A list whose long lines wrap onto more lines, each row growing to hold
    its text as the pane is resized, rather than running past the right edge."""
    view = QListWidget()
    view.setItemDelegate(WrapToTheList(view))
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setSpacing(2)  # a gap where one wrapped line ends and the next begins
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


def remember_sizes(splitter: QSplitter, key: str, sizes: list[int]) -> QSplitter:
    """Give the splitter the sizes the official last dragged it to (``sizes`` the
    first time), and keep them as they drag it again."""
    from . import settings

    setting = f"{settings.SPLITTERS}/{key}"
    saved = QSettings().value(setting)
    if not (saved and splitter.restoreState(saved)):
        splitter.setSizes(sizes)
    splitter.splitterMoved.connect(lambda *_: QSettings().setValue(setting, splitter.saveState()))
    return splitter


def side_by_side(page: QWidget, left: list, right: list) -> None:
    """The page's two panes in a splitter (remembered for each kind of page);
    each a column of widgets and layouts, a widget given as (widget, n) taking
    n shares of the spare height. The panes share spare width alike."""
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    for parts in (left, right):
        pane = QWidget()
        column = QVBoxLayout(pane)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, tuple):
                column.addWidget(*part)
            elif isinstance(part, QWidget):
                column.addWidget(part)
            else:
                column.addLayout(part)
        splitter.addWidget(pane)
        splitter.setStretchFactor(splitter.count() - 1, 1)
    remember_sizes(splitter, type(page).__name__, [640, 520])
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)


def ask_date(parent: QWidget, title: str, label: str) -> str | None:
    """The day something happened, as the official types it (today unless they
    say otherwise); None when they cancel. The core reads and checks it."""
    import datetime as dt

    return ask_line(parent, title, label, field_date_text(dt.date.today()))


def ask_line(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """A line the official types (``text`` shown to start with); None when they cancel."""
    from PySide6.QtWidgets import QInputDialog

    typed, ok = QInputDialog.getText(parent, title, label, text=text)
    return typed if ok else None


def ask_until_taken(ask: Callable[[str], str | None], take: Callable[[str], object],
                    text: str = ""):
    """``ask(text)`` for a line until ``take(line)`` takes it (its result is
    returned) or the official cancels (None): a refused line comes back as
    typed, to be put right, as a form dialog's values do (``ValuesDialog.run``)."""
    while (typed := ask(text)) is not None:
        done = take(typed)
        if done:
            return done
        text = typed
    return None


def enable_while(holds: Callable[[], bool], buttons: list[QWidget], *signals) -> Callable[[], None]:
    """Keep ``buttons`` enabled only while ``holds()``, checked again at each of
    ``signals``: a button that could do nothing is greyed, not silent. Returns
    the check, for a page to run after it reloads."""
    def check(*_) -> None:
        on = bool(holds())
        for push in buttons:
            push.setEnabled(on)

    for signal in signals:
        signal.connect(check)
    check()
    return check

