"""The Actions page over a long log: fetched a batch at a time as it scrolls."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from secretariat.changes import Changes, Kind
from secretariat.taskforce import Taskforce
from secretariat.values import long_date
from ui.pages.actions import SORT_COLUMNS, ActionsModel, ActionsPage
from ui.session import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from minutes_setup import board  # noqa: E402


@pytest.fixture
def long_log(qtbot, file_path, monkeypatch):
    """Twelve actions (odd ones Ed Mayo's), fetched three at a time."""
    monkeypatch.setattr(ActionsModel, "batch", 3)
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    for i in range(12):
        tf.actions.create(b.items[(1, "Update")], f"Action {i}",
                          ["Ed Mayo" if i % 2 else "Peter Marsh"], f"2011-08-{28 - i:02d}")
    session = Session(tf)
    page = ActionsPage(session)
    qtbot.addWidget(page)
    yield page
    session.close()


def _texts(model):
    return [model.record(row).text for row in range(model.rowCount())]


def test_the_lazy_model_passes_the_model_tester(qtmodeltester, long_log):
    model = long_log.table.model
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    assert model.rowCount() == 12


def test_fetching_more_brings_the_next_rows_in_order_with_the_filter(long_log):
    page, model = long_log, long_log.table.model
    everyone = [f"Action {i}" for i in range(11, -1, -1)]  # soonest due first
    assert model.total() == 12 and model.rowCount() < 12  # not all fetched at once
    assert _texts(model) == everyone[:model.rowCount()]
    page.owner.setText("ed mayo")
    eds = [f"Action {i}" for i in (11, 9, 7, 5, 3, 1)]
    assert model.total() == 6 and _texts(model) == eds[:model.rowCount()]
    while model.canFetchMore():
        before = model.rowCount()
        model.fetchMore()
        assert model.rowCount() == min(before + 3, 6)  # one batch each time
    assert _texts(model) == eds


def test_a_click_on_a_column_heading_sorts_by_it_and_again_the_other_way(qtbot, long_log):
    page, model = long_log, long_log.table.model
    header = page.table.view.horizontalHeader()
    header.setSortIndicator(SORT_COLUMNS["owner"], Qt.SortOrder.AscendingOrder)
    assert page.sort.currentData() == "owner"
    assert [model.record(r).owner_label for r in range(3)] == ["Ed Mayo"] * 3
    header.setSortIndicator(SORT_COLUMNS["owner"], Qt.SortOrder.DescendingOrder)
    assert [model.record(r).owner_label for r in range(3)] == ["Peter Marsh"] * 3
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)  # the action's words: not sortable
    assert header.sortIndicatorSection() == SORT_COLUMNS["owner"]
    assert model.record(0).owner_label == "Peter Marsh"


def test_actions_deleted_or_closed_between_batches_leave_no_gap_and_no_crash(
        qtmodeltester, long_log):
    """Edits the page has not yet heard of: the rows still to come are read as
    they are now (deleted ones left out, and, past the first screen, those no
    longer open)."""
    page, model = long_log, long_log.table.model
    tf = page.session.tf
    ids = tf.actions.log_ids(page.session.body_id, status="open")  # soonest due first
    shown = model.rowCount()  # the first screen (two batches, to fit the columns)
    for action_id in ids[shown:shown + 3]:  # the whole next batch
        tf.actions.delete(action_id)
    tf.actions.close(ids[shown + 3], "done")
    model.fetchMore()
    left = [f"Action {i}" for i in range(11, -1, -1)]
    closed = left[shown + 3]
    del left[shown:shown + 3]
    left.remove(closed)
    assert _texts(model) == left[:shown + 3]
    while model.canFetchMore():
        model.fetchMore()
    qtmodeltester.check(model)
    assert _texts(model) == left
    tf.actions.delete(ids[0])  # shown, then deleted: nothing to act on, nothing crashes
    page.table.view.selectRow(0)
    assert page.table.chosen() is None and not page.table.quick("done")


def test_overdue_actions_stand_out_in_red_and_bold(qtbot, file_path):
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    item = b.items[(1, "Update")]
    tf.actions.create(item, "Long overdue", ["Ed Mayo"], "2011-08-01")
    tf.actions.create(item, "Due far ahead", ["Ed Mayo"], "2099-08-01")
    session = Session(tf)
    page = ActionsPage(session)
    qtbot.addWidget(page)
    model = page.table.model
    looks = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        font = model.data(index, Qt.ItemDataRole.FontRole)
        brush = model.data(index, Qt.ItemDataRole.ForegroundRole)
        looks[model.record(row).text] = (font is not None and font.bold(),
                                         brush.color().name() if brush else None)
    session.close()
    assert looks == {"Long overdue": (True, "#b00000"), "Due far ahead": (False, None)}


def test_the_meeting_filter_lists_the_body_s_meetings_once_the_official_comes_to_it(
        qtbot, long_log):
    page = long_log
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.owner.setFocus()
    qtbot.keyClick(page.owner, Qt.Key.Key_Tab)  # on to the meeting filter
    qtbot.waitUntil(lambda: page.meeting.count() > 1)  # its list made as focus came to it
    qtbot.keyClick(page.meeting, Qt.Key.Key_Down)  # the first meeting after "All meetings"
    first = page.session.tf.meetings.get(page.meeting.currentData())
    assert page.meeting.count() == 1 + len(page.session.tf.meetings.of_body(first.body_id))
    assert page.meeting.currentText() == long_date(first.date)
    assert {page.table.model.record(r).meeting_id for r in range(page.table.model.rowCount())
            } <= {first.id}
    made, _ = page.session.tf.meetings.create(first.body_id, "2013-03-14")
    page.session.notify(Changes.of(Kind.MEETING, made))
    assert page.meeting.findText("Thursday 14 March 2013") > 0  # listed, the choice kept
    assert page.meeting.currentData() == first.id
