"""The window's commands as an official meets them: the menus, the toolbar of the
commands used at every meeting, and the Help menu."""

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from ui.app import data_dir, log_path
from ui.dialogs import help as help_dialogs
from ui.menus import Act, plain
from ui.tables import cell_text_cut


def menu_entries(window) -> list[tuple[str, str, str]]:
    """What the menu bar offers: (menu, command, keys) for every entry, submenus included."""
    entries = []
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if action.isSeparator():
                continue
            keys = ", ".join(k.toString(k.SequenceFormat.NativeText) for k in action.shortcuts())
            entries.append((plain(top.text()), plain(action.text()), keys))
    return entries


def menu_action(window, menu: str, command: str):
    for top in window.menuBar().actions():
        if plain(top.text()) == menu:
            for action in top.menu().actions():
                if plain(action.text()) == command:
                    return action
    raise LookupError(f"{menu} > {command} is not in the menus")


def toolbar_button(window, command: str):
    toolbar = window.findChild(QToolBar)
    action = next(a for a in toolbar.actions() if a.iconText() == command)
    return toolbar.widgetForAction(action)


def meetings_in(path, stored) -> int:
    return stored(path, "SELECT count(*) FROM meetings")[0][0]


def test_find_is_in_the_edit_menu_and_opens_the_search_box(sample_window, qtbot):
    find = menu_action(sample_window, "Edit", "Find")
    assert find.shortcut().toString() == "Ctrl+F"
    find.trigger()
    qtbot.waitUntil(lambda: sample_window.search_box.isVisible())


def test_no_two_commands_share_a_key(sample_window):
    keys = [key for _, _, shortcut in menu_entries(sample_window) if shortcut
            for key in shortcut.split(", ")]
    assert len(keys) == len(set(keys)) > 15


def test_keyboard_shortcuts_lists_every_command_of_the_menus(sample_window, monkeypatch):
    shown = []
    monkeypatch.setattr(help_dialogs.ShortcutsDialog, "exec", lambda dialog: shown.append(dialog))

    menu_action(sample_window, "Help", "Keyboard Shortcuts").trigger()

    rows = shown[0].rows()
    assert rows[:len(menu_entries(sample_window))] == menu_entries(sample_window)
    assert ("Edit", "Find", "Ctrl+F, Ctrl+K") in rows and ("Go", "2 People", "Ctrl+2") in rows
    # then the keys of a meeting's tabs
    assert ("Live, Minutes", "Mark the item taken", "Ctrl+T") in rows
    assert ("Live", "Record a decision", "Alt+D") in rows
    assert ("Register", "Mark apologies", "A, 2") in rows


def shortcuts_dialog(window, monkeypatch, qtbot):
    """Help > Keyboard Shortcuts, shown as it opens."""
    shown = []
    monkeypatch.setattr(help_dialogs.ShortcutsDialog, "exec", lambda dialog: shown.append(dialog))
    menu_action(window, "Help", "Keyboard Shortcuts").trigger()
    qtbot.addWidget(shown[0])
    shown[0].show()
    return shown[0]


def test_keyboard_shortcuts_shows_every_column_whole_a_line_a_row(sample_window, monkeypatch,
                                                                  qtbot):
    table = shortcuts_dialog(sample_window, monkeypatch, qtbot).table
    header = table.horizontalHeader()

    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Menu", "Command", "Keys"]
    assert header.sectionViewportPosition(2) + header.sectionSize(2) <= table.viewport().width()
    assert header.sectionSize(2) >= header.sectionSizeFromContents(2).width()  # "Keys" whole
    for r in range(table.rowCount()):
        assert table.rowHeight(r) < 1.5 * table.fontMetrics().lineSpacing()
        for c in range(3):
            assert not cell_text_cut(table, table.item(r, c).text(), c, r)


def test_keyboard_shortcuts_lists_the_keys_of_a_meetings_tabs(sample_window, monkeypatch, qtbot):
    rows = shortcuts_dialog(sample_window, monkeypatch, qtbot).rows()

    for row in [("Live", "Record an action", "Alt+A"), ("Live", "Record a point", "Alt+P"),
                ("Live", "Record the line typed", "Enter"),
                ("Live", "Next item, previous item", "PageDown, PageUp"),
                ("Register", "Put the chosen member in the chair", "C"),
                ("Minutes", "Record the lines typed", "Ctrl+Enter"),
                ("Minutes", "Change the chosen line", "F2"),
                ("Minutes", "Delete the chosen line", "Delete"),
                ("Minutes", "Move the chosen line up, down", "Ctrl+Up, Ctrl+Down"),
                ("Agenda", "Move the chosen item up, down", "Ctrl+Up, Ctrl+Down"),
                ("Agenda", "Make it a sub-item, a main item again", "Ctrl+Right, Ctrl+Left"),
                ("Agenda", "Add an item", "Insert"), ("Agenda", "Remove the chosen item", "Delete")]:
        assert row in rows


