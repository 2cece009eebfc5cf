"""Headless commands: one module per group, each with ``register(subparsers)``.

Every module in this package is picked up; a command sets ``run`` as its
default, which takes the parsed arguments and returns the exit code.
"""

import importlib
import pkgutil
from pathlib import Path

from ..errors import UserFacingError
from ..taskforce import Taskforce


def command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")


def open_existing(path: str) -> Taskforce:
    return Taskforce.open(path)


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
