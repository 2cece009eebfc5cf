"""People and their place in each body.

A person is one row whoever they are; their role in a body (Chair,
Vice-Chair, member, official, guest) and the dates they joined and left are a
membership. Officials are often known by a role title only. Nobody who appears
in any record is deleted: they are marked as having left.
"""

import datetime as dt
import sqlite3
from typing import Iterable

from ..changes import Changes, Kind
from ..errors import ValidationError
from ..fields import same_name
from ..frozen import record
from ..records import Manager, choice, stripped
from ..storage import Store
from ..storage.connect import identifier
from ..values import date_to_text, parse_optional_date

ROLES = {
    "chair": "Chair",
    "vice_chair": "Vice-Chair",
    "member": "Member",
    "official": "Official",
    "guest": "Guest",
}
MEMBER_ROLES = ("chair", "vice_chair", "member")
MERGED_FIELDS = ("organisation", "role_title", "email", "notes")  # a merge fills in
# SQL over ``memberships m``: a member's role; a membership current on a day
# (the day twice), as ``Membership.current_on`` has it.
_IS_MEMBER = f"m.role IN ({', '.join(repr(role) for role in MEMBER_ROLES)})"
_ON_DAY = ("coalesce(m.joined_on, '') <= ? "
           "AND coalesce(nullif(m.left_on, ''), '9999-12-31') >= ?")


