"""Opening a file builds and loads only what is on screen: the first page, the
chosen meeting's first tab, and no library that only printing or merging needs."""

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QScrollArea

from ui.models.records import Column, RecordTableModel
from ui.tables import FIT_ROWS, table_view

ROOT = Path(__file__).resolve().parents[2]


def _probe(sample_path, tmp_path, then: str) -> str:
    """What a fresh window process on the sample prints: the Meetings page's
    rows, the heavy libraries loaded once it is up, and then ``then``'s output."""
    probe = (
        "import sys, time\n"
        "from ui.app import create_application\n"
        "from ui.main_window import MainWindow\n"
        "app = create_application([])\n"
        "window = MainWindow()\n"
        f"window.start({str(sample_path)!r})\n"
        "app.processEvents()\n"
        "print(window.centralWidget().page('Meetings').model.rowCount(),\n"
        "      sorted(m for m in ('reportlab', 'apsw', 'PySide6.QtPdf', 'sqlite_utils')\n"
        "             if m in sys.modules))\n" + then)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_opening_a_file_loads_no_library_that_only_printing_merging_or_writing_needs(
        sample_path, tmp_path):
    assert _probe(sample_path, tmp_path, "").strip().splitlines()[-1] == "2 []"


def test_once_the_window_is_up_the_library_for_writing_loads_and_its_objects_are_frozen(
        sample_path, tmp_path):
    # No edit is made: the first one will then find sqlite-utils loaded. What
    # start-up made is then out of the cycle collector's reach.
    wait = ("import gc\n"
            "deadline = time.monotonic() + 30\n"
            "while not gc.get_freeze_count() and time.monotonic() < deadline:\n"
            "    app.processEvents()\n"
            "    time.sleep(0.02)\n"
            "print('sqlite_utils' in sys.modules, gc.get_freeze_count() > 10_000)\n")
    at_start, later = _probe(sample_path, tmp_path, wait).strip().splitlines()[-2:]
    assert (at_start, later) == ("2 []", "True True")


def _built(stack, names) -> list[str]:
    return [names(i) for i in range(stack.count()) if stack.widget(i).built]


def test_only_the_first_page_and_the_meetings_first_tab_are_built(sample_window, qtbot):
    workspace = sample_window.centralWidget()

    def pages():
        return _built(workspace.pages, lambda i: workspace.navigation.item(i).text())

    assert pages() == ["Meetings"]
    meeting = workspace.page("Meetings").meeting_page
    assert _built(meeting, meeting.tabText) == ["Details"]

    meeting.setCurrentIndex(4)
    assert _built(meeting, meeting.tabText) == ["Details", "Minutes"]
    minutes = meeting.tab("Minutes")
    qtbot.waitUntil(lambda: minutes.preview.document.pageCount() > 0)

    workspace.show_page(2)
    assert pages() == ["Meetings", "Actions"]
    assert sample_window.centralWidget().current_page().isVisible()


def test_a_page_asked_for_before_it_is_turned_to_shows_when_it_is(sample_window, qtbot):
    workspace = sample_window.centralWidget()
    people = workspace.page("People")  # built while another page is on screen
    workspace.show_page(1)
    qtbot.waitUntil(people.isVisible)


class _Counting(QAbstractTableModel):
    """Ten thousand rows that count how often a cell is asked for."""

    def __init__(self):
        super().__init__()
        self.asked = 0

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 10_000

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            self.asked += 1
            return f"row {index.row()} column {index.column()}"
        return None


def test_a_long_list_fits_its_columns_without_reading_every_row(qtbot):
    model = _Counting()
    view = table_view(model, "Long list")
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    assert view.columnWidth(0) > view.fontMetrics().horizontalAdvance("row 9 column 0")
    # The first FIT_ROWS measured once, then the visible rows painted: never all
    # ten thousand, nor the first rows again at each layout.
    assert model.asked < 2 * FIT_ROWS * model.columnCount()


def test_columns_fit_each_new_set_of_records_and_the_official_may_drag_them(qtbot):
    model = RecordTableModel()
    model.columns = (Column("Name", lambda r: r.name), Column("Role", lambda r: r.role))
    view = table_view(model, "People")
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    model.set_records([SimpleNamespace(id="1", name="Ed Mayo", role="Member")])
    short = view.columnWidth(0)
    model.set_records([SimpleNamespace(id="1", name="Head of the Mutuals and Commissioning "
                                                     "Team, Office for Civil Society",
                                       role="Official")])
    assert view.columnWidth(0) > short + 100  # refitted to the longer name
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    header.resizeSection(0, 120)  # as a drag of the column's edge does
    assert view.columnWidth(0) == 120


def test_the_minutes_tab_and_its_preview_fit_a_laptop_screen(sample_window, qtbot):
    sample_window.resize(1280, 800)
    meeting = sample_window.centralWidget().page("Meetings").meeting_page
    meeting.setCurrentIndex(4)
    qtbot.waitUntil(lambda: meeting.tab("Minutes").preview.document.pageCount() > 0)
    area = meeting.widget(4).findChild(QScrollArea)
    # Once laid out, everything is in view side by side: nothing to scroll sideways to.
    qtbot.waitUntil(lambda: not area.horizontalScrollBar().isVisible())
    assert area.widget().width() <= area.viewport().width()
