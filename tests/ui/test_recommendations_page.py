"""The Recommendations page: a report and its recommendations added, changed,
followed up and linked, each change undone as one step; the list grouped and
filtered; the tracker saved as PDF; a search hit opening its recommendation."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from ui.menus import Act
from ui.dialogs.recommendations import ProgressDialog, RecommendationDialog, ReportDialog
from ui.pages.recommendations import RAG_COLUMN, RecommendationsPage
from ui.search_box import HIT_ROLE


@pytest.fixture
def page(qtbot, session):
    made = RecommendationsPage(session)
    qtbot.addWidget(made)
    made.show()
    return made


def headings(page) -> list[str]:
    return [page.tree.topLevelItem(n).text(0) for n in range(page.tree.topLevelItemCount())]


def numbers(page) -> list[str]:
    return [group.child(row).text(0) for n in range(page.tree.topLevelItemCount())
            for group in [page.tree.topLevelItem(n)] for row in range(group.childCount())]


def choose(page, number: str) -> None:
    made = next(r for r in page.shown() if r.number == number)
    assert page.select(made.id)


def undo(window) -> None:
    window.commands[Act.UNDO].trigger()  # Edit > Undo, as the official does


def add_progress(window, answer, click, number: str, text: str, on: str, rag: str):
    """Add Update… on the recommendation, as typed; the page."""
    page = window.centralWidget().show_named("Recommendations")
    choose(page, number)

    def typed(d):
        d.text.setPlainText(text)
        d.on.setText(on)
        d.rag.setCurrentIndex(d.rag.findData(rag))

    answer(ProgressDialog, [typed])
    click(page, "Add Update…")
    return page


def test_the_sample_s_recommendations_are_listed_by_chapter_and_by_addressee(page):
    assert headings(page) == [
        "Rights and Pathways for Employees", "Support for Employees Mutualising",
        "Improving Commissioning", "Support for Commissioners",
        "Tax Barriers and Access to Finance"]
    assert numbers(page) == [str(n) for n in range(1, 18)]

    page.by.setCurrentIndex(page.by.findData("addressee"))
    assert headings(page)[:3] == ["Big Society Capital", "Cabinet Office",
                                  "Department for Business, Innovation and Skills"]
    assert numbers(page)[:2] == ["16", "3"]


def test_filters_keep_what_is_overdue_addressed_or_answered(qtbot, page):
    qtbot.mouseClick(page.overdue, Qt.MouseButton.LeftButton, pos=page.overdue.rect().center())
    assert numbers(page) == ["1", "2"]  # December 2012 and April 2013 have passed
    assert "(overdue)" in page.tree.topLevelItem(0).child(0).text(3)
    page.overdue.setChecked(False)
    page.addressee.setCurrentIndex(page.addressee.findData("HM Treasury"))
    assert numbers(page) == ["17"]
    page.addressee.setCurrentIndex(0)
    page.response.setCurrentIndex(page.response.findData("accepted"))
    assert numbers(page) == ["3", "9", "12"]
    page.rag.setCurrentIndex(page.rag.findData("red"))
    assert numbers(page) == ["12"]


def test_filters_hiding_everything_say_so_and_how_to_clear_them(qtbot, page, answer, click):
    page.rag.setCurrentIndex(page.rag.findData("red"))
    page.response.setCurrentIndex(page.response.findData("not_accepted"))
    assert numbers(page) == []
    assert page.details.text() == (
        "No recommendation of the report matches the filters. Set them back to Any response, "
        "Any RAG and Any addressee, and untick Overdue only, to see them all.")
    page.response.setCurrentIndex(0)
    assert numbers(page) == ["12"]

    answer(ReportDialog, [lambda d: d.title.setText("A later report")])
    click(page, "New Report…")
    page.rag.setCurrentIndex(0)
    assert page.details.text() == ("The report has no recommendations yet. Press New "
                                   "Recommendation to add one.")


def test_a_new_report_and_recommendation_land_in_the_file_and_undo_as_one_step(
        window, file_path, stored, answer, dialogs_shown, click):
    assert window.open_path(file_path, create=True)
    window.show()
    page = window.centralWidget().show_named("Recommendations")

    def report(d):
        d.title.setText("Public service mutuals: the next steps")
        d.published.setText("July 2012")
        d.chapters.setPlainText("Rights and Pathways\nSupport")

    def too_early(d):
        d.number.setText("1")
        d.text.setPlainText("Departments should publish plans.")
        d.addressees.setText("Home Office; Ministry of Justice")
        d.deadline.setText("by Christmas")

    def month(d):
        d.deadline.setText("December 2012")
        d.chapter.setCurrentIndex(d.chapter.findText("Support"))

    answer(ReportDialog, [report])
    click(page, "New Report…")
    answer(RecommendationDialog, [too_early, month])
    click(page, "New Recommendation…")
    assert "neither a day nor a month" in dialogs_shown[-1][1]
    assert stored(file_path, "SELECT number, deadline_on, deadline_month FROM recommendations"
                  ) == [("1", None, "2012-12")]
    assert stored(file_path, "SELECT organisation FROM recommendation_addressees "
                  "ORDER BY position") == [("Home Office",), ("Ministry of Justice",)]
    assert headings(page) == ["Support"] and numbers(page) == ["1"]

    undo(window)
    assert stored(file_path, "SELECT * FROM recommendations") == []
    assert numbers(page) == []
    undo(window)
    assert stored(file_path, "SELECT * FROM reports") == []


def test_a_refused_deadline_is_shown_at_its_field(sample_window, sample_path, stored, answer,
                                                  dialogs_shown, click):
    page = sample_window.centralWidget().show_named("Recommendations")
    seen = []

    def spring(d):
        d.number.setText("18")
        d.text.setPlainText("Said in a season.")
        d.deadline.setText("Spring 2013")

    def put_right(d):
        seen.append(d.focusWidget() is d.deadline and d.deadline.selectedText())
        d.deadline.setText("March 2013")

    answer(RecommendationDialog, [spring, put_right])
    click(page, "New Recommendation…")
    assert "neither a day nor a month" in dialogs_shown[-1][1]
    assert seen == ["Spring 2013"]
    assert stored(sample_path, "SELECT deadline_month FROM recommendations WHERE number = '18'"
                  ) == [("2013-03",)]


def test_a_number_the_report_has_already_is_refused(sample_window, sample_path, stored, answer,
                                                   dialogs_shown, click):
    page = sample_window.centralWidget().show_named("Recommendations")

    def twelve(d):
        d.number.setText("12")
        d.text.setPlainText("Said twice.")

    def eighteen(d):
        d.number.setText("18")

    answer(RecommendationDialog, [twelve, eighteen])
    click(page, "New Recommendation…")
    assert dialogs_shown[-1][1] == (
        "The report “Public service mutuals: the next steps” already has a recommendation 12: "
        "give this one another number.")
    assert stored(sample_path, "SELECT number FROM recommendations WHERE text = 'Said twice.'"
                  ) == [("18",)]


def test_an_edit_changes_the_response_and_undo_puts_it_back(sample_window, sample_path, stored,
                                                           answer, click):
    page = sample_window.centralWidget().show_named("Recommendations")
    choose(page, "17")

    def accepted(d):
        d.response.setCurrentIndex(d.response.findData("accepted"))
        d.response_on.setText("3 December 2012")
        d.owner_text.setText("HM Treasury officials")

    answer(RecommendationDialog, [accepted])
    click(page, "Edit…")
    query = "SELECT response, response_on, owner_text FROM recommendations WHERE number = '17'"
    assert stored(sample_path, query) == [("accepted", "2012-12-03", "HM Treasury officials")]
    assert "Response: Accepted, 3 December 2012" in page.details.text()
    undo(sample_window)
    assert stored(sample_path, query) == [("awaiting", None, "")]


def test_progress_is_added_with_its_rag_status_and_undone(sample_window, sample_path, stored,
                                                         answer, click):
    page = add_progress(sample_window, answer, click, "3", "Two ambassadors have stood down.",
                        "4 March 2013", "red")
    assert stored(sample_path, "SELECT made_on, rag FROM recommendation_updates WHERE text = "
                  "'Two ambassadors have stood down.'") == [("2013-03-04", "red")]
    assert stored(sample_path, "SELECT rag FROM recommendations WHERE number = '3'") == [("red",)]
    assert page.history.item(0).text() == "4 Mar 2013 (Red): Two ambassadors have stood down."
    undo(sample_window)
    assert stored(sample_path, "SELECT rag FROM recommendations WHERE number = '3'") == [
        ("green",)]
    assert page.history.count() == 1


def test_an_update_at_a_meeting_keeps_the_date_typed(sample_window, sample_path, stored,
                                                    answer, click):
    page = sample_window.centralWidget().show_named("Recommendations")
    choose(page, "12")
    shown = []

    def at_meeting(d):
        d.text.setPlainText("Brussels has replied.")
        d.on.setText("20 March 2013")
        d.meeting.setCurrentIndex(d.meeting.findText("At the meeting of 12 Jan 2012"))
        shown.append(d.on.text())

    def date_left_alone(d):
        d.text.setPlainText("Members told.")
        d.meeting.setCurrentIndex(d.meeting.findText("At the meeting of 12 Jan 2012"))
        shown.append(d.on.text())

    answer(ProgressDialog, [at_meeting])
    click(page, "Add Update…")
    answer(ProgressDialog, [date_left_alone])
    click(page, "Add Update…")
    assert shown == ["20 March 2013", "12 January 2012"]  # the meeting's date, in view
    assert stored(sample_path, "SELECT u.text, u.made_on, m.date FROM recommendation_updates u "
                  "JOIN meetings m ON m.id = u.meeting_id ORDER BY u.created_at") == [
        ("Brussels has replied.", "2013-03-20", "2012-01-12"),
        ("Members told.", "2012-01-12", "2012-01-12")]


def test_an_update_dated_earlier_leaves_the_rag_status(sample_window, sample_path, stored,
                                                      answer, click):
    page = add_progress(sample_window, answer, click, "12",  # red since 5 March 2013
                        "Found in the post: Brussels was hopeful.", "1 February 2013", "green")
    assert stored(sample_path, "SELECT rag FROM recommendations WHERE number = '12'") == [
        ("red",)]
    assert page.tree.selectedItems()[0].text(RAG_COLUMN) == "Red"
    assert "RAG status: Red." in page.details.text()
    assert page.history.item(1).text().startswith("1 Feb 2013 (Green): Found in the post")


def test_a_paper_is_linked_shown_and_unlinked(sample_window, sample_path, stored, replies,
                                              click, qtbot):
    page = sample_window.centralWidget().show_named("Recommendations")
    choose(page, "10")
    replies.item("Procurement paper")
    click(page, "Link Paper…")
    assert [page.links.item(n).text() for n in range(page.links.count())] == [
        "Paper: Procurement paper"]
    page.links.setCurrentRow(0)
    click(page, "Show")
    workspace = sample_window.centralWidget()
    assert workspace.current_name() == "Papers"
    assert workspace.current_page().chosen().paper.short_name == "Procurement paper"
    workspace.show_named("Recommendations")
    page.links.setCurrentRow(0)
    click(page, "Unlink")
    assert page.links.count() == 0
    assert stored(sample_path, "SELECT count(*) FROM recommendation_links l JOIN "
                  "recommendations r ON r.id = l.recommendation_id WHERE r.number = '10'"
                  ) == [(0,)]


def saved_tracker(page, target, replies, click) -> str:
    """Save as PDF… to ``target``; the tracker's words, as one line."""
    replies.save_to(target)
    click(page, "Save as PDF…")
    return " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(target.read_bytes())).pages).split())


