"""The sample taskforce: the Mutuals Taskforce of 2011-12.

Built from the facts in the public record (names, organisations, roles, dates,
who attended and who sent apologies). Where the record is silent and the
program needs a value (the date someone joined or left) the value is
illustrative and says so in the person's notes.
"""

from dataclasses import dataclass, field

from .taskforce import Taskforce

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


def build(tf: Taskforce) -> SampleIds:
    """Fill an empty file with the sample taskforce, in one transaction."""
    with tf.store.transaction():
        return _core(tf)


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
