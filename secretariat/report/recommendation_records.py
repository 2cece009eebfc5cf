"""What a report and a recommendation are, as the managers read them, and how
each part is named: its addressees, deadline (a day or a whole month), the
Government's response, RAG status, dated updates and links."""

import datetime as dt
import string

from ..frozen import record
from ..values import Month, abbreviated_date, day_or_month, last_day

RESPONSES = {"awaiting": "Awaiting response", "accepted": "Accepted",
             "accepted_in_part": "Accepted in part", "not_accepted": "Not accepted"}
RAGS = {"": "Not rated", "red": "Red", "amber": "Amber", "green": "Green"}
GROUPINGS = ("chapter", "addressee")
NO_CHAPTER = "Not in a chapter"


@record
class Chapter:
    id: str
    report_id: str
    position: int
    title: str


@record
class Report:
    id: str
    body_id: str
    title: str
    published: dt.date | Month | None
    notes: str
    chapters: tuple[Chapter, ...] = ()

    @property
    def published_label(self) -> str:
        return day_or_month(self.published)


@record
class Addressee:
    person_id: str | None
    organisation: str
    label: str


@record
class Update:
    id: str
    recommendation_id: str
    made_on: dt.date
    text: str
    rag: str
    meeting_id: str | None
    meeting_date: dt.date | None

    def line(self) -> str:
        """'3 Sep 2012 (Amber): text'."""
        rag = f" ({RAGS[self.rag]})" if self.rag else ""
        return f"{abbreviated_date(self.made_on)}{rag}: {self.text}"


@record
class Link:
    """An action, a paper or a meeting (perhaps one item of it) touching a
    recommendation, with what it is called."""

    id: str
    recommendation_id: str
    kind: str  # action, paper or meeting
    target_id: str  # the action's, paper's or meeting's id
    meeting_id: str | None  # the meeting's, or the action's (where it was agreed)
    agenda_item_id: str | None
    label: str


@record
class Recommendation:
    id: str
    report_id: str
    body_id: str
    chapter_id: str | None
    chapter_title: str
    chapter_position: int | None
    position: int
    number: str
    text: str
    sub_points: tuple[str, ...]
    addressees: tuple[Addressee, ...]
    deadline: dt.date | Month | None
    response: str
    response_on: dt.date | None
    response_text: str
    owner_person_id: str | None
    owner_text: str
    owner_label: str
    rag: str
    completed_on: dt.date | None
    updates: tuple[Update, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def addressee_label(self) -> str:
        return "; ".join(a.label for a in self.addressees)  # names may hold commas

    @property
    def deadline_label(self) -> str:
        return day_or_month(self.deadline)

    @property
    def response_label(self) -> str:
        return RESPONSES[self.response]

    @property
    def rag_label(self) -> str:
        return RAGS[self.rag]

    @property
    def lettered_points(self) -> list[str]:
        """The sub-points as printed: (a) the first, (b) the second…"""
        return [f"({_letter(n)}) {point}" for n, point in enumerate(self.sub_points)]

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    def overdue(self, today: dt.date | None = None) -> bool:
        """Its deadline (a month's last day) has passed, it is not done, and the
        Government has not turned it down."""
        return (self.deadline is not None and self.completed_on is None
                and self.response != "not_accepted"
                and last_day(self.deadline) < (today or dt.date.today()))


def _letter(n: int) -> str:
    """a … z, then aa, ab…"""
    letters = string.ascii_lowercase
    return letters[n] if n < 26 else _letter(n // 26 - 1) + letters[n % 26]


def points_of(text: str) -> tuple[str, ...]:
    """Sub-points as stored (a line each), without empty lines."""
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())