def test_the_tracker_is_saved_as_pdf_as_shown(page, tmp_path, replies, files_opened, click):
    page.by.setCurrentIndex(page.by.findData("addressee"))
    page.addressee.setCurrentIndex(page.addressee.findData("Big Society Capital"))
    target = tmp_path / "tracker.pdf"
    text = saved_tracker(page, target, replies, click)
    assert "RECOMMENDATIONS TRACKER" in text and "By addressee" in text
    assert "Big Society Capital" in text and "HM Treasury" not in text
    assert text.count("OFFICIAL") >= 2
    assert files_opened[0].toLocalFile() == str(target)


def test_the_tracker_printed_keeps_to_the_filters_shown(page, tmp_path, replies,
                                                      files_opened, click):
    page.rag.setCurrentIndex(page.rag.findData("amber"))
    click(page, "Overdue only")
    assert [r.number for r in page.shown()] == ["1"]
    text = saved_tracker(page, tmp_path / "tracker.pdf", replies, click)
    assert "only RAG amber; overdue" in text and "1 recommendation." in text


def test_a_search_hit_opens_its_recommendation(qtbot, sample_window):
    qtbot.keySequence(sample_window.centralWidget().current_page(), "Ctrl+K")
    box = sample_window.search_box
    qtbot.keyClicks(box.words, "Mystery Shopper")
    qtbot.waitUntil(lambda: not box._timer.isActive() and box.results.topLevelItemCount() > 0)
    found = {box.results.topLevelItem(n).text(0): box.results.topLevelItem(n)
             for n in range(box.results.topLevelItemCount())}
    item = found["Recommendations (1)"].child(0)
    box.results.setCurrentItem(item)
    qtbot.keyClick(box.results, Qt.Key.Key_Return)
    page = sample_window.centralWidget().current_page()
    assert page.accessibleName() == "Recommendations"
    assert page.chosen().id == item.data(0, HIT_ROLE).record_id
    assert page.chosen().number == "14"


