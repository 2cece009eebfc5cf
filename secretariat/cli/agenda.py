"""Commands that print a meeting's agenda and attendance over a period."""

from . import body_named, open_existing, the_body, warn_missing_glyphs, write_private


def register(sub) -> None:
    cmd = sub.add_parser("agenda", help="print the agenda of a meeting to PDF")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--meeting", required=True, metavar="YYYY-MM-DD",
                     help="the date of the meeting")
    cmd.add_argument("--body", help="the body's name, when several met that day")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(run=run_agenda)

    cmd = sub.add_parser("attendance", help="print members' attendance over a period to PDF")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--from", dest="start", metavar="DATE", help="the first day of the period")
    cmd.add_argument("--to", dest="end", metavar="DATE", help="the last day of the period")
    cmd.add_argument("--body", help="the body's name, when the file holds several")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(run=run_attendance)


def run_agenda(args) -> int:
    from ..documents import agenda_pdf

    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = agenda_pdf.build(tf, meeting.id)
    warn_missing_glyphs(agenda_pdf.warnings(doc))
    write_private(args.output, agenda_pdf.render(doc))
    print(f"Wrote the agenda of {doc.date} to {args.output}")
    return 0


def run_attendance(args) -> int:
    from ..documents import attendance_pdf

    with open_existing(args.path) as tf:
        doc = attendance_pdf.build(tf, the_body(tf, args.body), args.start, args.end)
    warn_missing_glyphs(attendance_pdf.warnings(doc))
    write_private(args.output, attendance_pdf.render(doc))
    print(f"Wrote attendance at {doc.meetings} meeting(s) to {args.output}")
    return 0
