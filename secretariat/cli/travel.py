"""Travel copies without the window: take one, merge one back."""

from ..errors import UserFacingError
from ..files.output_files import TASKFORCE
from . import open_existing, output_argument, say

_WHAT = {"added": "added", "changed": "changed", "deleted": "deleted",
         "restored": "brought back (needed by other records)"}


def add_commands(sub) -> None:
    travel = sub.add_parser("travel", help="take a travel copy to work away, and merge it back")
    steps = travel.add_subparsers(dest="step", metavar="take|merge", parser_class=type(travel))
    steps.required = True

    cmd = steps.add_parser("take", help="write a travel copy of a file, to carry away")
    cmd.add_argument("path", help="the home taskforce file")
    output_argument(cmd, "copy", kind=TASKFORCE,
                    help="the travel copy to write (a new file)")
    cmd.set_defaults(run=run_take)

    cmd = steps.add_parser("merge", help="bring a travel copy's changes into the home file")
    cmd.add_argument("path", help="the home taskforce file")
    cmd.add_argument("copy", help="the travel copy")
    cmd.add_argument("--keep", choices=["home", "travel"],
                     help="for records changed on both sides, keep this side's version "
                          "(without it, such records are left for the window)")
    cmd.set_defaults(run=run_merge)


def run_take(args) -> int:
    from ..files.travel import take_travel_copy

    with open_existing(args.path, reading=False) as tf:  # the home file records the copy
        copy = take_travel_copy(tf.store, args.copy)
    say(f"Took a travel copy of {args.path} to {copy.path}")
    return 0


def run_merge(args) -> int:
    from ..files.travel import label_of, merge, record_name

    report = merge(args.path, args.copy)
    if not report.merged and args.keep:
        report = merge(args.path, args.copy, {c.key: args.keep for c in report.conflicts})
    if not report.merged:
        for conflict in report.conflicts:
            label = label_of(conflict.home or conflict.travel or {})
            say(f"  changed on both sides: {record_name(conflict.table)}: {label}")
        raise UserFacingError(
            f"Nothing was merged: {len(report.conflicts)} records were changed both at home "
            "and in the travel copy. Merge in the window to choose for each, or run again "
            "with --keep home or --keep travel.")
    say(report.summary())
    for incoming in report.incoming:
        say(f"  {_WHAT[incoming.what]} {record_name(incoming.table)}: {incoming.label}")
    for key, side in report.chosen.items():
        say(f"  changed on both sides, the {side} version kept: {record_name(key[0])}: "
            f"{report.chosen_labels.get(key, '')}")
    for skipped in report.skipped:
        say(f"  not merged: {skipped}")
    for note in report.to_look_at:
        say(f"  to look at: {note}")
    if report.backup_path:
        say(f"The home file as it was before is kept in {report.backup_path}")
    return 0
