"""The command that prints the recommendations tracker."""

from ..report.recommendation_records import GROUPINGS, RESPONSES
from . import open_existing, pdf_command, say, the_body, write_pdf

RAG_CHOICES = {"red": "red", "amber": "amber", "green": "green", "unrated": ""}


def add_commands(sub) -> None:
    cmd = pdf_command(sub, "recommendations",
                      "print the recommendations tracker (each report's recommendations "
                      "and what became of them) to PDF", run_tracker)
    cmd.add_argument("--by", choices=GROUPINGS, default="chapter",
                     help="group the recommendations by chapter (the default) or by addressee")
    cmd.add_argument("--addressee", default="",
                     help="only recommendations addressed to someone whose name or "
                          "organisation contains this")
    cmd.add_argument("--response", choices=RESPONSES,
                     help="only those with this response from the Government")
    cmd.add_argument("--rag", choices=RAG_CHOICES, help="only those of this RAG status")
    cmd.add_argument("--overdue", action="store_true",
                     help="only those past their deadline, not done and not turned down")


def run_tracker(args) -> int:
    from ..documents import recommendations_pdf
    from ..report.tracker import tracker_document

    with open_existing(args.path) as tf:
        doc = tracker_document(tf, the_body(tf, args.body), args.by, args.addressee,
                               response=args.response, overdue=args.overdue,
                               rag=None if args.rag is None else RAG_CHOICES[args.rag])
    write_pdf(args.output, recommendations_pdf, doc)
    count = sum(len(section.recommendations) for section in doc.sections)
    say(f"Wrote the tracker of {count} recommendation{'' if count == 1 else 's'} "
        f"to {args.output}")
    return 0
