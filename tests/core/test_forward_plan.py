"""The forward plan: the coming meetings with their agenda so far, the papers
expected and the suggestions aimed at each, then what is not yet placed; as
built, as printed (read back from the PDF) and from the command line."""

import datetime as dt
import io
import unicodedata

import pytest
from pypdf import PdfReader

from secretariat.__main__ import main
from secretariat.documents import forward_plan_pdf
from secretariat.taskforce import Taskforce


def plan_text(pdf: bytes) -> tuple[list[str], str]:
    """Each page's text, and all of it with runs of white space as one space."""
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    return pages, " ".join(" ".join(pages).split())


@pytest.fixture
def year(tf):
    """A body with a meeting held in January and three coming (made out of order),
    from the plan's point of view on 1 February 2012."""
    body, _ = tf.bodies.create("Mutuals Taskforce", short_name="MTF",
                               default_venue="22 Whitehall")
    ed, _ = tf.people.create(body, "Ed Mayo")
    meetings = {}
    for day in ("2012-03-22", "2012-01-12", "2012-03-08", "2012-02-09"):
        meetings[day], _ = tf.meetings.create(body, day, "16:00", "17:30")
    return body, ed, meetings


def test_the_sample_plan_from_june_2011(sample_tf):
    body = sample_tf.bodies.all()[0].id
    plan = forward_plan_pdf.build(sample_tf, body, "2011-06-01")

    january, = plan.meetings  # the May meeting is before the plan starts
    assert january.heading == "Thursday 12 January 2012"
    assert january.details == "22 Whitehall; 16.00 – 17.30; agenda agreed"
    assert [p.item.title for p in january.items][:2] == [
        "Welcome and introductions", "Chair's Update"]
    assert [(p.label, p.why) for p in january.papers] == [
        ("Teckal paper", "under Chair's Update"),  # linked to the meeting
        ("Assets paper", "review closes 30 June 2011")]  # its review closes before it
    assert january.aimed == ()
    assert [(w.title, w.raised_by, w.raised, w.aim) for w in plan.waiting] == [
        ("Communications strategy", "", "meeting of 26 May 2011", ""),
        ("Society legal models for Co-ops and Mutuals", "Ed Mayo", "meeting of 12 Jan 2012",
         "February 2012")]
    assert plan.marking == "OFFICIAL"


def test_suggestions_go_to_the_meeting_or_month_they_are_aimed_at(tf, year):
    body, ed, meetings = year
    made = {}
    for title in ("For the last March meeting", "For March", "For April", "For no one",
                  "For the January meeting", "Placed", "Declined"):
        made[title], _ = tf.suggestions.create(body, title, ed, "2012-01-12")
    tf.suggestions.aim(made["For the last March meeting"], meetings["2012-03-22"])
    tf.suggestions.aim(made["For March"], month="2012-03-01")
    tf.suggestions.aim(made["For April"], month="2012-04-01")
    tf.suggestions.aim(made["For the January meeting"], meetings["2012-01-12"])
    tf.suggestions.place(made["Placed"], meetings["2012-02-09"])
    tf.suggestions.decline(made["Declined"], "out of scope")

    plan = forward_plan_pdf.build(tf, body, today=dt.date(2012, 2, 1))

    assert [m.heading for m in plan.meetings] == [
        "Thursday 9 February 2012", "Thursday 8 March 2012", "Thursday 22 March 2012"]
    assert [[v.suggestion.title for v in m.aimed] for m in plan.meetings] == [
        [], ["For March"], ["For the last March meeting"]]  # the first meeting of the month
    assert [p.item.title for p in plan.meetings[0].items] == ["Placed"]
    assert {w.title: w.aim for w in plan.waiting} == {
        "For April": "April 2012",  # no meeting arranged that month yet
        "For no one": "",
        "For the January meeting": "the meeting of 12 January 2012"}  # held, still waiting


def test_deferred_items_wait_with_the_meeting_that_deferred_them(tf, year):
    body, ed, meetings = year
    item, _ = tf.agenda.add(meetings["2012-01-12"], "Teckal update", lead_person_id=ed)
    tf.agenda.set_status(item, "deferred")

    plan = forward_plan_pdf.build(tf, body, "2012-02-01")
    waiting, = plan.waiting
    assert (waiting.title, waiting.raised_by, waiting.raised, waiting.state) == (
        "Teckal update", "Ed Mayo", "meeting of 12 Jan 2012", "Deferred")
    tf.agenda.place_deferred(item, meetings["2012-02-09"])
    assert forward_plan_pdf.build(tf, body, "2012-02-01").waiting == ()


def test_papers_are_expected_where_linked_or_once_their_review_closes(tf, year):
    body, ed, meetings = year
    papers = {}
    for title, status, deadline in (("Tabled", "drafting", None),
                                    ("Overdue", "out_for_review", "2012-01-20"),
                                    ("Closing in February", "out_for_review", "2012-02-01"),
                                    ("Closing in March", "revised", "2012-03-01"),
                                    ("Signed off", "signed_off", "2012-03-01"),
                                    ("Closing in May", "out_for_review", "2012-05-01")):
        papers[title], _ = tf.papers.create(body, title, status=status,
                                            review_deadline=deadline, owner_person_id=ed)
    tf.papers.link(papers["Tabled"], meetings["2012-03-22"])

    plan = forward_plan_pdf.build(tf, body, "2012-02-01")
    assert [[(p.label, p.owner, p.why) for p in m.papers] for m in plan.meetings] == [
        [("Overdue", "Ed Mayo", "overdue: review closed 20 January 2012"),
         ("Closing in February", "Ed Mayo", "review closes 1 February 2012")],
        [("Closing in March", "Ed Mayo", "review closes 1 March 2012")],
        [("Tabled", "Ed Mayo", "tabled")]]
    assert [(p.label, p.why) for p in plan.papers_waiting] == [
        ("Closing in May", "review closes 1 May 2012")]


