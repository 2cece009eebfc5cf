"""The Papers page on its own: coverage marks, a new paper, a nomination with
its conflict flag, review status, the e-mail drafts and the printed view."""

import email
import io
from email import policy

import pytest
from pypdf import PdfReader

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from ui.dialogs.papers import LinkDialog, NominateDialog, PaperDialog, SignOffDialog
from ui.pages.papers import PapersPage

WAVE = "First wave of cross-cutting issues papers"


@pytest.fixture
def page(qtbot, session):
    made = PapersPage(session)
    qtbot.addWidget(made)
    made.show()
    return made


def row_of(page, label):
    return next(r for r in range(page.model.rowCount())
                if page.model.record(r).paper.label == label)


def choose(page, label):
    page.view.selectRow(row_of(page, label))


def attention(page, label):
    column = [c.title for c in page.model.columns].index("Needs attention")
    return page.model.index(row_of(page, label), column).data()


def test_coverage_marks_show_on_the_list(page):
    assert "Deadline passed with 2 review(s) outstanding" in attention(page, "Teckal paper")
    assert attention(page, "Evidence paper") == ""  # published: nothing to mark


def test_a_new_paper_after_a_refusal_lands_in_the_file(stored, page, session, sample_path,
                                                      answer, dialogs_shown):
    def bad(d):
        d.title.setText("Asset locks")
        d.deadline.setText("soon")

    def good(d):
        d.deadline.setText("30 June 2011")
        d.wave.setCurrentText(WAVE)
        d.status.setCurrentIndex(d.status.findData("out_for_review"))

    answer(PaperDialog, [bad, good])
    page.new_paper()
    assert "is not a date" in dialogs_shown[-1][1]
    assert stored(sample_path, "SELECT wave, review_deadline, status FROM papers "
                  "WHERE title = 'Asset locks'") == [(WAVE, "2011-06-30", "out_for_review")]
    assert page.chosen().paper.title == "Asset locks"
    assert attention(page, "Asset locks") == "No technical reviewer; No lay reviewer"
    session.undo_stack.undo()
    assert stored(sample_path, "SELECT * FROM papers WHERE title = 'Asset locks'") == []


def test_a_nomination_shows_its_conflict_flag_and_is_made(stored, page, session, sample_path,
                                                          answer):
    tf = session.tf
    paper = tf.papers.get(page.model.record(row_of(page, "Teckal paper")).paper.id)
    tf.papers.tags.add("Social Enterprise UK", "organisation", paper_id=paper.id)
    page.refresh()
    choose(page, "Evidence paper")
    evidence = page.chosen().paper.id
    tf.papers.tags.add("Co-operatives UK", "organisation", paper_id=evidence)
    flags = []

    def pick_ed_mayo(d):
        d.member.setCurrentIndex(d.member.findText("Ed Mayo"))
        flags.append(d.flag.text())
        d.role.setCurrentIndex(d.role.findData("lay"))

    answer(NominateDialog, [pick_ed_mayo])
    page.nominate()
    assert "Co-operatives UK" in flags[0] and "can still be made" in flags[0]
    assert stored(sample_path, "SELECT r.role, r.status FROM reviews r JOIN people p ON "
                  "p.id = r.person_id WHERE p.name = 'Ed Mayo'") == [("lay", "nominated")]
    [row] = [page.reviewers.record(r) for r in range(page.reviewers.rowCount())]
    assert "Co-operatives UK" in row.flag
    # The Teckal paper's technical reviewer works for the organisation it names.
    assert "1 conflict flag(s)" in attention(page, "Teckal paper")


def test_moving_a_review_on_and_undoing_it(stored, page, session, sample_path):
    choose(page, "Teckal paper")
    page.reviewers_view.selectRow(0)
    review_id = page.reviewers.record(0).id
    page.status.setCurrentIndex(page.status.findData("comments_received"))
    page.set_status()
    assert stored(sample_path, "SELECT status FROM reviews WHERE id = ?", (review_id,)) == [
        ("comments_received",)]
    assert "1 review(s) outstanding" in attention(page, "Teckal paper")
    session.undo_stack.undo()
    assert stored(sample_path, "SELECT status FROM reviews WHERE id = ?", (review_id,)) == [
        ("confirmed",)]


def read_eml(path):
    with open(path, "rb") as handle:
        return email.message_from_binary_file(handle, policy=policy.default)


def test_the_invitation_is_written_and_opened(page, tmp_path, files_opened, dialogs_shown,
                                              replies, click):
    target = tmp_path / "invite.eml"
    replies.item(WAVE).save_to(target)
    click(page, "Invite Self-Nominations…")
    message = read_eml(target)
    assert WAVE in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "Cross-cutting issues: assets (Assets paper)" in body
    assert "Procurement options" not in body  # published in the sample: nothing to review
    assert files_opened[0].toLocalFile() == str(target)
    # The sample holds no e-mail addresses: the official is told who was left off.
    assert "Not addressed" in dialogs_shown[-1][1] and "Julian Le Grand" in dialogs_shown[-1][1]


