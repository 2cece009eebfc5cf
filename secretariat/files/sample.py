"""The sample taskforce: the Mutuals Taskforce of 2011-12.

Built from the facts in the public record (names, organisations, roles, dates,
who attended and who sent apologies, the recommendations of its final
report: ``sample_recommendations``). Where the record is silent and the
program needs a value (the date someone joined or left) the value is
illustrative and says so in the person's notes.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

from ..errors import FileProblem
from ..storage import places
from ..storage.backups import verify_whole
from ..storage.opening import real_path
from ..taskforce import Taskforce
from ..values import parse_date
from . import sample_recommendations
from .sample_minutes import MINUTES

FORMED = "2011-02-01"  # the Taskforce came together in February 2011
ILLUSTRATIVE = "Dates of joining and leaving are illustrative."

# name, role, organisation, joined, left
MEMBERS = [
    ("Julian Le Grand", "chair", "London School of Economics", FORMED, None),
    ("Peter Marsh", "vice_chair", "University of Sheffield", FORMED, None),
    ("Patrick Burns", "member", "", FORMED, "2011-12-31"),
    ("Rachel Wolf", "member", "New Schools Network", FORMED, None),
    ("Nita Clarke", "member", "Employee Engagement Taskforce", FORMED, None),
    ("Donna Fallows", "member", "Evolve YP", FORMED, None),
    ("Ed Mayo", "member", "Co-operatives UK", FORMED, None),
    ("Patrick Lewis", "member", "John Lewis Partnership", FORMED, None),
    ("Peter Holbrook", "member", "Social Enterprise UK", FORMED, None),
    ("Jo Pritchard", "member", "Central Surrey Health", FORMED, None),
    ("Carole Leslie", "member", "", "2011-09-01", None),
    ("Stephen Kelly", "member", "Crown Commercial Representative for Mutuals",
     "2011-09-01", None),
    ("Iain Hasdell", "member", "Employee Ownership Association", "2012-02-01", None),
]

# role title, organisation
OFFICIALS = [
    ("Head of Mutuals Programme", "Cabinet Office"),
    ("Director of Commercial", "Cabinet Office"),
    ("Crown Commercial Lead", "Cabinet Office"),
    ("Officials from OCS", "Office for Civil Society"),
    ("Executive Director OCS", "Office for Civil Society"),
    ("Head of the Mutuals and Commissioning Team, OCS", "Office for Civil Society"),
]

# date, start, end, status
MEETINGS = [
    ("2011-05-26", "15:30", "17:30", "approved"),
    ("2012-01-12", "16:00", "17:30", "circulated"),
]


@dataclass
class SampleIds:
    """Ids of what the sample made, by name, for the areas that build on it."""

    body: str = ""
    people: dict[str, str] = field(default_factory=dict)
    meetings: dict[str, str] = field(default_factory=dict)
    items: dict[tuple[str, str], str] = field(default_factory=dict)  # (ISO date, title)


def write(path) -> Path:
    """A new file at ``path`` holding the sample, there whole or not at all."""
    path = real_path(path)
    if path.exists():
        raise FileProblem(f"{path.name} already exists; name a new file for the sample.", path)
    with places.building(path, check=verify_whole) as building:
        with Taskforce.open(building, create=True, keep_backups=False) as tf:
            build(tf)
    return path


def build(tf: Taskforce) -> SampleIds:
    """Fill an empty file with the sample taskforce, in one transaction."""
    with tf.store.transaction():
        ids = _core(tf)
        _agenda_and_register(tf, ids)
        _papers_and_register(tf, ids)
        _minutes(tf, ids)
        tf.minutes.lifecycle.keep_unkept()  # the approved minutes, kept as approved
        sample_recommendations.build(tf, ids.body, ids.people, ids.items)
        return ids


def _core(tf: Taskforce) -> SampleIds:
    ids = SampleIds()
    ids.body, _ = tf.bodies.create(
        "Mutuals Taskforce", short_name="MTF", parent_department="Cabinet Office",
        default_venue="22 Whitehall", default_marking="OFFICIAL")
    for name, role, organisation, joined, left in MEMBERS:
        ids.people[name], _ = tf.people.create(
            ids.body, name, role, organisation=organisation, joined_on=joined,
            left_on=left, notes=ILLUSTRATIVE if joined != FORMED or left else "")
    for title, organisation in OFFICIALS:
        ids.people[title], _ = tf.people.create(
            ids.body, role="official", role_title=title, organisation=organisation,
            joined_on=FORMED)
    for day, start, end, status in MEETINGS:
        ids.meetings[day], _ = tf.meetings.create(
            ids.body, day, start, end, status=status)
    return ids


# The papers the record names. Titles, leads and waves the record does not
# give are left empty or said to be illustrative in the paper's notes.
PAPERS = [
    # title, short name, wave, status, deadline, meeting, tags, notes
    ("Cross-cutting issues: assets", "Assets paper", "First wave of cross-cutting issues papers",
     "out_for_review", "2011-06-30", "2011-05-26", ["Assets", "Asset locks"],
     "Presented under cross-cutting issues on 26 May 2011. Its place in the first wave "
     "and its review deadline are illustrative."),
    ("Procurement options for new public service mutuals", "Procurement paper",
     "First wave of cross-cutting issues papers", "published", None, None, ["Procurement"],
     "Cited in the Taskforce's final report. Its place in the first wave is illustrative."),
    ("Teckal paper", "Teckal paper", "", "out_for_review", "2012-02-09", None,
     ["Teckal", "Procurement", "VAT"],
     "Under way on 12 January 2012: comments and feedback to the Vice Chair; issues "
     "around VAT to be worked through. The review deadline is illustrative."),
    ("Our Mutual Friends", "Evidence paper", "", "published", None, None, ["Evidence"],
     "The Taskforce's evidence paper, cited in its final report."),
]
# The agenda item a paper went to its meeting under, where the minutes say.
TABLED_UNDER = {"Assets paper": "Assets"}
ILLUSTRATIVE_REVIEW = "Illustrative: the record does not say who reviewed this paper."
# paper, member, role, their words, status, nominated on
REVIEWS = [
    ("Assets paper", "Jo Pritchard", "technical", "", "done", "2011-06-02"),
    ("Assets paper", "Nita Clarke", "lay", "", "done", "2011-06-03"),
    ("Teckal paper", "Peter Holbrook", "technical", "", "confirmed", "2012-01-13"),
    ("Teckal paper", "Rachel Wolf", "lay", "", "nominated", "2012-01-16"),
]
# What the final report says of each member: organisation, role, kind.
REGISTER = [
    ("Julian Le Grand", "London School of Economics", "Professor", "employment"),
    ("Peter Marsh", "University of Sheffield", "Professor", "employment"),
    ("Donna Fallows", "Evolve YP", "Mutual practitioner", "employment"),
    ("Stephen Kelly", "", "Crown Commercial Representative for Mutuals", "employment"),
    ("Patrick Lewis", "John Lewis Partnership", "Mutual practitioner", "employment"),
    ("Jo Pritchard", "Central Surrey Health", "Mutual practitioner", "employment"),
    ("Nita Clarke", "Employee Engagement Taskforce", "Co-Chair", "membership"),
    ("Iain Hasdell", "Employee Ownership Association", "Chief Executive", "employment"),
    ("Peter Holbrook", "Social Enterprise UK", "Chief Executive", "employment"),
    ("Ed Mayo", "Co-operatives UK", "Secretary General", "employment"),
    ("Rachel Wolf", "New Schools Network", "Director", "employment"),
]
# Agenda items of 12 January 2012 (where the agenda holds them) and what they touch.
ITEM_TAGS = [
    ("SEUK", "organisation", "Social Enterprise UK"),
    ("Co-ops UK", "organisation", "Co-operatives UK"),
    ("Update from the Cabinet Office", "topic", "MIS"),
]
FROM_REPORT = "As the Taskforce's final report describes them; the date is illustrative."
FORMS_SENT = "2012-01-04"  # "letters have gone out - most have come back" (12 January 2012)
FORMS_NOT_BACK = {"Patrick Lewis", "Carole Leslie"}  # which ones is illustrative


def _papers_and_register(tf: Taskforce, ids: SampleIds) -> None:
    papers = {}
    for title, short, wave, status, deadline, meeting, tags, notes in PAPERS:
        owner = ids.people["Peter Marsh"] if short == "Teckal paper" else None
        papers[short], _ = tf.papers.create(
            ids.body, title, short, owner_person_id=owner, wave=wave, status=status,
            review_deadline=deadline, notes=notes)
        if meeting:
            tf.papers.link(papers[short], ids.meetings[meeting],
                           ids.items.get((meeting, TABLED_UNDER.get(short, ""))))
        for tag in tags:
            tf.papers.tags.add(tag, paper_id=papers[short])
    for short, name, role, words, status, on in REVIEWS:
        review_id, _ = tf.reviews.nominate(papers[short], ids.people[name], role, words, on,
                                           notes=ILLUSTRATIVE_REVIEW)
        tf.reviews.set_status(review_id, status)
    joined = {name: joined for name, _r, _o, joined, _l in MEMBERS}
    for name, organisation, role, kind in REGISTER:
        tf.interests.declare(ids.people[name], role, organisation, kind,
                             declared_on=joined[name], notes=FROM_REPORT)
    items = tf.store.rows("SELECT id, title FROM agenda_items WHERE meeting_id = ?",
                          (ids.meetings["2012-01-12"],))
    for words, kind, tag in ITEM_TAGS:
        for item in (i for i in items if words.lower() in i["title"].lower()):
            tf.papers.tags.add(tag, kind, agenda_item_id=item["id"])
    # The Chair's update of 12 January 2012 reported on the Teckal paper.
    update = [i["id"] for i in items if i["title"].lower().startswith("chair")]
    tf.papers.link(papers["Teckal paper"], ids.meetings["2012-01-12"],
                   update[0] if update else None)
    members = [bp.person for bp in tf.people.members_on(ids.body, parse_date(FORMS_SENT))]
    form_ids, _ = tf.interests.send_forms(ids.body, FORMS_SENT, [p.id for p in members])
    for day, (person, form_id) in enumerate(zip(members, form_ids, strict=True), start=5):
        if person.name not in FORMS_NOT_BACK:
            tf.interests.mark_returned(form_id, f"2012-01-{min(day, 11):02d}")


# Each meeting's items as its minutes head them, with their sub-items. The
# record gives no timings: the minutes allocated are illustrative and fill the
# meeting. Leads are given only where the minutes name whose update it was.
# title, minutes allocated, lead, sub-items (title, minutes allocated)
AGENDAS: dict[str, list[tuple[str, int, str | None, list[tuple[str, int]]]]] = {
    "2011-05-26": [
        ("Welcome and introductions", 5, None, []),
        ("Minutes", 5, None, []),
        ("Update", 20, None, []),
        ("Cross cutting issues", 0, None, [("Papers; review and signing off process", 15),
                                           ("Assets", 30)]),
        ("Away afternoon planning", 15, None, []),
        ("Communications and engagement", 0, None, [("Trade union engagement", 15),
                                                    ("Initial content for the website", 10),
                                                    ("Case studies", 5)]),
    ],
    "2012-01-12": [
        ("Welcome and introductions", 5, None, []),
        ("Chair's Update", 15, "Julian Le Grand", []),
        ("Update from Member of Taskforce representing SEUK", 10, "Peter Holbrook", []),
        ("Update from Crown Commercial Representative for Mutuals", 10, "Stephen Kelly", []),
        ("Update from Member of Taskforce from Co-ops UK", 5, "Ed Mayo", []),
        ("Update from the Cabinet Office", 10, None, []),
        ("Action Plan: Update on Progress", 10, None, []),
        ("Mutualisation as an Option: How it should progress", 15, None, []),
        ("Additional Activity the MTF could take forward", 10, None, []),
    ],
}
# The register as the minutes record it. The 26 May 2011 minutes set their
# Attendees and Apologies out in two columns that have lost their layout: Nita
# Clarke stands in the second column of the attendees, and Peter Holbrook and
# Jo Pritchard in the second column of the apologies, so she attended and they
# sent apologies. That accounts for every member on that date exactly once.
class Register(TypedDict):
    chair: str
    present: list[str]
    apologies: list[str]
    officials: list[tuple[str, str | None]]  # role, whom they deputised for


REGISTERS: dict[str, Register] = {
    "2011-05-26": dict(
        chair="Julian Le Grand",
        present=["Julian Le Grand", "Patrick Burns", "Rachel Wolf", "Nita Clarke"],
        apologies=["Peter Marsh", "Donna Fallows", "Ed Mayo", "Patrick Lewis",
                   "Peter Holbrook", "Jo Pritchard"],
        officials=[("Head of Mutuals Programme", None), ("Director of Commercial", None),
                   ("Officials from OCS", None)]),
    "2012-01-12": dict(
        chair="Julian Le Grand",
        present=["Julian Le Grand", "Rachel Wolf", "Peter Holbrook", "Jo Pritchard",
                 "Peter Marsh", "Donna Fallows", "Ed Mayo", "Stephen Kelly"],
        apologies=["Patrick Lewis", "Nita Clarke", "Carole Leslie"],
        officials=[("Head of Mutuals Programme", None), ("Officials from OCS", None),
                   ("Crown Commercial Lead", "Director of Commercial")]),
}
# Items the minutes say were asked for at a future meeting: title, suggested
# by, at the meeting of, what the minutes said, the month it was aimed at.
SUGGESTIONS = [
    ("Communications strategy", None, "2011-05-26",
     "To be brought to a future Taskforce meeting for discussion.", None),
    ("Society legal models for Co-ops and Mutuals", "Ed Mayo", "2012-01-12",
     "A short presentation; the Taskforce agreed, perhaps next month.", "2012-02-01"),
]


def _agenda_and_register(tf: Taskforce, ids: SampleIds) -> None:
    for day, items in AGENDAS.items():
        meeting = ids.meetings[day]
        for title, minutes, lead, subs in items:
            item_id, _ = tf.agenda.add(
                meeting, title, minutes_allocated=minutes,
                lead_person_id=ids.people[lead] if lead else None)
            ids.items[(day, title)] = item_id
            for sub_title, sub_minutes in subs:
                ids.items[(day, sub_title)], _ = tf.agenda.add(
                    meeting, sub_title, parent_id=item_id, minutes_allocated=sub_minutes)
        for item_id in [i for (d, _t), i in ids.items.items() if d == day]:
            tf.agenda.set_status(item_id, "taken")
        tf.agenda.set_agenda_status(meeting, "agreed")
        register = REGISTERS[day]
        for status in ("present", "apologies"):
            for name in register[status]:
                tf.attendance.mark(meeting, ids.people[name], status)
        tf.attendance.set_chair(meeting, ids.people[register["chair"]])
        for role, deputising_for in register["officials"]:
            deputy_for = ids.people[deputising_for] if deputising_for else None
            tf.attendance.add(meeting, ids.people[role], capacity="official",
                              deputising_for_id=deputy_for)
    for title, by, at, details, month in SUGGESTIONS:
        by_id = ids.people[by] if by else None
        suggestion, _ = tf.suggestions.create(ids.body, title, by_id, details=details,
                                              raised_at_id=ids.meetings[at])
        tf.suggestions.hold(suggestion)
        if month:
            tf.suggestions.aim(suggestion, month=month)


def _minutes(tf: Taskforce, ids: SampleIds) -> None:
    """Both meetings' minutes, written up as drafts and then given their recorded state."""
    for day, items in MINUTES.items():
        meeting = ids.meetings[day]
        status = tf.meetings.get(meeting).status
        tf.meetings.update(meeting, status="minutes_draft")
        for title, text in items.items():
            tf.minutes.capture(ids.items[(day, title)], text)
        tf.meetings.update(meeting, status=status)
