"""The main window on real files: opening, editing, undo, navigation, refusals."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from secretariat.taskforce import Taskforce
from ui import files, settings
from ui.menus import Act
from ui.pages.meetings import MeetingsPage
from ui.pages.people import PeoplePage


def meetings_page(window) -> MeetingsPage:
    return window.centralWidget().page("Meetings")


def details(window):
    return meetings_page(window).meeting_page.tab("Details")


def test_title_names_the_file_and_the_body(sample_window, sample_path):
    assert sample_path.name in sample_window.windowTitle()
    assert "Mutuals Taskforce" in sample_window.windowTitle()
    assert meetings_page(sample_window).model.rowCount() == 2
    assert settings.recent_files()[0] == str(sample_path)


def test_editing_a_meeting_lands_in_the_file_and_undoes(sample_window, sample_path, stored):
    form = details(sample_window)
    meeting_id = form.meeting_id
    form.venue.setText("70 Whitehall")
    form.venue.editingFinished.emit()
    assert stored(sample_path, "SELECT venue FROM meetings WHERE id = ?", (meeting_id,)) == [
        ("70 Whitehall",)]
    assert meetings_page(sample_window).model.index(0, 5).data() == "70 Whitehall"

    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT venue FROM meetings WHERE id = ?", (meeting_id,)) == [
        ("22 Whitehall",)]
    assert form.venue.text() == "22 Whitehall"

    sample_window.commands[Act.REDO].trigger()
    assert form.venue.text() == "70 Whitehall"


def test_a_bad_date_is_refused_kept_to_correct_and_nothing_written(
        sample_window, sample_path, dialogs_shown, stored, qtbot):
    form = details(sample_window)
    form.date.selectAll()
    qtbot.keyClicks(form.date, "31 Febtember")
    qtbot.keyClick(form.date, Qt.Key.Key_Return)
    assert "is not a date" in dialogs_shown[-1][1]
    assert (form.date.text(), form.date.selectedText()) == ("31 Febtember", "31 Febtember")
    assert stored(sample_path, "SELECT count(*) FROM meetings WHERE date = '2012-01-12'") == [
        (1,)]
    assert not sample_window.commands[Act.UNDO].isEnabled()


def test_a_title_refused_by_the_file_stays_to_be_shortened(sample_window, dialogs_shown, qtbot):
    form = details(sample_window)
    form.title.setFocus()
    form.title.setText("A" * 2_001)
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    assert "2,001 characters long" in dialogs_shown[-1][1]
    assert form.title.text() == "A" * 2_001 and form.title.hasSelectedText()


def test_kind_status_and_times_are_saved(sample_window, sample_path, dialogs_shown, stored):
    form = details(sample_window)
    form.status.setCurrentIndex(form.status.findData("approved"))
    form.status.activated.emit(form.status.currentIndex())
    form.end_time.setText("15:00")  # before the start: refused
    form.end_time.editingFinished.emit()
    assert "must end after it starts" in dialogs_shown[-1][1]
    form.end_time.setText("1815")
    form.end_time.editingFinished.emit()
    assert stored(sample_path, "SELECT status, end_time FROM meetings WHERE id = ?",
                  (form.meeting_id,)) == [("approved", "18:15")]


def test_new_meeting_and_delete_with_undo(sample_window, sample_path, qtbot, stored):
    page = meetings_page(sample_window)
    page.new_meeting()
    assert page.model.rowCount() == 3
    assert stored(sample_path, "SELECT count(*) FROM meetings") == [(3,)]
    new_id = details(sample_window).meeting_id

    page.delete_meeting()
    assert page.model.rowCount() == 2
    assert stored(sample_path, "SELECT count(*) FROM meetings WHERE id = ?", (new_id,)) == [(0,)]
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT count(*) FROM meetings WHERE id = ?", (new_id,)) == [(1,)]
    sample_window.commands[Act.UNDO].trigger()
    assert page.model.rowCount() == 2


def test_delete_meeting_is_greyed_with_no_meeting_chosen(window, tmp_path, qtbot, stored):
    path = tmp_path / "empty.taskforce"
    window.open_path(path, create=True)
    page = meetings_page(window)
    new, delete = (next(b for b in page.findChildren(QPushButton) if b.accessibleName() == name)
                   for name in ("New Meeting", "Delete Meeting"))
    assert page.model.rowCount() == 0 and not delete.isEnabled()

    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    assert delete.isEnabled()
    qtbot.mouseClick(delete, Qt.MouseButton.LeftButton)
    assert stored(path, "SELECT count(*) FROM meetings") == [(0,)]
    assert not delete.isEnabled()


def test_suggestions_are_dated_as_every_other_table_dates(sample_window, qtbot):
    qtbot.keySequence(sample_window, "Ctrl+7")
    page = sample_window.centralWidget().current_page()
    assert sample_window.centralWidget().current_name() == "Suggestions"
    model = page.view.model()
    on = next(c for c in range(model.columnCount())
              if model.headerData(c, Qt.Orientation.Horizontal) == "On")
    assert {model.index(r, on).data() for r in range(model.rowCount())} == {
        "26 May 2011", "12 Jan 2012"}


def test_navigation_by_shortcut(sample_window, qtbot):
    qtbot.waitExposed(sample_window)
    workspace = sample_window.centralWidget()
    sample_window.activateWindow()
    qtbot.keyClick(sample_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(workspace.current_page(), PeoplePage)
    assert workspace.navigation.currentItem().text() == "People"
    qtbot.keyClick(sample_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert workspace.navigation.currentItem().text() == "Interests"
    assert workspace.pages.currentIndex() == 4


def test_a_locked_file_is_refused_in_the_one_dialog(window, sample_path, dialogs_shown):
    with Taskforce.open(sample_path):
        assert not window.open_path(sample_path)
    title, text = dialogs_shown[-1]
    assert title == "File in use"
    assert "already open" in text and "process" in text
    assert window.session is None
    assert not window.commands[Act.SAVE_COPY].isEnabled()


def test_a_damaged_file_is_refused_and_left_alone(window, tmp_path, dialogs_shown):
    path = tmp_path / "notes.taskforce"
    path.write_bytes(b"minutes of the last meeting")
    assert not window.open_path(path)
    assert "is not a taskforce file" in dialogs_shown[-1][1]
    assert path.read_bytes() == b"minutes of the last meeting"


def test_read_only_file_shows_a_banner(window, sample_path, monkeypatch, dialogs_shown):
    import secretariat.storage.opening as opening

    # Tests may run as root, who can write anything: pretend the file is read-only.
    monkeypatch.setattr(opening.os, "access", lambda path, mode: False)
    assert window.open_path(sample_path)
    window.show()
    banner = window.centralWidget().banner
    assert banner is not None and banner.isVisible()
    assert "read-only" in banner.text()
    assert "(read-only)" in window.windowTitle()
    form = details(window)
    form.venue.setText("Elsewhere")
    form.venue.editingFinished.emit()
    assert "read-only" in dialogs_shown[-1][1]
    assert form.venue.text() == "22 Whitehall"


def test_first_start_makes_the_default_file_and_offers_the_sample(window, monkeypatch):
    monkeypatch.setattr(files, "offer_sample", lambda parent: True)
    window.start(None)
    assert files.default_path().exists()
    assert window.session.tf.path == files.sample_path()
    assert meetings_page(window).model.rowCount() == 2
    # The empty default file has a body, ready to name.
    with Taskforce.open(files.default_path()) as tf:
        assert [b.name for b in tf.bodies.all()] == [files.NEW_BODY_NAME]


def test_first_start_declining_the_sample_keeps_the_default_file(window, monkeypatch):
    monkeypatch.setattr(files, "offer_sample", lambda parent: False)
    window.start(None)
    assert window.session.tf.path == files.default_path()
    assert meetings_page(window).model.rowCount() == 0


def test_next_start_opens_the_last_file(window, sample_path, qtbot):
    from ui.main_window import MainWindow

    window.open_path(sample_path)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.start(None)
    assert again.session.tf.path == sample_path
    assert QSettings().value(settings.GEOMETRY) is not None
    again.close()


def test_save_a_copy(sample_window, tmp_path, monkeypatch, stored):
    target = tmp_path / "travel.taskforce"
    monkeypatch.setattr(files, "ask_save_path", lambda *args: str(target))
    sample_window.save_copy()
    assert target.stat().st_mode & 0o777 == 0o600
    assert stored(target, "SELECT count(*) FROM meetings") == [(2,)]


def test_save_a_copy_never_overwrites(sample_window, tmp_path, monkeypatch, dialogs_shown):
    target = tmp_path / "travel.taskforce"
    target.write_bytes(b"something else")
    monkeypatch.setattr(files, "ask_save_path", lambda *args: str(target))
    sample_window.save_copy()
    assert "already exists" in dialogs_shown[-1][1]
    assert target.read_bytes() == b"something else"


def test_closing_the_window_backs_up_a_changed_file(sample_window, sample_path, stored):
    from secretariat.storage.backups import list_backups

    before = len(list_backups(sample_path))
    sample_window.close()  # nothing changed: no backup
    assert len(list_backups(sample_path)) == before
    sample_window.open_path(sample_path)
    sample_window.show()
    form = details(sample_window)
    form.title.setText("Review of progress")
    form.title.editingFinished.emit()
    sample_window.close()
    assert sample_window.session is None
    backups = list_backups(sample_path)
    assert len(backups) == before + 1 and backups[0].reason == "on-close"
    assert stored(backups[0].path, "SELECT count(*) FROM meetings WHERE title = ?",
                  ("Review of progress",)) == [(1,)]


def test_taskforce_details_dialog(sample_window, sample_path, stored):
    from ui.dialogs.taskforce import TaskforceDialog

    dialog = TaskforceDialog(sample_window.session, sample_window)
    dialog.name.setText("Mutuals Taskforce (2012)")
    dialog.venue.setText("1 Horse Guards Road")
    dialog.accept()
    assert "Mutuals Taskforce (2012)" in sample_window.windowTitle()
    assert stored(sample_path, "SELECT name, default_venue FROM bodies") == [
        ("Mutuals Taskforce (2012)", "1 Horse Guards Road")]
    sample_window.commands[Act.UNDO].trigger()
    assert stored(sample_path, "SELECT name FROM bodies") == [("Mutuals Taskforce",)]


def test_an_empty_name_is_refused_and_the_dialog_stays(sample_window, dialogs_shown):
    from ui.dialogs.taskforce import TaskforceDialog

    dialog = TaskforceDialog(sample_window.session, sample_window)
    dialog.name.setText("  ")
    dialog.accept()
    assert "cannot be empty" in dialogs_shown[-1][1]
    assert dialog.result() != dialog.DialogCode.Accepted


def test_new_file_asks_for_the_taskforce_details(window, tmp_path, monkeypatch, stored):
    from ui.dialogs.taskforce import TaskforceDialog

    target = tmp_path / "working group.taskforce"
    monkeypatch.setattr(files, "ask_save_path", lambda *args: str(target))

    def name_it(dialog):
        dialog.name.setText("Finance Working Group")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(TaskforceDialog, "exec", name_it)
    window.new_file()
    assert target.stat().st_mode & 0o777 == 0o600
    assert window.windowTitle().startswith("working group.taskforce")
    assert "Finance Working Group" in window.windowTitle()
    assert stored(target, "SELECT name FROM bodies") == [("Finance Working Group",)]


def test_open_recent_lists_and_opens_files(window, sample_path, tmp_path):
    other = tmp_path / "other.taskforce"
    window.open_path(other, create=True)
    window.open_path(sample_path)
    window.recent_menu.aboutToShow.emit()  # File > Open Recent opened
    entries = window.recent_menu.actions()
    assert [a.text().split(" — ")[0] for a in entries] == [sample_path.name, other.name]
    entries[1].trigger()
    assert window.session.tf.path == other


def test_open_recent_tells_files_of_one_name_apart_by_their_folders(window, tmp_path):
    home = tmp_path / "home"  # the tests' home folder
    papers = [home / "Documents" / "board.taskforce", tmp_path / "Shared & Old" / "board.taskforce"]
    for path in papers:
        path.parent.mkdir(parents=True, exist_ok=True)
        window.open_path(path, create=True)
    window.recent_menu.aboutToShow.emit()

    entries = window.recent_menu.actions()
    assert [a.text() for a in entries] == [
        f"board.taskforce — {tmp_path / 'Shared && Old'}",
        f"board.taskforce — {Path('~') / 'Documents'}"]
    assert window.recent_menu.toolTipsVisible()
    assert [a.toolTip() for a in entries] == [str(papers[1]), str(papers[0])]


def test_standard_shortcuts(window):
    from PySide6.QtGui import QKeySequence

    expected = {Act.NEW: QKeySequence.StandardKey.New, Act.OPEN: QKeySequence.StandardKey.Open,
                Act.UNDO: QKeySequence.StandardKey.Undo, Act.REDO: QKeySequence.StandardKey.Redo,
                Act.CLOSE: QKeySequence.StandardKey.Close}
    for act, key in expected.items():
        assert window.commands[act].shortcut() == QKeySequence(key), act


def test_every_control_of_the_shell_is_named_for_screen_readers(sample_window):
    from PySide6.QtWidgets import QAbstractButton, QWidget

    workspace = sample_window.centralWidget()
    mine = [workspace.navigation, meetings_page(sample_window), details(sample_window),
            workspace.page("People")]
    controls = [c for part in mine for c in [part, *part.findChildren(QWidget)]
                if c.focusPolicy() != Qt.FocusPolicy.NoFocus and c.isVisibleTo(sample_window)
                and c.parent() is not None and c.metaObject().className() != "QScrollBar"]
    unnamed = [c for c in controls if not c.accessibleName()
               and not (isinstance(c, QAbstractButton) and c.text())]
    assert controls and unnamed == []


def test_notes_being_typed_are_saved_when_the_window_closes(sample_window, sample_path, qtbot,
                                                            stored):
    qtbot.waitExposed(sample_window)
    sample_window.activateWindow()
    form = details(sample_window)
    form.notes.setFocus()
    qtbot.waitUntil(form.notes.hasFocus)
    form.notes.setPlainText("Room booked for the whole afternoon.")
    meeting_id = form.meeting_id
    sample_window.close()
    assert stored(sample_path, "SELECT notes FROM meetings WHERE id = ?", (meeting_id,)) == [
        ("Room booked for the whole afternoon.",)]


def test_close_leaves_an_empty_window(sample_window):
    sample_window.close_file()
    assert sample_window.windowTitle() == ""
    assert "No taskforce file is open" in sample_window.centralWidget().text()
    assert not sample_window.commands[Act.SAVE_COPY].isEnabled()
    assert sample_window.commands[Act.OPEN].isEnabled()


def test_a_field_still_being_typed_in_is_saved_on_close_and_never_after(
        sample_window, sample_path, dialogs_shown, stored):
    form = details(sample_window)
    meeting_id = form.meeting_id
    form.venue.setText("70 Whitehall")  # typed; the box never lost the focus
    sample_window.close_file()
    assert stored(sample_path, "SELECT venue FROM meetings WHERE id = ?", (meeting_id,)) == [
        ("70 Whitehall",)]
    form.venue.setText("Somewhere else")
    form.venue.editingFinished.emit()  # the box losing its focus after the file closed
    assert stored(sample_path, "SELECT venue FROM meetings WHERE id = ?", (meeting_id,)) == [
        ("70 Whitehall",)]
    assert dialogs_shown == []


def click_row(qtbot, view, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_tab(qtbot, tabs, title: str) -> None:
    index = [tabs.tabText(i) for i in range(tabs.count())].index(title)
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(index).center())


def chosen_meeting(window) -> tuple[str, str]:
    page = meetings_page(window).meeting_page
    return details(window).date.text(), page.tabText(page.currentIndex())


def test_the_next_start_returns_to_the_meeting_and_tab_left(window, sample_path, qtbot):
    from ui.main_window import MainWindow

    window.open_path(sample_path)
    window.show()
    qtbot.waitExposed(window)
    click_row(qtbot, meetings_page(window).view, 1)  # not the first meeting
    click_tab(qtbot, meetings_page(window).meeting_page, "Minutes")
    left = chosen_meeting(window)
    assert left == ("26 May 2011", "Minutes")
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    again.start(None)
    assert again.centralWidget().current_name() == "Meetings"
    assert chosen_meeting(again) == left
    again.close()


def test_each_file_reopens_on_the_page_it_was_left_on(sample_window, sample_path, tmp_path,
                                                      qtbot):
    qtbot.waitExposed(sample_window)
    sample_window.activateWindow()
    qtbot.keyClick(sample_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # People
    other = tmp_path / "other.taskforce"
    sample_window.open_path(other, create=True)
    assert sample_window.centralWidget().current_name() == "Meetings"
    sample_window.go_to(2)  # Actions

    sample_window.open_path(sample_path)
    assert sample_window.centralWidget().current_name() == "People"
    sample_window.open_path(other)
    assert sample_window.centralWidget().current_name() == "Actions"