def test_a_meetings_cycle_in_its_order(sample_window, monkeypatch):
    shown = []
    monkeypatch.setattr(help_dialogs.CycleDialog, "exec", lambda dialog: shown.append(dialog))

    menu_action(sample_window, "Help", "A Meeting's Cycle").trigger()

    text = shown[0].guide.text()
    steps = ["Draft the agenda", "invitations and papers", "register and the live minutes",
             "draft minutes", "next meeting", "Follow up the actions"]
    assert all(step in text for step in steps)
    assert [text.index(step) for step in steps] == sorted(text.index(step) for step in steps)


def test_about_names_the_version_the_file_the_data_folder_and_the_log(
        sample_window, sample_path, dialogs_shown):
    menu_action(sample_window, "Help", "About Taskforce Secretariat").trigger()

    title, text = dialogs_shown[-1]
    assert title == "About Taskforce Secretariat"
    assert metadata.version("taskforce-secretariat") in text
    for path in (sample_path, data_dir(), log_path()):
        assert str(path) in text


def test_help_works_with_no_file_open(window, dialogs_shown):
    about = menu_action(window, "Help", "About Taskforce Secretariat")
    assert about.isEnabled() and not menu_action(window, "Meeting", "Live").isEnabled()
    about.trigger()
    assert "Open file: none" in dialogs_shown[-1][1]


def test_the_toolbar_holds_the_commands_of_every_meeting_with_their_icons(sample_window):
    toolbar = sample_window.findChild(QToolBar)
    commands = [a.iconText() for a in toolbar.actions()]
    assert commands == ["New Meeting", "Live", "Print", "Find"]
    assert all(not a.icon().isNull() and not a.icon().pixmap(24, 24).isNull()
               for a in toolbar.actions())
    assert toolbar.actions()[0] is sample_window.commands[Act.NEW_MEETING]  # one declaration


def test_new_meeting_from_the_toolbar_anywhere(sample_window, sample_path, qtbot, stored):
    sample_window.go_to(1)  # the People page
    before = meetings_in(sample_path, stored)

    qtbot.mouseClick(toolbar_button(sample_window, "New Meeting"), Qt.MouseButton.LeftButton)

    assert meetings_in(sample_path, stored) == before + 1
    workspace = sample_window.centralWidget()
    assert workspace.navigation.currentItem().text() == "Meetings"
    meeting_page = workspace.page("Meetings").meeting_page
    assert meeting_page.tabText(meeting_page.currentIndex()) == "Details"
    sample_window.undo_group.undo()
    assert meetings_in(sample_path, stored) == before


def test_live_goes_to_the_chosen_meetings_live_tab_ready_to_type(sample_window, qtbot):
    qtbot.waitExposed(sample_window)
    sample_window.activateWindow()
    sample_window.go_to(2)  # the Actions page

    qtbot.mouseClick(toolbar_button(sample_window, "Live"), Qt.MouseButton.LeftButton)

    workspace = sample_window.centralWidget()
    meeting_page = workspace.page("Meetings").meeting_page
    assert workspace.navigation.currentItem().text() == "Meetings"
    assert meeting_page.tabText(meeting_page.currentIndex()) == "Live"
    qtbot.waitUntil(lambda: meeting_page.tab("Live").line.hasFocus())


def test_live_with_no_meeting_says_what_to_do(window, tmp_path, qtbot):
    assert window.open_path(tmp_path / "new.taskforce", create=True)
    qtbot.mouseClick(toolbar_button(window, "Live"), Qt.MouseButton.LeftButton)
    assert "New Meeting" in window.statusBar().currentMessage()


def test_a_new_meeting_made_from_the_minutes_tab_shows_no_error(sample_window, qtbot):
    """The tab the new meeting replaces had a row fit still to come: it ran on a
    table already deleted and the official saw "Something went wrong"."""
    workspace = sample_window.centralWidget()
    workspace.show_page(workspace._names.index("Meetings"))
    meetings = workspace.page("Meetings").meeting_page
    meetings.setCurrentIndex(meetings._titles.index("Minutes"))
    before = len(sample_window.session.tf.meetings.of_body(sample_window.session.body_id))
    qtbot.keyClick(sample_window, Qt.Key.Key_N,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.wait(50)  # the fits waiting for the next turn of the event loop
    assert len(sample_window.session.tf.meetings.of_body(sample_window.session.body_id)) == \
        before + 1