def unmarked_namesakes(rows) -> list[list[dict]]:
    """People rows sharing a name (``same_name``) where more than one is not
    marked as someone else (``namesake_ok``): likely one person recorded twice."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        if key := same_name(row.get("name") or ""):
            groups.setdefault(key, []).append(row)
    return [group for group in groups.values()
            if sum(not row.get("namesake_ok") for row in group) > 1]


def namesake_problems(store) -> list[str]:
    """For ``check``: the names recorded twice, and nobody said they are two people."""
    return [f"people: {len(group)} records called {group[0]['name']} (one person recorded "
            "twice? merge them, or mark them as different people)"
            for group in unmarked_namesakes(store.rows("SELECT name, namesake_ok FROM people"))]


class NamesakeError(ValidationError):
    """Someone of that name is already recorded: the same person, or another?"""

    title = "Someone of that name"

    def __init__(self, name: str, namesakes: list):
        described = "; ".join(
            p.name + (f" ({p.organisation or p.role_title})"
                      if p.organisation or p.role_title else "") for p in namesakes)
        super().__init__(f"There is already someone called {described}. If {name} is the "
                         "same person, use that record; if someone else, add them as a "
                         "different person of the same name.")
        self.namesakes = namesakes


@record
class Person:
    id: str
    name: str
    role_title: str
    organisation: str
    email: str
    notes: str
    namesake_ok: bool = False  # known to be someone else than another of the same name

    @property
    def display_name(self) -> str:
        """How minutes name them: the name, or for an unnamed official the role."""
        return self.name or self.role_title


@record
class Membership:
    id: str
    body_id: str
    person_id: str
    role: str
    joined_on: dt.date | None
    left_on: dt.date | None

    def current_on(self, day: dt.date) -> bool:
        return (self.joined_on is None or self.joined_on <= day) and (
            self.left_on is None or self.left_on >= day)


@record
class BodyPerson:
    """A person as one body knows them."""

    person: Person
    membership: Membership

    @property
    def role_label(self) -> str:
        return ROLES[self.membership.role]


class People(Manager[Person]):
    table = "people"
    kind = Kind.PERSON
    record_type = Person
    label = "person"

    def _clean(self, values, current):
        cleaned = stripped(values)
        name = cleaned.get("name", current.name if current else "")
        title = cleaned.get("role_title", current.role_title if current else "")
        if not name and not title:
            raise ValidationError("A person needs a name, or for an official a role title.")
        if "namesake_ok" in cleaned:
            cleaned["namesake_ok"] = int(bool(cleaned["namesake_ok"]))
        renamed = current is not None and "name" in cleaned and cleaned["name"] != current.name
        marked = cleaned.get("namesake_ok", current and current.namesake_ok)
        if renamed and not marked and (found := self.namesakes(name, current.id)):
            raise NamesakeError(name, found)
        return cleaned

    def create(self, body_id: str, name: str = "", role: str = "member", *,
               role_title: str = "", organisation: str = "", email: str = "",
               joined_on=None, left_on=None, notes: str = "",
               namesake_ok: bool = False) -> tuple[str, Changes]:
        """A new person with their membership of one body, in one write. A name
        already someone's is refused (``NamesakeError``) unless ``namesake_ok``:
        the official has said it is someone else."""
        if not namesake_ok and (found := self.namesakes(name)):
            raise NamesakeError(name, found)
        with self._store.transaction():
            person_id, changes = self._create(dict(
                name=name, role_title=role_title, organisation=organisation,
                email=email, notes=notes, namesake_ok=int(namesake_ok)))
            changes |= self.join(person_id, body_id, role, joined_on, left_on)
        return person_id, changes

    def namesakes(self, name: str, other_than: str | None = None) -> list[Person]:
        """The people whose name is this one, case, accents and spacing aside."""
        wanted = same_name(name or "")
        if not wanted:
            return []
        rows = self._store.rows("SELECT id, name FROM people WHERE name <> '' AND id IS NOT ?",
                                (other_than,))
        return [self.get(r["id"]) for r in rows if same_name(r["name"]) == wanted]

    def merge(self, duplicate_id: str, into_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """One person recorded twice: every record of the duplicate becomes the
        other's (where both are on a record, the other's stays), and the duplicate
        goes. The merge is recorded (``person_merges``), which lets it reach an
        approved meeting's rows: what those minutes print was kept at approval.

        Nothing the duplicate knew is lost: where the survivor's organisation,
        role title, e-mail or notes are empty, the duplicate's are taken. Where
        both belong to the same body, the survivor's membership stays (its role
        too) and fills what it lacks: joined on the earlier of the two dates
        known (unless after the survivor's date left); and if it had no dates at
        all, the duplicate's date left as well.
        Returns the rows as they were, the survivor's too, for ``undo_merge``."""
        duplicate = self.get(duplicate_id)
        into = self.get(into_id)
        if duplicate_id == into_id:
            raise ValidationError("Choose another person to merge into.")
        before: list[tuple[str, dict]] = [("people", self.raw(into_id))]
        with self._store.transaction() as db:
            before += self._fill_memberships(duplicate_id, into_id)
            self._store.insert("person_merges", {"duplicate_id": duplicate_id,
                                                 "into_id": into_id, "name": duplicate.name})
            for table, column in self._store.references_to("people"):
                where = f"{identifier(column)} = ?"
                for row in self._store.rows(
                        f"SELECT * FROM {identifier(table)} WHERE {where}", (duplicate_id,)):
                    before.append((table, row))
                    try:
                        with self._store.transaction():
                            db.execute(f"UPDATE {identifier(table)} SET {identifier(column)} = ?"
                                       f" WHERE id = ?", (into_id, row["id"]))
                    except sqlite3.IntegrityError:  # both on it: the other's record stays
                        before += [removed for removed in self._store.delete_with_dependents(
                            table, row["id"]) if removed[1]["id"] != row["id"]]
            before.append(("people", self.raw(duplicate_id)))
            db.execute("DELETE FROM people WHERE id = ?", (duplicate_id,))
            if missing := {field: getattr(duplicate, field) for field in MERGED_FIELDS
                           if not getattr(into, field) and getattr(duplicate, field)}:
                self._store.update("people", into_id, missing)
        return Changes.everything(duplicate_id, into_id), before

    def _fill_memberships(self, duplicate_id: str, into_id: str) -> list[tuple[str, dict]]:
        """For a merge: the survivor's memberships filled from the duplicate's of
        the same body (see ``merge``); returns them as they were."""
        before = []
        for theirs in self._store.rows("SELECT * FROM memberships WHERE person_id = ?",
                                       (duplicate_id,)):
            row = self._store.row("SELECT * FROM memberships WHERE body_id = ? AND "
                                  "person_id = ?", (theirs["body_id"], into_id))
            if row is None:
                continue  # theirs simply moves
            ours, other = _membership(row), _membership(theirs)
            joined = min((d for d in (ours.joined_on, other.joined_on) if d), default=None)
            left = ours.left_on or (other.left_on if ours.joined_on is None else None)
            if joined and left and left < joined:  # theirs began after ours ended
                joined = ours.joined_on
            if (joined, left) != (ours.joined_on, ours.left_on):
                before.append(("memberships", row))
                self._store.update("memberships", row["id"], {
                    "joined_on": date_to_text(joined), "left_on": date_to_text(left)})
        return before

    def undo_merge(self, rows: list[tuple[str, dict]]) -> Changes:
        """Put a merged person back as they were, with every record of theirs,
        and take the merge's record away (last: it lets the rows move back)."""
        both = [row["id"] for table, row in rows if table == "people"]  # survivor and duplicate
        with self._store.transaction() as db:
            self._store.restore_rows(rows)
            db.execute("DELETE FROM person_merges WHERE duplicate_id IN (?, ?) AND "
                       "into_id IN (?, ?)", both + both)
        return Changes.everything(*(row["id"] for _, row in rows))

    def join(self, person_id: str, body_id: str, role: str = "member",
             joined_on=None, left_on=None) -> Changes:
        values = self._clean_membership(
            dict(role=role, joined_on=joined_on, left_on=left_on), None)
        try:
            row = self._store.insert("memberships", dict(
                body_id=body_id, person_id=person_id, **values))
        except sqlite3.IntegrityError:
            raise ValidationError("That person already belongs to this body.") from None
        return Changes.of(Kind.PERSON, person_id, row["id"])

    def _clean_membership(self, values: dict, current: Membership | None) -> dict:
        cleaned = dict(values)
        if "role" in cleaned:
            cleaned["role"] = choice(cleaned["role"], ROLES, "role")
        joined = (parse_optional_date(cleaned["joined_on"], "date joined")
                  if "joined_on" in cleaned else current.joined_on if current else None)
        left = (parse_optional_date(cleaned["left_on"], "date left")
                if "left_on" in cleaned else current.left_on if current else None)
        if joined and left and left < joined:
            raise ValidationError("The date left cannot be before the date joined.")
        for key, value in (("joined_on", joined), ("left_on", left)):
            if key in cleaned:
                cleaned[key] = date_to_text(value)
        return cleaned

    def membership(self, membership_id: str) -> Membership:
        row = self._store.row("SELECT * FROM memberships WHERE id = ?", (membership_id,))
        if row is None:
            raise ValidationError("That membership no longer exists.")
        return _membership(row)

    def membership_in(self, body_id: str, person_id: str) -> Membership | None:
        """Someone's membership of a body (one at most), read by its own index."""
        row = self._store.row("SELECT * FROM memberships WHERE body_id = ? AND person_id = ?",
                              (body_id, person_id))
        return _membership(row) if row else None

    def update_membership(self, membership_id: str, **values) -> Changes:
        current = self.membership(membership_id)
        self._store.update("memberships", membership_id,
                           self._clean_membership(values, current))
        return Changes.of(Kind.PERSON, current.person_id, membership_id)

    def update_with_membership(self, person_id: str, membership_id: str, person: dict,
                               membership: dict) -> Changes:
        """A person's details and their membership of a body, as one edit."""
        with self._store.transaction():
            return (self.update(person_id, **person)
                    | self.update_membership(membership_id, **membership))

    def mark_left(self, membership_id: str, on=None) -> Changes:
        return self.update_membership(membership_id, left_on=on or dt.date.today())

    def in_body(self, body_id: str, limit: int | None = None) -> list[BodyPerson]:
        """Everyone the body has known, leaders first, then by name (the first
        ``limit`` of them: a long list's first screen)."""
        return self._listed("m.body_id = ?", (body_id,), limit)

    def members_on(self, body_id: str, day: dt.date, limit: int | None = None,
                   among: Iterable[str] | None = None) -> list[BodyPerson]:
        """Chair, Vice-Chair and members who belonged to the body on that day,
        in the order of ``in_body``: the first ``limit``, or those of ``among``
        (ids) only. Chosen by SQLite: a list of a few costs what a few do."""
        where, params = _members_on(body_id, day)
        if among is not None:
            ids = tuple(among)
            where += f" AND m.person_id IN ({', '.join('?' * len(ids))})"
            params += ids
        return self._listed(where, params, limit)

    def count_members_on(self, body_id: str, day: dt.date) -> int:
        """How many ``members_on`` lists."""
        where, params = _members_on(body_id, day)
        return self._store.scalar(f"SELECT count(*) FROM memberships m WHERE {where}", params)

    def members_ever(self, body_id: str, limit: int | None = None,
                     offset: int = 0) -> list[BodyPerson]:
        """Chair, Vice-Chair and members the body has known, whenever, in the
        order of ``in_body``: ``limit`` of them from ``offset`` if given."""
        return self._listed(f"m.body_id = ? AND {_IS_MEMBER}", (body_id,), limit, offset)

    def _listed(self, where: str, params: tuple, limit: int | None,
                offset: int = 0) -> list[BodyPerson]:
        page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
        rows = self._store.rows(
            f"""SELECT p.*, m.id AS m_id, m.body_id, m.person_id, m.role,
                       m.joined_on, m.left_on
                FROM memberships m JOIN people p ON p.id = m.person_id
                WHERE {where}
                ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1
                         WHEN 'member' THEN 2 WHEN 'official' THEN 3 ELSE 4 END,
                         p.name COLLATE NOCASE, p.role_title COLLATE NOCASE,
                         m.rowid{page}""", params)  # namesakes as written: pages join up
        return [BodyPerson(self._from_row(r), _membership({**r, "id": r["m_id"]}))
                for r in rows]

    def delete(self, person_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete someone entered by mistake; refused once they appear in any record.

        Returns the rows removed, so that undo can put them back.
        """
        person = self.get(person_id)
        removed = [("memberships", r) for r in self._store.rows(
            "SELECT * FROM memberships WHERE person_id = ?", (person_id,))]
        removed.append(("people", self.raw(person_id)))
        try:
            with self._store.transaction() as db:
                db.execute("DELETE FROM memberships WHERE person_id = ?", (person_id,))
                db.execute("DELETE FROM people WHERE id = ?", (person_id,))
        except sqlite3.IntegrityError:
            raise ValidationError(
                f"{person.display_name} appears in the records and cannot be deleted. "
                "Mark them as having left instead.") from None
        return Changes.of(Kind.PERSON, person_id), removed


def person_or_words(store: Store, body_id: str, text: str, what: str) -> tuple[str | None, str]:
    """Someone of the body named by id, name or role title (their id); otherwise
    the words as typed (a group, an organisation). ``what`` may not be empty."""
    wanted = " ".join((text or "").split())
    if not wanted:
        raise ValidationError(f"{what} cannot be empty.")
    # People first, each term by its own index (s17), then their membership.
    row = store.row(
        """SELECT p.id FROM people p CROSS JOIN memberships s ON s.person_id = p.id
           WHERE s.body_id = ? AND (p.id = ? OR lower(p.name) = lower(?)
                 OR (p.name = '' AND lower(p.role_title) = lower(?)))
           ORDER BY p.id = ? DESC LIMIT 1""", (body_id, wanted, wanted, wanted, wanted))
    return (row["id"], "") if row else (None, wanted)


def people_or_words(store: Store, body_id: str, given: Iterable,
                    what: str) -> list[tuple[str | None, str]]:
    """Each of ``given`` as ``person_or_words`` reads it (a pair of id and words
    as it is), in order and each once; empty ones are left out."""
    found: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for entry in given:
        if isinstance(entry, tuple):
            person_id, words = entry
        elif str(entry or "").strip():
            person_id, words = person_or_words(store, body_id, entry, what)
        else:
            continue
        if (key := person_id or words.strip().lower()) not in seen:
            seen.add(key)
            found.append((person_id, words))
    return found


def _members_on(body_id: str, day: dt.date) -> tuple[str, tuple]:
    """SQL over ``memberships m``: the body's Chair, Vice-Chair and members on that day."""
    return (f"m.body_id = ? AND {_IS_MEMBER} AND {_ON_DAY}",
            (body_id, day.isoformat(), day.isoformat()))


def _membership(row: dict) -> Membership:
    return Membership(
        id=row["id"], body_id=row["body_id"], person_id=row["person_id"], role=row["role"],
        joined_on=parse_optional_date(row["joined_on"]),
        left_on=parse_optional_date(row["left_on"]))
