"""People and their place in each body.

A person is one row whoever they are; their role in a body (Chair,
Vice-Chair, member, official, guest) and the dates they joined and left are a
membership. Officials are often known by a role title only. Nobody who appears
in any record is deleted: they are marked as having left.
"""

import datetime as dt
import sqlite3

from .changes import Changes
from .errors import ValidationError
from .frozen import record
from .records import Manager, choice, stripped
from .values import date_to_text, parse_optional_date

ROLES = {
    "chair": "Chair",
    "vice_chair": "Vice-Chair",
    "member": "Member",
    "official": "Official",
    "guest": "Guest",
}
MEMBER_ROLES = ("chair", "vice_chair", "member")


@record
class Person:
    id: str
    name: str
    role_title: str
    organisation: str
    email: str
    notes: str

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
    kind = "person"
    record_type = Person
    label = "person"

    def _clean(self, values, current):
        cleaned = stripped(values)
        name = cleaned.get("name", current.name if current else "")
        title = cleaned.get("role_title", current.role_title if current else "")
        if not name and not title:
            raise ValidationError("A person needs a name, or for an official a role title.")
        return cleaned

    def create(self, body_id: str, name: str = "", role: str = "member", *,
               role_title: str = "", organisation: str = "", email: str = "",
               joined_on=None, left_on=None, notes: str = "") -> tuple[str, Changes]:
        """A new person with their membership of one body, in one write."""
        with self._store.transaction():
            person_id, changes = self._create(dict(
                name=name, role_title=role_title, organisation=organisation,
                email=email, notes=notes))
            changes |= self.join(person_id, body_id, role, joined_on, left_on)
        return person_id, changes

    def join(self, person_id: str, body_id: str, role: str = "member",
             joined_on=None, left_on=None) -> Changes:
        values = self._clean_membership(
            dict(role=role, joined_on=joined_on, left_on=left_on), None)
        try:
            row = self._store.insert("memberships", dict(
                body_id=body_id, person_id=person_id, **values))
        except sqlite3.IntegrityError:
            raise ValidationError("That person already belongs to this body.") from None
        return Changes.of("person", person_id, row["id"])

    def _clean_membership(self, values: dict, current: Membership | None) -> dict:
        cleaned = dict(values)
        if "role" in cleaned:
            cleaned["role"] = choice(cleaned["role"], ROLES, "role")
        joined = (parse_optional_date(cleaned["joined_on"], "date joined")
                  if "joined_on" in cleaned else current and current.joined_on)
        left = (parse_optional_date(cleaned["left_on"], "date left")
                if "left_on" in cleaned else current and current.left_on)
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

    def update_membership(self, membership_id: str, **values) -> Changes:
        current = self.membership(membership_id)
        self._store.update("memberships", membership_id,
                           self._clean_membership(values, current))
        return Changes.of("person", current.person_id, membership_id)

    def mark_left(self, membership_id: str, on=None) -> Changes:
        return self.update_membership(membership_id, left_on=on or dt.date.today())

    def in_body(self, body_id: str) -> list[BodyPerson]:
        """Everyone the body has known, leaders first, then by name."""
        rows = self._store.rows(
            """SELECT p.*, m.id AS m_id, m.body_id, m.person_id, m.role,
                      m.joined_on, m.left_on
               FROM memberships m JOIN people p ON p.id = m.person_id
               WHERE m.body_id = ?
               ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1
                        WHEN 'member' THEN 2 WHEN 'official' THEN 3 ELSE 4 END,
                        p.name COLLATE NOCASE, p.role_title COLLATE NOCASE""",
            (body_id,))
        return [BodyPerson(self._from_row(r), _membership({**r, "id": r["m_id"]}))
                for r in rows]

    def members_on(self, body_id: str, day: dt.date) -> list[BodyPerson]:
        """Chair, Vice-Chair and members who belonged to the body on that day."""
        return [bp for bp in self.in_body(body_id)
                if bp.membership.role in MEMBER_ROLES and bp.membership.current_on(day)]

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
        return Changes.of("person", person_id), removed


def _membership(row: dict) -> Membership:
    return Membership(
        id=row["id"], body_id=row["body_id"], person_id=row["person_id"], role=row["role"],
        joined_on=parse_optional_date(row["joined_on"]),
        left_on=parse_optional_date(row["left_on"]))
