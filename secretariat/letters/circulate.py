"""Circulating a document: an e-mail draft (.eml) with the PDF attached,
addressed to the body's current members and officials, for the official to
open in their mail program, check and send."""

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr
from typing import TYPE_CHECKING

from ..frozen import record
from ..taskforce import Taskforce
from ..values import long_date

if TYPE_CHECKING:
    from ..membership.people import Person

ROLES = ("chair", "vice_chair", "member", "official")


@record
class Draft:
    eml: bytes  # the whole message, as a mail program reads a .eml file
    recipients: tuple[str, ...]  # "Name <address>"
    without_address: tuple[str, ...]  # current members and officials we cannot reach


def members_and_officials(tf: Taskforce, body_id: str, on: dt.date) -> list["Person"]:
    """The body's members and officials on the day: who is sent its papers and
    invited to its meetings (guests are not)."""
    return [bp.person for bp in tf.people.in_body(body_id)
            if bp.membership.role in ROLES and bp.membership.current_on(on)]


def recipients(tf: Taskforce, body_id: str, on: dt.date) -> tuple[list[str], list[str]]:
    """Addresses of the current members and officials, and who has none."""
    people = members_and_officials(tf, body_id, on)
    return ([formataddr((p.display_name, p.email)) for p in people if p.email],
            [p.display_name for p in people if not p.email])


def draft(tf: Taskforce, meeting_id: str, pdf: bytes, document: str = "draft minutes",
          on: dt.date | None = None) -> Draft:
    """An unsent message with the PDF attached; ``document`` ("draft minutes",
    "draft agenda") names it in the subject, the text and the file name."""
    meeting = tf.meetings.get(meeting_id)
    body = tf.bodies.get(meeting.body_id)
    to, missing = recipients(tf, body.id, on or dt.date.today())
    day = long_date(meeting.date)
    # Long lines rather than folded headers: some mail programs show a folded
    # subject with a leading space.
    message = EmailMessage(policy=SMTP.clone(max_line_length=998))
    message["Subject"] = f"{body.name}: {document} for the meeting of {day}"
    if to:
        message["To"] = ", ".join(to)
    message["X-Unsent"] = "1"  # mail programs open the file as a draft to send
    message.set_content(
        f"Dear colleagues,\n\nPlease find attached the {document} for the {body.name} "
        f"meeting of {day}.\nAny comments or corrections would be welcome.\n\n"
        "With best wishes,\n\nThe secretariat\n")
    filename = f"{body.short_name or body.name} {document} {meeting.date.isoformat()}.pdf"
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    return Draft(bytes(message), tuple(to), tuple(missing))
