"""File dialogs open in the folder the official last saved to or opened from,
in this session and the next, not always in the home folder."""

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLineEdit

from secretariat.files.output_files import PDF
from ui import file_dialogs
from ui.menus import Act
from test_saving_never_overwrites import the_button

sys.path.insert(0, str(Path(__file__).parents[1] / "faults"))
from test_locks_kept import edits_stay_seen  # noqa: E402


def test_file_dialogs_start_in_the_folder_last_used(sample_window, qtbot, tmp_path,
                                                    monkeypatch, files_opened):
    folder = tmp_path / "papers for the chair"
    folder.mkdir()
    asked, answers = [], [folder / "minutes.pdf", folder / "agenda.pdf"]
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda parent, title, start, kind, check: (
        asked.append(Path(start)) or str(answers.pop(0)), kind))
    for tab in ("Minutes", "Agenda"):
        qtbot.mouseClick(the_button(sample_window, "Meetings", tab, "Save as P&DF…"),
                         Qt.MouseButton.LeftButton)
    assert asked[0].parent == Path.home()
    assert asked[1].parent == folder and asked[1].name.startswith("agenda")
    assert (folder / "minutes.pdf").exists() and (folder / "agenda.pdf").exists()

    sample_window.close_file()  # the folder is remembered for the next file, and session
    opened = []
    monkeypatch.setattr(file_dialogs, "get_open_file_name",
                        lambda parent, title, start, kind: opened.append(start) or ("", ""))
    sample_window.commands[Act.OPEN].trigger()
    assert opened == [str(folder)]


def test_printing_to_a_file_starts_in_the_folder_last_used(sample_window, qtbot, tmp_path,
                                                           monkeypatch, replies, files_opened):
    folder = tmp_path / "papers for the chair"
    folder.mkdir()
    replies.save_to(folder / "minutes.pdf")
    qtbot.mouseClick(the_button(sample_window, "Meetings", "Minutes", "Save as P&DF…"),
                     Qt.MouseButton.LeftButton)
    offered = []

    def print_to_the_file_offered(dialog):  # the official picks Print to File, and OK
        offered.append(Path(dialog.findChild(QLineEdit, "filename").text()))
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(offered[0]))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", print_to_the_file_offered)
    sample_window.commands[Act.PRINT].trigger()
    assert offered[0].parent == folder and offered[0].suffix == ".pdf"
    assert offered[0].exists()


def test_a_file_dialog_showing_the_open_file_s_folder_leaves_it_locked(sample_window,
                                                                     sample_path):
    """Qt's own way of telling a file's kind read inside each file listed, the
    open one and its -wal too, and so dropped SQLite's locks on them."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog

    def close_once_listed():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(50, close_once_listed)
            return
        QTimer.singleShot(1500, shown[0].reject)  # its files listed, each with its kind
    QTimer.singleShot(0, close_once_listed)
    assert file_dialogs.get_save_file_name(
        sample_window, "Save the agenda as PDF", str(sample_path.parent / "agenda.pdf"),
        PDF) == ("", "")
    edits_stay_seen(sample_window.session.tf, sample_path)


def drive_file_dialog(names: list[str], seen: list) -> None:
    """Once Qt's file dialog shows, type each name in turn and press Save; note
    whether the dialog was still open after each. A question Qt itself asks
    (whether to replace a file) is answered No, until the dialog is done with
    (not a later test's question)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    done = []

    def answer_qt_s_question():
        if done:  # (a later dialog's question is its own driver's to answer and note)
            return
        for box in QApplication.topLevelWidgets():
            if isinstance(box, QMessageBox) and box.isVisible():
                seen.append(("Qt asked", box.text()))
                box.reject()
        QTimer.singleShot(100, answer_qt_s_question)

    def drive():
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QFileDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(50, drive)
            return
        dialog = shown[0]
        dialog.windowHandle().requestActivate()  # the box for the name has the keyboard,
        QApplication.processEvents()  # so what is typed, not the list, says the name
        box = dialog.findChild(QLineEdit, "fileNameEdit")
        for name in names:
            box.setFocus()
            box.setText(name)
            dialog.accept()
            seen.append(("still open", dialog.isVisible()))
            if not dialog.isVisible():
                break
        else:
            dialog.reject()
        done.append(True)

    QTimer.singleShot(0, drive)
    QTimer.singleShot(100, answer_qt_s_question)


def test_a_pdf_aimed_at_the_open_file_is_refused_in_the_dialog_before_qt_offers_to_replace(
        sample_window, sample_path, qtbot, dialogs_shown, files_opened, monkeypatch):
    from ui import settings

    monkeypatch.setattr(settings, "start_at", lambda suggestion: str(sample_path.parent))
    seen: list = []
    drive_file_dialog([str(sample_path), str(sample_path.with_name("minutes.pdf"))], seen)
    qtbot.mouseClick(the_button(sample_window, "Meetings", "Minutes", "Save as P&DF…"),
                     Qt.MouseButton.LeftButton)

    assert seen == [("still open", True), ("still open", False)]  # Qt asked nothing
    assert dialogs_shown[0][0] == "Choose another name"
    assert "sample.taskforce is a taskforce file" in dialogs_shown[0][1]
    assert (sample_path.with_name("minutes.pdf")).read_bytes().startswith(b"%PDF")
    edits_stay_seen(sample_window.session.tf, sample_path)


def test_a_copy_aimed_at_a_file_that_exists_is_refused_in_the_dialog(
        sample_window, sample_path, qtbot, dialogs_shown, monkeypatch):
    from ui import settings

    monkeypatch.setattr(settings, "start_at", lambda suggestion: str(sample_path.parent))
    taken = sample_path.with_name("last year.taskforce")
    taken.write_text("the official's own file", encoding="utf-8")
    seen: list = []
    drive_file_dialog([str(taken), str(sample_path.with_name("copy"))], seen)
    sample_window.commands[Act.SAVE_COPY].trigger()

    assert seen == [("still open", True), ("still open", False)]
    assert "last year.taskforce already exists" in dialogs_shown[0][1]
    assert taken.read_text(encoding="utf-8") == "the official's own file"
    assert sample_path.with_name("copy.taskforce").exists()  # the name given its suffix
