"""Printing from the window: Save as PDF…, the print dialog's PDF file, File >
Print… and Print Preview… on the document on screen; and the command line
printing a file the window has open."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageRanges
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QInputDialog, QPushButton, QToolBar

from ui import file_dialogs
from ui.menus import Act
from ui.printing import PreviewDialog, print_pages
from test_commands import menu_action
from test_saving_never_overwrites import BUTTONS, the_button

ROOT = Path(__file__).resolve().parents[2]
MEETING = "2011-05-26"


def choose_meeting(window, day: str = MEETING) -> None:
    """Choose the meeting of that day in the list of meetings."""
    workspace = window.centralWidget()
    workspace.show_page(workspace._names.index("Meetings"))
    session = window.session
    meeting = session.tf.meetings.find_one(day, session.body_id)
    workspace.page("Meetings").show_meeting(meeting.id)


def minutes_tab(window):
    """The chosen meeting's Minutes tab, turned to."""
    the_button(window, "Meetings", "Minutes", "&Print…")
    return window.centralWidget().page("Meetings").meeting_page.tab("Minutes")


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def has_images(path) -> bool:
    for page in pypdf.PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject")
        if objects and any(o.get_object()["/Subtype"] == "/Image" for o in objects.values()):
            return True
    return False


def command_line(*args: str) -> subprocess.CompletedProcess:
    """``python -m secretariat …`` as its own program, as an official would run it."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "secretariat", *map(str, args)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)


def private(path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def save_dialog(monkeypatch):
    """Save dialogs answered with the next of ``answers``; what they were asked, kept."""
    asked, answers = [], []

    def answer(parent, title, suggestion, kind, *rest, **named):
        asked.append(suggestion)
        return str(answers.pop(0)), kind
    monkeypatch.setattr(file_dialogs, "get_save_file_name", answer)
    return asked, answers


@pytest.fixture
def print_dialog(monkeypatch):
    """The print dialog answered with Print to File into ``target[0]``."""
    target = []

    def to_file(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(target[0]))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    return target


def test_save_as_pdf_writes_what_the_command_line_writes(sample_window, sample_path, qtbot,
                                                          tmp_path, save_dialog, files_opened):
    _, answers = save_dialog
    saved = tmp_path / "from the window.pdf"
    answers.append(saved)
    choose_meeting(sample_window)
    click(qtbot, the_button(sample_window, "Meetings", "Minutes", "Save as P&DF…"))

    printed = tmp_path / "from the command line.pdf"
    run = command_line("minutes", sample_path, "--meeting", MEETING, "-o", printed)
    assert run.returncode == 0, run.stderr
    assert "MUTUALS TASKFORCE" in text_of(saved).upper()
    assert text_of(saved) == text_of(printed)
    assert not has_images(saved) and private(saved)


@pytest.mark.parametrize("gesture", [g for g in BUTTONS if "e-mail" not in g])
def test_every_save_as_pdf_button_writes_its_document(sample_window, qtbot, tmp_path,
                                                      monkeypatch, save_dialog, files_opened,
                                                      gesture):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *args, **kwargs: (args[3][0], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("", True))
    _, answers = save_dialog
    saved = tmp_path / "saved.pdf"
    answers.append(saved)
    click(qtbot, the_button(sample_window, *BUTTONS[gesture]))
    qtbot.waitUntil(saved.exists)  # the action log is laid out on a worker thread
    assert "MUTUALS TASKFORCE" in text_of(saved).upper()
    assert private(saved)


def test_print_to_a_pdf_file_writes_the_document_itself(sample_window, qtbot, tmp_path,
                                                        print_dialog):
    printed = tmp_path / "printed.pdf"
    print_dialog.append(printed)
    minutes = minutes_tab(sample_window)
    click(qtbot, the_button(sample_window, "Meetings", "Minutes", "&Print…"))
    assert printed.read_bytes() == minutes.preview.pdf  # searchable text, not page images
    assert private(printed)


def test_a_printer_is_sent_the_pages_chosen_whole(sample_window, tmp_path):
    choose_meeting(sample_window)
    minutes = minutes_tab(sample_window)
    printed = tmp_path / "as a printer gets it.pdf"  # a printer's pages, caught in a file
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    second = QPageRanges()
    second.addPage(2)
    printer.setPageRanges(second)
    print_pages(printer, minutes.preview.pdf)
    assert minutes.preview.document.pageCount() > 1
    assert len(pypdf.PdfReader(printed).pages) == 1
    page = pypdf.PdfReader(printed).pages[0]
    image = next(iter(page["/Resources"]["/XObject"].values())).get_object()
    shown = minutes.preview.document.pagePointSize(1)
    assert image["/Width"] / image["/Height"] == pytest.approx(shown.width() / shown.height(),
                                                              rel=0.01)  # not stretched


def test_file_print_prints_the_document_on_screen(sample_window, qtbot, tmp_path,
                                                  print_dialog, dialogs_shown):
    the_button(sample_window, "Meetings", "Agenda", "Save as P&DF…")  # turns to the tab
    printed = tmp_path / "printed.pdf"
    print_dialog.append(printed)
    assert sample_window.commands[Act.PRINT].shortcut().toString() == "Ctrl+P"
    sample_window.commands[Act.PRINT].trigger()
    assert "AGENDA" in text_of(printed).upper() and private(printed)


def test_printing_is_greyed_where_nothing_on_screen_prints(sample_window, qtbot, dialogs_shown):
    toolbar = sample_window.findChild(QToolBar)
    print_button = toolbar.widgetForAction(sample_window.commands[Act.PRINT])
    commands = [menu_action(sample_window, "File", name) for name in ("Print", "Print Preview")]

    def printable() -> bool:
        states = {print_button.isEnabled()} | {action.isEnabled() for action in commands}
        assert len(states) == 1  # the button and both menu entries alike
        return states.pop()

    menu_action(sample_window, "Go", "2 People").trigger()
    assert not printable()
    assert "Agenda, Minutes and Interests tabs" in print_button.toolTip()
    click(qtbot, print_button)
    assert dialogs_shown == []  # no refusal: a greyed button does nothing
    menu_action(sample_window, "Go", "3 Actions").trigger()
    assert printable() and "Agenda" not in print_button.toolTip()

    menu_action(sample_window, "Go", "1 Meetings").trigger()
    choose_meeting(sample_window)
    meeting = sample_window.centralWidget().page("Meetings").meeting_page
    tabs = meeting.tabBar()
    for tab, prints in (("Details", False), ("Agenda", True), ("Register", False),
                        ("Minutes", True)):
        index = next(i for i in range(tabs.count()) if tabs.tabText(i).replace("&", "") == tab)
        qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(index).center())
        assert meeting.currentIndex() == index and printable() == prints, tab


def test_print_preview_shows_the_minutes_and_zooms(sample_window, qtbot):
    minutes = minutes_tab(sample_window)
    action = sample_window.commands[Act.PRINT_PREVIEW]
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    preview = sample_window.findChild(PreviewDialog)
    qtbot.waitExposed(preview)
    assert preview.pages.pdf == minutes.preview.pdf
    assert "MINUTES" in preview.pages.document.getAllText(0).text()

    def press(name):
        click(qtbot, next(b for b in preview.findChildren(QPushButton)
                          if b.accessibleName() == name))

    whole_page = preview.pages.zoom()
    press("Fit width")
    qtbot.waitUntil(lambda: preview.view.horizontalScrollBar().maximum() == 0)
    across = preview.pages.zoom()
    assert across > whole_page
    press("Zoom in")
    qtbot.waitUntil(lambda: preview.view.horizontalScrollBar().maximum() > 0)  # wider than the view
    assert preview.pages.zoom() == pytest.approx(across * 1.25)
    press("Zoom out")
    press("Zoom out")
    assert preview.pages.zoom() == pytest.approx(across / 1.25)
    press("Fit page")
    assert preview.pages.zoom() == pytest.approx(whole_page)


def test_print_preview_opens_at_the_fit_its_pressed_button_says(sample_window, qtbot):
    minutes_tab(sample_window)
    sample_window.commands[Act.PRINT_PREVIEW].trigger()
    preview = sample_window.findChild(PreviewDialog)
    qtbot.waitExposed(preview)
    fits = {b.accessibleName(): b for b in preview.findChildren(QPushButton)
            if b.accessibleName() in ("Fit width", "Fit page")}
    opened = preview.pages.zoom()

    pressed = [name for name, push in fits.items() if push.isChecked()]
    assert len(pressed) == 1
    assert not any(push.isDefault() or push.hasFocus() for push in fits.values())  # no other look
    click(qtbot, fits[pressed[0]])
    assert preview.pages.zoom() == pytest.approx(opened) and fits[pressed[0]].isChecked()
    other = next(name for name in fits if name not in pressed)
    click(qtbot, fits[other])
    assert fits[other].isChecked() and not fits[pressed[0]].isChecked()
    click(qtbot, next(b for b in preview.findChildren(QPushButton)
                      if b.accessibleName() == "Zoom in"))
    assert not any(push.isChecked() for push in fits.values())


def test_the_command_line_prints_and_exports_a_file_the_window_has_open(
        sample_window, sample_path, tmp_path):
    session = sample_window.session
    session.tf.people.create(session.body_id, "Added In The Window")
    minutes, export = tmp_path / "minutes.pdf", tmp_path / "everything.json"
    for args in (("minutes", sample_path, "--meeting", MEETING, "-o", minutes),
                 ("export", sample_path, "-o", export)):
        run = command_line(*args)
        assert run.returncode == 0, run.stderr
    assert "MUTUALS TASKFORCE" in text_of(minutes).upper()
    people = json.loads(export.read_text(encoding="utf-8"))["tables"]["people"]
    assert "Added In The Window" in {p["name"] for p in people}
    assert sample_window.session is session and not session.tf.read_only
