"""Files written for the official (PDFs, exports, e-mail drafts): never over
a record, readable by their owner only, and there whole or not at all.

Every target is checked before a byte is written (``storage.targets``), and
its name against the kind of file written there (``check_named_for``).
Each file is then written to a temporary file beside its target and renamed
over it at the end, so a full disk, an error or ``Cancelled`` halfway leaves
no partial file and any earlier file of that name as it was.
"""

import contextlib
import errno
import os
from pathlib import PurePath
from typing import IO, Iterator

from ..errors import UserFacingError, ValidationError, disk_full
from ..frozen import record
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


@record
class OutputKind:
    """A kind of file the program writes: ``name`` as a sentence says it ("a
    PDF"), ``files`` as a list of them does ("PDF files"); its suffixes, the
    first the one a name is given."""
    name: str
    files: str
    suffixes: tuple[str, ...]

    @property
    def suffix(self) -> str:
        return self.suffixes[0]


PDF = OutputKind("a PDF", "PDF files", (".pdf",))
WORD = OutputKind("a Word document", "Word documents", (".docx", ".doc"))
CALENDAR = OutputKind("a calendar file", "Calendars", (".ics",))
EMAIL = OutputKind("an e-mail draft", "E-mail drafts", (".eml",))
EXPORT = OutputKind("a JSON export", "Taskforce exports", (".json",))
TASKFORCE = OutputKind("a taskforce file", "Taskforce files", (".taskforce",))
KINDS = (PDF, WORD, CALENDAR, EMAIL, EXPORT, TASKFORCE)


def kind_named(path) -> OutputKind | None:
    """The kind of file ``path``'s suffix says it is, if it names one."""
    suffix = PurePath(path).suffix.lower()
    return next((kind for kind in KINDS if suffix in kind.suffixes), None)


def check_named_for(path, kind: OutputKind, writer: str = "the command",
                    instead: str = "") -> None:
    """Refuse ``path`` for a file of ``kind`` when its suffix names another
    kind (a Word document named .pdf opens in no PDF reader; a calendar named
    .pdf in no calendar), saying that ``writer`` writes ``kind`` and, after the
    name to give it, ``instead`` (", or …"). No suffix, or one of no kind
    here, is the official's choice."""
    named = kind_named(path)
    if named not in (None, kind):
        raise ValidationError(f"{PurePath(path).name} is named as {named.name}, but {writer} "
                              f"writes {kind.name}: name it {kind.suffix}{instead}.")
