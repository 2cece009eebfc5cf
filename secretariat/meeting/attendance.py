"""The register of a meeting: who was a member that day and whether they came,
who chaired, officials, deputies, guests and presenters; and attendance over
a period.

A person appears at most once in a meeting's register. Someone in the chair
must be present; only the body's Chair chairs when present, and when the Chair
is not there the Vice-Chair or another member present may.
"""

import datetime as dt
import sqlite3
from bisect import bisect_left, bisect_right
from collections import Counter

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..membership.people import MEMBER_ROLES, BodyPerson, Membership, People, Person
from ..records import Manager, choice
from ..values import parse_date
from .agenda import Agenda
from .meetings import Meeting, Meetings
from .register_records import (CAPACITIES, STATUSES, Attendance, MemberRecord, Register,
                               RegisterLine, Snapshot, heading_for_role)

class Attendances(Manager[Attendance]):
    table = "attendance"
    kind = Kind.ATTENDANCE
    record_type = Attendance
    label = "register entry"

    def __init__(self, store):
        super().__init__(store)
        self._meetings = Meetings(store)
        self._people = People(store)

    def _clean(self, values, current):
        cleaned = dict(values)
        if "status" in cleaned:
            cleaned["status"] = choice(cleaned["status"], STATUSES, "attendance")
        if "capacity" in cleaned:
            cleaned["capacity"] = choice(cleaned["capacity"], CAPACITIES, "capacity")
        if "note" in cleaned:
            cleaned["note"] = (cleaned["note"] or "").strip()
        return cleaned

    # -- the register ------------------------------------------------------------

    def register(self, meeting_id: str, limit: int | None = None) -> Register:
        """Who was a member that day and whether they came, and who else came.
        With ``limit`` only the first ``limit`` members are listed (a long
        register's first screen); those marked, and how many there are, all."""
        meeting = self._meetings.get(meeting_id)
        body_id, day = meeting.body_id, meeting.date
        marked = {a.person_id: a for a in self.of_meeting(meeting_id)}
        members = self._people.members_on(body_id, day, limit)
        marked_members = self._people.members_on(body_id, day, among=marked)
        items = self._guest_items(meeting_id)
        member_ids = {bp.person.id for bp in marked_members}

        def line(person: Person, role: str) -> RegisterLine:
            attendance = marked.get(person.id)
            deputy_for = ""
            if attendance and attendance.deputising_for_id:
                deputy_for = self._people.get(attendance.deputising_for_id).display_name
            return RegisterLine(person, role, attendance, deputy_for,
                                tuple(items.get(attendance.id, ())) if attendance else ())

        others = [line(self._people.get(pid), a.capacity) for pid, a in marked.items()
                  if pid not in member_ids]
        order = list(CAPACITIES)
        others.sort(key=lambda x: order.index(x.role))  # stable: recorded order within each
        chair_id = self.chair_of(meeting_id)
        heading = ""
        if chair_id:
            chair = self._people.membership_in(body_id, chair_id)
            heading = heading_for_role(chair.role if chair else "")
        count = len(members) if limit is None else self._people.count_members_on(body_id, day)
        return Register(meeting_id, [line(bp.person, bp.membership.role) for bp in members],
                        others, chair_id, heading,
                        [line(bp.person, bp.membership.role) for bp in marked_members], count)

    def of_meeting(self, meeting_id: str) -> list[Attendance]:
        """In the order they were recorded, as the secretariat wrote them down."""
        rows = self._store.rows("SELECT * FROM attendance WHERE meeting_id = ? "
                                "ORDER BY created_at, rowid", (meeting_id,))
        return [self._from_row(r) for r in rows]

    def entry(self, meeting_id: str, person_id: str) -> Attendance | None:
        row = self._store.row("SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ?",
                              (meeting_id, person_id))
        return self._from_row(row) if row else None

    def _guest_items(self, meeting_id: str) -> dict[str, list[str]]:
        rows = self._store.rows(
            """SELECT ai.attendance_id, a.title FROM attendance_items ai
               JOIN agenda_items a ON a.id = ai.item_id WHERE a.meeting_id = ?
               ORDER BY a.position""", (meeting_id,))
        found: dict[str, list[str]] = {}
        for row in rows:
            found.setdefault(row["attendance_id"], []).append(row["title"])
        return found

    # -- marking -----------------------------------------------------------------

    def mark(self, meeting_id: str, person_id: str, status: str) -> Changes:
        """Mark someone present, apologies or absent (each excludes the others).

        Marking the body's Chair present when nobody is in the chair puts them there.
        """
        status = choice(status, STATUSES, "attendance")
        current = self.entry(meeting_id, person_id)
        if current is None:
            _, changes = self.add(meeting_id, person_id, status)
        else:
            if status != "present" and self.chair_of(meeting_id) == person_id:
                raise ValidationError(
                    f"{self._name(person_id)} is in the chair, so must be present; "
                    "choose someone else to chair first.")
            changes = self.update(current.id, status=status)
        if (status == "present" and not self.chair_of(meeting_id)
                and self._role_on(meeting_id, person_id) == "chair"):
            changes |= self.set_chair(meeting_id, person_id)
        return changes

    def add(self, meeting_id: str, person_id: str, status: str = "present", *,
            capacity: str | None = None, deputising_for_id: str | None = None,
            note: str = "", item_ids: tuple[str, ...] = ()) -> tuple[str, Changes]:
        """Enter someone in the register; refused if they are in it already."""
        self._meetings.get(meeting_id)
        person = self._people.get(person_id)
        if capacity is None:
            role = self._role_on(meeting_id, person_id)
            capacity = "member" if role in MEMBER_ROLES else (role or "guest")
        existing = self.entry(meeting_id, person_id)
        if existing:
            raise ValidationError(
                f"{person.display_name} is already in the register of this meeting "
                f"({existing.status_label.lower()}); a person can appear only once.")
        self._check_deputy(meeting_id, person_id, deputising_for_id)
        with self._store.transaction():
            try:
                attendance_id, changes = self._create(dict(
                    meeting_id=meeting_id, person_id=person_id, status=status,
                    capacity=capacity, deputising_for_id=deputising_for_id, note=note))
            except sqlite3.IntegrityError:
                raise ValidationError(
                    f"{person.display_name} is already in the register of this meeting.") \
                    from None
            if item_ids:
                changes |= self.set_items(attendance_id, item_ids)
        return attendance_id, changes | Changes.of(Kind.MEETING, meeting_id)

    def remove(self, attendance_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Take someone out of the register (undo puts them back)."""
        attendance = self.get(attendance_id)
        if self.chair_of(attendance.meeting_id) == attendance.person_id:
            raise ValidationError(
                f"{self._name(attendance.person_id)} is in the chair; "
                "choose someone else to chair first.")
        removed = self._store.delete_with_dependents(self.table, attendance_id)
        return Changes.of(self.kind, attendance_id, attendance.meeting_id), removed

    def set_deputising(self, attendance_id: str, deputising_for_id: str | None) -> Changes:
        attendance = self.get(attendance_id)
        self._check_deputy(attendance.meeting_id, attendance.person_id, deputising_for_id)
        return self.update(attendance_id, deputising_for_id=deputising_for_id or None)

    def _check_deputy(self, meeting_id: str, person_id: str, deputy_for: str | None) -> None:
        if not deputy_for:
            return
        if deputy_for == person_id:
            raise ValidationError("Someone cannot deputise for themselves.")
        stood_in_for = self.entry(meeting_id, deputy_for)
        if stood_in_for and stood_in_for.status == "present":
            raise ValidationError(
                f"{self._name(deputy_for)} is present, so nobody needs to deputise for them.")

    def set_items(self, attendance_id: str, item_ids) -> Changes:
        """The agenda items a guest or presenter attended for."""
        attendance = self.get(attendance_id)
        with self._store.transaction() as db:
            for item_id in item_ids:
                self._item_of(attendance.meeting_id, item_id)
            db.execute("DELETE FROM attendance_items WHERE attendance_id = ?", (attendance_id,))
            for item_id in dict.fromkeys(item_ids):
                self._store.insert("attendance_items",
                                   dict(attendance_id=attendance_id, item_id=item_id))
        return Changes.of(self.kind, attendance_id)

    def item_ids(self, attendance_id: str) -> list[str]:
        return [r["item_id"] for r in self._store.rows(
            "SELECT item_id FROM attendance_items WHERE attendance_id = ?", (attendance_id,))]

    def note_times(self, attendance_id: str, arrived_item_id: str | None = None,
                   left_item_id: str | None = None) -> Changes:
        """Late arrival (during which item) and early departure (during which item)."""
        attendance = self.get(attendance_id)
        if attendance.status != "present" and (arrived_item_id or left_item_id):
            raise ValidationError(
                f"{self._name(attendance.person_id)} is not marked present, so cannot "
                "arrive late or leave early.")
        order = [i.id for i in Agenda(self._store).of_meeting(attendance.meeting_id)]
        for item_id in (arrived_item_id, left_item_id):
            if item_id:
                self._item_of(attendance.meeting_id, item_id)
        if arrived_item_id and left_item_id and (
                order.index(left_item_id) < order.index(arrived_item_id)):
            raise ValidationError("Someone cannot leave before the item they arrived at.")
        return self.update(attendance_id, arrived_item_id=arrived_item_id or None,
                           left_item_id=left_item_id or None)

    def _item_of(self, meeting_id: str, item_id: str) -> None:
        row = self._store.row("SELECT meeting_id FROM agenda_items WHERE id = ?", (item_id,))
        if row is None:
            raise NotFoundError("That agenda item no longer exists.")
        if row["meeting_id"] != meeting_id:
            raise ValidationError("That agenda item belongs to another meeting.")

    # -- undo ------------------------------------------------------------------------

    def snapshot(self, meeting_id: str, person_id: str) -> "Snapshot":
        """Someone's place in the register and who chairs, to put back on undo."""
        row = self._store.row("SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ?",
                              (meeting_id, person_id))
        items = self._store.rows("SELECT * FROM attendance_items WHERE attendance_id = ?",
                                 (row["id"],)) if row else []
        return Snapshot(meeting_id, person_id, row, items, self.chair_of(meeting_id))

    def put_back(self, snapshot: "Snapshot") -> Changes:
        """Return someone's entry and the chair to how a snapshot found them."""
        with self._store.transaction() as db:
            db.execute("UPDATE meetings SET chair_person_id = NULL WHERE id = ?",
                       (snapshot.meeting_id,))
            db.execute("DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?",
                       (snapshot.meeting_id, snapshot.person_id))
            if snapshot.row:
                self._store.restore_rows([(self.table, snapshot.row)] + [
                    ("attendance_items", r) for r in snapshot.items])
            db.execute("UPDATE meetings SET chair_person_id = ? WHERE id = ?",
                       (snapshot.chair_id, snapshot.meeting_id))
        return Changes.of(self.kind, snapshot.meeting_id) | Changes.of(Kind.MEETING,
                                                                       snapshot.meeting_id)

    # -- the chair ---------------------------------------------------------------

    def chair_of(self, meeting_id: str) -> str | None:
        return self._store.scalar("SELECT chair_person_id FROM meetings WHERE id = ?",
                                  (meeting_id,))

    def set_chair(self, meeting_id: str, person_id: str | None) -> Changes:
        """Who chaired: the Chair if present, otherwise the Vice-Chair or another
        member present. Must be marked present first."""
        meeting = self._meetings.get(meeting_id)
        if person_id:
            entry = self.entry(meeting_id, person_id)
            if entry is None or entry.status != "present":
                raise ValidationError(
                    f"{self._name(person_id)} is not marked present, so cannot chair.")
            role = self._role_on(meeting_id, person_id)
            if role not in MEMBER_ROLES:
                raise ValidationError(
                    f"{self._name(person_id)} is not a member, so cannot chair.")
            chair = next((bp.person for bp in self._people.members_on(meeting.body_id,
                                                                       meeting.date)
                          if bp.membership.role == "chair"), None)
            chair_entry = chair and self.entry(meeting_id, chair.id)
            if chair and chair.id != person_id and chair_entry and (
                    chair_entry.status == "present"):
                raise ValidationError(
                    f"{chair.display_name}, the Chair, is present and so chairs the meeting.")
        self._store.update("meetings", meeting_id, {"chair_person_id": person_id or None})
        return Changes.of(Kind.MEETING, meeting_id) | Changes.of(self.kind, meeting_id)

    def _role_on(self, meeting_id: str, person_id: str) -> str:
        meeting = self._meetings.get(meeting_id)
        membership = self._people.membership_in(meeting.body_id, person_id)
        if membership is None:
            return ""
        if membership.current_on(meeting.date) or membership.role not in MEMBER_ROLES:
            return membership.role
        return ""

    def _name(self, person_id: str) -> str:
        return self._people.get(person_id).display_name

    # -- over a period -----------------------------------------------------------

    def meetings_with_register(self, body_id: str, start=None, end=None) -> list[Meeting]:
        """The body's meetings in the period (either end open) whose register was taken."""
        first, last = _period(start, end)
        taken = set(self._store.column(
            "SELECT DISTINCT a.meeting_id FROM attendance a JOIN meetings m "
            "ON m.id = a.meeting_id WHERE m.body_id = ?", (body_id,)))
        return [m for m in self._meetings.of_body(body_id)
                if first <= m.date <= last and m.id in taken]

    def over_period(self, body_id: str, start=None, end=None,
                    limit: int | None = None) -> list[MemberRecord]:
        """For each member (the first ``limit``: a long list's first screen): the
        meetings whose register was taken while they were a member, and how
        many they attended, sent apologies for, or missed.

        A member not marked at a meeting whose register was taken counts as absent.
        """
        first, last = _period(start, end)
        days = self._store.column(  # of the meetings whose register was taken
            """SELECT m.date FROM meetings m WHERE m.body_id = ? AND m.date BETWEEN ? AND ?
               AND EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)
               ORDER BY m.date""", (body_id, first.isoformat(), last.isoformat()))
        could: dict[str, int] = {}
        members: list[BodyPerson] = []
        while limit is None or len(members) < limit:  # a screenful at a time, if asked
            read = self._people.members_ever(body_id, limit, len(could))
            for bp in read:
                low, high = _span(bp.membership)
                could[bp.person.id] = bisect_right(days, high) - bisect_left(days, low)
                if could[bp.person.id]:
                    members.append(bp)
            if limit is None or len(read) < limit:
                break
        members = members[:limit]
        spans = {bp.person.id: _span(bp.membership) for bp in members}
        marks = self._store.rows(
            f"""SELECT a.person_id, a.status, m.date FROM attendance a
                CROSS JOIN meetings m ON m.id = a.meeting_id  -- by their people's index
                WHERE m.body_id = ? AND m.date BETWEEN ? AND ?
                AND a.person_id IN ({','.join('?' * len(spans))})""",
            (body_id, first.isoformat(), last.isoformat(), *spans))
        counted = Counter((r["person_id"], r["status"]) for r in marks
                          if spans[r["person_id"]][0] <= r["date"] <= spans[r["person_id"]][1])
        records = []
        for bp in members:
            n, pid = could[bp.person.id], bp.person.id
            records.append(MemberRecord(bp.person, n, counted[pid, "present"],
                                        counted[pid, "apologies"],
                                        n - counted[pid, "present"] - counted[pid, "apologies"]))
        return records


def _period(start, end) -> tuple[dt.date, dt.date]:
    """A period's first and last days, either end open."""
    first = parse_date(start, "start date") if start else dt.date.min
    last = parse_date(end, "end date") if end else dt.date.max
    if last < first:
        raise ValidationError("The period must end on or after its start.")
    return first, last


def _span(membership: Membership) -> tuple[str, str]:
    """The first and last days of a membership as the file writes dates (open: either end)."""
    return (membership.joined_on.isoformat() if membership.joined_on else "",
            membership.left_on.isoformat() if membership.left_on else "9999-12-31")
