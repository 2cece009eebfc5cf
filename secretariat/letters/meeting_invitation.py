"""A meeting's invitation, and its cancellation, as e-mail drafts (.eml) that
carry the meeting for the members' calendars (iTIP, RFC 5546, over e-mail).

The draft goes to the body's members and officials on the meeting's day. Its
calendar part (``text/calendar; method=REQUEST`` or ``CANCEL``, and the same
file attached as an .ics for the mail programs that look only there) is the
meeting's event as the body's calendar has it (``calendar.event``: the same
UID and SEQUENCE), with the secretariat as ORGANIZER and each person invited
who has an address as an ATTENDEE. A calendar that took the invitation takes
a later one with a higher SEQUENCE as a change, and the cancellation as the
end of it.

The ORGANIZER, to whom the replies go, is the body's secretariat address
(Taskforce Details); without one, its first official with an address; with
neither, the event has none, and the draft says so.
"""

import datetime as dt
from typing import TYPE_CHECKING

from icalendar import vCalAddress

from ..errors import ValidationError
from ..frozen import record
from ..values import long_date, time_range
from .calendar import empty_calendar, event
from .circulate import members_and_officials
from .invitations import Draft, eml_name, message_to

if TYPE_CHECKING:
    from ..meeting.meetings import Meeting
    from ..membership.bodies import Body
    from ..membership.people import Person
    from ..taskforce import Taskforce

NO_ORGANIZER = ("The invitation names no organiser, so calendar programs may not send "
                "replies anywhere: give the secretariat's e-mail address in Edit > "
                "Taskforce Details.")


@record
class Organizer:
    name: str
    email: str


def organizer(tf: "Taskforce", body: "Body", on: dt.date) -> Organizer | None:
    """Who the invitation comes from and the replies go to (see the module's notes)."""
    secretariat = f"{body.short_name or body.name} secretariat"
    if body.secretariat_email:
        return Organizer(secretariat, body.secretariat_email)
    for bp in tf.people.in_body(body.id):
        if bp.membership.role == "official" and bp.membership.current_on(on) \
                and bp.person.email:
            return Organizer(bp.person.display_name, bp.person.email)
    return None


def _address(email: str, name: str, **params: str) -> vCalAddress:
    made = vCalAddress(f"mailto:{email}")
    made.params["cn"] = name
    made.params.update(params)
    return made


def calendar_message(meeting: "Meeting", body: "Body", method: str,
                     sender: Organizer | None, people: "list[Person]",
                     stamp: dt.datetime | None = None) -> bytes:
    """The .ics of one meeting's REQUEST or CANCEL, addressed to ``people``
    (those without an address are left off)."""
    happening = event(meeting, body, stamp or dt.datetime.now(dt.UTC))
    if sender:
        happening.add("organizer", _address(sender.email, sender.name))
    # A reply is asked for an invitation, not for its cancellation.
    reply = {"partstat": "NEEDS-ACTION", "rsvp": "TRUE"} if method == "REQUEST" else {}
    for person in people:
        if person.email:
            happening.add("attendee", _address(person.email, person.display_name,
                                               role="REQ-PARTICIPANT", **reply))
    made = empty_calendar([meeting], method)
    made.add_component(happening)
    return made.to_ical()


def _where_and_when(meeting: "Meeting", body: "Body") -> str:
    times = time_range(meeting.start_time, meeting.end_time)
    return (f"the {meeting.kind_label.lower()} of the {body.name} on {long_date(meeting.date)}"
            + (f", {times}" if times else "") + (f", at {meeting.venue}" if meeting.venue else ""))


def _draft(tf: "Taskforce", meeting: "Meeting", method: str, subject: str,
           text: list[str], file_name: str, stamp: dt.datetime | None) -> Draft:
    body = tf.bodies.get(meeting.body_id)
    people = members_and_officials(tf, body.id, meeting.date)
    sender = organizer(tf, body, meeting.date)
    signed = ["", "With best wishes,", "", f"The {body.short_name or body.name} secretariat"]
    message, missing = message_to(subject, people, "\n".join(text + signed) + "\n")
    ics = calendar_message(meeting, body, method, sender, people, stamp)
    # The calendar beside the text, where Outlook and Gmail look; and attached.
    message.add_alternative(ics, maintype="text", subtype="calendar",
                            params={"method": method, "charset": "utf-8"})
    message.add_attachment(ics, maintype="application", subtype="ics",
                           filename=f"{file_name}.ics")
    return Draft(message, eml_name(file_name), missing, "" if sender else NO_ORGANIZER)


def invitation(tf: "Taskforce", meeting_id: str, stamp: dt.datetime | None = None) -> Draft:
    """The meeting's invitation: its event as a REQUEST, to reply to."""
    meeting = tf.meetings.get(meeting_id)
    if meeting.cancelled_on:
        raise ValidationError(f"The meeting of {long_date(meeting.date)} was cancelled: "
                              "there is nothing to invite anyone to.")
    body = tf.bodies.get(meeting.body_id)
    again = "updated " if meeting.calendar_sequence else ""
    text = ["Dear colleagues,", "",
            f"You are invited to {_where_and_when(meeting, body)}."
            + (f"\n\n{meeting.title}" if meeting.title else ""), "",
            "The invitation is attached for your calendar: please accept or decline it "
            "there, or reply to this e-mail."]
    return _draft(tf, meeting, "REQUEST",
                  f"{body.name}: {again}invitation to the meeting of {long_date(meeting.date)}",
                  text, f"Invitation {meeting.date.isoformat()}", stamp)


def cancellation(tf: "Taskforce", meeting_id: str, stamp: dt.datetime | None = None) -> Draft:
    """The cancelled meeting's CANCEL, which takes it out of the calendars that
    took its invitation."""
    meeting = tf.meetings.get(meeting_id)
    if not meeting.cancelled_on:
        raise ValidationError(f"The meeting of {long_date(meeting.date)} is not cancelled: "
                              "cancel it first (Meeting > Cancel Meeting).")
    body = tf.bodies.get(meeting.body_id)
    text = ["Dear colleagues,", "",
            f"I am sorry to say that {_where_and_when(meeting, body)} is cancelled.", "",
            "The cancellation attached takes the meeting out of your calendar."]
    return _draft(tf, meeting, "CANCEL",
                  f"{body.name}: the meeting of {long_date(meeting.date)} is cancelled",
                  text, f"Cancellation {meeting.date.isoformat()}", stamp)
