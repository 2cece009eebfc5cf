"""UI tests: every data directory and setting in a temporary folder, real files,
and dialogs captured instead of blocking."""

import sqlite3

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from ui.app import create_application
from ui.main_window import MainWindow


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