def test_a_cancelled_meeting_is_not_planned_for_and_its_papers_go_to_the_next(tf, year):
    body, ed, meetings = year
    tf.papers.create(body, "Closing in February", status="out_for_review",
                     review_deadline="2012-02-01", owner_person_id=ed)
    tf.meetings.cancel(meetings["2012-02-09"], "2012-01-20")

    plan = forward_plan_pdf.build(tf, body, "2012-02-01")

    assert [m.heading for m in plan.meetings] == ["Thursday 8 March 2012",
                                                  "Thursday 22 March 2012"]
    assert [p.label for p in plan.meetings[0].papers] == ["Closing in February"]


def test_papers_under_review_wait_in_print_when_no_meeting_is_arranged(tf, year):
    body, ed, _ = year
    tf.papers.create(body, "Social value guidance", status="out_for_review",
                     review_deadline="2012-11-30", owner_person_id=ed)
    tf.papers.create(body, "Spin-out finance", status="revised",
                     review_deadline="2013-02-28", owner_person_id=ed)

    _, text = plan_text(forward_plan_pdf.render(forward_plan_pdf.build(tf, body, "2013-01-01")))

    assert "No meetings are arranged from that day." in text
    assert text.index("Papers awaiting a meeting") < text.index(
        "Social value guidance Ed Mayo Out for review overdue: review closed 30 November 2012")
    assert "Spin-out finance Ed Mayo" in text and "review closes 28 February 2013" in text


def test_the_printed_plan_has_its_meetings_in_order_and_the_marking_on_every_page(tf, year):
    body, ed, meetings = year
    for day, meeting in meetings.items():
        for n in range(25):
            tf.agenda.add(meeting, f"Item {n} of {day}", minutes_allocated=5)
    secret, _ = tf.agenda.add(meetings["2012-03-08"], "Commercial terms", restricted=True)
    tf.suggestions.create(body, "Communications strategy", ed, "2012-01-12",
                          details="To be brought to a future meeting.")

    pages, text = plan_text(forward_plan_pdf.render(
        forward_plan_pdf.build(tf, body, "2012-02-01")))

    assert len(pages) > 2
    assert all(page.count("OFFICIAL-SENSITIVE") == 2 for page in pages)  # a restricted item
    assert text.index("MUTUALS TASKFORCE FORWARD PLAN") < text.index(
        "Thursday 9 February 2012") < text.index("Thursday 8 March 2012") < text.index(
        "Thursday 22 March 2012") < text.index("Not yet placed on an agenda")
    assert "Meetings from Wednesday 1 February 2012" in text
    assert "Commercial terms Restricted" in text
    assert "Communications strategy To be brought to a future meeting. Ed Mayo" in text
    assert f"page {len(pages)} of {len(pages)}" in text


def test_a_plan_with_nothing_coming_says_so(tf, year):
    body, _, _ = year
    _, text = plan_text(forward_plan_pdf.render(forward_plan_pdf.build(tf, body, "2013-01-01")))
    assert "No meetings are arranged from that day." in text
    assert "Nothing is waiting" in text


def test_hostile_text_prints_as_typed(tf, year):
    body, ed, meetings = year
    tf.people.update(ed, name="Ed <b>&amp; Mayo")
    tf.agenda.add(meetings["2012-02-09"], "<b>Budget</b> & <img src='x'/> review")
    tf.suggestions.create(body, "שלום עולם", ed, "2012-01-12", details="long " * 20_000)
    plan = forward_plan_pdf.build(tf, body, "2012-02-01")

    assert forward_plan_pdf.warnings(plan) == []
    _, text = plan_text(forward_plan_pdf.render(plan))
    assert "<b>Budget</b> & <img src='x'/> review" in text
    assert "Ed <b>&amp; Mayo" in text
    assert "שלום עולם" in unicodedata.normalize("NFKC", text)
    assert text.count("long") == 20_000  # the 100,000 characters, all of them


def test_the_command_writes_the_plan(sample_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["forward-plan", str(sample_path), "--from", "2011-06-01", "-o", str(out)]) == 0
    assert capsys.readouterr().out == (
        f"Wrote the forward plan (1 meeting(s), 2 item(s) not yet placed) to {out}\n")
    _, text = plan_text(out.read_bytes())
    assert "Thursday 12 January 2012" in text and "Society legal models" in text
    assert out.stat().st_mode & 0o777 == 0o600


def test_the_command_refuses_a_day_that_is_not_a_date(sample_path, tmp_path, capsys):
    out = tmp_path / "plan.pdf"
    assert main(["forward-plan", str(sample_path), "--from", "soon", "-o", str(out)]) == 1
    assert "'soon' is not a date" in capsys.readouterr().err
    assert not out.exists()
    with Taskforce.open(sample_path) as tf:  # the file is as it was
        assert len(tf.suggestions.of_body(tf.bodies.all()[0].id)) == 2
