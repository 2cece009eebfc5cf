"""The Taskforce's final report and its 17 recommendations, for the sample.

Numbers, chapters, addressees, deadlines and sub-points are as the report
(*Public service mutuals: the next steps*, 2012) gives them; what each
recommendation and sub-point says is summed up in our own words. The
Government's responses, owners, RAG statuses, updates and links are
illustrative (the report cannot say what became of it) and say so.
"""

import datetime as dt

from ..taskforce import Taskforce

TITLE = "Public service mutuals: the next steps"
PUBLISHED = "July 2012"  # when it was made available online (LSE Research Online)
NOTES = ("The Mutuals Taskforce's final report to Government, with 17 recommendations under "
         "five headings. Responses, owners, RAG statuses, updates and links recorded "
         "against them here are illustrative.")
CHAPTERS = ["Rights and Pathways for Employees", "Support for Employees Mutualising",
            "Improving Commissioning", "Support for Commissioners",
            "Tax Barriers and Access to Finance"]
ILLUSTRATIVE = "(Illustrative) "

# The five departments recommendation 1 names, which recommendation 2 addresses too.
_DEPARTMENTS = ["Department for Business, Innovation and Skills",
                "Department for Communities and Local Government", "Department for Education",
                "Home Office", "Ministry of Justice"]
_CO = ["Cabinet Office"]

# number, chapter (1-5), addressees, deadline, summary, sub-points
RECOMMENDATIONS: list[tuple[str, int, list[str], str | None, str, list[str]]] = [
    ("1", 1, _DEPARTMENTS, "December 2012",
     "Each department concerned should publish a plan and vision for mutuals in its services, "
     "Rights to Provide included, built into and tracked through its business plan.", []),
    ("2", 1, _DEPARTMENTS, "April 2013",
     "The same departments should map out a clear route for staff who want to form a mutual, "
     "drawing on the Mutuals Support Programme where support is needed.",
     ["How staff use a Right to Provide, and how the bodies they work for should answer.",
      "Somewhere to take concerns, appeals and disputes.",
      "Practical advice on tax, employment rights, pensions and the use or transfer of "
      "assets.",
      "The legal forms open to a mutual, with their strengths and limits (led by BIS with "
      "the Cabinet Office and HM Treasury)."]),
    ("3", 1, _CO, None,
     "The Cabinet Office should bring together and run a network of Mutuals Ambassadors to "
     "help new mutuals form and grow.", []),
    ("4", 1, ["Government departments"], None,
     "Departments should point staff and providers to information, advice and support on "
     "mutualisation through their websites and other channels.", []),
    ("5", 2, ["Cabinet Office", "Government Digital Service"], None,
     "The Mutuals Information Service should be actively promoted through Government's "
     "communication channels and departmental websites.", []),
    ("6", 2, _CO, None,
     "The Cabinet Office should keep the way Government's funds and support for mutuals are "
     "delivered under regular review, the Mutuals Support Programme included.",
     ["Draw on the programme's lessons for standard approaches and toolkits.",
      "Move the programme and other funds towards full integration.",
      "Find and highlight support from outside Government.",
      "Track how far voluntary sector organisations and small firms take part in giving "
      "support."]),
    ("7", 2, ["Mutuals Support Programme"], None,
     "The programme and other funds should build the business, commercial and leadership "
     "skills mutuals need at each stage.", []),
    ("8", 2, ["Cabinet Office", "Department for Business, Innovation and Skills"], None,
     "Evidence from mutuals delivering public services, and from mutuals elsewhere in the "
     "economy, should be gathered and analysed.", []),
    ("9", 3, _CO, None,
     "Clear standard procedures should be set out for procuring Part B services, with "
     "advice to use the flexibility the rules allow for longer contracts.", []),
    ("10", 3, _CO, None,
     "Commissioners should be told plainly how to judge a bidder's financial strength, and "
     "when asking for a performance bond is fair.", []),
    ("11", 3, _CO, None,
     "Commissioners should be shown why and how to take account of the experience staff "
     "gained running a service in house.", []),
    ("12", 3, _CO, None,
     "Government should keep negotiating for clearer and better EU procurement rules for "
     "newly formed public service mutuals.",
     ["Seek a temporary exclusion so a new mutual can establish itself before full "
      "competition.",
      "Keep the in-house exemption open as a route to forming mutuals.",
      "Allow the innovation partnership procedure where a mutual develops a new service.",
      "Keep any changes to Part B services flexible."]),
    ("13", 4, _CO, None,
     "The Commissioning Academy should cover mutuals.",
     ["Help commissioners design processes open to new kinds of provider.",
      "Help commissioners understand how mutuals work and what they offer, for engaging "
      "the market before procurement."]),
    ("14", 4, _CO, None,
     "Commissioners should have somewhere to ask how to design fair commissioning and "
     "procurement, alongside the Mystery Shopper Service that hears suppliers' complaints.",
     []),
    ("15", 4, _CO, None,
     "Commissioners should be shown, with worked cases, how to apply the new Social Value "
     "Act when they buy services.", []),
    ("16", 5, ["Big Society Capital"], None,
     "Big Society Capital should analyse the size of the mutual sector and what helps or "
     "hinders investing in it, then encourage funds for mutuals.", []),
    ("17", 5, ["HM Treasury"], None,
     "HM Treasury's two reviews (employee ownership, and finance for social enterprise) "
     "should look at tax reliefs and at encouraging investment in mutuals.", []),
]

