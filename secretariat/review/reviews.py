"""Members' self-nominations to review papers, the role each will play, and
the external reviewers they suggest; the coverage of each paper and each
member's review load.

A paper under review is covered when it has at least one technical reviewer
and one lay reviewer who have not withdrawn. It is marked when either is
missing, or when its deadline is near (or past) with reviews outstanding.
"""

import datetime as dt
from collections import Counter
from dataclasses import field

from ..changes import Changes, Kind
from ..errors import NotFoundError, ValidationError
from ..frozen import record
from ..interest import conflicts
from ..membership.people import MEMBER_ROLES
from ..records import Manager, choice, require_text, stripped
from ..values import date_to_text, long_date, parse_date
from .papers import UNDER_REVIEW, Paper, Papers

ROLES = {
    "technical": "Technical expertise",
    "lay": "Lay reader",
    "other": "Other role",
}
STATUSES = {
    "nominated": "Nominated",
    "confirmed": "Confirmed",
    "comments_received": "Comments received",
    "done": "Done",
    "withdrawn": "Withdrawn",
}
OUTSTANDING = ("nominated", "confirmed")  # comments not yet in
NEAR_DAYS = 7  # a deadline this close, with reviews outstanding, is marked


@record
class Review:
    id: str
    paper_id: str
    person_id: str
    role: str
    role_words: str
    status: str
    nominated_on: dt.date
    notes: str
    person_name: str = ""

    @property
    def role_label(self) -> str:
        """The role as the reviewer put it, or its standard name."""
        return self.role_words if self.role == "other" and self.role_words else ROLES[self.role]

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]

    @property
    def outstanding(self) -> bool:
        return self.status in OUTSTANDING


@record
class SuggestedReviewer:
    id: str
    paper_id: str
    name: str
    expertise: str
    contact: str
    suggested_by_id: str | None
    notes: str
    suggested_by: str = ""


@record
class PaperCoverage:
    """One paper in the coverage view."""

    paper: Paper
    owner: str
    reviews: list[Review]  # not withdrawn, by role then name
    suggested: list[SuggestedReviewer]
    marks: list[str]
    flags: list[conflicts.Conflict] = field(default_factory=list)
    goes_to: list[str] = field(default_factory=list)  # the meetings (and items) it goes to

    def by_role(self, role: str) -> list[Review]:
        return [r for r in self.reviews if r.role == role]


@record
class ReviewLoad:
    person_id: str
    name: str
    in_hand: int  # nominated, confirmed or comments received on papers under review
    done: int


_SELECT = """SELECT r.*, coalesce(nullif(p.name, ''), p.role_title) AS person_name
             FROM reviews r JOIN people p ON p.id = r.person_id"""


