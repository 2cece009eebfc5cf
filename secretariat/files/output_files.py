"""Files written for the official (PDFs, exports, e-mail drafts): never over
a record, readable by their owner only, and there whole or not at all.

Every target is checked before a byte is written (``storage.targets``).
Each file is then written to a temporary file beside its target and renamed
over it at the end, so a full disk, an error or ``Cancelled`` halfway leaves
no partial file and any earlier file of that name as it was.
"""

import contextlib
import errno
import os
from typing import IO, Iterator

from ..errors import UserFacingError, disk_full
from ..storage import places
from ..storage.targets import check_target


@contextlib.contextmanager
def private_output(path, text: bool = False) -> Iterator[IO]:
    """A file to write ``path`` through (UTF-8 text, or bytes); it takes the
    target's place when the block ends without an error."""
    target = check_target(path)
    places.sweep(target.parent)  # what killed runs left
    temporary = places.temporary_name(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with open(handle, "w", encoding="utf-8") if text else open(handle, "wb") as out:
            yield out
        check_target(target)  # still: a long export may have given time to put a file there
        os.replace(temporary, target)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise disk_full(target) from None
        raise UserFacingError(f"Cannot write {target.name}: {error.strerror}.") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_private(path, data: bytes) -> None:
    """Write an output file whole, readable by its owner only."""
    with private_output(path) as out:
        out.write(data)
