"""The window survives Qt calls that hand an empty value back to Python, and
signals emitted many times (as long work reporting its progress does)."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

import ui  # noqa: F401  (importing the package applies the work-around)


class _Empty(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 1

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def test_many_empty_values_from_qt_do_not_abort_the_program(qapp):
    model = _Empty()
    index = model.index(0, 0)
    # Without the work-around PySide6 6.12 on Python 3.11 aborts well before this.
    for _ in range(50_000):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
        assert QAbstractTableModel.headerData(
            model, 0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None


class _Reporter(QObject):
    progressed = Signal(int, int)


def test_many_signals_emitted_do_not_abort_the_program(qapp):
    reporter, heard = _Reporter(), []
    reporter.progressed.connect(lambda done, total: heard.append(done))
    # Without the work-around PySide6 6.12 on Python 3.11 aborts well before this.
    for done in range(50_000):
        reporter.progressed.emit(done, 50_000)
    assert len(heard) == 50_000
