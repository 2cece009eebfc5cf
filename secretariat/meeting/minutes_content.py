"""What the printed minutes of one meeting say, as plain data for the renderer.

Read from the meeting, its register, agenda items, entries and actions. The
version for publication leaves every restricted item out here, before any
of it could reach a document: only its number and the word that it was
withheld remain.

Approved minutes are read as they were kept on approval (``as_approved``,
``lifecycle``), with the corrections made since: a later change to a name,
a body or an earlier meeting's actions never changes what they say.
"""

import dataclasses
import json

from ..errors import NotFoundError
from ..frozen import record
from ..interest.interests import declarations_for_meeting
from ..taskforce import Taskforce
from ..values import abbreviated_date, long_date, parse_date, parse_time, time_range
from .document_heading import MeetingHeading

# The tables under an item: each column's heading and its share of the text's width.
ACTION_COLUMNS = (("Who", 0.25), ("Action", 0.52), ("When", 0.23))
ARISING_COLUMNS = (("Agreed", 0.17), ("Who", 0.2), ("Action", 0.35), ("Progress", 0.28))
WITHHELD = "This item is withheld from the published minutes."
RESTRICTED = "OFFICIAL-SENSITIVE: not for publication"

ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
         "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx")
SENSITIVE = "OFFICIAL-SENSITIVE"


@record
class EntryLine:
    kind: str  # point or decision
    text: str
    sub_points: tuple[str, ...] = ()


@record
class ActionLine:
    owners: str
    text: str
    when: str


@record
class ArisingLine:
    """An earlier meeting's action as reviewed at this one."""

    agreed_on: str
    owners: str
    text: str
    progress: str  # the updates made at this meeting, outcome first


@record
class ItemMinutes:
    number: str  # "1." for an item, "i)" for a sub-item
    title: str
    level: int  # 0 for an item, 1 for a sub-item
    note: str = ""  # "Deferred to a later meeting." and the like
    withheld: bool = False
    restricted: bool = False
    entries: tuple[EntryLine, ...] = ()
    actions: tuple[ActionLine, ...] = ()
    arising: tuple[ArisingLine, ...] = ()

    @property
    def heading(self) -> str:
        """"3. Title", or "3. Item withheld" in the version for publication."""
        return f"{self.number} {'Item withheld' if self.withheld else self.title}"

    @property
    def action_rows(self) -> list[list[str]]:
        return [[a.owners, a.text, a.when] for a in self.actions]

    @property
    def arising_rows(self) -> list[list[str]]:
        return [[a.agreed_on, a.owners, a.text, a.progress] for a in self.arising]


@record
class MinutesDocument(MeetingHeading):
    body_name: str
    date: str
    venue: str
    times: str
    marking: str
    draft: bool
    publication: bool
    chair_line: str  # "Chair: Julian Le Grand", or "In the chair: Peter Marsh (Vice-Chair)"
    members: tuple[str, ...]
    officials: tuple[str, ...]
    presenters: tuple[str, ...]
    guests: tuple[str, ...]
    apologies: tuple[str, ...]
    items: tuple[ItemMinutes, ...]
    corrections: tuple[str, ...]
    declarations: tuple[str, ...] = ()  # made at the meeting, when no item is for them
    meeting_title: str = ""  # "Expert witness session on finance", when it has one

    @property
    def metadata_title(self) -> str:
        """For the document's properties: nothing an item says."""
        return f"{self.body_name} meeting {self.date}: minutes"

    @property
    def register(self) -> list[tuple[str, tuple[str, ...]]]:
        """Who was there, as the minutes set it out: attendees with whoever
        chaired first, then officials, presenters, guests and apologies
        (officials and apologies even when there were none)."""
        sections = [("Attendees", ((self.chair_line,) if self.chair_line else ()) + self.members)]
        for section, names in (("Officials", self.officials), ("Presenters", self.presenters),
                               ("Guests", self.guests), ("Apologies", self.apologies)):
            if names or section in ("Officials", "Apologies"):
                sections.append((section, names))
        return sections

    @property
    def all_text(self) -> list[str]:
        """Every string the document prints, to check the font can show them."""
        texts = [self.body_name, self.meeting_title, self.venue, self.chair_line, *self.members, *self.officials,
                 *self.presenters, *self.guests, *self.apologies, *self.corrections,
                 *self.declarations]
        for item in self.items:
            texts += [item.title, item.note]
            for entry in item.entries:
                texts += [entry.text, *entry.sub_points]
            for action in item.actions:
                texts += [action.owners, action.text, action.when]
            for line in item.arising:
                texts += [line.owners, line.text, line.progress]
        return texts


