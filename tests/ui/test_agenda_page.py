"""The agenda page: reordering by keyboard and by drag and drop, undo, the
running clock's warning, and what is offered for the agenda."""

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.dialogs.interests import TagItemDialog
from ui.edits import agenda as agenda_edits
from ui.models.agenda_model import MIME
from ui.pages.agenda import AgendaPage


@pytest.fixture
def page(qtbot, session):
    may = session.tf.meetings.find_one("2011-05-26").id
    session.tf.minutes.lifecycle.reopen(may, "Reworked in the tests")  # approved: final
    # Reopened May and January are circulated: the official has said to go on.
    session.told_circulated.update({may, session.tf.meetings.find_one("2012-01-12").id})
    made = AgendaPage(session, may)
    qtbot.addWidget(made)
    made.show()
    return made


def numbered(page):
    planned, _ = page.tf.agenda.planned(page.meeting_id)
    return [(p.full_number, p.item.title) for p in planned]


def choose(page, title):
    item = next(i for i in page.tf.agenda.of_meeting(page.meeting_id) if i.title == title)
    page.select(item.id)
    return item.id


def test_the_tree_shows_items_and_sub_items(page):
    model = page.model
    assert model.rowCount() == 6
    cross = model.index(3, 1)
    assert cross.data() == "Cross cutting issues"
    assert model.index(1, 0, model.index(3, 0)).data() == "ii)"
    assert model.index(1, 1, model.index(3, 0)).data() == "Assets"


