"""The command that writes a body's meetings as a calendar file (.ics)."""

from ..files.output_files import write_private
from . import open_existing, output_argument, say, the_body


def add_commands(sub) -> None:
    cmd = sub.add_parser("calendar", help="write a body's meetings as a calendar file (.ics) "
                         "for Outlook and other calendar programs")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--body", help="the body's name, when the file holds several")
    output_argument(cmd, "-o", "--output", required=True, metavar="OUT.ics")
    cmd.set_defaults(run=run_calendar)


def run_calendar(args) -> int:
    from ..letters.calendar import body_calendar  # icalendar only for this command

    with open_existing(args.path) as tf:
        body_id = the_body(tf, args.body)
        name = tf.bodies.get(body_id).name
        data, count = body_calendar(tf, body_id)
    write_private(args.output, data)
    say(f"Wrote {count} meetings of {name} to {args.output}")
    return 0
