"""The Minutes tab and the Actions page, standalone."""

import sys
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import docx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox, QPushButton
from PySide6.QtPrintSupport import QPrinter

from secretariat.taskforce import Taskforce
from ui.pages.actions import OVERDUE, ActionsPage
from ui.pages.meeting import MEETING_TABS
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


def test_recording_previewing_and_approving_minutes(qtbot, opened, tmp_path, replies, click,
                                                     files_opened):
    session, b = opened
    first, second, _ = b.meetings
    tab = MinutesTab(session, first)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    tab.tree.choose(("agenda_items", b.items[(0, "Update")]))
    tab.entry.setPlainText("- Updates tracked\nAction: Ed Mayo — write it up — asap")
    tab.record()
    qtbot.waitUntil(lambda: "write it up" in tab.preview.document.getAllText(0).text())
    assert tab.entry.toPlainText() == ""
    tab.entry.setPlainText("- Second point")
    tab.record()
    qtbot.waitUntil(lambda: tab.tree.topLevelItem(1).childCount() == 3)  # two points, one action
    second_point = session.tf.minutes.of_item(b.items[(0, "Update")])[1]
    tab.tree.choose(("minutes_entries", second_point.id))
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert session.tf.minutes.of_item(b.items[(0, "Update")])[0].text == "Second point"
    assert tab.approve_button.isEnabled() is False
    eml = tmp_path / "draft.eml"
    replies.save_to(eml)
    click(tab, "Circulate…")
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert next(message.iter_attachments()).get_content() == tab.preview.pdf

    replies.text("1 June 2011").item("Thursday")
    click(tab, "Mark circulated…")
    qtbot.waitUntil(tab.approve_button.isEnabled)
    click(tab, "Approved at…")
    qtbot.waitUntil(lambda: "locked" in tab.state.text())
    assert "Approved" in tab.state.text() and not tab.circulate_button.isEnabled()
    out = tmp_path / "minutes.pdf"
    replies.save_to(out)
    click(tab, "Save as PDF…")
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


def test_the_actions_page_filters_and_counts(qtbot, opened, tmp_path, replies, click,
                                              files_opened):
    session, b = opened
    session.tf.actions.create(b.items[(0, "Update")], "Write", ["Ed Mayo"], "2011-06-01")
    session.tf.actions.create(b.items[(1, "Update")], "Read", ["Officials"], "asap")
    page = ActionsPage(session)
    qtbot.addWidget(page)
    page.show()
    assert page.table.model.rowCount() == 2
    qtbot.waitUntil(lambda: page.counts.count() == 2)  # beside the log, once it is seen
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
    replies.save_to(out)
    click(page, "Save as PDF…")
    with qtbot.waitSignal(page.printing.ended):  # printed on a worker thread
        pass
    assert "Ed Mayo (1 open)" in pypdf.PdfReader(out).pages[0].extract_text()


def minutes_tab_of(window, meeting_id):
    """The meeting's Minutes tab, turned to as the official turns to it."""
    meetings = window.centralWidget().page("Meetings")
    meetings.show_meeting(meeting_id)
    meetings.meeting_page.setCurrentIndex([t for t, _ in MEETING_TABS].index("Minutes"))
    return meetings.meeting_page.tab("Minutes")


def test_approved_minutes_are_reopened_with_a_reason_kept(qtbot, sample_window, replies, click,
                                                          stored, sample_path, dialogs_shown):
    tf = sample_window.session.tf
    may = tf.meetings.find_one("2011-05-26").id
    tab = minutes_tab_of(sample_window, may)
    assert not tab.circulate_button.isEnabled() and tab.reopen_button.isEnabled()
    replies.text("   ")
    click(tab, "Reopen…")
    assert "Say why the approval is taken back." in dialogs_shown[-1][1]
    replies.text("A name was misspelt")
    click(tab, "Reopen…")
    qtbot.waitUntil(lambda: "locked" not in tab.state.text())
    assert stored(sample_path, "SELECT reason FROM minutes_reopenings") == [
        ("A name was misspelt",)]
    assert stored(sample_path, "SELECT count(*) FROM approved_minutes WHERE meeting_id = ?",
                  (may,)) == [(0,)]
    sample_window.session.undo_stack.undo()
    qtbot.waitUntil(lambda: "locked" in tab.state.text())
    assert stored(sample_path, "SELECT count(*) FROM approved_minutes WHERE meeting_id = ?",
                  (may,)) == [(1,)]


