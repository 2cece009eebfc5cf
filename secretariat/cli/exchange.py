"""Export a file to JSON and import an export into a new or empty file."""

from pathlib import Path

from ..errors import UserFacingError
from ..files.output_files import EXPORT
from . import open_existing, output_argument, say


def add_commands(sub) -> None:
    cmd = sub.add_parser("export", help="write everything in a file as JSON (docs/export-format.md)")
    cmd.add_argument("path", help="the taskforce file")
    output_argument(cmd, "-o", "--output", required=True, kind=EXPORT,
                    help="the JSON file to write")
    cmd.set_defaults(run=run_export)

    cmd = sub.add_parser("import", help="read a JSON export into a new or empty taskforce file")
    cmd.add_argument("path", help="the taskforce file to fill (made if it does not exist)")
    cmd.add_argument("source", help="the JSON export to read")
    cmd.set_defaults(run=run_import)


def run_export(args) -> int:
    from ..files import exchange  # each command imports only what it uses

    with open_existing(args.path) as tf:
        exchange.export_file(tf.store, args.output)  # in full or not at all
    say(f"Exported {args.path} to {args.output}")
    return 0


def run_import(args) -> int:
    source = Path(args.source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "it is not UTF-8 text"
        raise UserFacingError(f"Cannot read {source.name}: {reason}.") from None
    from ..files import exchange

    summary = exchange.import_json(text, args.path, source_name=source.name)
    say(f"Imported {summary.total} records from {source.name} into {args.path}")
    return 0
