"""Commands that print the register of interests, the review coverage view and
the chair's brief on interests for a meeting."""

import datetime as dt

from . import body_named, open_existing, pdf_command, say, the_body, write_pdf


def add_commands(sub) -> None:
    cmd = pdf_command(sub, "register", "print the register of members' interests to PDF",
                      run_interests)
    cmd.add_argument("--as-of", metavar="YYYY-MM-DD",
                     help="the register as it stood on that date (today when left out)")
    cmd.add_argument("--marking", default="OFFICIAL-SENSITIVE",
                     choices=["OFFICIAL", "OFFICIAL-SENSITIVE"])
    pdf_command(sub, "reviews", "print the review coverage of papers to PDF", run_reviews)
    pdf_command(sub, "brief", "print the chair's brief on interests for a meeting to PDF",
                run_brief, meeting=True)


def run_interests(args) -> int:
    from ..documents import interests_pdf
    from ..interest.interests import interests_document

    with open_existing(args.path) as tf:
        doc = interests_document(tf, the_body(tf, args.body), args.as_of, args.marking)
    write_pdf(args.output, interests_pdf, doc)
    say(f"Wrote the register of interests ({len(doc.entries)} members) to {args.output}")
    return 0


def run_reviews(args) -> int:
    from ..documents import reviews_pdf
    from ..review.reviews import coverage_document

    with open_existing(args.path) as tf:
        doc = coverage_document(tf, the_body(tf, args.body), dt.date.today())
    write_pdf(args.output, reviews_pdf, doc)
    marked = sum(bool(c.marks) for c in doc.papers)
    say(f"Wrote the coverage of {len(doc.papers)} papers ({marked} marked) to {args.output}")
    return 0


def run_brief(args) -> int:
    from ..interest.conflicts import brief_document
    from ..documents import chairs_brief_pdf

    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = brief_document(tf, meeting.id)
    write_pdf(args.output, chairs_brief_pdf, doc)
    say(f"Wrote the chair's brief ({len(doc.conflicts)} conflict flags) to {args.output}")
    return 0