def number_items(rows: list[dict]) -> list[tuple[dict, str, int]]:
    """Items in agenda order with their numbers: 1., 2. and i), ii) under them.

    Dropped items were not taken: like the agenda, the minutes leave them out.
    """
    taken = [r for r in rows if r["status"] != "dropped"]
    top = sorted((r for r in taken if not r["parent_id"]), key=lambda r: r["position"])
    ordered = []
    for n, item in enumerate(top, start=1):
        ordered.append((item, f"{n}.", 0))
        subs = sorted((r for r in taken if r["parent_id"] == item["id"]),
                      key=lambda r: r["position"])
        for m, sub in enumerate(subs):
            ordered.append((sub, f"{ROMAN[m] if m < len(ROMAN) else m + 1})", 1))
    return ordered


def _name(row: dict) -> str:
    return row["name"] or row["role_title"]


def _official(row: dict) -> str:
    """Officials are minuted by role."""
    return row["role_title"] or row["name"]


def _chair_line(heading: str, name: str) -> str:
    """The Chair is headed Chair; anyone else in the chair is said to have been."""
    if heading == "Chair":
        return f"Chair: {name}"
    return f"In the chair: {name}" + (f" ({heading})" if heading != "In the chair" else "")


def _presented(tf: Taskforce, meeting_id: str, numbers: dict[str, str]) -> dict[str, str]:
    """For each presenter's register entry, the items they came for: '(item 3, Teckal)'."""
    found: dict[str, list[str]] = {}
    for row in tf.store.rows(
            """SELECT x.attendance_id, x.item_id, i.title FROM attendance_items x
               JOIN attendance a ON a.id = x.attendance_id
               JOIN agenda_items i ON i.id = x.item_id WHERE a.meeting_id = ?""",
            (meeting_id,)):
        if row["item_id"] in numbers:
            found.setdefault(row["attendance_id"], []).append(
                f"{numbers[row['item_id']].rstrip('.')}, {row['title']}")
    return {key: f" (item {'; item '.join(sorted(items))})" for key, items in found.items()}