# Illustrative: number, response, responded on, response, owner, RAG, updates (on, RAG, text)
FOLLOW_UP = [
    ("1", "accepted_in_part", "2012-11-15",
     "Departments to say how mutuals fit their plans; no common deadline.",
     "Head of Mutuals Programme", "amber",
     [("2012-12-14", "amber", "Two of the five departments have published plans.")]),
    ("3", "accepted", "2012-11-15", "", "Head of Mutuals Programme", "green",
     [("2013-02-01", "green", "First ambassadors named; the network meets quarterly.")]),
    ("9", "accepted", "2012-11-15", "", "Crown Commercial Lead", "amber",
     [("2013-01-20", "amber", "Draft procedures out for comment.")]),
    ("12", "accepted", "2012-11-15", "Negotiations continue in Brussels.",
     "Crown Commercial Lead", "red",
     [("2013-03-05", "red", "No agreement yet on an exclusion for new mutuals.")]),
    ("16", "accepted_in_part", "2012-12-03", "", "", "", []),
]
# Illustrative: number, paper (short name); number, meeting (ISO date), its item
PAPER_LINKS = [("12", "Procurement paper"), ("12", "Teckal paper"), ("8", "Evidence paper")]
MEETING_LINKS = [("12", "2012-01-12", "Chair's Update")]


def build(tf: Taskforce, body_id: str, people: dict[str, str],
          items: dict[tuple[str, str], str]) -> str:
    """The report and its recommendations, followed up; the report's id.
    ``people`` and ``items`` are the sample's ids by name, and by (ISO date, title)."""
    report_id, _ = tf.reports.create(body_id, TITLE, PUBLISHED, NOTES, CHAPTERS)
    chapters = [c.id for c in tf.reports.get(report_id).chapters]
    made = {}
    for number, chapter, addressees, deadline, text, points in RECOMMENDATIONS:
        made[number], _ = tf.recommendations.create(
            report_id, number, text, chapter_id=chapters[chapter - 1], addressees=addressees,
            deadline=deadline, sub_points=points)
    for number, response, on, words, owner, rag, updates in FOLLOW_UP:
        tf.recommendations.update(made[number], response=response, response_on=on,
                                  response_text=ILLUSTRATIVE + words,
                                  owner_person_id=people.get(owner))
        for day, given, text in updates:
            tf.recommendations.add_update(made[number], ILLUSTRATIVE + text,
                                          on=dt.date.fromisoformat(day), rag=given)
        if rag:
            tf.recommendations.update(made[number], rag=rag)
    papers = {p.short_name: p.id for p in tf.papers.of_body(body_id)}
    for number, paper in PAPER_LINKS:
        tf.recommendations.link(made[number], paper_id=papers[paper])
    for number, day, title in MEETING_LINKS:
        item_id = items[(day, title)]
        tf.recommendations.link(made[number], meeting_id=tf.agenda.get(item_id).meeting_id,
                                agenda_item_id=item_id)
    return report_id
