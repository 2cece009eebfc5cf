"""The register page: marking from the keyboard, the chair, officials and
guests, refusals with a message, and undo."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget

from ui.dialogs.form import FormDialog

from ui.pages.attendance_stats import AttendanceStatsPage
from ui.pages.register import RegisterPage


@pytest.fixture
def page(qtbot, session):
    meeting, _ = session.tf.meetings.create(session.body_id, "2012-02-09", "16:00", "17:30")
    made = RegisterPage(session, meeting)
    qtbot.addWidget(made)
    made.show()
    return made


def statuses(page):
    return {line.person.display_name: line.status
            for line in page.tf.attendance.register(page.meeting_id).lines}


def test_every_member_on_the_date_is_listed_unmarked(page):
    names = [page.members_model.record(r).label for r in range(page.members_model.rowCount())]
    assert "Iain Hasdell" in names and "Patrick Burns" not in names  # joined / left
    assert page.summary.text() == "0 present, 0 apologies, 0 absent, 12 not marked"


def test_marking_the_register_from_the_keyboard(page, qtbot):
    page.members.setFocus()
    page.members.selectRow(0)
    for key in (Qt.Key.Key_P, Qt.Key.Key_2, Qt.Key.Key_A, Qt.Key.Key_X, Qt.Key.Key_1):
        qtbot.keyClick(page.members, key)
    marked = statuses(page)
    assert [marked[n] for n in ("Julian Le Grand", "Peter Marsh", "Carole Leslie",
                                "Donna Fallows", "Ed Mayo")] == [
        "present", "apologies", "apologies", "absent", "present"]
    assert page.chair.currentText() == "Julian Le Grand"  # the Chair, present, takes the chair
    qtbot.keyClick(page.members, Qt.Key.Key_Up)
    qtbot.keyClick(page.members, Qt.Key.Key_3)
    assert statuses(page)["Donna Fallows"] == "absent"
    assert "not marked" in page.summary.text()


def test_undo_takes_a_mark_back(page, qtbot):
    page.members.setFocus()
    page.members.selectRow(0)
    qtbot.keyClick(page.members, Qt.Key.Key_P)
    qtbot.keyClick(page.members, Qt.Key.Key_P)
    page.session.undo_stack.undo()
    assert statuses(page)["Peter Marsh"] == ""
    page.session.undo_stack.undo()
    assert statuses(page)["Julian Le Grand"] == ""
    assert page.tf.attendance.chair_of(page.meeting_id) is None
    page.session.undo_stack.redo()
    assert page.tf.attendance.chair_of(page.meeting_id) == page.members_model.record(0).person.id


def test_the_vice_chair_takes_the_chair_when_the_chair_sends_apologies(page, qtbot, dialogs_shown):
    page.members.setFocus()
    page.members.selectRow(0)
    for key in (Qt.Key.Key_A, Qt.Key.Key_P):
        qtbot.keyClick(page.members, key)
    page.members.selectRow(1)
    qtbot.keyClick(page.members, Qt.Key.Key_C)
    register = page.tf.attendance.register(page.meeting_id)
    assert (register.chair_heading, page.chair.currentText()) == ("Vice-Chair", "Peter Marsh")
    page.members.selectRow(2)  # Carole Leslie, not marked
    shown = len(dialogs_shown)
    qtbot.keyClick(page.members, Qt.Key.Key_C)
    assert page.refusal.isVisible()
    assert page.refusal.text() == "Carole Leslie is not marked present, so cannot chair."
    assert len(dialogs_shown) == shown  # no dialog to take the keys typed next
    assert page.tf.attendance.register(page.meeting_id).chair_heading == "Vice-Chair"
    qtbot.keyClick(page.members, Qt.Key.Key_P)  # typing goes on: she is marked present
    assert statuses(page)["Carole Leslie"] == "present"
    assert not page.refusal.isVisible()


def test_the_key_help_says_the_cursor_moves_on(page):
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert any("moving to the next person" in text for text in shown)


def _tick(*titles):
    """Tick the named items in the items-attended dialog."""
    def tick(dialog):
        listing = dialog.findChild(QListWidget)
        for row in range(listing.count()):
            if listing.item(row).text() in titles:
                listing.item(row).setCheckState(Qt.CheckState.Checked)
    return tick


def test_officials_deputies_and_guests(page, replies, answer, click):
    page.tf.agenda.add(page.meeting_id, "Society legal models")
    page.tf.people.create(page.tf.bodies.all()[0].id, "Ann Expert", "guest")
    replies.item("Crown Commercial Lead", "Director of Commercial", "Ann Expert", "Presenter")
    answer(FormDialog, [_tick("1 Society legal models")])
    click(page, "Add official…")
    page.others.setFocus()
    page.others.selectRow(0)
    click(page, "Deputising for…")
    click(page, "Add guest…")
    labels = [page.others_model.record(r).label for r in range(page.others_model.rowCount())]
    assert labels == ["Crown Commercial Lead deputising for Director of Commercial",
                      "Ann Expert"]
    assert page.others_model.index(1, 4).data() == "Society legal models"
    assert page.tf.attendance.entry(page.meeting_id, page.others_model.record(1).person.id
                                    ).capacity == "presenter"
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert [page.others_model.record(r).label
            for r in range(page.others_model.rowCount())] == ["Crown Commercial Lead"]


def test_one_added_is_not_offered_again(page, replies, click):
    replies.item("Head of Mutuals Programme")
    click(page, "Add official…")
    click(page, "Add official…")  # then cancelled
    assert page.others_model.rowCount() == 1
    assert "Head of Mutuals Programme" in replies.offered[0]
    assert "Head of Mutuals Programme" not in replies.offered[1]


def test_late_arrival_against_an_item(page, qtbot, replies, click):
    page.tf.agenda.add(page.meeting_id, "Welcome")
    page.tf.agenda.add(page.meeting_id, "Update")
    page.members.setFocus()
    page.members.selectRow(3)
    qtbot.keyClick(page.members, Qt.Key.Key_P)
    page.members.selectRow(3)
    replies.item("2 Update")
    click(page, "Arrived late…")
    assert page.members_model.index(3, 4).data() == "arrived during 2 Update"


def test_attendance_over_a_period_with_its_bars(qtbot, session, dialogs_shown, tmp_path,
                                                files_opened, replies, click):
    stats = AttendanceStatsPage(session)
    qtbot.addWidget(stats)
    stats.show()
    rows = {stats.model.index(r, 0).data(): stats.model.index(r, 5).data()
            for r in range(stats.model.rowCount())}
    assert rows["Rachel Wolf"] == "100%" and rows["Patrick Lewis"] == "0%"
    stats.start.setText("2012-01-01")
    stats.start.editingFinished.emit()
    assert "Patrick Burns" not in [stats.model.index(r, 0).data()
                                   for r in range(stats.model.rowCount())]
    stats.end.setText("next week")
    stats.end.editingFinished.emit()
    assert "is not a date" in dialogs_shown[-1][1]
    stats.end.setText("")
    out = tmp_path / "attendance.pdf"
    replies.save_to(out)
    click(stats, "Save as PDF…")
    assert out.read_bytes().startswith(b"%PDF")
    assert files_opened[0].toLocalFile() == str(out)


def test_a_full_rate_s_bar_fills_its_column(qtbot, session):
    """At the window's size the Rate column is wide: 100 % reaches its end and
    50 % its middle, so the bars read as shares of the column."""
    from ui import palette
    from ui.pages.attendance_stats import RATE_COLUMN

    stats = AttendanceStatsPage(session)
    qtbot.addWidget(stats)
    stats.resize(1000, 600)
    stats.show()
    qtbot.waitExposed(stats)
    shot = stats.view.viewport().grab().toImage()
    fill = palette.highlight().rgb()

    def bar(name: str) -> float:
        row = next(r for r in range(stats.model.rowCount())
                   if stats.model.index(r, 0).data() == name)
        cell = stats.view.visualRect(stats.model.index(row, RATE_COLUMN))
        y = cell.center().y()
        filled = sum(shot.pixel(x, y) == fill for x in range(cell.left(), cell.right()))
        return filled / cell.width()

    assert bar("Rachel Wolf") > 0.9 and 0.4 < bar("Peter Marsh") < 0.55
