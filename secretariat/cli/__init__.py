"""Headless commands: one module per group, each with ``register(subparsers)``.

Every module in this package is picked up; a command sets ``run`` as its
default, which takes the parsed arguments and returns the exit code.
"""

import importlib
import pkgutil
import sys
from pathlib import Path

from ..errors import NotFoundError, UserFacingError, ValidationError
from ..taskforce import Taskforce


def command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def open_existing(path: str) -> Taskforce:
    return Taskforce.open(path)


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


def warn_missing_glyphs(missing: list[str]) -> None:
    if missing:
        print("warning: the font has no glyph for " + " ".join(missing)
              + "; they will print as boxes", file=sys.stderr)


def write_private(path: str, data: bytes) -> None:
    """Write an output file (a PDF, an export) readable by its owner only."""
    target = Path(path)
    if target.is_dir():
        raise UserFacingError(f"{path} is a folder; name a file to write.")
    if not target.parent.is_dir():
        raise UserFacingError(f"The folder for {target.name} does not exist.")
    try:
        target.touch(mode=0o600, exist_ok=True)
        target.write_bytes(data)
    except OSError as error:
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
