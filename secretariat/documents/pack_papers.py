"""A paper's own PDF, read for the meeting pack.

A paper's file comes from elsewhere, and the pack must be made whatever it
holds: a file that is missing is "to follow"; one that is empty, not a PDF,
damaged, encrypted, too large or too long is left out with the reason, and
never stops the pack. Each paper is read from a copy in memory (no more than
``MAX_BYTES`` are read) and its pages are rewritten into a PDF of their own,
pages only: none of the file's document-level scripts, forms or attachments,
and no page or link that runs anything when opened. A paper that fails at any
step fails alone.
"""

import io
import logging
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.errors import FileNotDecryptedError, LimitReachedError
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from ..errors import Cancelled, printable
from ..frozen import record
from ..progress import Progress, ignore
from ..storage.held import is_held

MAX_BYTES = 200 * 1024 * 1024
MAX_PAGES = 1000
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"  # Word, OpenDocument and other zipped documents
# What a link may still do in the pack: go to a page, or to a web address.
SAFE_ACTIONS = {"/GoTo", "/URI"}
# Annotations that carry files or media rather than marks on the page.
DROPPED_ANNOTATIONS = {"/FileAttachment", "/Movie", "/Sound", "/Screen", "/RichMedia"}

# A damaged paper is reported on its own page: pypdf's running commentary on
# what it repaired would only be noise on the console.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@record
class PaperFile:
    """A paper's pages for the pack, or why there are none."""

    pdf: bytes = b""
    to_follow: bool = False  # no file yet: the pack says "to follow"
    reason: str = ""  # why the pages are not there (empty when they are)


class _LeftOut(Exception):
    """The paper's file cannot go into the pack, for the reason given."""


def read(recorded: str, progress: Progress = ignore) -> PaperFile:
    """The pages of the PDF recorded for a paper, or why they cannot be had."""
    if not recorded.strip():
        return PaperFile(to_follow=True, reason="no file is recorded for it")
    try:
        data = _file_bytes(recorded)
        if data is None:
            return PaperFile(to_follow=True, reason="its file is not there")
        return PaperFile(_pages_only(data, progress))
    except _LeftOut as why:
        return PaperFile(reason=str(why))


def _file_bytes(recorded: str) -> bytes | None:
    """The file's bytes; None when there is no file there."""
    if recorded.startswith(("\\\\", "//")):  # never looked at: that would reach the network
        raise _LeftOut("it is on another computer")
    try:
        path = Path(recorded).expanduser()
        if not path.is_absolute():
            raise _LeftOut("its recorded place is not a full path")
        real = path.resolve()
        if not real.exists():
            return None
        if not real.is_file():  # a folder, or a device or pipe that would never end
            raise _LeftOut("it is not a file")
        if is_held(real):  # reading it by name would drop the file's locks (storage/held.py)
            raise _LeftOut("it is the taskforce file itself, not a paper")
        size = real.stat().st_size
        if size > MAX_BYTES:
            raise _LeftOut(f"it is larger than {MAX_BYTES // (1024 * 1024)} MB")
        with open(real, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links, an unknown ~user
        raise _LeftOut(f"it cannot be read ({getattr(error, 'strerror', None) or error})"
                       ) from None
    if not data:
        raise _LeftOut("the file is empty")
    if len(data) > MAX_BYTES:  # it grew while it was read
        raise _LeftOut(f"it is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if PDF_MAGIC not in data[:1024]:
        kind = " but looks like a Word or other office document" \
            if data.startswith(ZIP_MAGIC) else ""
        raise _LeftOut(f"it is not a PDF{kind}")
    return data


def _pages_only(data: bytes, progress: Progress) -> bytes:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _LeftOut("it is protected by a password")
        tree = reader.root_object["/Pages"]
        claimed = tree.get("/Count") if isinstance(tree, DictionaryObject) else None
        if isinstance(claimed, int):  # told before the pages are gathered, which takes memory
            _too_long(claimed)
        total = len(reader.pages)  # and again after: the count a file gives may lie
        _too_long(total)
        if not total:
            raise _LeftOut("it has no pages")
        writer = PdfWriter()
        for done, page in enumerate(reader.pages, start=1):
            added = writer.add_page(page)
            added.get_contents()  # its text and drawing decoded now, if at all
            _disarm(added)
            progress(done, total)
        out = io.BytesIO()
        writer.write(out)  # every object each page needs, read and written now
    except (_LeftOut, Cancelled):
        raise
    except FileNotDecryptedError:
        raise _LeftOut("it is protected by a password") from None
    except LimitReachedError:
        raise _LeftOut("it holds more than can be read safely") from None
    except Exception as error:  # pypdf raises all kinds on a damaged file: each is that
        why = printable(str(error) or type(error).__name__, 100)
        raise _LeftOut(f"it is damaged ({why})") from None
    return out.getvalue()


def _too_long(pages: int) -> None:
    if pages > MAX_PAGES:
        raise _LeftOut(f"it has {pages} pages, more than the {MAX_PAGES} a pack takes "
                       "from one paper")


def _disarm(page) -> None:
    """The page without what would run when it is opened or clicked."""
    page.pop(NameObject("/AA"), None)
    annotations = page.get("/Annots")
    if annotations is None:
        return
    kept = ArrayObject()
    for reference in annotations.get_object():
        annotation = reference.get_object()
        if not isinstance(annotation, DictionaryObject) \
                or annotation.get("/Subtype") in DROPPED_ANNOTATIONS:
            continue
        annotation.pop(NameObject("/AA"), None)
        action = annotation.get("/A")
        if action is not None:
            if action.get_object().get("/S") in SAFE_ACTIONS:
                action.get_object().pop(NameObject("/Next"), None)  # what would run after it
            else:
                del annotation[NameObject("/A")]
        kept.append(reference)
    page[NameObject("/Annots")] = kept
