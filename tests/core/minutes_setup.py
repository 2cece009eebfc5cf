"""A small body with three meetings and agenda items, for the minutes and actions tests."""

from dataclasses import dataclass, field


@dataclass
class Board:
    body: str = ""
    people: dict[str, str] = field(default_factory=dict)
    meetings: list[str] = field(default_factory=list)
    items: dict[tuple[int, str], str] = field(default_factory=dict)  # (meeting no., title)


def add_item(tf, meeting_id: str, position: int, title: str, parent_id=None,
             restricted=False) -> str:
    """An agenda item written straight to its table (the agenda has its own manager)."""
    return tf.store.insert("agenda_items", dict(
        meeting_id=meeting_id, parent_id=parent_id, position=position, title=title,
        restricted=int(restricted)))["id"]


def board(tf) -> Board:
    made = Board()
    made.body, _ = tf.bodies.create("Mutuals Taskforce", short_name="MTF",
                                    default_venue="22 Whitehall")
    for name, role, email in (("Julian Le Grand", "chair", "chair@example.org"),
                              ("Peter Marsh", "vice_chair", "pm@example.org"),
                              ("Ed Mayo", "member", ""),
                              ("Łukasz Żółć", "member", "lz@example.org")):
        made.people[name], _ = tf.people.create(made.body, name, role, email=email)
    made.people["Head of Mutuals Programme"], _ = tf.people.create(
        made.body, role="official", role_title="Head of Mutuals Programme",
        email="head@example.org")
    for n, day in enumerate(("2011-05-26", "2011-07-14", "2011-09-22")):
        meeting_id, _ = tf.meetings.create(made.body, day, "15:30", "17:30")
        made.meetings.append(meeting_id)
        made.items[(n, "Minutes")] = add_item(
            tf, meeting_id, 1, "Minutes of the last meeting and matters arising")
        made.items[(n, "Update")] = add_item(tf, meeting_id, 2, "Chair's update")
    return made
