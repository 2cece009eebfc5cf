"""The Minutes tab and the Actions page, standalone."""

import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from secretariat.taskforce import Taskforce
from ui.pages.actions import OVERDUE, ActionsPage
from ui.pages.minutes import MinutesTab
from ui.printing import print_pages
from ui.session import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from minutes_setup import board  # noqa: E402


@pytest.fixture
def opened(qtbot, file_path):
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    session = Session(tf)
    yield session, b
    session.close()


def test_recording_previewing_and_approving_minutes(qtbot, opened, tmp_path):
    session, b = opened
    first, second, _ = b.meetings
    tab = MinutesTab(session, first)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab._select(("agenda_items", b.items[(0, "Update")]))
    tab.entry.setPlainText("- Updates tracked\nAction: Ed Mayo — write it up — asap")
    tab.record()
    qtbot.waitUntil(lambda: "write it up" in tab.preview.document.getAllText(0).text())
    assert tab.entry.toPlainText() == ""
    tab.entry.setPlainText("- Second point")
    tab.record()
    qtbot.waitUntil(lambda: tab.tree.topLevelItem(1).childCount() == 3)  # two points, one action
    second_point = session.tf.minutes.of_item(b.items[(0, "Update")])[1]
    tab._select(("minutes_entries", second_point.id))
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert session.tf.minutes.of_item(b.items[(0, "Update")])[0].text == "Second point"
    assert tab.approve_button.isEnabled() is False
    eml = tmp_path / "draft.eml"
    assert tab.circulate(str(eml))
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert next(message.iter_attachments()).get_content() == tab.preview.pdf

    assert tab.mark_circulated("2011-06-01")
    assert tab.approve(second)
    qtbot.waitUntil(lambda: "locked" in tab.state.text())
    assert "Approved" in tab.state.text() and not tab.circulate_button.isEnabled()
    out = tmp_path / "minutes.pdf"
    assert tab.save_pdf(str(out))
    assert "DRAFT" not in pypdf.PdfReader(out).pages[0].extract_text()
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    print_pages(printer, tab.preview.pdf)  # as a printer is sent them
    assert len(pypdf.PdfReader(printed).pages) == tab.preview.document.pageCount()

    session.undo_stack.undo()  # the approval
    qtbot.waitUntil(lambda: "locked" not in tab.state.text())
    assert session.tf.minutes.lifecycle.of(first).state == "circulated"


def test_matters_arising_are_closed_in_place_at_the_next_meeting(qtbot, opened):
    session, b = opened
    first, second, _ = b.meetings
    action_id, _ = session.tf.actions.create(b.items[(0, "Update")], "Write", ["Ed Mayo"])
    tab = MinutesTab(session, second)
    qtbot.addWidget(tab)
    assert tab.arising.model.rowCount() == 1
    tab.arising.view.selectRow(0)
    assert tab.arising.quick("done")
    qtbot.waitUntil(lambda: tab.arising.model.rowCount() == 1
                    and tab.arising.model.record(0).status == "done")
    update, = session.tf.actions.get(action_id).updates
    assert update.meeting_id == second


def test_the_actions_page_filters_and_counts(qtbot, opened, tmp_path):
    session, b = opened
    session.tf.actions.create(b.items[(0, "Update")], "Write", ["Ed Mayo"], "2011-06-01")
    session.tf.actions.create(b.items[(1, "Update")], "Read", ["Officials"], "asap")
    page = ActionsPage(session)
    qtbot.addWidget(page)
    assert page.table.model.rowCount() == 2
    assert [page.counts.item(i).text() for i in range(page.counts.count())] == [
        "Ed Mayo: 1", "Officials: 1"]
    overdue = page.table.model.index(0, 4)
    assert overdue.data() == "1 Jun 2011 (overdue)"
    assert overdue.data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE
    assert page.table.model.index(1, 4).data(Qt.ItemDataRole.ForegroundRole) is None
    page.owner.setText("offic")
    assert [page.table.model.record(r).text
            for r in range(page.table.model.rowCount())] == ["Read"]
    page.owner.clear()
    page.overdue.setChecked(True)
    assert [page.table.model.record(r).text
            for r in range(page.table.model.rowCount())] == ["Write"]
    out = tmp_path / "log.pdf"
    with qtbot.waitSignal(page.save_pdf(str(out)).ended):  # printed on a worker thread
        pass
    assert "Ed Mayo (1 open)" in pypdf.PdfReader(out).pages[0].extract_text()
