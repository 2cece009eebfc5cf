"""The Interests page on its own: the register with forms not returned, an
interest's history, forms sent and returned, declarations at a meeting, and
the printed register."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton

from secretariat.interest.interests import declarations_for_meeting
from ui.dialogs.interests import DeclarationDialog, InterestDialog
from ui.pages.interests import InterestsPage


@pytest.fixture
def page(qtbot, session):
    made = InterestsPage(session)
    qtbot.addWidget(made)
    made.show()
    return made


def choose(page, name):
    page.view.selectRow(next(r for r in range(page.model.rowCount())
                             if page.model.record(r).person.display_name == name))


def test_forms_not_returned_are_listed_and_a_return_is_recorded(stored, page, session,
                                                               sample_path, monkeypatch, click):
    from PySide6.QtWidgets import QInputDialog

    from secretariat.interest.conflicts import brief_document

    assert page.outstanding.text() == ("Declaration forms not returned: "
                                       "Carole Leslie, Patrick Lewis")
    choose(page, "Patrick Lewis")
    asked = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: asked.append(
        kwargs["text"]) or ("10 January 2012", True))  # the day the form came back
    click(page, "Form Returned…")
    assert asked == [f"{dt.date.today().day} {dt.date.today():%B %Y}"]  # today, unless told
    assert page.outstanding.text() == "Declaration forms not returned: Carole Leslie"
    assert stored(sample_path, "SELECT f.returned_on FROM declaration_forms f JOIN people p "
                  "ON p.id = f.person_id WHERE p.name = 'Patrick Lewis'") == [("2012-01-10",)]
    january = session.tf.meetings.find_one("2012-01-12").id
    assert "Patrick Lewis" not in brief_document(session.tf, january).not_returned
    session.undo_stack.undo()
    assert "Patrick Lewis" in page.outstanding.text()


def test_declare_an_interest_then_end_it_and_it_stays(stored, page, sample_path, answer,
                                                      replies, click):
    choose(page, "Ed Mayo")
    titles = []

    def trustee(d):
        titles.append(d.windowTitle())
        d.description.setText("Trustee")
        d.organisation.setText("A Co-operative Bank")
        d.kind.setCurrentIndex(d.kind.findData("directorship"))
        d.declared.setText("1 March 2012")

    answer(InterestDialog, [trustee])
    click(page, "Declare Interest…")
    assert titles == ["Declare an Interest of Ed Mayo"]  # the member it is for
    assert page.history.rowCount() == 2
    page.history_view.selectRow(next(r for r in range(page.history.rowCount())
                                     if page.history.record(r).description == "Trustee"))
    replies.text("30 June 2012")
    click(page, "Interest Ended…")
    assert stored(sample_path, "SELECT declared_on, ended_on FROM interests "
                  "WHERE description = 'Trustee'") == [
        ("2012-03-01", "2012-06-30")]
    assert page.history.rowCount() == 2  # ended, still in the history
    current = page.model.record(page.view.selectionModel().selectedRows()[0].row())
    assert [i.description for i in current.interests] == ["Secretary General"]


def test_send_forms_to_every_current_member_and_undo(stored, page, session, sample_path,
                                                    replies, click):
    replies.text("1 March 2012")
    click(page, "Send Forms…")
    assert stored(sample_path, "SELECT count(*) FROM declaration_forms "
                  "WHERE sent_on = '2012-03-01'") == [(12,)]
    assert "Julian Le Grand" in page.outstanding.text()
    session.undo_stack.undo()
    assert stored(sample_path, "SELECT count(*) FROM declaration_forms "
                  "WHERE sent_on = '2012-03-01'") == [(0,)]


def test_a_declaration_at_a_meeting_is_kept_for_its_minutes(page, session, answer):
    choose(page, "Peter Holbrook")

    def at_january(d):
        d.meeting.setCurrentIndex(d.meeting.findText("12 Jan 2012"))
        d.text.setText("Chief Executive of Social Enterprise UK")

    answer(DeclarationDialog, [at_january])
    page.declare_at_meeting()
    meeting = session.tf.meetings.on_date("2012-01-12")[0]
    [made] = declarations_for_meeting(session.tf, meeting.id)
    assert made.person_name == "Peter Holbrook"
    assert made.text == "Chief Executive of Social Enterprise UK"


def test_print_the_register_as_it_stood(page, tmp_path, files_opened, replies, click):
    target = tmp_path / "register.pdf"
    replies.text("12 January 2012").save_to(target)
    click(page, "Print Register…")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "As it stood on Thursday 12 January 2012" in text
    assert "OFFICIAL-SENSITIVE" in text
    assert files_opened[0].toLocalFile() == str(target)


def test_a_bad_date_for_the_register_is_refused(page, tmp_path, dialogs_shown, replies, click):
    replies.text("the other day").save_to(tmp_path / "r.pdf")
    click(page, "Print Register…")  # then asked again, and cancelled
    assert "is not a date" in dialogs_shown[-1][1]
    assert replies.prefilled[-1] == "the other day"  # what was typed, to put right
    assert not (tmp_path / "r.pdf").exists()


def test_print_the_chairs_brief_for_a_meeting(page, session, tmp_path, files_opened, replies,
                                              click):
    tf = session.tf
    meeting = tf.meetings.on_date("2012-01-12")[0]
    item = tf.agenda.add(meeting.id, "Update from Member of Taskforce representing SEUK")[0]
    tf.papers.tags.add("Social Enterprise UK", "organisation", agenda_item_id=item)
    target = tmp_path / "brief.pdf"
    replies.item("Thursday 12 January 2012").save_to(target)
    click(page, "Chair's Brief…")
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "CHAIR'S BRIEF" in text and "Peter Holbrook" in text
    assert "Carole Leslie, Patrick Lewis." in text


def test_a_meetings_interests_tab_flags_tagged_items_and_records_declarations(
        qtbot, session, answer):
    from ui.dialogs.interests import TagItemDialog
    from ui.pages.interests import MeetingInterestsTab

    tf = session.tf
    meeting = tf.meetings.on_date("2012-01-12")[0]
    item, _ = tf.agenda.add(meeting.id, "Support for new mutuals")
    tab = MeetingInterestsTab(session, meeting.id)
    qtbot.addWidget(tab)
    before = tab.flags.rowCount()

    def tag_with_evolve(d):
        d.item.setCurrentIndex(d.item.findData(item))
        d.name.setText("evolve yp")

    answer(TagItemDialog, [tag_with_evolve])
    tab.tag_item()
    assert tab.flags.rowCount() == before + 1
    flagged = [tab.flags.record(r) for r in range(tab.flags.rowCount())]
    assert any(f.person_name == "Donna Fallows" and f.subject_title == "Support for new mutuals"
               for f in flagged)

    def donna_declares(d):
        d.item.setCurrentIndex(d.item.findData(item))
        d.member.setCurrentIndex(d.member.findText("Donna Fallows"))
        d.text.setText("Works for Evolve YP")

    answer(DeclarationDialog, [donna_declares])
    tab.declare()
    assert [d.line for d in declarations_for_meeting(tf, meeting.id)] == [
        "Donna Fallows: Works for Evolve YP (item: Support for new mutuals)"]
    assert tab.declarations.rowCount() == 1
    session.undo_stack.undo()
    assert tab.declarations.rowCount() == 0


def test_a_meetings_item_tags_are_listed_and_one_can_be_removed(qtbot, stored, session,
                                                                sample_path, click):
    from ui.pages.interests import MeetingInterestsTab

    meeting = session.tf.meetings.on_date("2012-01-12")[0]
    tab = MeetingInterestsTab(session, meeting.id)
    qtbot.addWidget(tab)
    tab.show()

    def listed():
        return [(tab.tags.index(r, 1).data(), tab.tags.index(r, 2).data())
                for r in range(tab.tags.rowCount())]

    assert ("Co-operatives UK", "Organisation") in listed()
    assert any(tab.flags.record(r).person_name == "Ed Mayo" for r in range(tab.flags.rowCount()))
    assert not next(b for b in tab.findChildren(QPushButton)
                    if b.text() == "Remove Ta&g").isEnabled()  # greyed: no tag chosen
    tab.tags_view.selectRow(next(r for r, (name, _) in enumerate(listed())
                                 if name == "Co-operatives UK"))
    click(tab, "Remove Tag")
    assert ("Co-operatives UK", "Organisation") not in listed()
    assert stored(sample_path, "SELECT * FROM tags WHERE name = 'Co-operatives UK'") == []
    assert not any(tab.flags.record(r).person_name == "Ed Mayo"
                   for r in range(tab.flags.rowCount()))  # the flag went with it
    session.undo_stack.undo()
    assert ("Co-operatives UK", "Organisation") in listed()
