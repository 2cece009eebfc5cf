"""A report's recommendations and what became of them: recorded, changed and
changed back, deadlines that are a month, progress, links and what is overdue."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from secretariat.documents import recommendations_pdf
from secretariat.errors import ValidationError
from secretariat.report.tracker import tracker_document
from secretariat.values import Month


@pytest.fixture
def made(tf):
    """A body with a member, a report of two chapters and one recommendation."""
    body, _ = tf.bodies.create("Mutuals Taskforce", "MTF")
    ed, _ = tf.people.create(body, "Ed Mayo")
    report, _ = tf.reports.create(body, "Public service mutuals: the next steps", "July 2012",
                                  chapters=["Rights and Pathways", "Support"])
    chapters = [c.id for c in tf.reports.get(report).chapters]
    first, _ = tf.recommendations.create(
        report, "1", "Departments should publish plans for mutuals.", chapter_id=chapters[0],
        addressees=["Home Office", "ed mayo", "HOME OFFICE", "Ministry of Justice"],
        deadline="December 2012", sub_points="Plans in business plans\n\n  Tracked  ")
    return dict(body=body, ed=ed, report=report, chapters=chapters, first=first)


def stored(tf, sql, params=()):
    return tf.store.row(sql, params)


def test_a_recommendation_is_recorded_with_its_parts(tf, made):
    found = tf.recommendations.get(made["first"])

    assert (found.number, found.chapter_title, found.response, found.rag) == (
        "1", "Rights and Pathways", "awaiting", "")
    assert [a.label for a in found.addressees] == ["Home Office", "Ed Mayo",
                                                   "Ministry of Justice"]  # named twice: once
    assert found.addressees[1].person_id == made["ed"]  # a person of the body, by name
    assert found.addressee_label == "Home Office; Ed Mayo; Ministry of Justice"
    assert found.sub_points == ("Plans in business plans", "Tracked")
    assert found.lettered_points == ["(a) Plans in business plans", "(b) Tracked"]
    assert tf.reports.get(made["report"]).published_label == "July 2012"


def test_a_month_stays_a_month_and_a_day_a_day(tf, made):
    assert stored(tf, "SELECT deadline_on, deadline_month FROM recommendations WHERE id = ?",
                  (made["first"],)) == {"deadline_on": None, "deadline_month": "2012-12"}
    found = tf.recommendations.get(made["first"])
    assert found.deadline == Month(2012, 12) and found.deadline_label == "December 2012"

    tf.recommendations.update(made["first"], deadline="31 December 2012")
    assert stored(tf, "SELECT deadline_on, deadline_month FROM recommendations WHERE id = ?",
                  (made["first"],)) == {"deadline_on": "2012-12-31", "deadline_month": None}
    assert tf.recommendations.get(made["first"]).deadline_label == "31 December 2012"

    for typed in ("Apr 2013", "2013-04", "4/2013"):
        tf.recommendations.update(made["first"], deadline=typed)
        assert tf.recommendations.get(made["first"]).deadline_label == "April 2013"
    tf.recommendations.update(made["first"], deadline="")
    assert tf.recommendations.get(made["first"]).deadline is None


@pytest.mark.parametrize("typed", ["soon", "30 February 2013", "2013-13"])
def test_a_deadline_that_is_neither_day_nor_month_is_refused(tf, made, typed):
    with pytest.raises(ValidationError, match="deadline"):
        tf.recommendations.update(made["first"], deadline=typed)
    assert tf.recommendations.get(made["first"]).deadline_label == "December 2012"


def test_the_file_itself_refuses_a_month_that_is_not_one(tf, made):
    with pytest.raises(ValidationError, match="wrong kind"):
        with tf.store.transaction() as db:
            db.execute("UPDATE recommendations SET deadline_month = 'December' WHERE id = ?",
                       (made["first"],))


def test_changed_and_changed_back_as_undo_does(tf, made):
    before = tf.recommendations.get(made["first"])
    fields = ("number", "text", "chapter_id", "sub_points", "addressees", "deadline",
              "response", "response_on", "response_text", "owner_person_id", "owner_text",
              "rag", "completed_on")
    old = {name: getattr(before, name) for name in fields}
    tf.recommendations.update(
        made["first"], number="1A", text="Plans, published.", chapter_id=made["chapters"][1],
        sub_points=["One"], addressees=["Cabinet Office"], deadline="April 2013",
        response="Accepted in part", response_on="15 November 2012",
        response_text="In part.", owner_person_id=made["ed"], rag="Amber",
        completed_on="2013-04-02")
    changed = tf.recommendations.get(made["first"])
    assert (changed.response_label, changed.rag_label, changed.owner_label,
            changed.chapter_title) == ("Accepted in part", "Amber", "Ed Mayo", "Support")

    tf.recommendations.update(made["first"], **old)
    assert tf.recommendations.get(made["first"]) == before


def test_a_number_is_used_once_in_a_report(tf, made):
    with pytest.raises(ValidationError, match="The report “Public service mutuals: the next "
                       "steps” already has a recommendation 1: give this one another number"):
        tf.recommendations.create(made["report"], " 1 ", "Said twice.")
    second, _ = tf.recommendations.create(made["report"], "2", "Treasury should look.")
    with pytest.raises(ValidationError, match="already has a recommendation 1"):
        tf.recommendations.update(second, number="1")
    tf.recommendations.update(made["first"], number="1", text="Kept its own number.")
    other, _ = tf.reports.create(made["body"], "A later report")
    tf.recommendations.create(other, "1", "Another report numbers from 1 too.")
    assert tf.store.rows("SELECT r.number FROM recommendations r JOIN reports t "
                         "ON t.id = r.report_id WHERE t.id = ? ORDER BY r.position",
                         (made["report"],)) == [{"number": "1"}, {"number": "2"}]


def test_a_deleted_recommendation_comes_back_whole(tf, made):
    tf.recommendations.add_update(made["first"], "Two departments have plans.", on="2012-12-01")
    before = tf.recommendations.get(made["first"])
    _, rows = tf.recommendations.delete(made["first"])
    assert tf.recommendations.of_body(made["body"]) == []
    tf.restore_rows(rows)
    assert tf.recommendations.get(made["first"]) == before


def test_an_update_gives_its_rag_status_and_undo_puts_the_old_one_back(tf, made):
    tf.recommendations.update(made["first"], rag="green")
    update, _ = tf.recommendations.add_update(made["first"], "Slipping.", on="2012-11-01",
                                              rag="red")
    found = tf.recommendations.get(made["first"])
    assert found.rag == "red" and found.latest.line() == "1 Nov 2012 (Red): Slipping."

    tf.recommendations.remove_update(update, "green")
    found = tf.recommendations.get(made["first"])
    assert found.rag == "green" and found.updates == ()


def test_the_rag_status_is_that_of_the_latest_dated_update(tf, made):
    def rag_in_the_file():
        return stored(tf, "SELECT rag FROM recommendations WHERE id = ?", (made["first"],))["rag"]

    tf.recommendations.add_update(made["first"], "Plans late.", on="2013-03-01", rag="amber")
    tf.recommendations.add_update(made["first"], "Old news.", on="2012-11-01", rag="red")
    assert rag_in_the_file() == "amber"  # an earlier day's news changes nothing now
    found = tf.recommendations.get(made["first"])
    assert (found.rag_label, found.latest.text) == ("Amber", "Plans late.")
    pdf = recommendations_pdf.render(tracker_document(tf, made["body"]))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "RAG: Amber" in text and "RAG: Red" not in text

    tf.recommendations.add_update(made["first"], "Plans in.", on="2013-03-01", rag="green")
    assert rag_in_the_file() == "green"  # the same day: the later entered


@pytest.mark.parametrize("field", ["response_on", "completed_on"])
def test_what_has_happened_is_not_dated_after_today(tf, made, field):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="cannot be after today"):
        tf.recommendations.add_update(made["first"], "Plans in.", on=tomorrow, rag="green")
    with pytest.raises(ValidationError, match="cannot be after today"):
        tf.recommendations.update(made["first"], **{field: "31/12/2099"})
    tf.recommendations.update(made["first"], **{field: dt.date.today()})
    assert tf.recommendations.get(made["first"]).updates == ()


def test_an_update_reported_at_a_meeting_takes_its_date(tf, made):
    meeting, _ = tf.meetings.create(made["body"], "2012-11-08")
    tf.recommendations.add_update(made["first"], "Reported to members.", meeting_id=meeting)
    latest = tf.recommendations.get(made["first"]).latest
    assert (latest.made_on, latest.meeting_date) == (dt.date(2012, 11, 8),) * 2

    other, _ = tf.bodies.create("Another board")
    elsewhere, _ = tf.meetings.create(other, "2012-11-09")
    with pytest.raises(ValidationError, match="another body"):
        tf.recommendations.add_update(made["first"], "Wrong board.", meeting_id=elsewhere)
    with pytest.raises(ValidationError, match="update cannot be empty"):
        tf.recommendations.add_update(made["first"], "   ")


@pytest.mark.parametrize("today, completed, response, overdue", [
    ("2012-12-31", None, "awaiting", False),  # the month's last day: not yet
    ("2013-01-01", None, "awaiting", True),
    ("2013-01-01", "2012-12-20", "accepted", False),  # done
    ("2013-01-01", None, "not_accepted", False),  # turned down: nothing to chase
])
def test_a_month_deadline_is_overdue_once_the_month_is_over(tf, made, today, completed,
                                                           response, overdue):
    tf.recommendations.update(made["first"], completed_on=completed, response=response)
    day = dt.date.fromisoformat(today)
    assert tf.recommendations.get(made["first"]).overdue(day) is overdue
    assert [r.id for r in tf.recommendations.of_body(made["body"], overdue=True, today=day)] \
        == ([made["first"]] if overdue else [])


def test_the_list_is_filtered_by_addressee_response_and_rag(tf, made):
    second, _ = tf.recommendations.create(made["report"], "2", "Treasury should look at "
                                          "reliefs.", addressees=["HM Treasury"],
                                          response="accepted", rag="amber")
    of_body = tf.recommendations.of_body
    assert [r.number for r in of_body(made["body"])] == ["1", "2"]
    assert [r.number for r in of_body(made["body"], addressee="treasury")] == ["2"]
    assert [r.number for r in of_body(made["body"], addressee=" ED  mayo")] == ["1"]
    assert [r.id for r in of_body(made["body"], response="Accepted")] == [second]
    assert [r.id for r in of_body(made["body"], rag="")] == [made["first"]]
    assert tf.recommendations.addressees_of_body(made["body"]) == [
        "Ed Mayo", "HM Treasury", "Home Office", "Ministry of Justice"]


def test_actions_papers_and_meetings_are_linked_once(tf, made):
    meeting, _ = tf.meetings.create(made["body"], "2012-11-08")
    item, _ = tf.agenda.add(meeting, "Report follow-up")
    action, _ = tf.actions.create(item, "Write to the five departments", ["Ed Mayo"])
    paper, _ = tf.papers.create(made["body"], "Procurement options", "Procurement paper")
    links = tf.recommendations
    links.link(made["first"], action_id=action)
    links.link(made["first"], paper_id=paper)
    links.link(made["first"], meeting_id=meeting, agenda_item_id=item)
    assert [link.label for link in tf.recommendations.get(made["first"]).links] == [
        "Action agreed 8 Nov 2012: Write to the five departments",
        "Paper: Procurement paper", "Meeting of 8 Nov 2012, item “Report follow-up”"]
    with pytest.raises(ValidationError, match="already linked"):
        links.link(made["first"], paper_id=paper)
    with pytest.raises(ValidationError, match="one at a time"):
        links.link(made["first"], paper_id=paper, action_id=action)


def test_a_paper_deleted_and_put_back_keeps_its_link(tf, made):
    paper, _ = tf.papers.create(made["body"], "Procurement options", "Procurement paper")
    tf.recommendations.link(made["first"], paper_id=paper)
    _, rows = tf.papers.delete(paper)
    assert tf.recommendations.get(made["first"]).links == ()
    tf.restore_rows(rows)
    assert [link.target_id for link in tf.recommendations.get(made["first"]).links] == [paper]


def test_chapters_are_renamed_added_and_only_an_empty_one_removed(tf, made):
    tf.reports.update(made["report"], chapters=["Rights", "Support", "Finance"])
    report = tf.reports.get(made["report"])
    assert [c.title for c in report.chapters] == ["Rights", "Support", "Finance"]
    assert tf.recommendations.get(made["first"]).chapter_title == "Rights"
    tf.reports.update(made["report"], chapters=["Rights"])
    assert [c.title for c in tf.reports.get(made["report"]).chapters] == ["Rights"]
    with pytest.raises(ValidationError, match="still holds recommendations"):
        tf.reports.update(made["report"], chapters=[])


def test_the_sample_holds_the_report_s_seventeen_recommendations(sample_tf):
    body = sample_tf.bodies.all()[0].id
    (report,) = sample_tf.reports.of_body(body)
    found = sample_tf.recommendations.of_body(body)
    assert report.title == "Public service mutuals: the next steps"
    assert [c.title for c in report.chapters] == [
        "Rights and Pathways for Employees", "Support for Employees Mutualising",
        "Improving Commissioning", "Support for Commissioners",
        "Tax Barriers and Access to Finance"]
    assert [r.number for r in found] == [str(n) for n in range(1, 18)]
    by_number = {r.number: r for r in found}
    assert [r.number for r in found if r.chapter_title == "Support for Commissioners"] == [
        "13", "14", "15"]
    assert {n: by_number[n].deadline_label for n in ("1", "2")} == {
        "1": "December 2012", "2": "April 2013"}
    assert [r.number for r in found if r.deadline] == ["1", "2"]
    assert by_number["16"].addressee_label == "Big Society Capital"
    assert by_number["17"].addressee_label == "HM Treasury"
    assert len(by_number["12"].sub_points) == 4 and len(by_number["13"].sub_points) == 2
    assert all(u.text.startswith("(Illustrative)") for r in found for u in r.updates)