def test_a_line_of_draft_minutes_is_edited_with_f2(qtbot, sample_window, replies, stored,
                                                   sample_path, dialogs_shown):
    tf = sample_window.session.tf
    january = tf.meetings.find_one("2012-01-12").id
    tab = minutes_tab_of(sample_window, january)
    point = next(e for item in tf.agenda.of_meeting(january) for e in tf.minutes.of_item(item.id))
    tab.tree.choose(("minutes_entries", point.id))
    tab.tree.setFocus()
    replies.text("Rewritten in the window").answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.tree, Qt.Key.Key_F2)  # circulated: asked once, and Yes
    assert [text for _, text in dialogs_shown] == []
    assert stored(sample_path, "SELECT text FROM minutes_entries WHERE id = ?", (point.id,)) == [
        ("Rewritten in the window",)]


def test_approved_minutes_say_so_before_a_line_is_edited(qtbot, sample_window, replies,
                                                         dialogs_shown):
    tf = sample_window.session.tf
    may = tf.meetings.find_one("2011-05-26").id
    tab = minutes_tab_of(sample_window, may)
    point = next(e for item in tf.agenda.of_meeting(may) for e in tf.minutes.of_item(item.id))
    tab.tree.choose(("minutes_entries", point.id))
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_F2)
    assert replies.asked == []  # no box to type in
    assert "The minutes of Thursday 26 May 2011 were approved, so they are final" in \
        dialogs_shown[-1][1]


def test_approved_minutes_offer_no_typing_and_no_status_change(qtbot, sample_window, click):
    """Nothing on the tab of approved minutes looks as if it could change them."""
    tf = sample_window.session.tf
    tab = minutes_tab_of(sample_window, tf.meetings.find_one("2011-05-26").id)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(1))
    assert tab.entry.isReadOnly() and "approved and final" in tab.entry.placeholderText()
    assert not tab.record_button.isEnabled()
    assert not any(b.isEnabled() for b in tab.status_buttons)
    january = minutes_tab_of(sample_window, tf.meetings.find_one("2012-01-12").id)
    january.tree.setCurrentItem(january.tree.topLevelItem(1))
    assert not january.entry.isReadOnly() and january.record_button.isEnabled()
    assert any(b.isEnabled() for b in january.status_buttons)


@pytest.fixture
def minutes_tab(qtbot, opened):
    session, b = opened
    tab = MinutesTab(session, b.meetings[0])
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, session, b


def _status(session, item_id):
    return session.tf.store.row("SELECT status FROM agenda_items WHERE id = ?",
                                (item_id,))["status"]


def test_the_selected_item_is_marked_from_the_keyboard_while_typing(qtbot, minutes_tab):
    tab, session, b = minutes_tab
    update = b.items[(0, "Update")]
    tab.tree.choose(("agenda_items", update))
    tab.entry.setFocus()
    qtbot.keyClicks(tab.entry, "- a point")
    qtbot.keyClick(tab.entry, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert _status(session, update) == "taken"
    assert tab.entry.toPlainText() == "- a point"
    qtbot.waitUntil(lambda: tab.tree.topLevelItem(1).text(0) == "2. Chair's update — Taken")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.entry, Qt.Key.Key_D, shift_ctrl)
    assert _status(session, update) == "deferred"
    qtbot.waitUntil(lambda: tab.tree.topLevelItem(1).text(0) == "2. Chair's update — Deferred")
    qtbot.keyClick(tab.entry, Qt.Key.Key_X, shift_ctrl)
    assert _status(session, update) == "dropped"  # and out of the minutes
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 1)
    session.undo_stack.undo()
    assert _status(session, update) == "deferred"
    # The keys are said on the page: on the item's buttons.
    shown = " ".join(w.text() for w in tab.findChildren(QLabel) + tab.findChildren(QPushButton)
                     if not w.isHidden())
    assert all(key in shown for key in ("Ctrl+T", "Ctrl+Shift+D", "Ctrl+Shift+X"))


def test_changing_circulated_minutes_warns_once(qtbot, minutes_tab, replies):
    tab, session, b = minutes_tab
    assert not tab.banner.isVisible()
    session.tf.minutes.lifecycle.circulate(b.meetings[0], "2011-06-01")
    tab.load()
    assert tab.banner.isVisible() and "will not reach" in tab.banner.text()
    update = b.items[(0, "Update")]
    tab.tree.choose(("agenda_items", update))
    tab.entry.setPlainText("- Late point")
    replies.answer(QMessageBox.StandardButton.No)
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert session.tf.minutes.of_item(update) == []
    assert "will not reach" in replies.asked[-1][1]
    replies.answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [e.text for e in session.tf.minutes.of_item(update)] == ["Late point"]
    asked = len(replies.asked)
    tab.entry.setPlainText("- Later still")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(replies.asked) == asked  # told once is enough
    assert len(session.tf.minutes.of_item(update)) == 2


def chosen_point(minutes_tab, text: str):
    """A point recorded under the Update item, chosen in the outline with the keyboard's focus."""
    tab, session, b = minutes_tab
    update = b.items[(0, "Update")]
    session.tf.minutes.add(update, text)
    tab.load()
    point = session.tf.minutes.of_item(update)[0]
    tab.tree.choose(("minutes_entries", point.id))
    tab.tree.setFocus()
    return point


