"""Conflict flags: a member's current interest that touches what the body is
discussing or reviewing.

Agenda items and papers carry tags naming the organisations and topics they
concern (the MIS and MSP among them). An interest matches a tag when the tag
names its organisation or appears as words in its organisation or
description, ignoring case; an MIS or MSP tag also matches every interest
marked as concerning the MIS or MSP. A flag never refuses anything: it is
shown, and the chair decides.
"""

import datetime as dt
import re
from dataclasses import field

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..records import Manager, choice, require_text

TAG_KINDS = {"organisation": "Organisation", "topic": "Topic"}
MIS_MSP = {
    "mis": "MIS",
    "mutuals information service": "MIS",
    "msp": "MSP",
    "mutuals support programme": "MSP",
    "mutual support programme": "MSP",
}


@record
class Tag:
    id: str
    paper_id: str | None
    agenda_item_id: str | None
    kind: str
    name: str


@record
class ItemTag:
    """A tag of an agenda item, with the item's title to show beside it."""

    tag: Tag
    item_title: str

    @property
    def id(self) -> str:
        return self.tag.id


@record
class Conflict:
    """One member's interest matching one tag of an item or a paper."""

    person_id: str
    person_name: str
    interest_id: str
    interest: str  # as the register prints it
    tag: str
    subject: str  # "item" or "paper"
    subject_id: str
    subject_title: str

    @property
    def line(self) -> str:
        return (f"{self.person_name}: {self.interest} — matches “{self.tag}” "
                f"on the {self.subject} “{self.subject_title}”")


class Tags(Manager[Tag]):
    table = "tags"
    kind = Kind.TAG
    record_type = Tag
    label = "tag"

    def _clean(self, values, current):
        cleaned = dict(values)
        if "name" in cleaned:
            name = require_text(cleaned["name"], "tag")
            cleaned["name"] = MIS_MSP.get(_normal(name), name)
        if "kind" in cleaned:
            cleaned["kind"] = choice(cleaned["kind"], TAG_KINDS, "kind of tag")
        return cleaned

    def add(self, name: str, kind: str = "topic", *, paper_id: str | None = None,
            agenda_item_id: str | None = None) -> tuple[str, Changes]:
        """Tag a paper or an agenda item with an organisation or topic."""
        if paper_id is not None and agenda_item_id is None:
            table, column, target = "papers", "paper_id", paper_id
        elif agenda_item_id is not None and paper_id is None:
            table, column, target = "agenda_items", "agenda_item_id", agenda_item_id
        else:
            raise ValueError("a tag belongs to a paper or to an agenda item")
        if self._store.row(f"SELECT id FROM {table} WHERE id = ?", (target,)) is None:
            raise NotFoundError("That paper or agenda item no longer exists.")
        values = self._clean(dict(name=name, kind=kind), None)
        for tag in self._of(column, target):
            if _normal(tag.name) == _normal(values["name"]):
                raise ValidationError(f"It is already tagged {tag.name}.")
        return self._create(dict(values, paper_id=paper_id, agenda_item_id=agenda_item_id))

    def remove(self, tag_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self.raw(tag_id)
        self._store.delete(self.table, tag_id)
        return Changes.of(self.kind, tag_id), [(self.table, row)]

    def of_paper(self, paper_id: str) -> list[Tag]:
        return self._of("paper_id", paper_id)

    def of_item(self, agenda_item_id: str) -> list[Tag]:
        return self._of("agenda_item_id", agenda_item_id)

    def of_meeting_items(self, meeting_id: str) -> list[ItemTag]:
        """Every tag of the meeting's agenda items, in agenda order."""
        rows = self._store.rows(
            """SELECT t.*, a.title AS item_title FROM tags t
               JOIN agenda_items a ON a.id = t.agenda_item_id
               LEFT JOIN agenda_items up ON up.id = a.parent_id
               WHERE a.meeting_id = ?
               ORDER BY coalesce(up.position, a.position), up.id IS NOT NULL, a.position,
                        t.kind, t.name COLLATE NOCASE""", (meeting_id,))
        return [ItemTag(self._from_row(r), r["item_title"]) for r in rows]

    def _of(self, column: str, target: str) -> list[Tag]:
        rows = self._store.rows(
            f"SELECT * FROM tags WHERE {column} = ? ORDER BY kind, name COLLATE NOCASE",
            (target,))
        return [self._from_row(r) for r in rows]


def _normal(text: str) -> str:
    return " ".join(str(text or "").casefold().split())


def matches(interest, tag_name: str) -> bool:
    """Whether an interest touches what a tag names (see the module docstring)."""
    name = _normal(tag_name)
    if not name:
        return False
    if name in MIS_MSP and interest.concerns_mis_msp:
        return True
    words = _normal(f"{interest.organisation} {interest.description}")
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words) is not None


