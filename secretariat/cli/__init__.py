"""Headless commands: one module per group, each with ``add_commands(subparsers)``.

Every module in this package is picked up (``COMMANDS`` says which adds
each command, so that running one imports its module alone); a command sets
``run`` as its default, which takes the parsed arguments and returns the exit code. Every
argument naming a file the command writes is made with ``output_argument``
and the kind of file it writes, so that all of them are checked (where they
are, and that their names say no other kind) before the command does
anything (``__main__``), and what a command prints from the file goes through
``say`` or ``warn`` (control characters shown as escapes, not obeyed).
"""

import argparse
import contextlib
import importlib
import pkgutil
import sys
from typing import Iterator

from ..errors import NotFoundError, ValidationError, printable
from ..files.output_files import (PDF, WORD, OutputKind, check_named_for, kind_named,
                                  write_private)
from ..taskforce import Taskforce


# The module that adds each command. Importing every module to run one cost
# the minutes command about 4 of its 175 ms; a test keeps this true to the modules.
COMMANDS = {"agenda": "agenda", "attendance": "agenda", "calendar": "calendar",
            "invite": "calendar", "export": "exchange", "import": "exchange",
            "sample": "files", "check": "files", "forward-plan": "forward_plan",
            "minutes": "minutes", "actions": "minutes", "pack": "pack",
            "register": "papers", "reviews": "papers", "brief": "papers",
            "recommendations": "recommendations", "search": "search", "travel": "travel"}


def command_modules(command: str | None = None):
    """The module adding ``command``; every module when it names none of ours
    (for help, or to say which commands there are)."""
    if command in COMMANDS:
        names = [COMMANDS[command]]
    else:
        names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] != "_")
    for name in names:
        yield importlib.import_module(f"{__name__}.{name}")


def output_argument(cmd, *names, kind: OutputKind | None, **options):
    """An argument naming a file the command writes, of ``kind`` (None: the
    one ``--format`` chooses, ``FORMATS``); checked before it runs."""
    action = cmd.add_argument(*names, **options)
    action.writes = True
    action.kind = kind
    return action


# The choices of --format, each with the kind it writes; the first is the default.
FORMATS = {"pdf": PDF, "docx": WORD}


def outputs(cmd, args) -> list[tuple[str, OutputKind | None]]:
    """The files the command parsed from ``args`` will write (through its steps:
    ``travel take``), each with its kind (``output_argument``)."""
    found = []
    for action in cmd._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += outputs(action.choices[getattr(args, action.dest)], args)
        elif getattr(action, "writes", False) and (value := getattr(args, action.dest, None)):
            found.append((value, action.kind))
    return found


def check_names(written: list[tuple[str, OutputKind | None]], args) -> None:
    """Refuse an output (``outputs``) named as another kind of file than the one
    written there."""
    for path, kind in written:
        if kind:
            check_named_for(path, kind)
        else:
            check_named_for(path, FORMATS[args.format], *_format_words(path, args.format))


def _format_words(path: str, form: str) -> tuple[str, str]:
    """Who writes the kind ``--format`` chose, and how to choose instead the
    format the name says, if it says one."""
    default = next(iter(FORMATS))
    writer = "the command" if form == default else f"--format {form}"
    named = next((other for other, kind in FORMATS.items() if kind == kind_named(path)), form)
    if named == form:
        return writer, ""
    return writer, (f", or leave out --format {form}" if named == default
                    else f", or add --format {named}")


def say(text: str) -> None:
    print(printable(text, limit=100_000))


def warn(text: str) -> None:
    print("warning: " + printable(text, limit=100_000), file=sys.stderr)


@contextlib.contextmanager
def open_existing(path: str, reading: bool = True) -> Iterator[Taskforce]:
    """The file, to read beside any program writing it (or, ``reading`` off, to
    change it); what closing it has to say is said."""
    tf = Taskforce.open(path, reading=reading)
    try:
        yield tf
    finally:
        if warning := tf.close():
            warn(warning)


def body_named(tf: Taskforce, name: str | None) -> str | None:
    """The id of the body called ``name`` (full or short name); None when no name is given."""
    if not name:
        return None
    for body in tf.bodies.all():
        if name.strip().lower() in (body.name.lower(), body.short_name.lower()):
            return body.id
    raise NotFoundError(f"There is no body called {name}.")


def the_body(tf: Taskforce, name: str | None) -> str:
    """The body named, or the file's only top-level body when none is."""
    named = body_named(tf, name)
    if named:
        return named
    bodies = [b for b in tf.bodies.all() if not b.parent_body_id]
    if len(bodies) != 1:
        raise ValidationError("The file holds several bodies; name one with --body.")
    return bodies[0].id


def pdf_command(sub, name: str, help: str, run, meeting: bool = False, body: bool = True,
                word: bool = False):
    """A command that prints a document to PDF: the file, the meeting's date
    when it prints a meeting's document, ``--body`` to choose among several
    and ``-o``; with ``word``, ``--format docx`` writes a Word document instead
    (``render_as``). An output named as another kind of file is refused
    before anything is read (``check_names``). Returns the parser, for the
    command's own options."""
    cmd = sub.add_parser(name, help=help)
    cmd.add_argument("path", help="the taskforce file")
    if meeting:
        cmd.add_argument("--meeting", required=True, metavar="YYYY-MM-DD",
                         help="the date of the meeting")
    if body:
        cmd.add_argument("--body", help="the body's name, when " + (
            "several met that day" if meeting else "the file holds several"))
    output_argument(cmd, "-o", "--output", required=True, kind=None if word else PDF,
                    metavar="OUT" if word else "OUT.pdf")
    if word:
        cmd.add_argument("--format", choices=tuple(FORMATS), default="pdf",
                         help="pdf (the default), or docx: a Word document to edit "
                              "before publication")
    cmd.set_defaults(run=run)
    return cmd


def render_as(form: str, name: str, doc) -> bytes:
    """The document in the format asked for: a PDF by ``documents.<name>_pdf``
    (``render_pdf``), or a Word document by ``documents.<name>_docx``. Only
    that module is imported: a Word document needs no ReportLab."""
    renderer = importlib.import_module(f"..documents.{name}_{form}", __name__)
    return render_pdf(renderer, doc) if form == "pdf" else renderer.render(doc)


def warn_of_boxes(renderer, doc) -> None:
    """Warn of the characters of ``doc`` that its module (``warnings``) will print as boxes."""
    missing = renderer.warnings(doc)
    if missing:
        from ..documents.fonts import what_prints_instead

        warn("the font has no glyph for " + " ".join(missing) + "; "
             + what_prints_instead(missing))


def render_pdf(renderer, doc) -> bytes:
    """Render a document with its module (``render`` and ``warnings``), warning of
    characters that will print as boxes."""
    warn_of_boxes(renderer, doc)
    return renderer.render(doc)


def write_pdf(path: str, renderer, doc) -> bytes:
    """Render a document and write it; returns the PDF."""
    pdf = render_pdf(renderer, doc)
    write_private(path, pdf)
    return pdf
