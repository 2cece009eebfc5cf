"""Files written for the official (PDFs, exports, e-mail drafts): readable by
their owner only, and there whole or not at all.

Each is written to a temporary file beside its target and renamed over it at
the end, so a full disk, an error or ``Cancelled`` halfway leaves no partial
file and any earlier file of that name as it was.
"""

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import UserFacingError


@contextlib.contextmanager
def private_output(path, text: bool = False) -> Iterator[IO]:
    """A file to write ``path`` through (UTF-8 text, or bytes); it takes the
    target's place when the block ends without an error."""
    target = Path(path).absolute()
    if target.is_dir():
        raise UserFacingError(f"{target.name} is a folder; name a file to write.")
    if not target.parent.is_dir():
        raise UserFacingError(f"The folder for {target.name} does not exist.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.parent)  # mode 0600
    except OSError as error:
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
    try:
        with open(handle, "w" if text else "wb", **({"encoding": "utf-8"} if text else {})) as out:
            yield out
        os.replace(temporary, target)
    except OSError as error:
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_private(path, data: bytes) -> None:
    """Write an output file whole, readable by its owner only."""
    with private_output(path) as out:
        out.write(data)
