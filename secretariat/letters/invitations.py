"""E-mail drafts the secretariat sends about reviews: the invitation to
self-nominate for a wave of papers, and the chaser for overdue reviews; and
what every draft shares (``Draft``, ``message_to``, ``eml_name``), for the
meeting invitations too (``meeting_invitation``).

Each is a standard .eml file made with Python's ``email`` package and marked
unsent, so the official's own mail program opens it ready to check and send.
Nothing is sent from here.
"""

import datetime as dt
import re
from dataclasses import field
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from typing import TYPE_CHECKING

from ..errors import ValidationError, quoted
from ..frozen import record
from ..review.papers import UNDER_REVIEW
from ..values import day_month_year, long_date

if TYPE_CHECKING:
    from ..membership.people import Person


@record
class Draft:
    message: EmailMessage
    file_name: str  # a suggested name for the .eml file
    without_email: list[str] = field(default_factory=list)  # left off: no address
    note: str = ""  # what the official should know before sending it

    @property
    def eml(self) -> bytes:
        """The whole message, as a mail program reads a .eml file."""
        return bytes(self.message)


def message_to(subject: str, people, body: str) -> tuple[EmailMessage, list[str]]:
    # Long lines rather than folded headers: some mail programs show a folded
    # subject with a leading space.
    message = EmailMessage(policy=SMTP.clone(max_line_length=998))
    message["Subject"] = subject
    with_email = [p for p in people if p.email]
    if with_email:
        message["To"] = [Address(display_name=p.display_name, addr_spec=p.email)
                         for p in with_email]
    message["X-Unsent"] = "1"  # mail programs open it as a draft to send
    message.set_content(body)
    return message, [p.display_name for p in people if not p.email]


def eml_name(text: str) -> str:
    return re.sub(r"[^\w\- ]+", "", text).strip()[:80] + ".eml"


def _paper_line(tf, paper) -> str:
    line = f"- {paper.title}"
    if paper.short_name and paper.short_name != paper.title:
        line += f" ({paper.short_name})"
    owner = tf.papers.owner_name(paper)
    if owner:
        line += f"; lead: {owner}"
    if paper.review_deadline:
        line += f"; comments by {day_month_year(paper.review_deadline)}"
    return line


def invite_self_nominations(tf, body_id: str, wave: str, deadline=None,
                            today: dt.date | None = None) -> Draft:
    """To every current member: the wave's papers still to be reviewed (not signed
    off, published or withdrawn) and the deadline for nominations."""
    papers = [p for p in tf.papers.of_body(body_id, wave) if p.status in UNDER_REVIEW]
    if not papers:
        raise ValidationError(f"There are no papers still to be reviewed in the wave "
                              f"{quoted(wave)}.")
    body = tf.bodies.get(body_id)
    members = [bp.person for bp in tf.people.members_on(body_id, today or dt.date.today())]
    deadlines = [p.review_deadline for p in papers if p.review_deadline]
    deadline = deadline or (min(deadlines) if deadlines else None)
    by = f" by {long_date(deadline)}" if deadline else ""
    lines = [
        "Dear members,",
        "",
        f"The {body.name} invites you to nominate yourselves to review the papers "
        f"listed below ({wave}). Please reply{by}, saying which paper or papers "
        "you would review and the role you will play: applying technical expertise, "
        "testing for readability from a lay perspective, or another role in your own words.",
        "",
        "You are also welcome to suggest other expert reviewers from outside the "
        f"{body.short_name or body.name}: their name, their expertise and how to reach them.",
        "",
        "The papers:",
        *(_paper_line(tf, p) for p in papers),
        "",
        "With thanks,",
        f"The {body.short_name or body.name} secretariat",
    ]
    message, missing = message_to(f"{body.name}: self-nominations to review papers ({wave})",
                                members, "\n".join(lines) + "\n")
    return Draft(message, eml_name(f"Invite self-nominations - {wave}"), missing)


def chase_overdue(tf, body_id: str, today: dt.date | None = None) -> Draft:
    """To each reviewer with an overdue review: which papers, and when they were due."""
    today = today or dt.date.today()
    overdue = tf.reviews.overdue(body_id, today)
    if not overdue:
        raise ValidationError("No reviews are overdue.")
    body = tf.bodies.get(body_id)
    reviewers: dict[str, Person] = {}
    for review, _paper in overdue:
        reviewers.setdefault(review.person_id, tf.people.get(review.person_id))
    lines = [
        "Dear colleagues,",
        "",
        "Thank you for volunteering to review. These reviews were due and we have not "
        "yet had comments:",
        "",
        *(f"- {paper.label}, due {day_month_year(paper.review_deadline)}: {review.person_name} "
          f"({review.role_label.lower()})" for review, paper in overdue),
        "",
        "Please send your comments as soon as you can, or tell us if you can no longer "
        "review the paper so that we can find someone else.",
        "",
        "With thanks,",
        f"The {body.short_name or body.name} secretariat",
    ]
    message, missing = message_to(f"{body.name}: reviews overdue", reviewers.values(),
                                "\n".join(lines) + "\n")
    return Draft(message, eml_name(f"Reviews overdue - {today.isoformat()}"), missing)

