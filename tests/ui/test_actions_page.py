"""The Actions page over a long log: every row there at once, read a batch at a time."""

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
    assert model.rowCount() == 12


def _reading(page, monkeypatch) -> list[list[str]]:
    """The batches of ids the page's list reads from now on."""
    read, batches = page.session.tf.actions.many, []
    monkeypatch.setattr(page.session.tf.actions, "many",
                        lambda ids: batches.append(list(ids)) or read(ids))
    return batches


def test_every_row_is_there_at_once_and_read_a_batch_at_a_time_with_the_filter(
        long_log, monkeypatch):
    page, model = long_log, long_log.table.model
    batches = _reading(page, monkeypatch)
    page.owner.setText("ed mayo")
    eds = [f"Action {i}" for i in (11, 9, 7, 5, 3, 1)]  # soonest due first
    assert model.rowCount() == model.total() == 6
    assert [model.index(r, 3).data() for r in (5, 4)] == ["Action 1", "Action 3"]
    assert [len(b) for b in batches] == [3, 3]  # its columns fitted to the first: the last
    assert _texts(model) == eds


def test_ctrl_end_goes_to_the_last_action_of_a_long_log(qtbot, long_log, monkeypatch):
    """Past what was read when the log was first shown, with the rows between unread."""
    page, view = long_log, long_log.table.view
    page.load()  # read afresh, none of it yet (the columns were fitted when first shown)
    batches = _reading(page, monkeypatch)
    page.show()
    qtbot.waitExposed(page)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().row() == 11
    assert view.currentIndex().siblingAtColumn(3).data() == "Action 0"  # due last
    assert page.table.chosen().text == "Action 0"
    assert len(sum(batches, [])) < 12  # the rows in view, not the whole log


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


def test_ctrl_end_shows_the_last_action_whole_once_the_rows_grow_to_their_text(
        qtbot, file_path):
    """Rows are fitted to their wrapped text as they come into view: those above
    the last grow after Ctrl+End has brought it to the bottom edge."""
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    for i in range(200):
        tf.actions.create(b.items[(1, "Update")], f"Action {i}: " + "circulate it " * (i % 4 * 6),
                          ["Ed Mayo"], f"2011-08-{1 + i % 28:02d}")
    session = Session(tf)
    page = ActionsPage(session)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    view = page.table.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(200)  # the rows coming into view fitted, as the next turns of the loop do
    last = view.model().rowCount() - 1
    assert view.currentIndex().row() == last
    top = view.rowViewportPosition(last)
    assert 0 <= top and top + view.rowHeight(last) <= view.viewport().height()
    session.close()


def test_actions_deleted_or_closed_before_their_rows_are_read_act_on_nothing_and_crash_nothing(
        qtmodeltester, long_log):
    """Edits the page has not yet heard of (the page reloads on hearing of one):
    a row is read as its action is now, and one deleted since shows nothing."""
    page, model = long_log, long_log.table.model
    tf = page.session.tf
    page.load()  # read afresh, none of it yet
    ids = tf.actions.log_ids(page.session.body_id, status="open")  # soonest due first
    tf.actions.delete(ids[10])
    tf.actions.close(ids[4], "done")
    assert model.index(4, 5).data() == "Done"  # among the first screen's ids, read now
    # Past them the order is read afresh: the last action moves up, the last row is empty.
    assert model.index(10, 3).data() == "Action 0"
    assert model.index(11, 3).data() is None and model.record(11) is None
    qtmodeltester.check(model)
    page.table.view.selectRow(11)
    assert page.table.chosen() is None and not page.table.quick("done")
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


def test_words_that_stand_for_a_date_show_it_and_follow_the_meetings(qtbot, file_path):
    """ "By the next meeting" is sorted by the next meeting's date: the log shows it."""
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    tf.actions.create(b.items[(0, "Update")], "Bring the slides", ["Ed Mayo"],
                      "by the next meeting")
    tf.actions.create(b.items[(0, "Update")], "Keep in touch", ["Ed Mayo"], "ongoing")
    session = Session(tf)
    page = ActionsPage(session)
    qtbot.addWidget(page)

    def when() -> list[str]:
        return [page.table.model.index(r, 4).data() for r in range(2)]

    assert when() == ["by the next meeting, 14 Jul 2011 (overdue)", "ongoing"]
    _, changes = tf.meetings.create(b.body, "2011-06-09")
    session.notify(changes)
    assert when() == ["by the next meeting, 9 Jun 2011 (overdue)", "ongoing"]
    session.close()


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
