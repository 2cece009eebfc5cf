"""Commands that print the minutes of a meeting and the action log."""

import datetime as dt

from ..errors import ValidationError
from ..files.output_files import EMAIL, write_private
from ..meeting import minutes_content
from ..meeting.action_records import STATUSES
from ..records import choice
from . import (body_named, open_existing, output_argument, pdf_command, render_as, say, warn,
               write_pdf)


def add_commands(sub) -> None:
    cmd = pdf_command(sub, "minutes", "print the minutes of a meeting to PDF (or Word)",
                      run_minutes, meeting=True, word=True)
    cmd.add_argument("--publication", action="store_true",
                     help="the version for publication: restricted items withheld")
    output_argument(cmd, "--email", kind=EMAIL, metavar="OUT.eml",
                    help="also write an e-mail draft with the PDF attached, addressed to "
                         "the current members and officials")

    cmd = pdf_command(sub, "actions", "print the action log, by owner, to PDF", run_actions,
                      body=False)
    cmd.add_argument("--status", help="open, done or dropped (all when left out)")
    cmd.add_argument("--owner", help="only actions whose owner's name, role or group "
                                     "contains this")


def run_minutes(args) -> int:
    if args.email and args.format != "pdf":
        raise ValidationError("The e-mail draft attaches the PDF: leave out --format docx "
                              "to write it, and write the Word document on its own.")
    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = minutes_content.build(tf, meeting.id, publication=args.publication)
        written = render_as(args.format, "minutes", doc)
        draft = None
        if args.email:  # imported only then: the e-mail modules are slow to load
            from ..letters import circulate

            draft = circulate.draft(tf, meeting.id, written,
                                    "draft minutes" if doc.draft else "minutes")
    # Both made before either is written: a draft that cannot be made leaves no PDF either.
    write_private(args.output, written)
    say(f"Wrote the minutes of {doc.date} to {args.output}")
    if draft:
        write_private(args.email, draft.eml)
        count = len(draft.recipients)
        say(f"Wrote an e-mail draft to {count} {'person' if count == 1 else 'people'} "
            f"to {args.email}")
        if draft.without_address:
            warn("no e-mail address for " + ", ".join(draft.without_address))
    return 0


def run_actions(args) -> int:
    from ..documents import actions_pdf

    status = choice(args.status, STATUSES, "status") if args.status else None
    with open_existing(args.path) as tf:
        bodies = tf.bodies.all()
        actions = tf.actions.log(status=status, owner=args.owner, sort="due")
    scope = f"{STATUSES[status]} actions" if status else "All actions"
    if args.owner:
        scope += f" owned by {args.owner.strip()}"
    doc = actions_pdf.ActionLogDocument(
        body_name=bodies[0].name if len(bodies) == 1 else "Taskforce", scope=scope,
        today=dt.date.today(), actions=tuple(actions), owner=args.owner or "")
    write_pdf(args.output, actions_pdf, doc)
    say(f"Wrote {len(actions)} action(s) to {args.output}")
    return 0
