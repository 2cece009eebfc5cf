"""The search box: opened from anywhere, hits grouped and marked, Enter opens."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from secretariat.changes import Changes
from secretariat.search import Hit, Marked
from ui.pages.meetings import selected_id
from ui.search_box import HIT_ROLE, MARKUP_ROLE, hit_markup


def open_box(qtbot, window, keys="Ctrl+K"):
    qtbot.keySequence(window.centralWidget().current_page(), keys)  # from inside a page
    box = window.search_box
    qtbot.waitUntil(box.isVisible)
    return box


def type_and_wait(qtbot, box, words):
    box.words.clear()
    qtbot.keyClicks(box.words, words)
    qtbot.waitUntil(lambda: not box._timer.isActive() and box.results.topLevelItemCount() > 0)


def groups(box) -> dict[str, list]:
    found = {}
    for n in range(box.results.topLevelItemCount()):
        header = box.results.topLevelItem(n)
        found[header.text(0)] = [header.child(i) for i in range(header.childCount())]
    return found


def current_page_name(window) -> str:
    return window.centralWidget().current_page().accessibleName()


def test_both_shortcuts_open_the_box_ready_to_type(qtbot, sample_window):
    for keys in ("Ctrl+K", "Ctrl+F"):
        box = open_box(qtbot, sample_window, keys)
        assert box.isVisible() and box.words.selectedText() == box.words.text()
        box.hide()


def test_hits_are_grouped_by_kind_with_the_words_in_bold(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    type_and_wait(qtbot, box, "mutuals")

    found = groups(box)
    assert {"Agenda items", "Papers", "People", "Interests"} <= {
        label.split(" (")[0] for label in found}
    people = next(items for label, items in found.items() if label.startswith("People"))
    assert any("<b>Mutuals</b>" in item.data(0, MARKUP_ROLE) for item in people)
    assert "found" in box.status.text()


def test_typed_markup_is_shown_as_text_not_obeyed(qtbot):
    hit = Hit("point", "r1", None, None, Marked((("<i>Mutuals</i> & ", False), ("co", True))),
              Marked(()), "26 May 2011, <MTF>", 0.0)
    shown = hit_markup(hit)
    assert "&lt;i&gt;Mutuals&lt;/i&gt; &amp; <b>co</b>" in shown
    assert "26 May 2011, &lt;MTF&gt;" in shown


def test_nothing_found_says_so(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    box.words.setText('"zebra crossing')
    box.run()
    assert box.results.topLevelItemCount() == 0
    assert box.status.text() == 'Nothing found for "zebra crossing.'


def test_enter_opens_an_agenda_item_at_its_meeting(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    type_and_wait(qtbot, box, "Mutualisation option")
    item = groups(box)["Agenda items (1)"][0]
    hit = item.data(0, HIT_ROLE)

    with qtbot.waitSignal(box.open_record) as signal:
        box.results.setCurrentItem(item)
        qtbot.keyClick(box.results, Qt.Key.Key_Return)
    assert signal.args == ["agenda_item", hit.record_id, hit.meeting_id]
    assert current_page_name(sample_window) == "Meetings"
    page = sample_window.centralWidget().page("Meetings")
    assert selected_id(page.view) == hit.meeting_id
    meeting = page.meeting_page
    assert meeting.tabText(meeting.currentIndex()) == "Agenda"
    assert meeting.tab("Agenda").current_id() == hit.record_id


@pytest.mark.parametrize("words, label, table", [
    ("mystery shopper", "Minutes points", "minutes_entries"),
    ("standing item", "Decisions", "minutes_entries"),
    ("register of interests letter", "Actions", "actions"),
])
def test_enter_shows_what_was_said_or_agreed_in_the_minutes(qtbot, sample_window, words, label,
                                                           table):
    hit, page = open_with_enter(qtbot, sample_window, words, label)

    assert page.accessibleName() == "Meetings"
    assert selected_id(page.view) == hit.meeting_id
    meeting = page.meeting_page
    assert meeting.tabText(meeting.currentIndex()) == "Minutes"
    minutes = meeting.tab("Minutes")
    assert minutes.tree.selected() == (table, hit.record_id)


def test_arrows_step_from_hit_to_hit_over_the_group_headings(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    type_and_wait(qtbot, box, "mutuals")
    hits = [item for items in groups(box).values() for item in items]
    assert len(groups(box)) > 1

    qtbot.keyClick(box.words, Qt.Key.Key_Down)  # to the list, on the first hit
    chosen = [box.results.currentItem()]
    for _ in hits[1:]:
        qtbot.keyClick(box.results, Qt.Key.Key_Down)
        chosen.append(box.results.currentItem())
    assert chosen == hits
    for key in (Qt.Key.Key_Down, Qt.Key.Key_End, Qt.Key.Key_PageDown):  # no further
        qtbot.keyClick(box.results, key)
        assert box.results.currentItem() is hits[-1]
    for _ in hits[1:]:
        qtbot.keyClick(box.results, Qt.Key.Key_Up)
    assert box.results.currentItem() is hits[0]
    qtbot.keyClick(box.results, Qt.Key.Key_Up)  # not onto the heading above it
    assert box.results.currentItem() is hits[0]

    heading = box.results.topLevelItem(1)
    qtbot.mouseClick(box.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=box.results.visualItemRect(heading).center())
    with qtbot.assertNotEmitted(box.open_record):
        qtbot.keyClick(box.results, Qt.Key.Key_Return)  # on a heading: nothing
    assert box.isVisible() and groups(box)  # the hits stay as they were
    qtbot.keyClick(box.results, Qt.Key.Key_Down)
    assert box.results.currentItem() is heading.child(0)


def test_enter_in_the_box_opens_the_first_hit(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    box.words.setText("Stephen Kelly")
    qtbot.keyClick(box.words, Qt.Key.Key_Return)
    assert current_page_name(sample_window) == "People"


def test_results_follow_an_edit(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    type_and_wait(qtbot, box, "Mutualisation")
    session = sample_window.session
    item_id = groups(box)["Agenda items (1)"][0].data(0, HIT_ROLE).record_id

    session.tf.store.update("agenda_items", item_id, {"title": "Zeppelin options"})
    session.notify(Changes.of("agenda", item_id))
    qtbot.waitUntil(lambda: not box._timer.isActive())
    assert not any(label.startswith("Agenda items") for label in groups(box))


def open_with_enter(qtbot, window, words, label):
    """Search, press Enter on the first hit of the group; returns (hit, page shown)."""
    box = open_box(qtbot, window)
    type_and_wait(qtbot, box, words)
    item = next(items for name, items in groups(box).items() if name.startswith(label))[0]
    box.results.setCurrentItem(item)
    qtbot.keyClick(box.results, Qt.Key.Key_Return)
    return item.data(0, HIT_ROLE), window.centralWidget().current_page()


def in_sight(view) -> bool:
    return view.viewport().rect().contains(view.visualRect(view.currentIndex()).center())


def test_enter_selects_the_person_on_the_people_page(qtbot, sample_window):
    sample_window.resize(900, 300)  # the list longer than the page
    hit, page = open_with_enter(qtbot, sample_window, "Commissioning Team", "People")

    assert page.accessibleName() == "People"
    assert page.chosen().person.id == hit.record_id
    qtbot.waitUntil(lambda: in_sight(page.view))
    assert page.view.verticalScrollBar().value() > 0  # scrolled down to it


def test_enter_selects_the_interest_in_its_members_history(qtbot, sample_window):
    hit, page = open_with_enter(qtbot, sample_window, "Secretary General", "Interests")

    assert page.accessibleName() == "Interests"
    assert page.chosen().person.name == "Ed Mayo"
    assert page.chosen_interest().id == hit.record_id


def test_double_click_selects_the_paper_on_the_papers_page(qtbot, sample_window):
    box = open_box(qtbot, sample_window)
    type_and_wait(qtbot, box, "Teckal")
    item = groups(box)["Papers (1)"][0]

    where = box.results.visualItemRect(item).center()
    qtbot.mousePress(box.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(box.results.viewport(), Qt.MouseButton.LeftButton, pos=where)
    page = sample_window.centralWidget().page("Papers")
    assert current_page_name(sample_window) == "Papers"
    assert page.chosen().paper.id == item.data(0, HIT_ROLE).record_id
    assert page.details.text().startswith("Teckal paper")


def test_enter_selects_the_suggestion_on_its_page_even_when_only_future_items_show(
        qtbot, sample_window):
    page = sample_window.centralWidget().show_named("Suggestions")
    tf = sample_window.session.tf
    legal = next(v.suggestion.id for v in tf.suggestions.of_body(sample_window.session.body_id)
                 if "legal" in v.suggestion.title)
    tf.suggestions.decline(legal, "heard elsewhere")
    page.future_only.setChecked(True)  # the declined one is not listed

    hit, shown = open_with_enter(qtbot, sample_window, "legal models", "Suggested items")

    assert hit.record_id == legal and shown is page
    assert page.chosen() == legal and not page.future_only.isChecked()


def test_opening_a_hit_closes_the_box_and_gives_the_window_the_record(qtbot, sample_window):
    hit, page = open_with_enter(qtbot, sample_window, "Teckal", "Papers")

    assert not sample_window.search_box.isVisible()  # not left on top of the record
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sample_window)
    assert page.chosen().paper.id == hit.record_id
    assert page.view.hasFocus()  # arrow keys move on from the record opened
