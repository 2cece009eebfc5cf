"""The sample taskforce: the Mutuals Taskforce of 2011-12.

Built from the facts in the public record (names, organisations, roles, dates,
who attended and who sent apologies). Where the record is silent and the
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
            tf.papers.link(papers[short], ids.meetings[meeting])
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
# by, on, what the minutes said.
SUGGESTIONS = [
    ("Communications strategy", None, "2011-05-26",
     "To be brought to a future Taskforce meeting for discussion."),
    ("Society legal models for Co-ops and Mutuals", "Ed Mayo", "2012-01-12",
     "A short presentation; the Taskforce agreed, perhaps next month."),
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
    for title, by, on, details in SUGGESTIONS:
        by_id = ids.people[by] if by else None
        suggestion, _ = tf.suggestions.create(ids.body, title, by_id, on, details)
        tf.suggestions.hold(suggestion)


# What the minutes record under each item, in our own words, in the list
# syntax officials type (see secretariat.meeting.minutes). Owners are as the record
# names them; where it names none, the officials who minuted the meeting.
MINUTES = {
    "2011-05-26": {
        "Minutes": "- The Chair offered his apologies for missing the previous meeting.",
        "Update": """
Decision: The group approved the format of the regular updates: a brief informal update that lets progress be tracked across every work stream.
Action: Officials — Bring the update slide pack to every Taskforce meeting — At every meeting
- Members who want an issue discussed should put agenda items forward through the Chair.
- Members voiced a general worry that the mutuals agenda was losing momentum.
Action: Officials — Bring a communications strategy to a future meeting for discussion — At a future meeting
""",
        "Papers; review and signing off process": """
Decision: The review and sign-off process was approved.
Action: All members — Volunteer to review particular papers and suggest other expert reviewers
- Reviewers of cross-cutting papers need to be clear about the part they play, such as bringing technical expertise or reading for clarity as a lay reader.
Action: Officials — E-mail members inviting them to volunteer for the first wave of papers — As soon as possible
""",
        "Assets": """
- The presentation was welcomed for setting the issues out clearly.
- Members underlined how complex the issue is.
- The discussion centred on:
  - the move from contestable to competitive markets
  - how circumstances differ between service areas, for instance in the scope to diversify income
Decision: These issues are to be taken into a wider discussion of asset locks before any recommendations on the way forward are made.
""",
        "Away afternoon planning": """
- The afternoon could concentrate on:
  - what has been achieved so far, and the lessons learnt
  - what comes next
- It could take in:
  - what pathfinders and mentors have found
  - a chance to look at the big picture
Action: Officials — Circulate a suggested agenda to the group for comment
""",
        "Trade union engagement": """
Decision: The Taskforce agreed to keep its formal engagement through the Public Services Forum, which the Cabinet Office convenes.
Action: All members — Keep the group informed of thinking at the TUC — Ongoing
Action: All members — Share what they learn, locally and nationally, of how unions are engaging with the mutuals agenda — Ongoing
- Engagement with the unions should be part of the conversations under way with pathfinders.
""",
        "Initial content for the website": """
Decision: The Taskforce agreed to start the mutuals presence on the Cabinet Office website with a short biography, a photograph and useful links from each member.
Action: Officials — Circulate a template for members' website entries
Action: All members — Send a biography, photograph and links using the template — When the template arrives
- The site needs stories of real people working in mutuals, to inspire others.
""",
        "Case studies": """
Decision: Members who already have case studies of mutuals agreed to share them for use in the communications strategy.
Action: Officials — E-mail all members setting out what is needed
""",
    },
    "2012-01-12": {
        "Welcome and introductions":
            "- The last meeting billed this session as a brainstorm; its shape has changed a little.",
        "Chair's Update": """
