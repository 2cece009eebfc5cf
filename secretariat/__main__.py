"""python -m secretariat: the headless command line (no display needed)."""

import argparse
import difflib
import gc
import os
import sys

from .cli import COMMANDS, check_names, command_modules, outputs
from .errors import UserFacingError, printable


class _Parser(argparse.ArgumentParser):
    commands: dict[str, "_Parser"]  # the top one's: name, its parser

    def error(self, message: str):
        # One line and exit 1 for bad input, as for every other refusal.
        self.exit(1, f"error: {printable(message)} (see {self.prog} --help)\n")


def build_parser(command: str | None = None) -> _Parser:
    """The parser of every command, or of ``command`` alone when it is one of ours."""
    parser = _Parser(prog="python -m secretariat",
                     description="Taskforce Secretariat without the window.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for module in command_modules(command):
        module.add_commands(sub)
    parser.commands = sub.choices  # name: its parser, for the checks before running
    return parser


def _is_text(value: str) -> bool:
    """False for what the terminal passed as bytes that are not UTF-8 (surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0][:1] != "-" and argv[0] not in COMMANDS:
        near = difflib.get_close_matches(argv[0], COMMANDS, n=1)
        print(f"error: there is no command called '{printable(argv[0])}'"
              + (f"; did you mean {near[0]}?" if near else "")
              + " (see python -m secretariat --help)", file=sys.stderr)
        return 1
    parser = build_parser(argv[0] if argv else None)  # (the top parser takes no option but -h)
    args = parser.parse_args(argv)
    for name, value in vars(args).items():
        if isinstance(value, str) and not _is_text(value):
            print(f"error: the {name} given is not valid text (its bytes are not UTF-8): "
                  f"{printable(value)}", file=sys.stderr)
            return 1
    try:
        from .storage.targets import check_targets

        # Every file the command will write, before it reads or writes anything.
        written = outputs(parser.commands[args.command], args)
        check_targets(path for path, _ in written)
        check_names(written, args)
        return args.run(args)
    except UserFacingError as error:
        print(f"error: {printable(error, limit=2000)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # a bug: one line unless asked for the traceback
        if os.environ.get("SECRETARIAT_DEBUG"):
            raise
        print(f"error: unexpected {type(error).__name__}: {printable(error)} "
              "(set SECRETARIAT_DEBUG=1 for details)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    code = main()
    # All is done and written: the objects are left out of the full collection
    # Python makes as it exits, 14 ms of a 159 ms minutes command (measured by
    # tests/benchmarks/work_arounds.py, 4 December 2026).
    gc.freeze()
    sys.exit(code)
