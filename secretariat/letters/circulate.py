"""Circulating a document: an e-mail draft (.eml) with the PDF attached,
addressed to the body's current members and officials, for the official to
open in their mail program, check and send."""

import datetime as dt
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formataddr

from ..frozen import record
from ..taskforce import Taskforce
from ..values import long_date

ROLES = ("chair", "vice_chair", "member", "official")


@record
class Draft:
    eml: bytes  # the whole message, as a mail program reads a .eml file
    recipients: tuple[str, ...]  # "Name <address>"
    without_address: tuple[str, ...]  # current members and officials we cannot reach


def recipients(tf: Taskforce, body_id: str, on: dt.date) -> tuple[list[str], list[str]]:
    """Addresses of the current members and officials, and who has none."""
    found, missing = [], []
    for bp in tf.people.in_body(body_id):
        if bp.membership.role not in ROLES or not bp.membership.current_on(on):
            continue
        person = bp.person
        if person.email:
            found.append(formataddr((person.display_name, person.email)))
        else:
            missing.append(person.display_name)
    return found, missing


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
