"""Meeting > Meeting Pack…: the chosen meeting's pack, for members or restricted,
saved where the official says (never over the open file) and opened."""

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from secretariat.taskforce import Taskforce
from ui.long_work import LongWork
from ui.menus import Act

DAY = "2012-01-12"


@pytest.fixture
def pack_window(window, sample_path, tmp_path):
    """The sample open, the Teckal paper's file a real PDF, its meeting chosen."""
    paper = tmp_path / "teckal.pdf"
    canvas = Canvas(str(paper))
    canvas.drawString(72, 720, "Teckal: the paper itself")
    canvas.save()
    with Taskforce.open(sample_path) as tf:
        teckal = next(p for p in tf.papers.for_meeting(tf.meetings.find_one(DAY).id))
        tf.papers.update(teckal.id, document_path=str(paper))
    assert window.open_path(sample_path)
    window.show()
    meetings = window.centralWidget().show_named("Meetings")
    meetings.show_meeting(window.session.tf.meetings.find_one(DAY).id)
    return window


def make_pack(window, qtbot) -> str:
    """Choose Meeting > Meeting Pack… and wait for the pack; how the work ended."""
    window.commands[Act.MEETING_PACK].trigger()
    job = window.findChild(LongWork)
    if job is None:
        return "not started"
    with qtbot.waitSignal(job.ended) as ended:
        pass
    return ended.args[0]


def page_texts(path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]


def test_the_pack_for_members_is_saved_and_opened(pack_window, qtbot, replies, tmp_path,
                                                   files_opened, dialogs_shown):
    out = tmp_path / "out" / "pack.pdf"
    out.parent.mkdir()
    replies.item("For members").save_to(out)

    assert make_pack(pack_window, qtbot) == "done"

    assert replies.offered[0][0] == "For members" and "Restricted" in replies.offered[0][1]
    assert replies.suggested[0].endswith("meeting pack 2012-01-12.pdf")
    pages = page_texts(out)
    assert "MEETING PACK" in pages[0] and "Thursday 12 January 2012" in pages[0]
    assert "Teckal: the paper itself" in pages[-1]
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))
    assert not any("CHAIR'S BRIEF" in text for text in pages)
    assert [item.title for item in PdfReader(str(out)).outline] == [
        "Cover and contents", "Agenda", "Teckal paper"]
    assert (out.stat().st_mode & 0o777) == 0o600
    assert [url.toLocalFile() for url in files_opened] == [str(out)]
    assert dialogs_shown == []  # every paper is in


def test_the_restricted_pack_holds_the_chairs_brief(pack_window, qtbot, replies, tmp_path,
                                                    files_opened):
    out = tmp_path / "restricted.pdf"
    replies.item("Restricted").save_to(out)

    assert make_pack(pack_window, qtbot) == "done"

    assert replies.suggested[0].endswith("restricted meeting pack 2012-01-12.pdf")
    pages = page_texts(out)
    assert "RESTRICTED VERSION" in pages[0]
    assert any("CHAIR'S BRIEF: INTERESTS" in text for text in pages)


def test_papers_left_out_are_named_once_the_pack_is_saved(pack_window, qtbot, replies,
                                                          tmp_path, files_opened, dialogs_shown):
    (tmp_path / "teckal.pdf").write_bytes(b"PK\x03\x04 a Word document, renamed")
    out = tmp_path / "pack.pdf"
    replies.item("For members").save_to(out)

    assert make_pack(pack_window, qtbot) == "done"

    [(title, text)] = dialogs_shown
    assert title == "Papers not in the pack"
    assert "The pack was saved, but these papers are not in it" in text
    assert "Teckal paper – not included: it is not a PDF" in text
    assert "COULD NOT BE INCLUDED" in page_texts(out)[-1]
    assert files_opened  # and opened all the same


def test_the_open_file_is_never_written_over(pack_window, qtbot, replies, sample_path,
                                            dialogs_shown, files_opened):
    before = sample_path.read_bytes()
    replies.item("For members").save_to(sample_path)

    assert make_pack(pack_window, qtbot) == "not started"

    assert dialogs_shown and dialogs_shown[0][0] == "Not saved"
    assert "taskforce file" in dialogs_shown[0][1]
    assert sample_path.read_bytes() == before and files_opened == []


def test_cancelling_the_choice_asks_nothing_more(pack_window, qtbot, replies):
    assert make_pack(pack_window, qtbot) == "not started"
    assert [kind for kind, _ in replies.asked] == ["item"]