def test_keyboard_reordering_and_undo(page, qtbot):
    choose(page, "Away afternoon planning")
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert numbered(page)[3] == ("4", "Away afternoon planning")
    assert page.current_id() == choose(page, "Away afternoon planning")
    qtbot.keyClick(page.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert ("3 i)", "Away afternoon planning") in numbered(page)
    qtbot.keyClick(page.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert numbered(page)[3] == ("4", "Away afternoon planning")
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert numbered(page)[6] == ("5", "Away afternoon planning")
    page.session.undo_stack.redo()
    assert numbered(page)[3] == ("4", "Away afternoon planning")


def test_a_refused_move_says_why_and_changes_nothing(page, qtbot, dialogs_shown):
    choose(page, "Welcome and introductions")
    before = numbered(page)
    qtbot.keyClick(page.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert numbered(page) == before
    assert "already first" in dialogs_shown[-1][1]
    assert page.session.undo_stack.count() == 0


def test_drag_and_drop_moves_an_item_undoably(page):
    model = page.model
    dragged = model.index(0, 0)  # Welcome and introductions
    data = model.mimeData([dragged])
    assert data.hasFormat(MIME)
    # Dropped between "Update" and "Cross cutting issues" (row 3 of the top level).
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    assert [t for n, t in numbered(page) if " " not in n][:3] == [
        "Minutes", "Update", "Welcome and introductions"]
    # Dropped onto "Cross cutting issues": its last sub-item.
    data = model.mimeData([page.model.index_of(choose(page, "Away afternoon planning"))])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0,
                       page.model.index_of(choose(page, "Cross cutting issues")))
    assert ("4 iii)", "Away afternoon planning") in numbered(page)
    page.session.undo_stack.undo()
    page.session.undo_stack.undo()
    assert numbered(page)[0] == ("1", "Welcome and introductions")


def test_add_edit_and_remove_items_undoably(page, qtbot, replies, click):
    last = [p for p in page.tf.agenda.planned(page.meeting_id)[0] if p.full_number == "6"]
    page.select(last[0].item.id)
    replies.text("Declarations of interest")
    click(page, "Add item")
    made = page.current_id()
    assert numbered(page)[-1] == ("7", "Declarations of interest")
    page.minutes.setValue(30)
    page.minutes.editingFinished.emit()
    assert page.tf.agenda.get(made).minutes_allocated == 30
    assert page.warning.isVisible()
    assert "30 minutes past the meeting's end at 17:30" in page.warning.text()
    page.session.undo_stack.undo()  # back to a new item's own ten minutes
    assert "10 minutes past the meeting's end at 17:30" in page.warning.text()
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert "Declarations of interest" not in [t for _, t in numbered(page)]
    page.session.undo_stack.undo()
    assert numbered(page)[-1] == ("7", "Declarations of interest")


def test_an_item_is_added_after_the_chosen_one_and_a_sub_item_under_it(page, replies, click):
    choose(page, "Welcome and introductions")
    count = len(numbered(page))
    replies.text("Apologies", "Late papers")
    click(page, "Add item")
    click(page, "Add sub-item")
    assert numbered(page)[:3] == [("1", "Welcome and introductions"), ("2", "Apologies"),
                                  ("2 i)", "Late papers")]
    click(page, "Add item")  # cancelled: nothing added, nothing called "False"
    assert len(numbered(page)) == count + 2


def test_a_refused_title_is_asked_again_as_typed_and_the_chosen_item_stays(
        page, replies, click, dialogs_shown):
    update = choose(page, "Update")
    count = len(numbered(page))
    replies.text("   ")  # then cancelled
    click(page, "Add item")
    assert "title cannot be empty" in dialogs_shown[-1][1]
    assert replies.prefilled == ["", "   "]  # asked again, with what was typed
    assert page.current_id() == update and len(numbered(page)) == count
    replies.text("   ", "Apologies")
    click(page, "Add sub-item")
    assert ("3 i)", "Apologies") in numbered(page)
    assert page.tf.agenda.get(page.current_id()).title == "Apologies"


def test_a_title_too_long_keeps_the_focus_when_tab_is_pressed(page, qtbot, dialogs_shown):
    update = choose(page, "Update")
    page.title.setFocus()
    page.title.selectAll()
    QApplication.clipboard().setText("A" * 10_000)
    qtbot.keyClick(page.title, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.title, Qt.Key.Key_Tab)
    assert "10,000 characters long" in dialogs_shown[-1][1]
    assert page.title.hasFocus() and page.title.selectedText() == "A" * 10_000
    assert page.tf.agenda.get(update).title == "Update"


def test_the_clock_shows_the_planned_times(page):
    assert "starts 15:30, planned to end 17:30" in page.clock.text()
    assert page.model.index(1, 3).data() == "15:35–15:40"


def test_standing_items_and_undo(page):
    before = numbered(page)
    page.apply_standing_items()
    applied = numbered(page)
    titles = [t for _, t in applied]
    assert titles[:4] == ["Minutes of the last meeting and matters arising",
                          "Declarations of interest", "Chair's update",
                          "Welcome and introductions"]  # already there: not doubled
    assert titles[-1] == "Any other business"
    page.session.undo_stack.undo()
    assert numbered(page) == before
    page.session.undo_stack.redo()
    assert numbered(page) == applied


def test_suggestions_are_offered_and_placed(page, click):
    page.show()
    page.offered.setCurrentRow(1)
    assert "Society legal models" in page.offered.currentItem().text()
    click(page, "Place on agenda")
    made = page.current_id()
    assert page.tf.agenda.get(made).title == "Society legal models for Co-ops and Mutuals"
    assert all("Society legal models" not in page.offered.item(i).text()
               for i in range(page.offered.count()))
    page.session.undo_stack.undo()
    body = page.tf.meetings.get(page.meeting_id).body_id
    held = {v.suggestion.title: v.suggestion.outcome
            for v in page.tf.suggestions.future_items(body)}
    assert held["Society legal models for Co-ops and Mutuals"] == "held"


def test_save_the_agenda_as_pdf(page, tmp_path, replies, click, files_opened):
    out = tmp_path / "agenda.pdf"
    replies.save_to(out)
    click(page, "Save as PDF…")
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600
    assert files_opened[0].toLocalFile() == str(out)


def test_a_pdf_saved_where_no_program_opens_it_is_told_as_saved(page, tmp_path, replies, click,
                                                                no_viewer, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.icon(), box.windowTitle(), box.text())))
    out = tmp_path / "agenda.pdf"
    replies.save_to(out)
    click(page, "Save as PDF…")
    assert shown == [(QMessageBox.Icon.Information, "Saved",
                      f"agenda.pdf was saved, but no program on this computer opened it. "
                      f"Open it from its folder: {out}")]


def test_save_the_agenda_as_word_to_edit(page, tmp_path, replies, click, files_opened):
    page.tf.agenda.add(page.meeting_id, "Budget <b>&amp;</b>; costs, risks")
    out = tmp_path / "agenda"  # no suffix typed: the Word one is added
    replies.save_to(out)
    click(page, "Save as Word…")
    saved = tmp_path / "agenda.docx"
    assert replies.suggested[-1].endswith("agenda 2011-05-26.docx")
    assert saved.stat().st_mode & 0o777 == 0o600
    assert files_opened[0].toLocalFile() == str(saved)
    document = docx.Document(str(saved))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["No.", "Item", "Lead", "Papers", "Time"]
    assert ["7", "Budget <b>&amp;</b>; costs, risks"] == rows[-1][:2]
    assert [p.text for p in document.sections[0].footer.paragraphs] == [
        "Page 1 of 1", "OFFICIAL"]


def test_word_is_refused_over_a_taskforce_file(page, tmp_path, sample_path, replies, click,
                                               dialogs_shown, files_opened):
    before = sample_path.read_bytes()
    replies.save_to(sample_path)
    click(page, "Save as Word…")
    assert [title for title, _ in dialogs_shown] == ["Not saved"]
    assert sample_path.read_bytes() == before and files_opened == []


