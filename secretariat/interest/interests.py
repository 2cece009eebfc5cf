"""The register of members' interests, the declaration forms, and the
declarations members make at meetings.

Nothing in the register is deleted: an interest that ends keeps its row and
the date it ended, so the register can be printed as it stood on any date.
An interest counts on a day from the day it was declared until the day
before it ended.
"""

import datetime as dt

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..membership.people import People, Person
from ..records import Manager, choice, require_text, stripped
from ..values import date_to_text, parse_date, parse_optional_date

KINDS = {
    "employment": "Employment",
    "directorship": "Directorship",
    "shareholding": "Shareholding",
    "membership": "Membership",
    "mis_msp": "MIS or MSP funding or services",
    "other": "Other",
}


@record
class Interest:
    id: str
    person_id: str
    description: str
    organisation: str
    kind: str
    concerns_mis_msp: bool
    declared_on: dt.date
    ended_on: dt.date | None
    notes: str

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]

    @property
    def summary(self) -> str:
        """One line: the description and, if not already in it, the organisation."""
        if self.organisation and self.organisation.casefold() not in self.description.casefold():
            return f"{self.description}, {self.organisation}"
        return self.description

    def current_on(self, day: dt.date) -> bool:
        return self.declared_on <= day and (self.ended_on is None or day < self.ended_on)


@record
class Form:
    """One declaration form sent to a member, and when (if) it came back."""

    id: str
    body_id: str
    person_id: str
    sent_on: dt.date
    returned_on: dt.date | None


@record
class MemberInterests:
    """One member as the register shows them on a date."""

    person: Person
    role_label: str
    interests: list[Interest]
    form: Form | None  # the latest form sent by that date

    @property
    def awaiting_form(self) -> bool:
        """Sent a form that has not come back."""
        return self.form is not None and self.form.returned_on is None


@record
class MeetingDeclaration:
    """A declaration made in the room, as the minutes print it."""

    id: str
    meeting_id: str
    person_id: str
    person_name: str
    agenda_item_id: str | None
    item_title: str
    interest_id: str | None
    text: str

    @property
    def line(self) -> str:
        where = f" (item: {self.item_title})" if self.item_title else ""
        return f"{self.person_name}: {self.text}{where}"


