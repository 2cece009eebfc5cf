"""Lists of records in a QTableView: one look, one way to keep the selection
and one way to open a long list."""

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyle,
                               QStyledItemDelegate, QTableView, QToolTip, QTreeView)

from .models.records import RECORD_ROLE
from .widgets import after_paint


FIT_ROWS = 50
FOLLOW_FITS = 3  # rows fitted as they come into view, each time the row gone to is pushed out
FIRST_SCREEN = 100  # records read before a long list is first shown: two or three screenfuls
WIDEST_COLUMN = 320  # pixels: a long title or note wraps onto more lines
NARROWEST_SHARE = 60  # a column cut down to share the width keeps this much


def text_margins(view: QAbstractItemView) -> int:
    """A list line's or cell's width besides its text: the style's margin either side."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
                + 1)


def cell_margins(view: QTableView) -> int:
    """A cell's width besides its text: its margins, and the grid line."""
    return text_margins(view) + 1


def text_cut(metrics: QFontMetrics, text: str, room: int, height: int, wrap: bool = True) -> bool:
    """Whether ``text`` does not wholly show in ``room`` pixels across and
    ``height`` down: wrapped at word breaks, taller than the height or with a
    word wider than the room (drawn with "…"); on one line, wider than the room."""
    if not wrap:
        return metrics.horizontalAdvance(text) > room
    if any(metrics.horizontalAdvance(word) > room for word in text.split()):
        return True
    flags = int(Qt.TextFlag.TextWordWrap)
    return metrics.boundingRect(0, 0, room, 1 << 20, flags, text).height() > height


def cell_text_cut(view: QTableView, text: str, column: int, row: int) -> bool:
    """Whether ``text`` wrapped at word breaks in this cell of ``view`` is cut
    (the row's height less its grid line)."""
    return text_cut(view.fontMetrics(), text, view.columnWidth(column) - cell_margins(view),
                    view.rowHeight(row) - 1)


