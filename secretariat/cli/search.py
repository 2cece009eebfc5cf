"""The search command: the hits for some words, grouped by kind."""

import sys

from ..errors import ValidationError, printable
from . import body_named, open_existing, say


def add_commands(sub) -> None:
    cmd = sub.add_parser("search", help="search agenda items, minutes, actions, papers, "
                                        "people, interests and suggested items")
    cmd.add_argument("path", help="the taskforce file")
    cmd.add_argument("words", help='what to find: words, "a phrase", word*, -word, a OR b')
    cmd.add_argument("--body", help="only this body's records (and people)")
    cmd.add_argument("--limit", type=int, default=20, help="most hits of each kind (20)")
    cmd.set_defaults(run=run_search)


_WHOLE = 100_000  # shown in full, escaped


def _show(marked, bold: bool) -> str:
    """A ``search.Marked`` text with its matched words in bold, or in brackets."""
    start, end = ("\033[1m", "\033[0m") if bold else ("[", "]")
    return "".join(f"{start}{printable(text, _WHOLE)}{end}" if matched
                   else printable(text, _WHOLE) for text, matched in marked.runs)


def run_search(args) -> int:
    from ..search import search  # each command imports only what it uses

    if not args.words.strip():
        raise ValidationError("Say what to search for: a word, or words.")
    with open_existing(args.path) as tf:
        results = search(tf.store, args.words, body_named(tf, args.body), max(1, args.limit))
    if not results:
        say(f"Nothing found for {args.words}.")
        return 0
    bold = sys.stdout.isatty()
    for group in results.groups:
        say(f"{group.label} ({len(group.hits)})")
        for hit in group.hits:
            context = f"  ({printable(hit.context, _WHOLE)})" if hit.context else ""
            print("  " + _show(hit.text, bold) + context)  # shown: escaped piece by piece
            if hit.detail:
                print("      " + _show(hit.detail, bold))
    return 0
