"""Commands that print the minutes of a meeting and the action log."""

import datetime as dt
import sys

from .. import circulate, minutes_content
from ..actions import STATUSES
from ..records import choice
from . import body_named, open_existing, warn_missing_glyphs, write_private

_body_id = body_named  # cli/search.py (not in this change) still imports the old name


def register(sub) -> None:
    cmd = sub.add_parser("minutes", help="print the minutes of a meeting to PDF")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--meeting", required=True, metavar="YYYY-MM-DD",
                     help="the date of the meeting")
    cmd.add_argument("--body", help="the body's name, when several met that day")
    cmd.add_argument("--publication", action="store_true",
                     help="the version for publication: restricted items withheld")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.add_argument("--email", metavar="OUT.eml",
                     help="also write an e-mail draft with the PDF attached, addressed to "
                          "the current members and officials")
    cmd.set_defaults(run=run_minutes)

    cmd = sub.add_parser("actions", help="print the action log, by owner, to PDF")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--status", help="open, done or dropped (all when left out)")
    cmd.add_argument("--owner", help="only actions whose owner's name, role or group "
                                     "contains this")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(run=run_actions)


def run_minutes(args) -> int:
    from ..documents import minutes_pdf

    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = minutes_content.build(tf, meeting.id, publication=args.publication)
        warn_missing_glyphs(minutes_pdf.warnings(doc))
        pdf = minutes_pdf.render(doc)
        draft = args.email and circulate.draft(
            tf, meeting.id, pdf, "draft minutes" if doc.draft else "minutes")
    write_private(args.output, pdf)
    print(f"Wrote the minutes of {doc.date} to {args.output}")
    if draft:
        write_private(args.email, draft.eml)
        print(f"Wrote an e-mail draft to {len(draft.recipients)} people to {args.email}")
        if draft.without_address:
            print("warning: no e-mail address for " + ", ".join(draft.without_address),
                  file=sys.stderr)
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
    warn_missing_glyphs(actions_pdf.warnings(doc))
    write_private(args.output, actions_pdf.render(doc))
    print(f"Wrote {len(actions)} action(s) to {args.output}")
    return 0
