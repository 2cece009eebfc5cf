"""Lists of records in a QTableView: one look and one way to keep the selection."""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate,
                               QTableView, QToolTip)

from .models.records import RECORD_ROLE


FIT_ROWS = 50
WIDEST_COLUMN = 320  # pixels: a long title or note shows its start, then "…"
NARROWEST_SHARE = 60  # a column cut down to share the width keeps this much
TEXT_MARGINS = 12  # pixels around a cell's text (the style's focus frame and padding)


class FullTextTips(QStyledItemDelegate):
    """Cells draw their text cut short with "…" at the right; pointing at one
    so cut shows the whole text (unless the model has a tooltip of its own)."""

    def helpEvent(self, event, view, option, index) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid() \
                and index.data(Qt.ItemDataRole.ToolTipRole) is None:
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(text, str) and option.fontMetrics.horizontalAdvance(text) \
                    + TEXT_MARGINS > option.rect.width():
                QToolTip.showText(event.globalPos(), text, view)
                return True
        return super().helpEvent(event, view, option, index)


def tip_when_cut(view: QAbstractItemView) -> None:
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setItemDelegate(FullTextTips(view))


class ColumnFitter(QObject):
    """Fits a table's columns to their contents (no wider than ``WIDEST_COLUMN``)
    when asked, and whenever the table is resized shares its width among them:
    while they do not all fit, the widest are cut down alike, so the last
    columns stay in view rather than past the right edge."""

    def __init__(self, view: QTableView, share_width: bool = True):
        super().__init__(view)
        self._view = view
        self._natural: list[int] = []
        if share_width:
            on_resize(view.viewport(), self.share)

    def fit(self) -> None:
        view, header = self._view, self._view.horizontalHeader()
        self._natural = [min(max(view.sizeHintForColumn(c), header.sectionSizeHint(c)),
                             WIDEST_COLUMN) for c in range(header.count())]
        for column, width in enumerate(self._natural):
            header.resizeSection(column, width)
        self.share()

    def share(self) -> None:
        if not self._natural or not self._view.viewport().width():
            return
        room, natural = self._view.viewport().width(), self._natural
        cap = max(natural)
        while cap > NARROWEST_SHARE and sum(min(w, cap) for w in natural) > room:
            cap -= 4
        header = self._view.horizontalHeader()
        for column, width in enumerate(natural):
            header.resizeSection(column, min(width, cap))


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


def table_view(model, name: str, fit_columns: bool = True,
               share_width: bool = True) -> QTableView:
    """A keyboard-friendly list of records, one row selected at a time.

    Its columns fit their contents each time the records are replaced (see
    ``ColumnFitter``), then stay as they are, for the official to drag wider
    or narrower, until the table is resized. Text cut short ends in "…" and
    shows whole when pointed at. (Qt's
    ResizeToContents fits them at every layout instead: it measured a long
    list two or three times over while a file opened, and no one could drag
    them.) ``fit_columns=False`` leaves the widths to the caller;
    ``share_width=False`` lets the last columns go past the right edge.
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
    header.setStretchLastSection(True)
    view.setWordWrap(False)
    tip_when_cut(view)
    view.fitter = ColumnFitter(view, share_width)
    if fit_columns:
        model.modelReset.connect(view.fitter.fit)
        view.fitter.fit()  # for records already there
    return view


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
