"""Commands about the file itself: make the sample, check a file."""

from ..errors import UserFacingError
from ..files.output_files import TASKFORCE
from . import open_existing, output_argument, say


def add_commands(sub) -> None:
    cmd = sub.add_parser("sample", help="write the sample taskforce (Mutuals Taskforce 2011-12)")
    output_argument(cmd, "path", help="the new file to write", kind=TASKFORCE)
    cmd.set_defaults(run=run_sample)

    cmd = sub.add_parser("check", help="check a file's integrity, references and version")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("--repair", action="store_true",
                     help="rebuild the search index and the action log's due dates first")
    cmd.set_defaults(run=run_check)


def run_sample(args) -> int:
    from ..files import sample  # each command imports only what it uses

    sample.write(args.path)
    say(f"Wrote the sample taskforce to {args.path}")
    return 0


def run_check(args) -> int:
    from .. import fields, search
    from ..meeting.actions import due_by_problems, refresh_due_by
    from ..membership.people import namesake_problems

    # A check only reads (beside any program writing the file); a repair writes.
    with open_existing(args.path, reading=not args.repair) as tf:
        if args.repair:
            entries = search.rebuild(tf.store)
            refresh_due_by(tf.store)
            say(f"Rebuilt the search index ({entries} entries) and the action log's due dates")
        problems = (tf.store.check() + search.problems(tf.store) + fields.problems(tf.store)
                    + namesake_problems(tf.store) + due_by_problems(tf.store))
        if problems:
            tf.store.distrust()
    if problems:
        raise UserFacingError(f"{args.path}: {problems[0]}"
                              + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""))
    say(f"{args.path}: ok")
    return 0