class Interests(Manager[Interest]):
    table = "interests"
    kind = Kind.INTEREST
    record_type = Interest
    label = "interest"

    def _from_row(self, row: dict) -> Interest:
        return Interest(
            id=row["id"], person_id=row["person_id"], description=row["description"],
            organisation=row["organisation"], kind=row["kind"],
            concerns_mis_msp=bool(row["concerns_mis_msp"]),
            declared_on=parse_date(row["declared_on"]),
            ended_on=parse_optional_date(row["ended_on"]), notes=row["notes"])

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "description" in cleaned:
            cleaned["description"] = require_text(cleaned["description"],
                                                  "description of the interest")
        if "kind" in cleaned:
            cleaned["kind"] = choice(cleaned["kind"], KINDS, "kind of interest")
            if cleaned["kind"] == "mis_msp":
                cleaned["concerns_mis_msp"] = True
        if "concerns_mis_msp" in cleaned:
            cleaned["concerns_mis_msp"] = int(bool(cleaned["concerns_mis_msp"]))
        declared = (parse_date(cleaned["declared_on"], "date declared")
                    if "declared_on" in cleaned else current.declared_on)
        ended = (parse_optional_date(cleaned["ended_on"], "date ended")
                 if "ended_on" in cleaned else current and current.ended_on)
        if ended and ended < declared:
            raise ValidationError("An interest cannot end before it was declared.")
        for key, value in (("declared_on", declared), ("ended_on", ended)):
            if key in cleaned:
                cleaned[key] = date_to_text(value)
        return cleaned

    def declare(self, person_id: str, description: str, organisation: str = "",
                kind: str = "other", concerns_mis_msp: bool = False, declared_on=None,
                notes: str = "") -> tuple[str, Changes]:
        if self._store.row("SELECT id FROM people WHERE id = ?", (person_id,)) is None:
            raise NotFoundError("That person no longer exists.")
        return self._create(dict(
            person_id=person_id, description=description, organisation=organisation,
            kind=kind, concerns_mis_msp=concerns_mis_msp,
            declared_on=declared_on or dt.date.today(), notes=notes))

    def end(self, interest_id: str, on=None) -> Changes:
        """The interest has ended: it stays in the history with that date."""
        return self.update(interest_id, ended_on=on or dt.date.today())

    def take_back(self, interest_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Undo of a declaration just entered; the only way a row leaves the register."""
        row = self.raw(interest_id)
        if self._store.scalar("SELECT count(*) FROM meeting_declarations WHERE interest_id = ?",
                              (interest_id,)):
            raise ValidationError("That interest was declared at a meeting and stays "
                                  "in the register; record that it ended instead.")
        self._store.delete(self.table, interest_id)
        return Changes.of(self.kind, interest_id), [(self.table, row)]

    def of_person(self, person_id: str) -> list[Interest]:
        """Every interest the person has declared, current and ended, newest first."""
        rows = self._store.rows(
            "SELECT * FROM interests WHERE person_id = ? ORDER BY declared_on DESC, "
            "description COLLATE NOCASE", (person_id,))
        return [self._from_row(r) for r in rows]

    def current_by_person(self, person_ids: list[str], on: dt.date) -> dict[str, list[Interest]]:
        """Each named person's interests current on that day."""
        found: dict[str, list[Interest]] = {pid: [] for pid in person_ids}
        if not person_ids:
            return found
        marks = ",".join("?" * len(person_ids))
        rows = self._store.rows(
            f"SELECT * FROM interests WHERE person_id IN ({marks}) "
            "ORDER BY declared_on, description COLLATE NOCASE", tuple(person_ids))
        for interest in map(self._from_row, rows):
            if interest.current_on(on):
                found[interest.person_id].append(interest)
        return found

    def of_members(self, body_id: str, as_of=None,
                   limit: int | None = None) -> list[MemberInterests]:
        """The register as it stood on a day (today if none): each member then
        (the first ``limit``: a long list's first screen), with the interests
        current that day and their latest form."""
        day = parse_date(as_of, "date") if as_of else dt.date.today()
        members = People(self._store).members_on(body_id, day, limit)
        ids = [bp.person.id for bp in members]
        current = self.current_by_person(ids, day)
        forms = self._latest_forms(body_id, day, ids)
        return [MemberInterests(bp.person, bp.role_label, current[bp.person.id],
                                forms.get(bp.person.id))
                for bp in members]

    # -- declaration forms ------------------------------------------------------

    def send_forms(self, body_id: str, on, person_ids: list[str]) -> tuple[list[str], Changes]:
        """Record that a form went to each person on that day."""
        sent_on = date_to_text(parse_date(on, "date sent"))
        ids = []
        with self._store.transaction():
            for person_id in person_ids:
                ids.append(self._store.insert("declaration_forms", dict(
                    body_id=body_id, person_id=person_id, sent_on=sent_on))["id"])
        return ids, Changes.of(self.kind, *ids)

    def mark_returned(self, form_id: str, on=None) -> Changes:
        form = self.form(form_id)
        returned = parse_optional_date(on, "date returned") if on is not None else dt.date.today()
        if returned and returned < form.sent_on:
            raise ValidationError("A form cannot come back before it was sent.")
        self._store.update("declaration_forms", form_id, {"returned_on": date_to_text(returned)})
        return Changes.of(self.kind, form_id)

    def take_back_forms(self, form_ids: list[str]) -> tuple[Changes, list[tuple[str, dict]]]:
        """Undo of forms just recorded as sent."""
        rows = [("declaration_forms", self._form_row(i)) for i in form_ids]
        with self._store.transaction() as db:
            for form_id in form_ids:
                db.execute("DELETE FROM declaration_forms WHERE id = ?", (form_id,))
        return Changes.of(self.kind, *form_ids), rows

    def form(self, form_id: str) -> Form:
        return _form(self._form_row(form_id))

    def _form_row(self, form_id: str) -> dict:
        row = self._store.row("SELECT * FROM declaration_forms WHERE id = ?", (form_id,))
        if row is None:
            raise NotFoundError("That declaration form no longer exists.")
        return row

    def not_returned(self, body_id: str, on=None) -> list[Person]:
        """Current members whose latest form was sent and has not come back."""
        day = parse_date(on, "date") if on else dt.date.today()
        out = [person_id for person_id, form in self._latest_forms(body_id, day).items()
               if form.returned_on is None]
        return [bp.person for bp in People(self._store).members_on(body_id, day, among=out)]

    def _latest_forms(self, body_id: str, day: dt.date,
                      person_ids: list[str] | None = None) -> dict[str, Form]:
        """Each person's latest form sent by that day, as it stood that day (for
        those named only, if named)."""
        among = f" AND person_id IN ({','.join('?' * len(person_ids))})" \
            if person_ids is not None else ""
        rows = self._store.rows(
            f"SELECT * FROM declaration_forms WHERE body_id = ? AND sent_on <= ?{among} "
            "ORDER BY sent_on, created_at", (body_id, day.isoformat(), *(person_ids or ())))
        return {form.person_id: _as_of(form, day) for form in map(_form, rows)}

    # -- declarations at meetings ----------------------------------------------

    def declare_at_meeting(self, meeting_id: str, person_id: str, text: str,
                           agenda_item_id: str | None = None,
                           interest_id: str | None = None) -> tuple[str, Changes]:
        text = require_text(text, "declaration")
        if agenda_item_id and self._store.scalar(
                "SELECT meeting_id FROM agenda_items WHERE id = ?",
                (agenda_item_id,)) != meeting_id:
            raise ValidationError("That agenda item is not on this meeting's agenda.")
        row = self._store.insert("meeting_declarations", dict(
            meeting_id=meeting_id, person_id=person_id, text=text,
            agenda_item_id=agenda_item_id, interest_id=interest_id))
        return row["id"], Changes.of(self.kind, row["id"])

    def remove_meeting_declaration(self, declaration_id: str
                                   ) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self._store.row("SELECT * FROM meeting_declarations WHERE id = ?",
                              (declaration_id,))
        if row is None:
            raise NotFoundError("That declaration no longer exists.")
        self._store.delete("meeting_declarations", declaration_id)
        return Changes.of(self.kind, declaration_id), [("meeting_declarations", row)]


def declarations_for_meeting(tf_or_store, meeting_id: str) -> list[MeetingDeclaration]:
    """The declarations made at a meeting in agenda order, for its minutes."""
    store = getattr(tf_or_store, "store", tf_or_store)
    rows = store.rows(
        """SELECT d.id, d.meeting_id, d.person_id, d.agenda_item_id, d.interest_id, d.text,
                  coalesce(nullif(p.name, ''), p.role_title) AS person_name,
                  coalesce(a.title, '') AS item_title
           FROM meeting_declarations d JOIN people p ON p.id = d.person_id
           LEFT JOIN agenda_items a ON a.id = d.agenda_item_id
           WHERE d.meeting_id = ?
           ORDER BY a.position IS NULL, a.position, d.created_at""", (meeting_id,))
    return [MeetingDeclaration(
        id=r["id"], meeting_id=r["meeting_id"], person_id=r["person_id"],
        person_name=r["person_name"], agenda_item_id=r["agenda_item_id"],
        item_title=r["item_title"], interest_id=r["interest_id"], text=r["text"])
        for r in rows]


def _form(row: dict) -> Form:
    return Form(id=row["id"], body_id=row["body_id"], person_id=row["person_id"],
                sent_on=parse_date(row["sent_on"]),
                returned_on=parse_optional_date(row["returned_on"]))


def _as_of(form: Form, day: dt.date) -> Form:
    """A form as it stood on a day: not yet back if it came back later."""
    if form.returned_on and form.returned_on > day:
        return Form(form.id, form.body_id, form.person_id, form.sent_on, None)
    return form


@record
class InterestsDocument:
    """What the printed register shows."""

    body_name: str
    as_of: dt.date
    current: bool  # printed as the current register rather than as on a date
    entries: list[MemberInterests]
    not_returned: list[str]
    marking: str = "OFFICIAL-SENSITIVE"


def interests_document(tf, body_id: str, as_of=None,
                      marking: str = "OFFICIAL-SENSITIVE") -> InterestsDocument:
    """The register to print: current, or as it stood on a date."""
    day = parse_date(as_of, "date") if as_of else dt.date.today()
    entries = tf.interests.of_members(body_id, day)
    return InterestsDocument(
        tf.bodies.get(body_id).name, day, as_of is None, entries,
        [e.person.display_name for e in entries if e.awaiting_form],
        marking)
