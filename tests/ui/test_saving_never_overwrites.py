"""Every way the window saves a file, pointed at the open taskforce file, is
refused with a clear message and writes nothing; a paper's recorded file is
handed to the desktop only when it is a document."""

import hashlib
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QPushButton

from ui import file_dialogs
from ui import files
from ui.menus import Act

# Where each save is: (page, meeting tab or None, the button's text).
BUTTONS = {
    "agenda as PDF": ("Meetings", "Agenda", "Save as P&DF…"),
    "minutes as PDF": ("Meetings", "Minutes", "Save as P&DF…"),
    "minutes circulated by e-mail": ("Meetings", "Minutes", "Circ&ulate…"),
    "meeting's chair's brief": ("Meetings", "Interests", "Chair's &Brief…"),
    "action log as PDF": ("Actions", None, "Save as P&DF…"),
    "attendance as PDF": ("Attendance", None, "Save as P&DF…"),
    "coverage as PDF": ("Papers", None, "Print Co&verage…"),
    "self-nominations e-mail": ("Papers", None, "&Invite Self-Nominations…"),
    "register of interests as PDF": ("Interests", None, "&Print Register…"),
    "chair's brief": ("Interests", None, "Chair's &Brief…"),
    "recommendations tracker as PDF": ("Recommendations", None, "Save as P&DF…"),
}
MENU = {"export": Act.EXPORT, "copy": Act.SAVE_COPY, "travel copy": Act.TAKE_TRAVEL_COPY}


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def aimed_at_the_open_file(monkeypatch, sample_path):
    """Every save dialog answered with the open file itself; other questions with their
    first choice."""
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *args, **kwargs: (str(sample_path), ""))
    monkeypatch.setattr(files, "ask_save_path", lambda *args: str(sample_path))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (args[3][0], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", True))


def the_button(window, page: str, tab: str | None, text: str) -> QPushButton:
    workspace = window.centralWidget()
    workspace.show_page(workspace._names.index(page))
    where = workspace.page(page)
    if tab:
        meeting = where.meeting_page
        meeting.setCurrentIndex(meeting._titles.index(tab))
        where = meeting.tab(tab)
    return next(b for b in where.findChildren(QPushButton) if b.text() == text)


@pytest.mark.parametrize("gesture", BUTTONS)
def test_a_save_button_aimed_at_the_open_file_is_refused(sample_window, sample_path, qtbot,
                                                        dialogs_shown, files_opened,
                                                        aimed_at_the_open_file, gesture):
    before = digest(sample_path)
    button = the_button(sample_window, *BUTTONS[gesture])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs_shown))
    title, text = dialogs_shown[-1]
    assert "is a taskforce file" in text and "left as it is" in text, dialogs_shown
    assert files_opened == []
    assert digest(sample_path) == before


@pytest.mark.parametrize("entry", MENU)
def test_a_menu_save_aimed_at_the_open_file_is_refused(sample_window, sample_path, qtbot,
                                                      dialogs_shown, aimed_at_the_open_file,
                                                      entry):
    before = digest(sample_path)
    sample_window.commands[MENU[entry]].trigger()
    qtbot.waitUntil(lambda: bool(dialogs_shown))
    assert "left as it is" in dialogs_shown[-1][1] or "already exists" in dialogs_shown[-1][1]
    assert digest(sample_path) == before


@pytest.fixture
def papers_page(sample_window):
    workspace = sample_window.centralWidget()
    workspace.show_page(workspace._names.index("Papers"))
    return workspace.page("Papers")


def open_document_of(papers_page, qtbot, recorded: str) -> None:
    tf = papers_page.session.tf
    paper = tf.papers.of_body(papers_page.session.body_id)[0]
    tf.papers.update(paper.id, document_path=recorded)
    papers_page.refresh()
    papers_page.view.selectRow(next(r for r in range(papers_page.model.rowCount())
                                    if papers_page.model.record(r).paper.id == paper.id))
    button = next(b for b in papers_page.findChildren(QPushButton)
                  if b.text() == "Open &Document")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_paper_pointing_at_a_launcher_opens_nothing(papers_page, qtbot, tmp_path,
                                                      files_opened, dialogs_shown):
    launcher = tmp_path / "minutes.desktop"
    launcher.write_text("[Desktop Entry]\nType=Application\nExec=sh -c 'echo owned'\n")
    open_document_of(papers_page, qtbot, str(launcher))
    assert files_opened == []
    assert str(launcher) in dialogs_shown[-1][1] and "not a document" in dialogs_shown[-1][1]


def test_a_program_named_as_a_pdf_opens_nothing(papers_page, qtbot, tmp_path, files_opened,
                                                 dialogs_shown):
    script = tmp_path / "paper.pdf"
    script.write_text("#!/bin/sh\necho owned\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    open_document_of(papers_page, qtbot, str(script))
    assert files_opened == []
    assert "is a program" in dialogs_shown[-1][1]


def test_a_paper_that_is_a_document_opens(papers_page, qtbot, tmp_path, files_opened):
    paper = tmp_path / "Teckal paper.pdf"
    paper.write_bytes(b"%PDF-1.4\n")
    open_document_of(papers_page, qtbot, str(paper))
    assert [url.toLocalFile() for url in files_opened] == [str(paper)]


def test_a_document_no_program_takes_is_not_a_silent_failure(papers_page, qtbot, tmp_path,
                                                             monkeypatch, dialogs_shown):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    paper = tmp_path / "Teckal paper.odt"
    paper.write_bytes(b"PK\x03\x04")
    open_document_of(papers_page, qtbot, str(paper))
    assert "No program on this computer opened Teckal paper.odt" in dialogs_shown[-1][1]
