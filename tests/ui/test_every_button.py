"""Every push button of every page and tab, and every menu entry, clicked as an
official clicks it: enumerated from the widget tree, so a new one cannot slip
by. Each click must raise nothing, leave no record reading "False" or "True",
and do something the official can see: change the file, ask something, or
write and open a file."""

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QProgressDialog, QPushButton

from ui.menus import Act
from ui.pages import PAGES
from ui.pages.meeting import MEETING_TABS

# Dates the sample's meetings fall on: one approved and final, one with draft minutes.
MEETINGS = ("2011-05-26", "2012-01-12")
TYPED = "12 January 2012"  # a reply that reads as a title, a reason and a date


class Watch:
    """What the official could see happen after a click."""

    def __init__(self, path, replies, dialogs_shown, files_opened, opened_dialogs, out_dir):
        self._file = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self._seen = [replies.asked, dialogs_shown, files_opened, opened_dialogs]
        self.out_dir = out_dir  # where files the clicks save go

    def state(self):
        version = self._file.execute("PRAGMA data_version").fetchone()[0]
        return (version, [len(seen) for seen in self._seen],
                sorted(p.name for p in self.out_dir.iterdir()))

    def click(self, button) -> bool:
        """Click; whether anything could be seen to happen."""
        before = self.state()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return self.state() != before

    def words_of_a_flag(self) -> list[tuple[str, str]]:
        """Text fields of the file that read as a Qt ``checked`` flag."""
        found = []
        tables = [r[0] for r in self._file.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")]
        for table in tables:
            columns = [r[1] for r in self._file.execute(f'PRAGMA table_info("{table}")')]
            for column in columns:
                hits = self._file.execute(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}" IN (\'False\', \'True\')'
                    f' OR "{column}" LIKE \'%) False\'').fetchone()[0]
                if hits:
                    found.append((table, column))
        return found

    def close(self):
        self._file.close()


@pytest.fixture
def watch(sample_window, sample_path, replies, dialogs_shown, files_opened, monkeypatch,
          tmp_path):
    opened = []

    def exec_(dialog):
        opened.append(type(dialog).__name__)
        return QDialog.DialogCode.Rejected

    for dialog_class in (QDialog, QPrintDialog):
        monkeypatch.setattr(dialog_class, "exec", exec_)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    made = Watch(sample_path, replies, dialogs_shown, files_opened, opened, out_dir)
    yield made
    made.close()


def answer_everything(replies, out_dir, times=40):
    """Plausible replies to whatever is asked: a date-like text, the first choice,
    a new file in the output folder, Yes."""
    from PySide6.QtWidgets import QMessageBox

    replies.text(*[TYPED] * times).item(*[""] * times)
    replies.save_to(*[out_dir / f"saved {n}" for n in range(times)])
    replies.answer(*[QMessageBox.StandardButton.Yes] * times)


# Buttons that change only how a preview is shown (tested in test_fits_a_laptop), and
# the Live tab's clock (tested in test_live_view).
VIEW_ONLY = {"Fit Width", "Fit Page", "+", "−", "Start Clock (Ctrl+Shift+C)"}


def visible_buttons(root):
    return [b for b in root.findChildren(QPushButton)
            if b.isVisibleTo(root) and b.isEnabled()
            and not b.parent().inherits("QDialogButtonBox")
            and b.text().replace("&", "") not in VIEW_ONLY]


def click_all(root, watch, settle):
    """Click every enabled button of ``root`` once; the texts of those that did nothing."""
    silent = []
    for button in visible_buttons(root):
        if not button.isVisibleTo(root) or not button.isEnabled():
            continue  # an earlier click changed what is offered
        text = button.text().replace("&", "")
        if not watch.click(button):
            silent.append(text)
        settle()
    return silent


def _settle(qtbot, window):
    """Let a click's queued work run, and long work (printing on a worker) end."""
    def settle():
        qtbot.wait(1)
        qtbot.waitUntil(lambda: not any(d.isVisible()
                                        for d in window.findChildren(QProgressDialog)))
    return settle


