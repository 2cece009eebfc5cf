"""The forward plan in the window: suggestions raised at a meeting and aimed at
a coming meeting or month on the Suggestions page (undoably), and Meeting >
Forward Plan… saving the plan from the day the page gives."""

import datetime as dt

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from secretariat.values import day_month_year, month_year
from ui.dialogs.suggestions import SuggestionDialog
from ui.menus import Act


def suggestions_page(window):
    return window.centralWidget().show_named("Suggestions")


def choose(page, title: str) -> str:
    row = next(r for r in range(page.model.rowCount())
               if page.model.record(r).suggestion.title.startswith(title))
    page.view.selectRow(row)
    return page.model.record(row).suggestion.id


def shown(page, suggestion_id: str, column: str) -> str:
    heading = [c.title for c in page.model.columns].index(column)
    return page.model.index(page.model.row_of(suggestion_id), heading).data()


def test_forward_plan_is_saved_from_the_day_the_page_gives(sample_window, qtbot, replies,
                                                           tmp_path, files_opened):
    page = suggestions_page(sample_window)
    assert sample_window.commands[Act.PRINT].isEnabled()  # the page prints the plan too
    qtbot.keyClicks(page.plan_from, "1 June 2011")
    sample_window.centralWidget().show_named("People")  # the command works from anywhere
    out = tmp_path / "plan.pdf"
    replies.save_to(out)

    sample_window.commands[Act.FORWARD_PLAN].trigger()

    assert sample_window.centralWidget().current_name() == "Suggestions"
    assert replies.suggested[-1].endswith("forward plan 2011-06-01.pdf")
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages]
    text = " ".join(pages)
    assert "MUTUALS TASKFORCE FORWARD PLAN" in text and "Thursday 12 January 2012" in text
    assert "Society legal models for Co-ops and Mutuals" in text and "February 2012" in text
    assert all(page_text.count("OFFICIAL") == 2 for page_text in pages)
    assert out.stat().st_mode & 0o777 == 0o600
    assert [url.toLocalFile() for url in files_opened] == [str(out)]


def test_a_day_that_is_not_a_date_is_said_and_nothing_saved(sample_window, qtbot, click,
                                                            replies, dialogs_shown):
    page = suggestions_page(sample_window)
    qtbot.keyClicks(page.plan_from, "soon")
    click(page, "Forward plan as PDF…")
    assert "'soon' is not a date" in dialogs_shown[-1][1]
    assert ("save", "Save the forward plan as PDF") not in replies.asked


def test_a_suggestion_is_aimed_at_a_coming_meeting_or_a_month_undoably(
        sample_window, click, replies, stored, sample_path):
    tf = sample_window.session.tf
    coming = dt.date.today() + dt.timedelta(days=40)
    meeting, _ = tf.meetings.create(sample_window.session.body_id, coming)
    page = suggestions_page(sample_window)
    made = choose(page, "Communications strategy")

    replies.item(f"The meeting of {day_month_year(coming)}")
    click(page, "Aim at…")
    assert replies.offered[-1][0] == "No particular meeting"
    assert shown(page, made, "Aimed at") == f"the meeting of {day_month_year(coming)}"
    assert stored(sample_path, "SELECT aimed_at_id FROM agenda_suggestions WHERE id = ?",
                  (made,)) == [(meeting,)]

    this_month = dt.date.today().replace(day=1)
    replies.item(month_year(this_month))
    click(page, "Aim at…")
    assert replies.first_chosen[-1] == f"The meeting of {day_month_year(coming)}"  # as it was
    assert shown(page, made, "Aimed at") == month_year(this_month)
    assert stored(sample_path, "SELECT aimed_at_id, aimed_month FROM agenda_suggestions "
                  "WHERE id = ?", (made,)) == [(None, this_month.isoformat())]

    sample_window.session.undo_stack.undo()
    assert shown(page, made, "Aimed at") == f"the meeting of {day_month_year(coming)}"
    assert sample_window.session.undo_stack.undoText() == "Aim suggestion"


def chosen_text(combo, starting: str) -> None:
    combo.setCurrentIndex(next(n for n in range(combo.count())
                               if combo.itemText(n).startswith(starting)))


