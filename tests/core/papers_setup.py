"""A small body with members, a meeting and two agenda items, for the papers,
reviews and interests tests."""

from dataclasses import dataclass, field


@dataclass
class Panel:
    body: str = ""
    people: dict[str, str] = field(default_factory=dict)
    meeting: str = ""
    items: dict[str, str] = field(default_factory=dict)


def panel(tf) -> Panel:
    made = Panel()
    made.body, _ = tf.bodies.create("Mutuals Taskforce", short_name="MTF")
    for name, role, email, left in (
            ("Julian Le Grand", "chair", "chair@example.org", None),
            ("Peter Marsh", "vice_chair", "pm@example.org", None),
            ("Peter Holbrook", "member", "ph@example.org", None),
            ("Ed Mayo", "member", "", None),
            ("Patrick Burns", "member", "pb@example.org", "2011-12-31")):
        made.people[name], _ = tf.people.create(made.body, name, role, email=email,
                                                joined_on="2011-02-01", left_on=left)
    made.people["Head of Mutuals Programme"], _ = tf.people.create(
        made.body, role="official", role_title="Head of Mutuals Programme",
        email="head@example.org", joined_on="2011-02-01")
    made.meeting, _ = tf.meetings.create(made.body, "2012-01-12", "16:00", "17:30")
    for position, title in enumerate(("Chair's update", "Update from SEUK"), start=1):
        made.items[title] = tf.store.insert("agenda_items", dict(
            meeting_id=made.meeting, position=position, title=title))["id"]
    return made