class Reviews(Manager[Review]):
    table = "reviews"
    kind = Kind.REVIEW
    record_type = Review
    label = "review"

    def _from_row(self, row: dict) -> Review:
        return super()._from_row({**row, "nominated_on": parse_date(row["nominated_on"]),
                                  "person_name": row.get("person_name", "")})

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "role" in cleaned:
            cleaned["role"] = choice(cleaned["role"], ROLES, "review role")
        role = cleaned.get("role", current and current.role)
        words = cleaned.get("role_words", current.role_words if current else "")
        if role == "other" and not words:
            raise ValidationError("Say, in the member's words, what role they will play.")
        if "status" in cleaned:
            cleaned["status"] = choice(cleaned["status"], STATUSES, "review status")
        if "nominated_on" in cleaned:
            cleaned["nominated_on"] = date_to_text(
                parse_date(cleaned["nominated_on"], "date of nomination"))
        return cleaned

    def get(self, record_id: str) -> Review:
        row = self._store.row(f"{_SELECT} WHERE r.id = ?", (record_id,))
        if row is None:
            raise NotFoundError("That review no longer exists.")
        return self._from_row(row)

    def nominate(self, paper_id: str, person_id: str, role: str, role_words: str = "",
                 on=None, notes: str = "") -> tuple[str, Changes]:
        """A member volunteers to review a paper in a role. Conflicts are not
        checked here: they are flags shown beside the nomination."""
        paper = self._store.row("SELECT body_id FROM papers WHERE id = ?", (paper_id,))
        if paper is None:
            raise NotFoundError("That paper no longer exists.")
        person = self._store.row(
            """SELECT coalesce(nullif(p.name, ''), p.role_title) AS name, m.role
               FROM people p LEFT JOIN memberships m ON m.person_id = p.id AND m.body_id = ?
               WHERE p.id = ?""", (paper["body_id"], person_id))
        if person is None:
            raise NotFoundError("That person no longer exists.")
        if person["role"] not in MEMBER_ROLES:
            raise ValidationError(f"{person['name']} is not a member of this body; "
                                  "suggest them as an external reviewer instead.")
        if self._store.row("SELECT id FROM reviews WHERE paper_id = ? AND person_id = ?",
                           (paper_id, person_id)):
            raise ValidationError(f"{person['name']} has already nominated themselves "
                                  "to review this paper.")
        return self._create(dict(paper_id=paper_id, person_id=person_id, role=role,
                                 role_words=role_words, nominated_on=on or dt.date.today(),
                                 notes=notes))

    def set_status(self, review_id: str, status: str) -> Changes:
        return self.update(review_id, status=status)

    def delete(self, review_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Remove a nomination entered by mistake (a member who steps back is 'withdrawn')."""
        row = self.raw(review_id)
        self._store.delete(self.table, review_id)
        return Changes.of(self.kind, review_id), [(self.table, row)]

    def of_paper(self, paper_id: str, include_withdrawn: bool = True) -> list[Review]:
        rows = self._store.rows(
            f"""{_SELECT} WHERE r.paper_id = ? {'' if include_withdrawn else
                                               "AND r.status <> 'withdrawn'"}
                ORDER BY CASE r.role WHEN 'technical' THEN 0 WHEN 'lay' THEN 1 ELSE 2 END,
                         person_name COLLATE NOCASE""", (paper_id,))
        return [self._from_row(r) for r in rows]

    def overdue(self, body_id: str, today: dt.date) -> list[tuple[Review, Paper]]:
        """Outstanding reviews of papers under review whose deadline has passed."""
        found = []
        for paper in Papers(self._store).of_body(body_id):
            if paper.status in UNDER_REVIEW and paper.review_deadline \
                    and paper.review_deadline < today:
                found += [(r, paper) for r in self.of_paper(paper.id) if r.outstanding]
        return found

    # -- suggested external reviewers --------------------------------------------

    def suggest(self, paper_id: str, name: str, expertise: str = "", contact: str = "",
                suggested_by_id: str | None = None, notes: str = "") -> tuple[str, Changes]:
        row = self._store.insert("suggested_reviewers", dict(
            paper_id=paper_id, name=require_text(name, "suggested reviewer's name"),
            expertise=expertise.strip(), contact=contact.strip(),
            suggested_by_id=suggested_by_id or None, notes=notes.strip()))
        return row["id"], Changes.of(self.kind, row["id"])

    def remove_suggestion(self, suggestion_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self._store.row("SELECT * FROM suggested_reviewers WHERE id = ?",
                              (suggestion_id,))
        if row is None:
            raise NotFoundError("That suggested reviewer no longer exists.")
        self._store.delete("suggested_reviewers", suggestion_id)
        return Changes.of(self.kind, suggestion_id), [("suggested_reviewers", row)]

    def suggestions(self, paper_id: str) -> list[SuggestedReviewer]:
        rows = self._store.rows(
            """SELECT s.*, coalesce(nullif(p.name, ''), p.role_title, '') AS suggested_by
               FROM suggested_reviewers s LEFT JOIN people p ON p.id = s.suggested_by_id
               WHERE s.paper_id = ? ORDER BY s.name COLLATE NOCASE""", (paper_id,))
        for row in rows:
            del row["created_at"], row["updated_at"]
        return [SuggestedReviewer(**row) for row in rows]


def marks_for(paper: Paper, reviews: list[Review], today: dt.date) -> list[str]:
    """What the coverage view marks on a paper (see the module docstring)."""
    if paper.status not in UNDER_REVIEW:
        return []
    active = [r for r in reviews if r.status != "withdrawn"]
    marks = [f"No {what} reviewer" for role, what in (("technical", "technical"),
                                                      ("lay", "lay"))
             if not any(r.role == role for r in active)]
    outstanding = sum(r.outstanding for r in active)
    deadline = paper.review_deadline
    if deadline and outstanding:
        days = (deadline - today).days
        if days < 0:
            marks.append(f"Deadline passed with {outstanding} review(s) outstanding")
        elif days <= NEAR_DAYS:
            when = "today" if days == 0 else f"in {days} day(s)"
            marks.append(f"Deadline {when} with {outstanding} review(s) outstanding")
    return marks


def coverage(tf, body_id: str, today: dt.date | None = None,
             include_withdrawn: bool = False) -> list[PaperCoverage]:
    """Each paper (withdrawn ones only if asked), its reviewers, marks and conflict flags."""
    today = today or dt.date.today()
    found = []
    for paper in tf.papers.of_body(body_id):
        if paper.status == "withdrawn" and not include_withdrawn:
            continue
        reviews = tf.reviews.of_paper(paper.id, include_withdrawn=False)
        flags = conflicts.for_paper(tf, paper.id, today, {r.person_id for r in reviews}) \
            if reviews else []
        goes_to = [long_date(link.meeting_date) + (f", “{link.item_title}”"
                                                   if link.item_title else "")
                   for link in tf.papers.links(paper.id)]
        found.append(PaperCoverage(paper, tf.papers.owner_name(paper), reviews,
                                   tf.reviews.suggestions(paper.id),
                                   marks_for(paper, reviews, today), flags, goes_to))
    return found


def load(tf, body_id: str, today: dt.date | None = None,
         limit: int | None = None) -> list[ReviewLoad]:
    """Each current member's reviews in hand and done (the first ``limit``
    members: a long list's first screen)."""
    members = tf.people.members_on(body_id, today or dt.date.today(), limit)
    ids = [bp.person.id for bp in members]
    rows = tf.store.rows(
        f"""SELECT r.person_id, r.status, p.status AS paper_status
            FROM reviews r JOIN papers p ON p.id = r.paper_id
            WHERE p.body_id = ? AND r.person_id IN ({','.join('?' * len(ids))})""",
        (body_id, *ids))
    in_hand = Counter(r["person_id"] for r in rows
                      if r["status"] in (*OUTSTANDING, "comments_received")
                      and r["paper_status"] in UNDER_REVIEW)
    done = Counter(r["person_id"] for r in rows if r["status"] == "done")
    return [ReviewLoad(bp.person.id, bp.person.display_name, in_hand[bp.person.id],
                       done[bp.person.id]) for bp in members]


@record
class CoverageDocument:
    """What the printed coverage view shows."""

    body_name: str
    on: dt.date
    papers: list[PaperCoverage]
    loads: list[ReviewLoad]
    marking: str


def coverage_document(tf, body_id: str, today: dt.date | None = None) -> CoverageDocument:
    """The coverage view to print. Conflict flags quote the register of
    interests, so a view showing any is marked OFFICIAL-SENSITIVE."""
    today = today or dt.date.today()
    body = tf.bodies.get(body_id)
    papers = coverage(tf, body_id, today)
    marking = ("OFFICIAL-SENSITIVE" if any(c.flags for c in papers)
               else body.default_marking)
    return CoverageDocument(body.name, today, papers, load(tf, body_id, today), marking)
