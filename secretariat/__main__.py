"""python -m secretariat: the headless command line (no display needed)."""

import argparse
import os
import sys

from .cli import command_modules
from .errors import UserFacingError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        # One line and exit 1 for bad input, as for every other refusal.
        self.exit(1, f"error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m secretariat",
                     description="Taskforce Secretariat without the window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in command_modules():
        module.register(sub)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UserFacingError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: one line unless asked for the traceback
        if os.environ.get("SECRETARIAT_DEBUG"):
            raise
        print(f"error: unexpected {type(error).__name__}: {error} "
              "(set SECRETARIAT_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
