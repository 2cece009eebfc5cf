"""Files written for the official (PDFs, exports, e-mail drafts): never over
a record, readable by their owner only, and there whole or not at all.

Every target is checked before a byte is written (``storage.targets``).
Each file is then written to a temporary file beside its target and renamed
over it at the end, so a full disk, an error or ``Cancelled`` halfway leaves
no partial file and any earlier file of that name as it was.
"""

import contextlib
import os
import tempfile
from pathlib import Path
from typing import IO, Iterator

from .errors import UserFacingError
from .storage.targets import check_target


@contextlib.contextmanager
def private_output(path, text: bool = False) -> Iterator[IO]:
    """A file to write ``path`` through (UTF-8 text, or bytes); it takes the
    target's place when the block ends without an error."""
    target = check_target(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                             dir=target.parent)  # mode 0600
    except OSError as error:
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
    try:
        with open(handle, "w" if text else "wb", **({"encoding": "utf-8"} if text else {})) as out:
            yield out
        check_target(target)  # still: a long export may have given time to put a file there
        os.replace(temporary, target)
    except OSError as error:
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def write_private(path, data: bytes) -> None:
    """Write an output file whole, readable by its owner only."""
    with private_output(path) as out:
        out.write(data)
