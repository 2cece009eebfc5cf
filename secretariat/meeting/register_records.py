"""What a meeting's register holds, as the manager reads it: an entry, a line of
the register (marked or not yet), the register with whoever chairs, a member's
attendance over a period, and a snapshot for undo."""

from ..frozen import record
from ..membership.people import Person

STATUSES = {"present": "Present", "apologies": "Apologies", "absent": "Absent"}
CAPACITIES = {"member": "Member", "official": "Official", "guest": "Guest",
              "presenter": "Presenter"}


@record
class Attendance:
    id: str
    meeting_id: str
    person_id: str
    status: str
    capacity: str
    deputising_for_id: str | None
    arrived_item_id: str | None
    left_item_id: str | None
    note: str

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]


@record
class RegisterLine:
    """One person in the register, marked or not yet."""

    person: Person
    role: str  # their membership role in the body that day, or their capacity
    attendance: Attendance | None
    deputising_for: str  # the name or role of whoever they stand in for
    items: tuple[str, ...]  # guests and presenters: the items they came for

    @property
    def status(self) -> str:
        return self.attendance.status if self.attendance else ""

    @property
    def label(self) -> str:
        """As the minutes list them: 'Crown Commercial Lead deputising for Director of
        Commercial'."""
        name = self.person.display_name
        return f"{name} deputising for {self.deputising_for}" if self.deputising_for else name


@record
class Register:
    meeting_id: str
    members: list[RegisterLine]  # (only the first ones, if so asked: see ``register``)
    others: list[RegisterLine]  # officials, guests and presenters, as recorded
    chair_person_id: str | None
    chair_heading: str  # "Chair", "Vice-Chair" or "In the chair"
    marked: list[RegisterLine]  # the members marked, in the members' order
    member_count: int  # members that day, marked or not

    @property
    def lines(self) -> list[RegisterLine]:
        return self.members + self.others

    @property
    def in_the_chair(self) -> tuple[str, RegisterLine] | None:
        """(heading, line) of whoever chairs: the one put in the chair, else the
        Chair or Vice-Chair present, as the minutes name them."""
        line = next((x for x in self.lines if x.person.id == self.chair_person_id), None)
        if line:
            return self.chair_heading, line
        for role, heading in (("chair", "Chair"), ("vice_chair", "Vice-Chair")):
            line = next((x for x in self.members
                         if x.role == role and x.status == "present"), None)
            if line:
                return heading, line
        return None

    def with_status(self, status: str, capacity: str | None = None) -> list[RegisterLine]:
        return [line for line in self.lines if line.status == status
                and (capacity is None
                     or line.attendance is not None and line.attendance.capacity == capacity)]


@record
class MemberRecord:
    """One member's attendance over a period."""

    person: Person
    could_attend: int
    attended: int
    apologies: int
    absent: int

    @property
    def rate(self) -> float | None:
        return self.attended / self.could_attend if self.could_attend else None

    @property
    def rate_text(self) -> str:
        return "–" if self.rate is None else f"{round(self.rate * 100)}%"


@record
class Snapshot:
    meeting_id: str
    person_id: str
    row: dict | None
    items: list[dict]
    chair_id: str | None


def heading_for_role(role: str) -> str:
    """How the minutes head whoever chairs, by their role in the body."""
    return {"chair": "Chair", "vice_chair": "Vice-Chair"}.get(role, "In the chair")