class FullTextTips(QStyledItemDelegate):
    """Pointing at a cell whose text does not wholly show (a word longer than the
    column is drawn cut with "…", or a line cut short in a list or tree that
    does not wrap) shows the whole text, unless the model has a tooltip of its own."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() \
                and index.data(Qt.ItemDataRole.ToolTipRole) is None:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and shown_cut(view, text, index, option.rect.size()):
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def shown_cut(view: QAbstractItemView, text: str, index, size) -> bool:
    """Whether ``text`` does not wholly show at ``index`` of ``view``, in a cell of ``size``."""
    if isinstance(view, QTableView):
        return cell_text_cut(view, text, index.column(), index.row())
    return text_cut(view.fontMetrics(), text, size.width() - text_margins(view), size.height(),
                    view.wordWrap())


def to_the_edge(widths: list[int], room: int, give_to: int | None = None,
                keep: int = 0, least: list[int] | None = None) -> list[int]:
    """Column widths with no column cut by the right edge ``room`` pixels
    across. While they do not all fit, the first ``keep`` columns are kept in
    view by narrowing column ``give_to`` (to no less than its ``least``), and
    the columns wholly in view fill the width, ``give_to`` (else the last of
    them) taking what is spare, so the next begins at the edge, for the scroll
    bar to bring into view."""
    widths = list(widths)
    if sum(widths) <= room:
        return widths
    if give_to is not None and give_to < keep and sum(widths[:keep]) > room:
        floor = least[give_to] if least else 0
        widths[give_to] = max(floor, widths[give_to] - (sum(widths[:keep]) - room))
    shown = 0
    while shown < len(widths) and sum(widths[:shown + 1]) <= room:
        shown += 1
    if shown:
        taker = give_to if give_to is not None and give_to < shown else shown - 1
        widths[taker] += room - sum(widths[:shown])
    return widths


def header_of(view: QAbstractItemView) -> QHeaderView:
    return view.header() if isinstance(view, QTreeView) else view.horizontalHeader()


class ColumnFitter(QObject):
    """Fits a table's columns to their contents (no wider than ``WIDEST_COLUMN``)
    when asked, and whenever the table is resized shares its width among them:
    while they do not all fit, the widest are cut down alike (their text wraps),
    so the last columns stay in view rather than past the right edge. No column
    is cut narrower than its heading or its longest word. A ``stretch`` column
    takes the width the others leave. Without ``share_width`` the columns keep
    their own widths. Either way, those that still do not fit begin at the
    right edge (see ``to_the_edge``, for ``keep``), none cut by it."""

    def __init__(self, view: QAbstractItemView, share_width: bool = True,
                 stretch: int | None = None, keep: int = 0):
        super().__init__(view)
        self._view, self._share, self._stretch, self._keep = view, share_width, stretch, keep
        self.natural: list[int] = []  # each column's width for its contents
        self._least: list[int] = []  # each column's heading or longest word
        on_resize(view.viewport(), self.share)

    def fit(self) -> None:
        header = header_of(self._view)
        measured = [self._measure(c) for c in range(header.count())]
        least = [max(header.sectionSizeHint(c), word) for c, (_, word) in enumerate(measured)]
        self.fit_to([min(max(whole, low), WIDEST_COLUMN)
                     for (whole, _), low in zip(measured, least, strict=True)], least)

    def fit_to(self, natural: list[int], least: list[int]) -> None:
        """Widths measured by the caller: each column's own, and its least."""
        self.natural, self._least = natural, least
        header = header_of(self._view)
        for column, width in enumerate(natural):
            header.resizeSection(column, width)
        self.share()

    def _measure(self, column: int) -> tuple[int, int]:
        """The widths of the longest text and the longest word in the column's
        first rows, each with the cell's margins (text wraps between words; a
        word cut shows "…"). Read once: a long list is not read to its end."""
        view, model = self._view, self._view.model()
        whole = word = 0
        for row in range(min(model.rowCount(), FIT_ROWS)):
            index = model.index(row, column)
            text = index.data()
            if isinstance(text, str) and text:
                font = index.data(Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font) if font is not None else view.fontMetrics()
                whole = max(whole, metrics.horizontalAdvance(text))
                word = max(word, *(metrics.horizontalAdvance(w) for w in text.split()))
        # A pixel more: the text is laid out in fractions of one, then rounded.
        return ((whole + cell_margins(view) + 1) if whole else 0,
                (word + cell_margins(view) + 1) if word else 0)

    def share(self) -> None:
        if not self.natural or not self._view.viewport().width():
            return
        room, natural = self._view.viewport().width(), self.natural
        header = header_of(self._view)

        def widths(cap: int) -> list[int]:
            return [max(min(width, cap), least) for width, least in zip(natural, self._least, strict=True)]

        cap = max(natural)
        while self._share and cap > NARROWEST_SHARE and sum(widths(cap)) > room:
            cap -= 4
        shared = widths(cap)
        if self._stretch is not None:
            # It takes what the others leave while that is its share or more.
            mode = QHeaderView.ResizeMode.Stretch if sum(shared) <= room \
                else QHeaderView.ResizeMode.Interactive
            header.setSectionResizeMode(self._stretch, mode)
        shared = to_the_edge(shared, room, self._stretch, self._keep, self._least)
        for column, width in enumerate(shared):
            header.resizeSection(column, width)


class RowFitter(QObject):
    """Rows grow to hold their wrapped text: those in view, measured as they come
    into view or their columns change width (Qt's ResizeToContents measures
    every row of a long list at each layout)."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self._view, self._pending = view, False
        self._follow = 0  # fits left in which to bring the row gone to back into sight
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged,
                       model.layoutChanged, view.verticalScrollBar().valueChanged,
                       view.horizontalHeader().sectionResized):
            signal.connect(self.soon)
        view.selectionModel().currentRowChanged.connect(self._chosen)
        on_resize(view.viewport(), self.soon)

    def soon(self, *_) -> None:
        """Fit once the changes of this turn of the event loop are all in."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.fit)  # (not after its table is gone)

    def fit(self) -> None:
        self._pending = False
        view = self._view
        row, bottom = max(view.rowAt(0), 0), view.viewport().height()
        while row < view.model().rowCount() and view.rowViewportPosition(row) < bottom:
            view.resizeRowToContents(row)
            row += 1
        if self._follow:  # the row just gone to (Ctrl+End, say) stays in sight as rows grow
            chosen = view.currentIndex()
            if not chosen.isValid() or self._wholly_shown(chosen.row()):
                self._follow = 0
            else:  # (rows come into view above it, to be fitted in turn)
                self._follow -= 1
                view.doItemsLayout()  # the scroll range of the heights just set
                view.scrollTo(chosen)

    def _wholly_shown(self, row: int) -> bool:
        top = self._view.rowViewportPosition(row)
        return top >= 0 and top + self._view.rowHeight(row) <= self._view.viewport().height()

    def _chosen(self, *_) -> None:
        self._follow = FOLLOW_FITS
        self.soon()