def _register(tf: Taskforce, meeting: dict, numbers: dict[str, str]) -> dict:
    rows = tf.store.rows(
        """SELECT a.id, a.status, a.capacity, a.person_id, p.name, p.role_title, p.organisation,
                  d.name AS dep_name, d.role_title AS dep_role,
                  coalesce(s.role, '') AS role
           FROM attendance a JOIN people p ON p.id = a.person_id
           LEFT JOIN people d ON d.id = a.deputising_for_id
           LEFT JOIN memberships s ON s.person_id = a.person_id AND s.body_id = ?
           WHERE a.meeting_id = ?
           ORDER BY CASE s.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 ELSE 2 END,
                    -- officials in the order they were recorded (several are often
                    -- recorded in one go, with the same time), the rest by name
                    CASE a.capacity WHEN 'official' THEN a.created_at ELSE '' END,
                    CASE a.capacity WHEN 'official' THEN a.rowid ELSE 0 END,
                    p.name COLLATE NOCASE, p.role_title COLLATE NOCASE""",
        (meeting["body_id"], meeting["id"]))
    chosen = tf.attendance.register(meeting["id"])  # who was put in the chair, if anyone
    chair_id, chair_heading = chosen.chair_person_id, chosen.chair_heading
    if not chair_id:  # whoever of the Chair and Vice-Chair was there, in that order
        chair = next((r for r in rows if r["status"] == "present"
                      and r["role"] in ("chair", "vice_chair")), None)
        if chair is not None:
            chair_id = chair["person_id"]
            chair_heading = "Vice-Chair" if chair["role"] == "vice_chair" else "Chair"
    presented = _presented(tf, meeting["id"], numbers)
    chair_line = ""
    members: list[str] = []
    officials: list[str] = []
    presenters: list[str] = []
    guests: list[str] = []
    apologies: list[str] = []
    for r in rows:
        deputy = ((r["dep_role"] or r["dep_name"]) if r["capacity"] == "official"
                  else (r["dep_name"] or r["dep_role"])) or ""
        if r["status"] == "apologies":
            apologies.append(_official(r) if r["capacity"] == "official" else _name(r))
        elif r["status"] != "present":
            continue
        elif r["person_id"] == chair_id:
            chair_line = _chair_line(chair_heading, _name(r))
        elif r["capacity"] == "official":
            officials.append(_official(r) + (f" deputising for {deputy}" if deputy else ""))
        elif r["capacity"] in ("guest", "presenter"):
            label = (_name(r) + (f", {r['organisation']}" if r["organisation"] else "")
                     + presented.get(r["id"], ""))
            (presenters if r["capacity"] == "presenter" else guests).append(label)
        else:
            members.append(_name(r) + (f" deputising for {deputy}" if deputy else ""))
    return dict(chair_line=chair_line, members=tuple(members), officials=tuple(officials),
                presenters=tuple(presenters), guests=tuple(guests), apologies=tuple(apologies))


def _arising(tf: Taskforce, meeting_id: str) -> tuple[ArisingLine, ...]:
    lines = []
    for action in tf.actions.matters_arising(meeting_id):
        here = [u for u in action.updates if u.meeting_id == meeting_id]
        progress = "; ".join(
            (u.outcome_label if u.outcome != "note" else "") +
            (": " if u.outcome != "note" and u.text else "") + u.text for u in here)
        day = action.meeting_date
        lines.append(ArisingLine(abbreviated_date(day), action.owner_label,
                                 action.text, progress or "Still open."))
    return tuple(lines)


DEFERRED_NOTE = "Deferred to a later meeting."
# The records inside others, for reading kept minutes back.
_NESTED = {("MinutesDocument", "items"): ItemMinutes, ("ItemMinutes", "entries"): EntryLine,
           ("ItemMinutes", "actions"): ActionLine, ("ItemMinutes", "arising"): ArisingLine}


def build(tf: Taskforce, meeting_id: str, publication: bool = False) -> MinutesDocument:
    """The minutes of one meeting; ``publication`` withholds restricted items."""
    kept = tf.minutes.lifecycle.kept(meeting_id, publication)
    if kept is None:
        return _as_recorded(tf, meeting_id, publication)
    return dataclasses.replace(_from_json(MinutesDocument, json.loads(kept)),
                               corrections=_corrections(tf, meeting_id))


def as_approved(tf: Taskforce, meeting_id: str) -> tuple[str, str]:
    """The minutes as they stand, and their version for publication, as JSON to
    keep on approval."""
    def kept(publication: bool) -> str:
        return json.dumps(dataclasses.asdict(dataclasses.replace(
            _as_recorded(tf, meeting_id, publication), draft=False, corrections=())),
            ensure_ascii=False)

    return kept(False), kept(True)


def readable(kept) -> bool:
    """Whether ``kept`` (as ``as_approved`` made it) reads back as minutes."""
    try:
        _from_json(MinutesDocument, json.loads(kept))
    except (TypeError, ValueError, AttributeError, KeyError, RecursionError):
        return False
    return True