Decision: The Chair's update becomes a standing item, and members will use it to give their own updates as well.
- Most register of interests letters have come back.
Action: Members yet to reply — Return their register of interests letter — As soon as possible
- The Teckal paper is under way; comments and feedback still go to the Vice Chair, and questions on VAT remain to be worked through.
- The Mutuals Taskforce now has an e-mail address of its own.
- Letters on the Year of the Co-operative have gone out to departments.
- The expert round table will invite providers as experts; MTF members will be invited as providers, not as members of the Taskforce.
- The Chair met an official at No10, who was warmly supportive of the Taskforce and of mutuals generally; visits to mutuals are being followed up.
Action: Officials — Send round the Taskforce's e-mail address, with details of and links to the MIS website
Action: All members — Promote the e-mail address and the MIS link through their websites, newsletters and other channels
""",
        "Update from Member of Taskforce representing SEUK": """
- The SME panel, linked to the mystery shopper service, is an opportunity the sector has not yet taken up.
- Complaints of many kinds about procurement come out of that service.
- The SME panel should be promoted strongly across Government.
- A spin-out SME working group, with a mutual among its members, feeds straight into the SME panel.
- The SME panel next meets in February.
Action: Peter Holbrook — Ask colleagues for more information on these points
""",
        "Update from Crown Commercial Representative for Mutuals": """
- Departments are being pressed across central government and are coming forward with ideas; there is great talent in the Civil Service and good energy from Ministers.
- Ministers announced the mutual venture last March and business performance has approved it; the process should move much faster from the end of February.
Action: Stephen Kelly — Give the Taskforce a further update — In a few months
""",
        "Update from Member of Taskforce from Co-ops UK": """
- Letters on the International Year of Co-operatives are going out to departments.
Decision: The Taskforce agreed to hear a short presentation on society legal models for co-operatives and mutuals.
Action: Ed Mayo — Give a short presentation on society legal models for co-operatives and mutuals — Next month
""",
        "Update from the Cabinet Office": """
- The MIS has launched and attracted a great deal of interest and visits.
- How can it become well known, and what other options are there? Members' networks offer ways to promote it.
- The Open Public Services White Paper is with Ministers for discussion, for launch towards late February; its second phase will be short and condensed rather than a traditional White Paper.
Action: All members — Suggest ways to promote the MIS
Action: Officials — Send the link and information about the MIS so that members can promote it
""",
        "Action Plan: Update on Progress": """
- The list of achievements is long and many milestones have been met.
- Members observed that the Taskforce is making progress and means to stay on target: a step change shows in how it works, demand is good, and its major achievements should not be underestimated.
- Could the MTF play a part in pushing departments and priority service areas?
""",
        "Mutualisation as an Option: How it should progress": """
- Could ideas on how to mutualise, with a deeper look at what the priorities might be, come to the next meeting?
- Officials proposed three broad strands of work:
  - securing the progress already made
  - finding new areas and taking them forward
  - working across allied policy areas, such as the Community Right to Challenge
- A sense of the scale and ambition in each area will be important.
- Analytical work by members and officials will help shape the MTF's priorities.
- Contributions to the final report will be essential; members may each take responsibility for sections of it.
Action: Julian Le Grand — Meet each member one to one to discuss the structure of the final report
Action: All members — Present the decision tree work, to begin developing the MTF's priority areas — By the next meeting
Action: Chair and officials — Consider the MTF's role in pushing departments and service areas
""",
        "Additional Activity the MTF could take forward": """
- Roadshows, to generate more demand.
- Expert witness sessions, perhaps with:
  - an academic colleague from Canada
  - an expert from the Social Stock Exchange
  - co-operative schools
  - local partnerships
Action: Ed Mayo — Invite an academic colleague from Canada to an expert witness session — Late February
Action: Officials — Send members the meeting dates for April, May and June
Action: All members — Send officials their comments on buddying — By the next meeting
Action: Officials — Send members a template for their comments on buddying
- No decision has yet been made on whether the Taskforce continues beyond the summer.
""",
    },
}


def _minutes(tf: Taskforce, ids: SampleIds) -> None:
    """Both meetings' minutes, written up as drafts and then given their recorded state."""
    for day, items in MINUTES.items():
        meeting = ids.meetings[day]
        status = tf.meetings.get(meeting).status
        tf.meetings.update(meeting, status="minutes_draft")
        for title, text in items.items():
            tf.minutes.capture(ids.items[(day, title)], text)
        tf.meetings.update(meeting, status=status)