def empty_hint(view: QAbstractItemView, text: str) -> QLabel:
    """A note centred on the list while it has no rows: what to do first."""
    hint = QLabel(text, view.viewport())
    hint.setWordWrap(True)
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setAccessibleName("What to do first")
    hint.setEnabled(False)  # drawn greyed, as the placeholder of a field is

    def place(*_) -> None:
        hint.setGeometry(view.viewport().rect().adjusted(24, 24, -24, -24))
        hint.setVisible(view.model().rowCount() == 0)

    model = view.model()
    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
        signal.connect(place)
    on_resize(view.viewport(), place)
    place()
    return hint


class _Resized(QObject):
    def __init__(self, widget, call):
        super().__init__(widget)
        self._call = call

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._call()
        return False


def on_resize(widget, call) -> None:
    """Call ``call()`` whenever the widget changes size."""
    widget.installEventFilter(_Resized(widget, call))


def table_view(model, name: str, fit_columns: bool = True, share_width: bool = True,
               stretch: int | None = None) -> QTableView:
    """A keyboard-friendly list of records, one row selected at a time.

    Its columns fit their contents each time the records are replaced (see
    ``ColumnFitter``), then stay as they are, for the official to drag wider
    or narrower, until the table is resized. Text longer than its column wraps
    and the row grows to hold it; a word too long for it ends in "…" and shows
    whole when pointed at. (Qt's
    ResizeToContents fits them at every layout instead: it measured a long
    list two or three times over while a file opened, and no one could drag
    them.) ``fit_columns=False`` leaves the widths to the caller;
    ``share_width=False`` keeps each column its own width, the last ones
    beyond the right edge;
    ``stretch`` names the column given the spare width (else the last).
    """
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Columns fit the first rows only: measuring every row of a long list would
    # make opening it cost in proportion to its length.
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setStretchLastSection(stretch is None)
    view.setWordWrap(True)
    view.rows = RowFitter(view)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(FullTextTips(view))
    view.fitter = ColumnFitter(view, share_width, stretch)
    if fit_columns:
        model.modelReset.connect(view.fitter.fit)
        view.fitter.fit()  # for records already there
    return view


def lines_height(view: QTableView, lines: int) -> int:
    """The height a table needs to show ``lines`` lines of text (and a grid
    line for each row) under its heading, with its horizontal scroll bar."""
    return (lines * (view.fontMetrics().lineSpacing() + 1)
            + view.horizontalHeader().sizeHint().height()
            + view.horizontalScrollBar().sizeHint().height() + 2 * view.frameWidth())


def show_list(view: QTableView, read: Callable[[int | None], list]) -> None:
    """Fill the list with ``read(limit)``: the first ``limit`` records, or all
    of them for None. Shown for the first time, a long list shows its first
    screen at once and reads the rest once that is painted (or sooner, if it
    is scrolled past or a record further on is looked for), so it opens as
    quickly as a short one; a list already shown whole is read whole again,
    so that the official's place in it stays."""
    model = view.model()
    if model.whole:
        model.set_records(read(None))
        return
    first = read(FIRST_SCREEN)
    if len(first) < FIRST_SCREEN:
        model.set_records(first)
        return
    model.set_first(first, lambda: read(None))
    after_paint(view.viewport(), model.complete)


def selected_id(view: QTableView) -> str | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(RECORD_ROLE) if rows else None  # no record read (lazy models)


def show_id(view: QTableView, record_id: str) -> bool:
    """Select the record's row, scroll it into view and give the list the
    keyboard; False if it is not listed."""
    row = view.model().row_of(record_id)
    if row < 0:
        return False
    view.selectRow(row)
    view.scrollTo(view.currentIndex())  # even if it was chosen already, then scrolled past
    view.setFocus()
    return True


def select_id(view: QTableView, record_id: str | None) -> None:
    row = view.model().row_of(record_id) if record_id else -1
    if row < 0 and view.model().rowCount():
        row = 0
    if row >= 0:
        view.selectRow(row)