def _from_json(cls, data: dict):
    """A record (and the records in it) from what ``dataclasses.asdict`` made of
    it; a field a later version added takes its default."""
    values = {}
    for field in dataclasses.fields(cls):
        if field.name not in data:
            continue
        value, kind = data[field.name], _NESTED.get((cls.__name__, field.name))
        if isinstance(value, list):
            value = tuple(_from_json(kind, v) if kind else v for v in value)
        values[field.name] = value
    return cls(**values)


def _corrections(tf: Taskforce, meeting_id: str) -> tuple[str, ...]:
    return tuple(f"Corrected at the meeting of {long_date(c.made_at_date)}: {c.text}"
                 for c in tf.minutes.lifecycle.corrections(meeting_id))


def _as_recorded(tf: Taskforce, meeting_id: str, publication: bool) -> MinutesDocument:
    meeting = tf.store.row("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
    if meeting is None:
        raise NotFoundError("That meeting no longer exists.")
    body = tf.bodies.get(meeting["body_id"])
    item_rows = tf.store.rows("SELECT * FROM agenda_items WHERE meeting_id = ?", (meeting_id,))
    actions: dict[str | None, list] = {}
    for action in tf.actions.of_meeting(meeting_id):
        actions.setdefault(action.item_id, []).append(action)
    arising_item = tf.minutes.lifecycle.matters_arising_item(meeting_id)
    restricted_ids = {r["id"] for r in item_rows if r["restricted"]}
    declared = [d.line for d in declarations_for_meeting(tf, meeting_id)
                if not (publication and d.agenda_item_id in restricted_ids)]
    interests_item = next((r["id"] for r in item_rows if r["standing_kind"] == "interests"),
                          None)
    items = []
    numbered = number_items(item_rows)
    for row, number, level in numbered:
        restricted = row["id"] in restricted_ids or row["parent_id"] in restricted_ids
        if publication and row["parent_id"] in restricted_ids:
            continue  # withheld with its item: not even how many sub-items it had
        if publication and restricted:
            items.append(ItemMinutes(number, "", level, withheld=True))
            continue
        if row["status"] == "deferred":  # not reached: what was noted under it waits too
            items.append(ItemMinutes(number, row["title"], level, note=DEFERRED_NOTE,
                                     restricted=restricted))
            continue
        recorded = tf.minutes.of_item(row["id"])
        entries: list[EntryLine] = []
        sub_points: dict[str, list[str]] = {}
        for entry in recorded:
            if entry.parent_id:
                sub_points.setdefault(entry.parent_id, []).append(entry.text)
        for entry in recorded:
            if not entry.parent_id:
                entries.append(EntryLine(entry.kind, entry.text,
                                         tuple(sub_points.get(entry.id, ()))))
        if row["id"] == interests_item:  # "Declarations of interest"
            entries += [EntryLine("point", line) for line in declared]
        items.append(ItemMinutes(
            number, row["title"], level,
            restricted=restricted, entries=tuple(entries),
            actions=tuple(ActionLine(a.owner_label, a.text, a.due_label)
                          for a in actions.get(row["id"], ())),
            arising=_arising(tf, meeting_id) if row["id"] == arising_item else ()))
    state = tf.minutes.lifecycle.of(meeting_id)
    marking = meeting["marking"]
    if not publication and any(i.restricted for i in items):
        marking = SENSITIVE
    corrections = _corrections(tf, meeting_id)
    return MinutesDocument(
        body_name=body.name, date=long_date(parse_date(meeting["date"])),
        venue=meeting["venue"], meeting_title=meeting["title"],
        times=time_range(parse_time(meeting["start_time"]), parse_time(meeting["end_time"])),
        marking=marking, draft=state.draft, publication=publication,
        items=tuple(items), corrections=corrections,
        declarations=() if interests_item else tuple(declared), **_register(tf, meeting, {row["id"]: number for row, number, _ in numbered}))

