"""The forward plan in the window: suggestions raised at a meeting and aimed at
a coming meeting or month on the Suggestions page (undoably), and Meeting >
Forward Plan… saving the plan from the day the page gives."""

import datetime as dt

from pypdf import PdfReader

from secretariat.values import day_month_year, month_year
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


def test_a_new_suggestion_is_kept_with_the_meeting_that_raised_it(sample_window, click,
                                                                 replies, stored,
                                                                 sample_path):
    page = suggestions_page(sample_window)
    replies.text("A visit to a mutual").item("Ed Mayo", "The meeting of 26 May 2011")
    click(page, "New suggestion…")

    assert replies.first_chosen[-1] == "The meeting of 12 January 2012"  # the latest held
    assert replies.offered[-1][0] == "(not at a meeting)"
    may = sample_window.session.tf.meetings.find_one("2011-05-26").id
    assert stored(sample_path, "SELECT raised_at_id, suggested_on FROM agenda_suggestions "
                  "WHERE title = 'A visit to a mutual'") == [(may, "2011-05-26")]