def test_a_new_meeting_starts_with_the_standing_items(sample_window):
    page = sample_window.centralWidget().page("Meetings")
    page.new_meeting()
    agenda = page.meeting_page.tab("Agenda")
    titles = [agenda.model.index(r, 1).data() for r in range(agenda.model.rowCount())]
    assert titles[0] == "Welcome and introductions" and titles[-1] == "Any other business"
    agenda.tree.setFocus()  # leave the date box while the file is open (it saves on leaving)


def test_a_suggestion_placed_from_the_agenda_tab_goes_before_any_other_business(
        sample_window, click):
    page = sample_window.centralWidget().page("Meetings")
    page.new_meeting()
    agenda = page.meeting_page.tab("Agenda")
    agenda.tree.setFocus()  # leave the date box while the file is open (it saves on leaving)
    agenda.offered.setCurrentRow(next(i for i in range(agenda.offered.count()) if
                                      "Communications strategy" in agenda.offered.item(i).text()))
    click(agenda, "Place on agenda")
    titles = [agenda.model.index(r, 1).data() for r in range(agenda.model.rowCount())]
    assert titles[-2:] == ["Communications strategy", "Any other business"]
    assert agenda.tf.agenda.get(agenda.current_id()).title == "Communications strategy"
    agenda.session.undo_stack.undo()
    agenda.session.undo_stack.redo()
    assert [agenda.model.index(r, 1).data() for r in range(agenda.model.rowCount())] == titles


def test_deferred_items_offered_and_dropped_undoably(page, click):
    assets = choose(page, "Assets")
    page.tf.agenda.set_status(assets, "deferred")
    january = AgendaPage(page.session, page.tf.meetings.find_one("2012-01-12").id)
    offered = [january.offered.item(i).text() for i in range(january.offered.count())]
    assert offered[0] == "Deferred on 26 May 2011: Assets"
    january.show()
    january.offered.setCurrentRow(0)
    click(january, "Drop")
    assert january.offered.count() == 2  # the two suggestions remain
    page.session.undo_stack.undo()
    january.offered.setCurrentRow(0)
    click(january, "Place on agenda")
    assert page.tf.agenda.get(january.current_id()).carried_from_id == assets
    assert page.tf.agenda.offered(january.meeting_id) == []


def test_the_suggestions_page_lists_holds_and_declines(qtbot, page, dialogs_shown, replies,
                                                      click, answer):
    from ui.dialogs.suggestions import SuggestionDialog
    from ui.pages.suggestions import SuggestionsPage

    listing = SuggestionsPage(page.session)
    qtbot.addWidget(listing)
    listing.show()
    assert listing.model.rowCount() == 2
    assert listing.model.index(1, 1).data() == "Ed Mayo"
    replies.text("outside the terms of reference", "  ")

    def fill(dialog):
        dialog.title.setText("Expert witness from Canada")
        dialog.by.setCurrentText("Ed Mayo")
        dialog.raised_at.setCurrentIndex(0)

    answer(SuggestionDialog, [fill])
    click(listing, "New suggestion…")
    made = next(v.suggestion.id for v in page.tf.suggestions.of_body(page.session.body_id)
                if v.suggestion.title == "Expert witness from Canada")
    listing.view.selectRow(listing.model.row_of(made))
    assert listing.model.index(listing.model.row_of(made), 1).data() == "Ed Mayo"
    click(listing, "Decline…")
    assert listing.model.index(listing.model.row_of(made), 3).data() == (
        "Declined: outside the terms of reference")
    listing.future_only.setChecked(True)
    assert listing.model.rowCount() == 2
    page.session.undo_stack.undo()
    assert listing.model.rowCount() == 3
    listing.view.selectRow(listing.model.row_of(made))
    click(listing, "Decline…")
    assert "reason for declining cannot be empty" in dialogs_shown[-1][1]


def test_link_a_paper_to_an_item(page, replies, click):
    assets = choose(page, "Assets")
    replies.item("Procurement paper")
    click(page, "Link paper…")
    row = page.model.index_of(assets)
    assert page.model.index(row.row(), 6, row.parent()).data() == \
        "Assets paper, Procurement paper"  # the sample tables the Assets paper there
    page.session.undo_stack.undo()
    row = page.model.index_of(assets)
    assert page.model.index(row.row(), 6, row.parent()).data() == "Assets paper"


def test_the_body_keeps_its_standing_items(page):
    from ui.dialogs.standing_items import StandingItemsDialog

    body = page.tf.meetings.get(page.meeting_id).body_id
    dialog = StandingItemsDialog(page.session, body, page)
    assert dialog.listing.item(4).text() == "Any other business (at the end)"
    assert dialog.add("Update from the Cabinet Office")
    dialog.listing.setCurrentRow(2)  # Declarations of interest
    assert dialog.remove()
    page.apply_standing_items()
    titles = [t for _, t in numbered(page)]
    assert "Update from the Cabinet Office" in titles
    assert "Declarations of interest" not in titles
    page.session.undo_stack.undo()  # the standing items applied
    page.session.undo_stack.undo()  # the removal
    assert dialog.listing.item(2).text() == "Declarations of interest"


