"""Lists of records in a QTableView: one look and one way to keep the selection."""

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from .models.records import RECORD_ROLE


FIT_ROWS = 50


def table_view(model, name: str, fit_columns: bool = True) -> QTableView:
    """A keyboard-friendly list of records, one row selected at a time.

    Its columns fit their contents each time the records are replaced, then
    stay as they are, for the official to drag wider or narrower. (Qt's
    ResizeToContents fits them at every layout instead: it measured a long
    list two or three times over while a file opened, and no one could drag
    them.) ``fit_columns=False`` leaves the widths to the caller.
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
    if fit_columns:
        model.modelReset.connect(view.resizeColumnsToContents)
        view.resizeColumnsToContents()  # for records already there
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
