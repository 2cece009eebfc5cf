"""Commands that print the register of interests, the review coverage view and
the chair's brief on interests for a meeting."""

import datetime as dt

from . import body_named, open_existing, the_body, warn_missing_glyphs, write_private


def register(sub) -> None:
    cmd = sub.add_parser("register", help="print the register of members' interests to PDF")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--as-of", metavar="YYYY-MM-DD",
                     help="the register as it stood on that date (today when left out)")
    cmd.add_argument("--marking", default="OFFICIAL-SENSITIVE",
                     choices=["OFFICIAL", "OFFICIAL-SENSITIVE"])
    _common(cmd, run_register)

    cmd = sub.add_parser("reviews", help="print the review coverage of papers to PDF")
    cmd.add_argument("path", help="the taskforce file")
    _common(cmd, run_reviews)

    cmd = sub.add_parser("brief", help="print the chair's brief on interests for a meeting")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--meeting", required=True, metavar="YYYY-MM-DD",
                     help="the date of the meeting")
    _common(cmd, run_brief)


def _common(cmd, run) -> None:
    cmd.add_argument("--body", help="the body's name, when the file holds several")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(run=run)


def run_register(args) -> int:
    from ..documents import register_pdf
    from ..interests import register_document

    with open_existing(args.path) as tf:
        doc = register_document(tf, the_body(tf, args.body), args.as_of, args.marking)
    warn_missing_glyphs(register_pdf.warnings(doc))
    write_private(args.output, register_pdf.render(doc))
    print(f"Wrote the register of interests ({len(doc.entries)} members) to {args.output}")
    return 0


def run_reviews(args) -> int:
    from ..documents import reviews_pdf
    from ..reviews import coverage_document

    with open_existing(args.path) as tf:
        doc = coverage_document(tf, the_body(tf, args.body), dt.date.today())
    write_private(args.output, reviews_pdf.render(doc))
    marked = sum(bool(c.marks) for c in doc.papers)
    print(f"Wrote the coverage of {len(doc.papers)} papers ({marked} marked) to {args.output}")
    return 0


def run_brief(args) -> int:
    from ..conflicts import brief_document
    from ..documents import chairs_brief_pdf

    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = brief_document(tf, meeting.id)
    write_private(args.output, chairs_brief_pdf.render(doc))
    print(f"Wrote the chair's brief ({len(doc.conflicts)} conflict flags) to {args.output}")
    return 0