def _report(watch, dialogs_shown):
    unexpected = [text for _, text in dialogs_shown if "An unexpected error" in text]
    assert unexpected == []
    assert watch.words_of_a_flag() == []


def _every_button_of(root, window, qtbot, watch, replies, dialogs_shown, answering) -> None:
    """Click every button of ``root``, dialogs cancelled or answered: each must
    do something seen, raise nothing and leave no flag in the file."""
    if answering:
        answer_everything(replies, watch.out_dir)
    silent = click_all(root, watch, _settle(qtbot, window))
    assert silent == [], f"did nothing: {silent}"
    _report(watch, dialogs_shown)


@pytest.mark.parametrize("answering", [False, True], ids=["cancelled", "answered"])
@pytest.mark.parametrize("name", [name for name, _ in PAGES if name != "Meetings"])
def test_every_button_of_a_page_does_what_it_says(sample_window, qtbot, watch, replies,
                                                  dialogs_shown, name, answering):
    workspace = sample_window.centralWidget()
    workspace.show_page([n for n, _ in PAGES].index(name))
    _every_button_of(workspace.page(name), sample_window, qtbot, watch, replies, dialogs_shown,
                     answering)


@pytest.mark.parametrize("answering", [False, True], ids=["cancelled", "answered"])
@pytest.mark.parametrize("day", MEETINGS)
@pytest.mark.parametrize("tab", [title for title, _ in MEETING_TABS])
def test_every_button_of_a_meeting_tab_does_what_it_says(sample_window, qtbot, watch, replies,
                                                         dialogs_shown, tab, day, answering):
    workspace = sample_window.centralWidget()
    workspace.show_page(0)
    meetings = workspace.page("Meetings")
    meetings.show_meeting(sample_window.session.tf.meetings.find_one(day).id)
    meeting = meetings.meeting_page
    meeting.setCurrentIndex([t for t, _ in MEETING_TABS].index(tab))
    _every_button_of(meeting.tab(tab), sample_window, qtbot, watch, replies, dialogs_shown,
                     answering)


@pytest.mark.parametrize("name", [name for name, _ in PAGES])
def test_in_a_new_empty_file_no_button_is_silent(window, qtbot, tmp_path, replies,
                                                 dialogs_shown, monkeypatch, files_opened,
                                                 name):
    from secretariat.taskforce import Taskforce

    path = tmp_path / "new.taskforce"
    with Taskforce.open(path, create=True) as tf:
        tf.bodies.create("A new panel")
    assert window.open_path(path)
    window.show()
    opened = []
    watch = Watch(path, replies, dialogs_shown, files_opened, opened, tmp_path)
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    workspace = window.centralWidget()
    workspace.show_page([n for n, _ in PAGES].index(name))
    try:
        silent = click_all(workspace.page(name), watch, _settle(qtbot, window))
    finally:
        watch.close()
    assert silent == [], f"did nothing: {silent}"


MENU_SKIPPED = {Act.QUIT, Act.CLOSE}  # each ends the session the other entries need


def _where(window):
    """What a menu command may change without a dialog: the windows shown, where
    the official is."""
    from PySide6.QtWidgets import QApplication

    shown = sorted(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())
    return shown, QApplication.focusWidget(), window.focusWidget()


def test_every_menu_entry_does_what_it_says(sample_window, qtbot, watch, dialogs_shown):
    silent = []
    for act, action in sample_window.commands.items():
        if act in MENU_SKIPPED or not action.isEnabled() or action.menu() is not None:
            continue
        before = watch.state(), _where(sample_window)
        action.trigger()
        qtbot.wait(1)
        if (watch.state(), _where(sample_window)) == before:
            silent.append(act.name)
    assert silent == [], f"did nothing: {silent}"
    _report(watch, dialogs_shown)