def test_a_refused_standing_item_is_asked_again_as_typed(page, replies, click, dialogs_shown):
    from ui.dialogs.standing_items import StandingItemsDialog

    body = page.tf.meetings.get(page.meeting_id).body_id
    dialog = StandingItemsDialog(page.session, body, page)
    replies.text("   ", "Update from the Cabinet Office")
    click(dialog, "Add…")
    assert "cannot be empty" in dialogs_shown[-1][1] and replies.prefilled == ["", "   "]
    assert "Update from the Cabinet Office" in [dialog.listing.item(i).text()
                                                for i in range(dialog.listing.count())]


def test_copy_from_with_no_other_meeting_says_so(qtbot, session, click, dialogs_shown):
    body, _ = session.tf.bodies.create("A new panel")
    meeting, _ = session.tf.meetings.create(body, "2013-03-01")
    page = AgendaPage(session, meeting)
    qtbot.addWidget(page)
    page.show()
    click(page, "Copy from…")
    assert "There is no other meeting to copy from." in dialogs_shown[-1][1]


def test_tag_the_chosen_item_for_conflicts(stored, page, sample_path, answer, click):
    choose(page, "Assets")
    chosen = []

    def touches_evolve(d):
        chosen.append(d.item.currentText())
        d.name.setText("Evolve YP")

    answer(TagItemDialog, [touches_evolve])
    click(page, "Tag for Conflicts…")
    assert chosen == ["Assets"]  # the item chosen on the agenda
    assert stored(sample_path, "SELECT a.title, t.name FROM tags t JOIN agenda_items a "
                  "ON a.id = t.agenda_item_id WHERE t.name = 'Evolve YP'") == [
        ("Assets", "Evolve YP")]


def test_an_items_status_reads_beside_its_title_in_words_and_colour(page, qtbot):
    page.resize(1000, 700)
    assets = choose(page, "Assets")
    page.status.setFocus()
    qtbot.keyClick(page.status, Qt.Key.Key_D)  # the first status starting with D: Deferred
    assert page.tf.agenda.get(assets).status == "deferred"
    model = page.model
    row = model.index_of(assets)
    deferred = model.index(row.row(), 2, row.parent())
    taken = model.index(0, 2)
    assert (deferred.data(), taken.data()) == ("Deferred", "Taken")
    colour = Qt.ItemDataRole.ForegroundRole
    assert deferred.data(colour).color() != taken.data(colour).color()
    assert page.tree.viewport().rect().contains(page.tree.visualRect(deferred))  # in view


def test_an_item_given_no_time_shows_when_it_comes_not_a_range(page):
    welcome = choose(page, "Welcome and introductions")
    agenda_edits.change_item(page.session, welcome, "Change time allocated", minutes_allocated=0)
    row = page.model.index_of(welcome)
    assert page.model.index(row.row(), 3, row.parent()).data() == "15:30"


def test_the_agenda_is_offered_under_the_meeting_s_date_as_the_minutes_are(page, replies,
                                                                          click):
    click(page, "Save as PDF…")  # cancelled
    assert replies.suggested[-1].endswith("agenda 2011-05-26.pdf")


def test_an_approved_meeting_s_agenda_refuses_before_asking_for_a_title(
        qtbot, session, replies, dialogs_shown, click):
    may = session.tf.meetings.find_one("2011-05-26").id  # approved in the sample
    page = AgendaPage(session, may)
    qtbot.addWidget(page)
    before = len(session.tf.agenda.of_meeting(may))
    replies.text("Tester item A")
    click(page, "Add item")
    assert replies.asked == []  # no title asked for
    assert "The minutes of Thursday 26 May 2011 were approved" in dialogs_shown[-1][1]
    assert len(session.tf.agenda.of_meeting(may)) == before


def test_a_circulated_meeting_s_agenda_asks_before_the_minutes_change(
        qtbot, session, replies, click):
    from PySide6.QtWidgets import QMessageBox

    january = session.tf.meetings.find_one("2012-01-12").id  # circulated in the sample
    page = AgendaPage(session, january)
    qtbot.addWidget(page)
    titles = lambda: [i.title for i in session.tf.agenda.of_meeting(january)]  # noqa: E731
    replies.answer(QMessageBox.StandardButton.No).text("Tester item A")
    click(page, "Add item")
    assert "Tester item A" not in titles() and "will not reach" in replies.asked[0][1]
    replies.answer(QMessageBox.StandardButton.Yes).text("Tester item A")
    click(page, "Add item")
    assert "Tester item A" in titles()