def test_the_chaser_lists_overdue_reviews(page, session, tmp_path, files_opened, replies, click):
    session.tf.people.update(session.tf.reviews.of_paper(
        page.model.record(row_of(page, "Teckal paper")).paper.id)[0].person_id,
        email="ph@example.org")
    target = tmp_path / "chase.eml"
    replies.save_to(target)
    click(page, "Chase Overdue Reviews…")
    message = read_eml(target)
    assert [a.addr_spec for a in message["To"].addresses] == ["ph@example.org"]
    assert "Teckal paper, due 9 February 2012: Peter Holbrook" in \
        message.get_body(("plain",)).get_content()


def test_print_the_coverage_view(page, tmp_path, files_opened, replies, click):
    target = tmp_path / "coverage.pdf"
    replies.save_to(target)
    click(page, "Print Coverage…")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "COVERAGE" in text and "Teckal paper" in text and "Review load" in text
    assert files_opened


def test_send_a_paper_to_a_meeting_item(stored, page, session, sample_path, answer):
    meeting = session.tf.meetings.on_date("2011-05-26")[0]
    session.tf.minutes.lifecycle.reopen(meeting.id, "A paper was left out")  # approved: final
    session.tf.agenda.add(meeting.id, "Cross cutting issues")
    choose(page, "Procurement paper")

    def cross_cutting(d):
        d.meeting.setCurrentIndex(d.meeting.findData(meeting.id))
        d.item.setCurrentIndex(d.item.findText("Cross cutting issues"))

    answer(LinkDialog, [cross_cutting])
    page.link()
    assert stored(sample_path, "SELECT a.title FROM paper_links l JOIN papers p ON "
                  "p.id = l.paper_id JOIN agenda_items a ON a.id = l.agenda_item_id "
                  "WHERE p.short_name = 'Procurement paper'") == [("Cross cutting issues",)]
    assert "To the meeting of 26 May 2011, item “Cross cutting issues”" in page.details.text()


def test_the_wave_and_who_signed_off_show_beside_the_paper(stored, page, sample_path, replies,
                                                           answer, click):
    choose(page, "Assets paper")
    assert f"Wave: {WAVE}" in page.details.text()
    answer(SignOffDialog, [lambda d: d.on.setText("1 July 2011")])
    click(page, "Sign Off…")  # its reviews are done: nothing to warn of
    assert replies.asked == []
    assert stored(sample_path, "SELECT status FROM papers WHERE short_name = 'Assets paper'") \
        == [("signed_off",)]
    assert "Signed off 1 Jul 2011 by Julian Le Grand" in page.details.text()


def test_a_reviewers_own_words_show_in_the_reviewers_table(page, answer, click):
    choose(page, "Evidence paper")

    def in_her_words(d):
        d.member.setCurrentIndex(d.member.findText("Rachel Wolf"))
        d.words.setText("a school founder's eye")

    answer(NominateDialog, [in_her_words])
    click(page, "Nominate…")
    column = [c.title for c in page.reviewers.columns].index("In their words")
    assert page.reviewers.index(0, column).data() == "a school founder's eye"


def test_signing_off_with_reviews_not_in_asks_first(stored, page, sample_path, replies,
                                                    answer, click):
    choose(page, "Teckal paper")
    answer(SignOffDialog, [lambda d: None])
    click(page, "Sign Off…")  # answered No
    kind, text = replies.asked[-1]
    assert "Rachel Wolf (Nominated)" in text and "review load" in text
    teckal = "SELECT status FROM papers WHERE short_name = 'Teckal paper'"
    assert stored(sample_path, teckal) == [("out_for_review",)]
    replies.answer(QMessageBox.StandardButton.Yes)
    click(page, "Sign Off…")
    assert stored(sample_path, teckal) == [("signed_off",)]


def test_the_document_field_is_labelled_document(qtbot, session):
    """A label with a buddy shows "Document" (the O underlined, Alt+O reaching the
    field); without one it showed "D&ocument". (Mnemonic keys do not reach the
    offscreen platform, so the buddy is what is checked.)"""
    dialog = PaperDialog(session)
    qtbot.addWidget(dialog)
    [label] = [shown for shown in dialog.findChildren(QLabel) if "ocument" in shown.text()]
    assert label.buddy() is dialog.document


def rows_in_sight(view):
    shown = view.viewport().rect()
    return [r for r in range(view.model().rowCount())
            if shown.intersects(view.visualRect(view.model().index(r, 0)))]


# A pop-up list asks to raise itself and grab the keyboard, which offscreen cannot.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "does not support grabbing")
def test_a_long_drop_down_list_scrolls_within_the_screen(qtbot, page, answer, click):
    """The "Signed off by" list holds everyone in the body (19 in the sample)."""
    seen = []

    def open_the_list(d):
        d.show()
        qtbot.mouseClick(d.by, Qt.MouseButton.LeftButton)
        popup = d.by.view().window()
        qtbot.waitUntil(popup.isVisible)
        seen.append((len(rows_in_sight(d.by.view())), d.by.count(),
                     d.screen().availableGeometry().contains(popup.geometry())))
        d.by.hidePopup()

    choose(page, "Assets paper")
    answer(SignOffDialog, [open_the_list])
    click(page, "Sign Off…")
    assert seen == [(15, 19, True)]