def test_file_print_from_the_go_menu_prints_the_tracker(sample_window, tmp_path, monkeypatch):
    printed = tmp_path / "printed.pdf"

    def to_file(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", to_file)
    go = next(a for a in sample_window.menuBar().actions() if a.text() == "&Go").menu()
    next(a for a in go.actions() if a.text() == "&8 Recommendations").trigger()
    assert sample_window.commands[Act.PRINT].isEnabled()
    sample_window.commands[Act.PRINT].trigger()
    text = " ".join(p.extract_text() for p in PdfReader(printed).pages)
    assert "RECOMMENDATIONS TRACKER" in text and "Big Society Capital" in text


def test_a_long_recommendation_scrolls_and_keeps_its_updates_in_view(qtbot, session, page):
    made = next(r for r in page.shown() if r.number == "1")
    session.tf.recommendations.update(made.id, text="Each department should publish. " * 320)
    page.load()
    page.resize(1100, 700)
    choose(page, "1")
    qtbot.wait(10)  # laid out

    assert page.height() <= 700  # the text did not stretch the page past the window
    for widget in (page.history, page.links):
        where = widget.mapTo(page, widget.rect().bottomRight())
        assert page.rect().contains(where), widget.accessibleName()
        assert widget.height() >= page.height() // 5, widget.accessibleName()  # not squeezed
    assert "Each department should publish." in page.details.text()
