"""The commands that write a body's meetings as a calendar file (.ics), and a
meeting's invitation or cancellation as an e-mail draft carrying it."""

from ..files.output_files import CALENDAR, EMAIL, write_private
from . import body_named, open_existing, output_argument, say, the_body, warn


def add_commands(sub) -> None:
    cmd = sub.add_parser("calendar", help="write a body's meetings as a calendar file (.ics) "
                         "for Outlook and other calendar programs")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--body", help="the body's name, when the file holds several")
    output_argument(cmd, "-o", "--output", required=True, metavar="OUT.ics", kind=CALENDAR)
    cmd.set_defaults(run=run_calendar)

    cmd = sub.add_parser("invite", help="write a meeting's invitation, for the members' "
                         "calendars, as an e-mail draft (.eml) to the members and officials")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--meeting", required=True, metavar="YYYY-MM-DD",
                     help="the date of the meeting")
    cmd.add_argument("--body", help="the body's name, when several met that day")
    cmd.add_argument("--cancel", action="store_true",
                     help="cancel the meeting (if it is not yet) and write its cancellation "
                          "instead")
    output_argument(cmd, "-o", "--output", required=True, metavar="OUT.eml", kind=EMAIL)
    cmd.set_defaults(run=run_invite)


def run_calendar(args) -> int:
    from ..letters.calendar import body_calendar  # icalendar only for this command

    with open_existing(args.path) as tf:
        body_id = the_body(tf, args.body)
        name = tf.bodies.get(body_id).name
        data, count = body_calendar(tf, body_id)
    write_private(args.output, data)
    say(f"Wrote {count} meetings of {name} to {args.output}")
    return 0


def run_invite(args) -> int:
    from ..letters import meeting_invitation  # icalendar and the e-mail modules only here

    with open_existing(args.path, reading=False) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        if args.cancel:
            if not meeting.cancelled_on:
                tf.meetings.cancel(meeting.id)
            draft = meeting_invitation.cancellation(tf, meeting.id)
        else:
            draft = meeting_invitation.invitation(tf, meeting.id)
        write_private(args.output, draft.eml)
        if not args.cancel:  # written: a new time or place now raises its sequence
            tf.meetings.record_invitation(meeting.id)
    what = "cancellation" if args.cancel else "invitation"
    say(f"Wrote the {what} of the meeting of {meeting.date.isoformat()} to {args.output}")
    if draft.without_email:
        warn("no e-mail address for " + ", ".join(draft.without_email))
    if draft.note:
        warn(draft.note)
    return 0