def test_a_new_suggestion_is_kept_with_the_meeting_that_raised_it_in_one_form(
        sample_window, click, answer, stored, sample_path):
    page = suggestions_page(sample_window)
    offered = {}

    def fill(dialog):
        offered["raised"] = dialog.raised_at.currentText()
        offered["first"] = dialog.raised_at.itemText(0)
        offered["aims"] = [dialog.aim.itemText(n) for n in range(dialog.aim.count())]
        dialog.title.setText("A visit to a mutual")
        dialog.details.setPlainText("Perhaps a housing mutual in the north west")
        chosen_text(dialog.by, "Ed Mayo")
        chosen_text(dialog.raised_at, "The meeting of 26 May 2011")
        dialog.aim.setEditText("March 2031")  # further ahead than the months offered

    answer(SuggestionDialog, [fill])
    click(page, "New suggestion…")

    assert offered["raised"] == "The meeting of 12 January 2012"  # the latest held
    assert offered["first"] == "(not at a meeting)"
    assert offered["aims"][0] == "No particular meeting" and len(offered["aims"]) >= 25
    tf = sample_window.session.tf
    may = tf.meetings.find_one("2011-05-26").id
    ed = stored(sample_path, "SELECT id FROM people WHERE name = 'Ed Mayo'")[0][0]
    assert stored(sample_path, "SELECT raised_at_id, suggested_on, suggested_by_id, details, "
                  "aimed_month FROM agenda_suggestions WHERE title = 'A visit to a mutual'") == [
        (may, "2011-05-26", ed, "Perhaps a housing mutual in the north west", "2031-03-01")]
    made = page.chosen()
    assert shown(page, made, "Aimed at") == "March 2031"  # and it is the row chosen
    sample_window.session.undo_stack.undo()
    assert stored(sample_path, "SELECT * FROM agenda_suggestions "
                  "WHERE title = 'A visit to a mutual'") == []


def test_a_suggestion_is_edited_from_its_row_and_undone(sample_window, qtbot, answer, stored,
                                                        sample_path):
    page = suggestions_page(sample_window)
    made = choose(page, "Communications strategy")
    seen = {}

    def fill(dialog):
        seen["title"] = dialog.title.text()
        dialog.title.setText("Communications strategy for the report")
        dialog.suggested_on.setText("2 June 2011")
        chosen_text(dialog.by, "(not recorded)")

    answer(SuggestionDialog, [fill])
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter on the row, as a double-click

    assert seen["title"] == "Communications strategy"
    assert stored(sample_path, "SELECT title, suggested_on, suggested_by_id FROM "
                  "agenda_suggestions WHERE id = ?", (made,)) == [
        ("Communications strategy for the report", "2011-06-02", None)]
    assert shown(page, made, "Suggested by") == ""
    sample_window.session.undo_stack.undo()
    assert shown(page, made, "Suggestion") == "Communications strategy"
    assert sample_window.session.undo_stack.redoText() == "Edit suggestion"


def test_a_wrong_date_or_aim_keeps_the_form_open_with_what_was_typed(
        sample_window, click, answer, dialogs_shown, stored, sample_path):
    page = suggestions_page(sample_window)
    choose(page, "Communications strategy")
    typed = []

    def bad_day(dialog):
        dialog.title.setText("Renamed")
        dialog.suggested_on.setText("the thirty-second of May")

    def bad_aim(dialog):
        typed.append((dialog.title.text(), dialog.suggested_on.text()))
        dialog.suggested_on.setText("2 June 2011")
        dialog.aim.setEditText("26 May 2031")  # a day, not a meeting or a month

    def cancel(dialog):
        typed.append(dialog.aim.currentText())
        dialog.reject()

    answer(SuggestionDialog, [bad_day, bad_aim, cancel])
    click(page, "Edit…")

    assert "is not a date" in dialogs_shown[0][1]
    assert "type a month such as" in dialogs_shown[1][1]
    assert typed == [("Renamed", "the thirty-second of May"), "26 May 2031"]
    assert stored(sample_path, "SELECT count(*) FROM agenda_suggestions WHERE title = "
                  "'Renamed'") == [(0,)]


def test_a_month_further_ahead_is_typed_into_aim_at(sample_window, click, replies, stored,
                                                   sample_path, monkeypatch):
    page = suggestions_page(sample_window)
    made = choose(page, "Communications strategy")
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda parent, title, label, items, current, editable: (
                            "  june   2030 ", True))
    click(page, "Aim at…")
    assert stored(sample_path, "SELECT aimed_month FROM agenda_suggestions WHERE id = ?",
                  (made,)) == [("2030-06-01",)]
    assert shown(page, made, "Aimed at") == "June 2030"