def _flags(interests_by_person: dict, names: dict[str, str], tags: list[Tag],
           subject: str, subject_id: str, title: str) -> list[Conflict]:
    found = []
    for person_id, interests in interests_by_person.items():
        for interest in interests:
            for tag in tags:
                if matches(interest, tag.name):
                    found.append(Conflict(person_id, names[person_id], interest.id,
                                          interest.summary, tag.name, subject, subject_id,
                                          title))
                    break  # one flag per interest per subject is enough to read
    return found


def _members(tf, body_id: str, on: dt.date, person_ids=None):
    members = [bp.person for bp in tf.people.members_on(body_id, on, among=person_ids)]
    names = {p.id: p.display_name for p in members}
    return tf.interests.current_by_person(list(names), on), names


def for_paper(tf, paper_id: str, on: dt.date | None = None, person_ids=None) -> list[Conflict]:
    """Members (or only those named) whose current interest touches the paper."""
    paper = tf.papers.get(paper_id)
    tags = tf.papers.tags.of_paper(paper_id)
    if not tags:
        return []
    interests, names = _members(tf, paper.body_id, on or dt.date.today(), person_ids)
    return _flags(interests, names, tags, "paper", paper.id, paper.label)


def for_nomination(tf, paper_id: str, person_id: str,
                   on: dt.date | None = None) -> list[Conflict]:
    """Flags for one reviewer of one paper: shown with the nomination, never refusing it."""
    return for_paper(tf, paper_id, on, {person_id})


def for_agenda(tf, meeting_id: str) -> list[Conflict]:
    """Members of the body on the meeting's date whose interests touch a tagged item."""
    meeting = tf.meetings.get(meeting_id)
    items = tf.store.rows(
        """SELECT DISTINCT a.id, a.title, a.position FROM agenda_items a
           JOIN tags t ON t.agenda_item_id = a.id
           WHERE a.meeting_id = ? ORDER BY a.position""", (meeting_id,))
    if not items:
        return []
    interests, names = _members(tf, meeting.body_id, meeting.date)
    found = []
    for item in items:
        found += _flags(interests, names, tf.papers.tags.of_item(item["id"]), "item",
                        item["id"], item["title"])
    return found


def for_meeting(tf, meeting_id: str) -> list[Conflict]:
    """Everything the chair's brief lists: the agenda's flags, then the papers'."""
    meeting = tf.meetings.get(meeting_id)
    found = for_agenda(tf, meeting_id)
    for paper in tf.papers.for_meeting(meeting_id):
        found += for_paper(tf, paper.id, meeting.date)
    return found


@record
class BriefDocument:
    """What the chair's brief on interests for one meeting shows."""

    body_name: str
    meeting_date: dt.date
    meeting_title: str
    conflicts: list[Conflict]
    mis_msp_subjects: list[str]  # items and papers tagged MIS or MSP
    not_returned: list[str]  # members whose declaration form has not come back
    marking: str = "OFFICIAL-SENSITIVE"
    declared: list[str] = field(default_factory=list)  # declarations made at the meeting


def brief_document(tf, meeting_id: str) -> BriefDocument:
    from .interests import declarations_for_meeting

    meeting = tf.meetings.get(meeting_id)
    rows = tf.store.rows(
        """SELECT DISTINCT coalesce(a.title, nullif(p.short_name, ''), p.title) AS title, t.name
           FROM tags t LEFT JOIN agenda_items a ON a.id = t.agenda_item_id
           LEFT JOIN papers p ON p.id = t.paper_id
           LEFT JOIN paper_links l ON l.paper_id = p.id
           WHERE a.meeting_id = ? OR l.meeting_id = ?""", (meeting_id, meeting_id))
    subjects = sorted({r["title"] for r in rows if _normal(r["name"]) in MIS_MSP})
    return BriefDocument(
        tf.bodies.get(meeting.body_id).name, meeting.date, meeting.title,
        for_meeting(tf, meeting_id), subjects,
        [p.display_name for p in tf.interests.not_returned(meeting.body_id, meeting.date)],
        declared=[d.line for d in declarations_for_meeting(tf, meeting_id)])
