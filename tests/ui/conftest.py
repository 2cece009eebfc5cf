"""UI tests: every data directory and setting in a temporary folder, real files,
and dialogs captured instead of blocking."""

import sqlite3

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox

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
