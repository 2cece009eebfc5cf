"""A name given in a save dialog is saved as the kind of file the dialog
saves: given that kind's suffix when typed without one (as the filter says),
and refused, with the dialog kept open, when its suffix names another kind
(a Word document named .pdf opens in no PDF reader). A dialog that hands back
such a name anyway (a desktop's own, say) is told why, and nothing is written."""

import zipfile

import pytest
from PySide6.QtCore import Qt

from ui import file_dialogs, settings
from test_file_dialogs import drive_file_dialog
from test_saving_never_overwrites import the_button


def is_pdf(path) -> bool:
    return path.read_bytes().startswith(b"%PDF")


def is_word(path) -> bool:
    return zipfile.is_zipfile(path) and "word/document.xml" in zipfile.ZipFile(path).namelist()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The folder the save dialogs open in (the sample file is not in it)."""
    (tmp_path / "saved").mkdir()
    monkeypatch.setattr(settings, "start_at", lambda suggestion: str(tmp_path / "saved"))
    return tmp_path / "saved"


# The Minutes tab's buttons: a name of the other format typed, what is said, a good name.
MISNAMED = {
    "Word named .pdf": ("&Save as Word…", "gui_min.pdf", is_word,
                        "gui_min.pdf is named as a PDF, but “Save the minutes as Word” "
                        "writes a Word document: name it .docx"),
    "PDF named .docx": ("Save as P&DF…", "gui_min2.docx", is_pdf,
                        "gui_min2.docx is named as a Word document, but “Save the minutes as "
                        "PDF” writes a PDF: name it .pdf"),
}


@pytest.mark.parametrize("case", MISNAMED)
def test_a_name_for_the_other_format_is_refused_in_the_dialog(sample_window, qtbot, folder,
                                                              dialogs_shown, files_opened, case):
    button, typed, written_as, said = MISNAMED[case]
    seen: list = []
    drive_file_dialog([typed, "gui minutes"], seen)
    qtbot.mouseClick(the_button(sample_window, "Meetings", "Minutes", button),
                     Qt.MouseButton.LeftButton)

    assert seen == [("still open", True), ("still open", False)]
    assert dialogs_shown[0] == ("Choose another name", said + ".")
    assert not (folder / typed).exists()
    saved = folder / ("gui minutes" + (".docx" if written_as is is_word else ".pdf"))
    assert written_as(saved) and files_opened[-1].toLocalFile() == str(saved)


@pytest.mark.parametrize("case", MISNAMED)
def test_a_name_for_the_other_format_handed_back_is_told_and_not_written(
        sample_window, qtbot, folder, monkeypatch, dialogs_shown, files_opened, case):
    button, typed, _, said = MISNAMED[case]
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *args, **kwargs: (str(folder / typed), ""))
    qtbot.mouseClick(the_button(sample_window, "Meetings", "Minutes", button),
                     Qt.MouseButton.LeftButton)
    assert dialogs_shown == [("Not saved", said + ".")]
    assert list(folder.iterdir()) == [] and files_opened == []


def test_a_name_typed_without_a_suffix_is_given_the_filter_s(sample_window, qtbot, folder,
                                                             dialogs_shown, files_opened):
    save = the_button(sample_window, "Recommendations", None, "Save as P&DF…")
    seen: list = []
    drive_file_dialog(["gui_tracker"], seen)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    saved = folder / "gui_tracker.pdf"
    qtbot.waitUntil(saved.exists)
    assert [p.name for p in folder.iterdir()] == ["gui_tracker.pdf"] and is_pdf(saved)
    assert files_opened[-1].toLocalFile() == str(saved)

    seen.clear()  # the same name again: Qt asks about the file it would replace
    drive_file_dialog(["gui_tracker"], seen)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert seen[0][0] == "Qt asked" and "gui_tracker.pdf" in seen[0][1], seen
    assert seen[1:] == [("still open", True)] and dialogs_shown == []


def test_a_name_handed_back_without_a_suffix_is_given_the_kind_s(sample_window, qtbot, folder,
                                                                monkeypatch, files_opened):
    monkeypatch.setattr(file_dialogs, "get_save_file_name",
                        lambda *args, **kwargs: (str(folder / "gui_tracker"), ""))
    qtbot.mouseClick(the_button(sample_window, "Recommendations", None, "Save as P&DF…"),
                     Qt.MouseButton.LeftButton)
    saved = folder / "gui_tracker.pdf"
    qtbot.waitUntil(saved.exists)
    assert [p.name for p in folder.iterdir()] == ["gui_tracker.pdf"] and is_pdf(saved)


def test_a_dated_name_is_given_the_suffix_too(sample_window, qtbot, folder, files_opened):
    """Qt adds its default suffix only to a name with no dot; "04.12.2026"
    would leave the PDF named ".2026", opening in nothing."""
    save = the_button(sample_window, "Recommendations", None, "Save as P&DF…")
    drive_file_dialog(["tracker 04.12.2026"], [])
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    saved = folder / "tracker 04.12.2026.pdf"
    qtbot.waitUntil(saved.exists)
    assert [p.name for p in folder.iterdir()] == [saved.name] and is_pdf(saved)

    seen: list = []  # the same name again: Qt asks about the file it would replace
    drive_file_dialog(["tracker 04.12.2026"], seen)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert seen[0][0] == "Qt asked" and saved.name in seen[0][1], seen