def test_the_editor_for_a_line_is_as_wide_as_the_list(qtbot, minutes_tab, answer):
    tab, session, _ = minutes_tab
    point = chosen_point(minutes_tab, "A point long enough to need more than a narrow box")
    widths = []
    answer(QInputDialog, [lambda d: (widths.append(d.width()), d.setTextValue("Shorter"))])
    qtbot.keyClick(tab.tree, Qt.Key.Key_F2)
    assert session.tf.minutes.get(point.id).text == "Shorter"
    assert widths[0] >= tab.tree.width() > 400


def test_a_refused_line_comes_back_as_typed_to_put_right(qtbot, minutes_tab, answer,
                                                       dialogs_shown):
    tab, session, _ = minutes_tab
    point = chosen_point(minutes_tab, "A point")
    shown = []
    answer(QInputDialog, [lambda d: (shown.append(d.textValue()), d.setTextValue("   ")),
                          lambda d: (shown.append(d.textValue()), d.setTextValue("Put right"))])
    qtbot.keyClick(tab.tree, Qt.Key.Key_F2)
    assert dialogs_shown and shown == ["A point", "   "]
    assert session.tf.minutes.get(point.id).text == "Put right"


def test_an_item_not_reached_prints_only_that_it_was_deferred(qtbot, minutes_tab, replies,
                                                              click, files_opened, tmp_path):
    tab, session, b = minutes_tab
    update = b.items[(0, "Update")]
    tab.tree.choose(("agenda_items", update))
    tab.entry.setFocus()
    tab.entry.setPlainText("- Updates will be tracked\nAction: Ed Mayo — write it up — asap")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert len(session.tf.actions.of_item(update)) == 1
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tab.entry, Qt.Key.Key_D, shift_ctrl)
    qtbot.waitUntil(lambda: "Deferred" in tab.preview.document.getAllText(0).text())
    saved = tmp_path / "minutes.pdf"
    replies.save_to(saved)
    click(tab, "Save as PDF…")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(saved).pages)
    assert "Chair's update" in text and "Deferred to a later meeting." in text
    assert "Updates will be tracked" not in text and "write it up" not in text


def test_save_the_minutes_as_word_to_edit(qtbot, minutes_tab, replies, click, files_opened,
                                          tmp_path):
    tab, session, b = minutes_tab
    tab.tree.choose(("agenda_items", b.items[(0, "Update")]))
    tab.entry.setFocus()
    tab.entry.setPlainText("- Updates tracked, <b>weekly</b> & more\n"
                           "Decision: Format approved\nAction: Ed Mayo — write it up — asap")
    qtbot.keyClick(tab.entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    out = tmp_path / "for the chair"  # no suffix typed: the Word one is added
    replies.save_to(out)
    click(tab, "Save as Word…")
    saved = tmp_path / "for the chair.docx"
    assert replies.suggested[-1].endswith("minutes 2011-05-26.docx")
    assert files_opened[-1].toLocalFile() == str(saved)
    assert saved.stat().st_mode & 0o777 == 0o600
    document = docx.Document(str(saved))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "2. Chair's update") in paragraphs
    assert ("List Bullet", "Updates tracked, <b>weekly</b> & more") in paragraphs
    assert ("Decision", "Format approved") in paragraphs
    assert [c.text for c in document.tables[-1].rows[1].cells][:2] == ["Ed Mayo", "write it up"]
    assert 'string="DRAFT"' in document.sections[0].header._element.xml

    first, second, _ = b.meetings
    session.tf.minutes.lifecycle.circulate(first, "2011-06-01")
    session.tf.minutes.lifecycle.approve(first, second)
    tab.publication.setChecked(True)
    published = tmp_path / "published.docx"
    replies.save_to(published)
    click(tab, "Save as Word…")
    assert replies.suggested[-1].endswith("minutes for publication 2011-05-26.docx")
    document = docx.Document(str(published))
    assert "DRAFT" not in document.sections[0].header._element.xml
    assert ("Centred", "Version for publication") in [(p.style.name, p.text)
                                                      for p in document.paragraphs]


def test_word_is_refused_over_the_open_file_as_the_pdf_is(sample_window, sample_path, replies,
                                                           click, dialogs_shown, files_opened):
    before = sample_path.read_bytes()
    tab = minutes_tab_of(sample_window, sample_window.session.tf.meetings.find_one(
        "2011-05-26").id)
    replies.save_to(sample_path)
    click(tab, "Save as Word…")
    assert [title for title, _ in dialogs_shown] == ["Not saved"]
    assert sample_path.read_bytes() == before and files_opened == []
