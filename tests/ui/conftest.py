"""UI tests: every data directory and setting in a temporary folder, real files,
and dialogs captured instead of blocking."""

import sqlite3

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QDialog, QInputDialog,
                               QMessageBox)

from ui import file_dialogs
from ui.app import create_application
from ui.main_window import MainWindow
from ui.session import Session


@pytest.fixture(autouse=True)
def private_places(qapp, tmp_path, monkeypatch):
    """QStandardPaths and QSettings point into this test's temporary folder."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    QStandardPaths.setTestModeEnabled(True)
    create_application([])
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "settings"))
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def dialogs_shown(monkeypatch):
    """Message boxes shown, as (title, text), answered with OK instead of waiting."""
    shown = []

    def capture(box):
        shown.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", capture)
    return shown


@pytest.fixture
def window(qtbot, dialogs_shown):
    made = MainWindow()
    qtbot.addWidget(made)
    yield made
    made.close_file()


@pytest.fixture
def sample_window(window, sample_path):
    assert window.open_path(sample_path)
    window.show()
    return window


def _read(path, sql, params=()):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def stored():
    """stored(path, sql, params): read the file as another program would, while it is open."""
    return _read


@pytest.fixture
def session(sample_tf, dialogs_shown):
    """A session on the sample file, without a window."""
    made = Session(sample_tf)
    yield made
    made.undo_stack.clear()


@pytest.fixture
def no_viewer(monkeypatch):
    """A computer where no program opens the files handed to it."""
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)


@pytest.fixture
def files_opened(monkeypatch):
    """The files handed to their programs (by URL), instead of opening them."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def answer(monkeypatch):
    """answer(dialog_class, answers): the next dialog of that class runs the next answer
    on itself and presses OK, again while OK is refused."""

    def install(dialog_class, answers) -> None:
        remaining = list(answers)

        def exec_(dialog):
            while remaining:
                remaining.pop(0)(dialog)
                dialog.accept()
                if dialog.result():
                    return dialog.result()
            return QDialog.DialogCode.Rejected

        monkeypatch.setattr(dialog_class, "exec", exec_)

    return install


class Replies:
    """What the official answers to the next standard dialogs, in order: each
    ``QInputDialog``/``QFileDialog`` call takes the next reply queued for its kind
    (and is recorded in ``asked``); with none queued, it is cancelled."""

    def __init__(self):
        self.queued = {"text": [], "item": [], "save": [], "open": [], "question": []}
        self.asked: list[tuple[str, str]] = []
        self.offered: list[list[str]] = []  # the choices of each QInputDialog.getItem
        self.first_chosen: list[str] = []  # and the choice each offered first
        self.suggested: list[str] = []  # the names save dialogs suggested
        self.prefilled: list[str] = []  # the text each QInputDialog.getText began with

    def text(self, *answers: str) -> "Replies":
        self.queued["text"].extend(answers)
        return self

    def item(self, *answers: str) -> "Replies":
        """The choice whose label starts with each answer."""
        self.queued["item"].extend(answers)
        return self

    def save_to(self, *paths) -> "Replies":
        self.queued["save"].extend(str(p) for p in paths)
        return self

    def open_from(self, *paths) -> "Replies":
        self.queued["open"].extend(str(p) for p in paths)
        return self

    def answer(self, *buttons) -> "Replies":
        """Buttons pressed in the next QMessageBox.question/warning dialogs."""
        self.queued["question"].extend(buttons)
        return self

    def take(self, kind: str, label: str):
        self.asked.append((kind, label))
        queue = self.queued[kind]
        return queue.pop(0) if queue else None


@pytest.fixture
def replies(monkeypatch):
    """Answer the standard dialogs a click opens (see ``Replies``); information
    boxes are noted in ``asked`` and closed."""
    made = Replies()

    def get_text(parent, title, label, *args, **kwargs):
        made.prefilled.append(kwargs.get("text", ""))
        answer = made.take("text", label)
        return ("", False) if answer is None else (answer, True)

    def get_item(parent, title, label, items, current=0, *args, **kwargs):
        made.offered.append(list(items))
        made.first_chosen.append(items[current] if items else "")
        answer = made.take("item", label)
        if answer is None:
            return "", False
        chosen = [entry for entry in items if entry.startswith(answer)]
        assert chosen, f"no choice starts with {answer!r} among {items}"
        return chosen[0], True

    def get_save(parent, title, suggestion="", *args, **kwargs):
        made.suggested.append(suggestion)
        return made.take("save", title) or "", ""

    def get_open(parent, title, *args, **kwargs):
        return made.take("open", title) or "", ""

    def question(parent, title, text, *args, **kwargs):
        answer = made.take("question", text)
        return QMessageBox.StandardButton.No if answer is None else answer

    def exec_text(dialog):  # a QInputDialog made by hand (a wide one, say)
        answer = made.take("text", dialog.labelText())
        if answer is None:
            return QDialog.DialogCode.Rejected
        dialog.setTextValue(answer)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    monkeypatch.setattr(QInputDialog, "exec", exec_text)
    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    monkeypatch.setattr(file_dialogs, "get_save_file_name", get_save)
    monkeypatch.setattr(file_dialogs, "get_open_file_name", get_open)
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", question)
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *args: (
        made.asked.append(("information", text)) or QMessageBox.StandardButton.Ok))
    return made


def _click(root, text: str) -> None:
    found = [b for b in root.findChildren(QAbstractButton)
             if b.text().replace("&", "") == text and b.isVisibleTo(root)]
    assert len(found) == 1, f"{len(found)} buttons read {text!r}"
    assert found[0].isEnabled(), f"{text!r} is disabled"
    QTest.mouseClick(found[0], Qt.MouseButton.LeftButton)


@pytest.fixture
def click():
    """click(root, text): click the one visible button of ``root`` whose text
    (without its &) is ``text``, as the official does, with the mouse."""
    return _click
