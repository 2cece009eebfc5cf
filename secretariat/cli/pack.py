"""The command that makes a meeting's pack: cover, agenda and papers in one PDF."""

from ..files.output_files import write_private
from . import body_named, open_existing, pdf_command, say, warn, warn_of_boxes


def add_commands(sub) -> None:
    cmd = pdf_command(sub, "pack", "print a meeting's pack (cover, agenda and the papers "
                      "tabled) to one PDF", run_pack, meeting=True)
    cmd.add_argument("--restricted", action="store_true",
                     help="the restricted version, for the chair and officials: the chair's "
                          "brief on interests follows the agenda")


def run_pack(args) -> int:
    from ..documents import meeting_pack

    with open_existing(args.path) as tf:
        meeting = tf.meetings.find_one(args.meeting, body_named(tf, args.body))
        doc = meeting_pack.build(tf, meeting.id, restricted=args.restricted)
    warn_of_boxes(meeting_pack, doc)
    pack = meeting_pack.render(doc)
    write_private(args.output, pack.pdf)
    version = "restricted meeting pack" if doc.restricted else "meeting pack"
    included = len(doc.papers) - len(pack.left_out)
    say(f"Wrote the {version} of {doc.date} ({pack.pages} pages, {included} of "
        f"{len(doc.papers)} papers) to {args.output}")
    for line in pack.left_out:
        warn(line)
    return 0
