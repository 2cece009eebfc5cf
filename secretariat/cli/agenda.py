"""Commands that print a meeting's agenda and attendance over a period."""

from ..files.output_files import write_private
from ..meeting import agenda_content
from . import body_named, open_existing, pdf_command, render_as, say, the_body, write_pdf


def add_commands(sub) -> None:
    pdf_command(sub, "agenda", "print the agenda of a meeting to PDF (or Word)", run_agenda,
                meeting=True, word=True)
    cmd = pdf_command(sub, "attendance", "print members' attendance over a period to PDF",
                      run_attendance)
    cmd.add_argument("--from", dest="start", metavar="DATE", help="the first day of the period")
    cmd.add_argument("--to", dest="end", metavar="DATE", help="the last day of the period")


def run_agenda(args) -> int:
    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = agenda_content.build(tf, meeting.id)
    write_private(args.output, render_as(args.format, "agenda", doc))
    say(f"Wrote the agenda of {doc.date} to {args.output}")
    return 0


def run_attendance(args) -> int:
    from ..documents import attendance_pdf

    with open_existing(args.path) as tf:
        doc = attendance_pdf.build(tf, the_body(tf, args.body), args.start, args.end)
    write_pdf(args.output, attendance_pdf, doc)
    say(f"Wrote attendance at {doc.meetings} meeting(s) to {args.output}")
    return 0
