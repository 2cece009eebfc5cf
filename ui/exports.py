"""Files the user saves out of the app (PDFs, Word documents, e-mail drafts,
exports): where, checked before anything is written, and opened once written.

A page or tab that shows a document has ``make_document(ready)``: it makes
the PDF the page shows and hands it, as a ``Document``, to ``ready`` (at once,
or after work on a worker thread); Save as PDF…, File > Print… and Print
Preview… all start there. Save as Word… (the minutes and the agenda) writes
the same content as a Word document to edit, through the same checks.
"""

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.errors import UserFacingError
from secretariat.frozen import record
from secretariat.files.output_files import (EMAIL, PDF, WORD, OutputKind, check_target,
                                           write_private)

from .errors import show_error, show_note
from .file_dialogs import save_name
from .session import Session


@record
class Document:
    """A document as printed: what titles call it ("the agenda"), the name to
    save it under, and the PDF itself (ReportLab's bytes)."""
    title: str
    file_name: str
    pdf: bytes


Ready = Callable[[Document], object]


def missing_glyphs_ok(parent: QWidget, missing: list[str]) -> bool:
    """Warn before printing characters the font lacks; True to go on."""
    if not missing:
        return True
    from secretariat.documents.fonts import what_prints_instead

    answer = QMessageBox.warning(
        parent, "Characters that will not print",
        "The printed font has no glyph for these characters: " + " ".join(missing)
        + f"; {what_prints_instead(missing)}.\n\nPrint anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def write_file(parent: QWidget, path: str, data: bytes) -> bool:
    """Save a document the user asked for; a clear message when it cannot be written."""
    try:
        write_private(path, data)
    except UserFacingError as error:
        show_error(parent, error, "Not saved")
        return False
    return True


def hand_over(parent: QWidget, ready: Ready, renderer, doc, title: str, file_name: str):
    """Render ``doc`` with its ``documents`` module and hand it to ``ready``, once
    the official has accepted any characters the font lacks; what ``ready``
    returned, or None when they did not."""
    if not missing_glyphs_ok(parent, renderer.warnings(doc)):
        return None
    return ready(Document(title, file_name, renderer.render(doc)))


def ask_output(parent: QWidget, title: str, suggestion: str, kind: OutputKind) -> str | None:
    """Where to save a file of ``kind``, as the official chooses it; None when
    they cancel, or when writing there could lose a record or the name says
    another kind of file (then they are told why)."""
    return save_name(parent, title, suggestion, kind, check_target) or None


def save_as_asked(parent: QWidget, session: Session, title: str, name: str, data: bytes,
                  kind: OutputKind) -> str | None:
    """Ask where to save a file and write it there; the path, or None."""
    path = ask_output(parent, title, name, kind)
    if not path:
        return None
    try:
        write_private(path, data)
    except UserFacingError as error:
        session.report(error)
        return None
    return path


def save_and_open(parent: QWidget, session: Session, title: str, name: str, data: bytes,
                  kind: OutputKind) -> str | None:
    """Ask where to save a file, write it, and open it in its program."""
    path = save_as_asked(parent, session, title, name, data, kind)
    if path:
        open_in_its_program(session, path, saved=True)
    return path


def save_document(parent: QWidget, session: Session, document: Document) -> str | None:
    """Save a document as PDF where the official chooses, and open it."""
    return save_and_open(parent, session, f"Save {document.title} as PDF", document.file_name,
                         document.pdf, PDF)


def save_word(parent: QWidget, session: Session, title: str, name: str,
              data: bytes) -> str | None:
    """Save a Word document (``title``: "the agenda") where the official chooses,
    and open it."""
    return save_and_open(parent, session, f"Save {title} as Word", name, data, WORD)


def open_in_its_program(session: Session, path, saved: bool = False) -> bool:
    """Hand a file to the desktop; say so when no program there takes it (a
    file just ``saved`` is told as saved: the save itself went well)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    name = Path(path).name
    if saved:
        show_note(session.error_parent, "Saved", f"{name} was saved, but no program on this "
                  f"computer opened it. Open it from its folder: {path}")
    else:
        session.report(UserFacingError(f"No program on this computer opened {name}. Open it "
                                       f"from its folder: {path}"))
    return False


def save_email_draft(parent: QWidget, session: Session, make: Callable) -> str | None:
    """Make an e-mail draft (``make()``, an ``invitations.Draft``), save it where
    the official chooses, say who it could not address and anything else to
    know before sending, then open it in their mail program. The path
    written, or None (refused, cancelled or not written)."""
    try:
        draft = make()
    except UserFacingError as error:
        session.report(error)
        return None
    written = save_as_asked(parent, session, "Save the e-mail draft", draft.file_name,
                            draft.eml, EMAIL)
    if not written:
        return None
    told = [f"Not addressed (no e-mail address): {', '.join(draft.without_email)}."
            ] if draft.without_email else []
    if told or draft.note:  # before the draft opens, ready to send
        show_note(parent, "Before you send it",
                  "\n\n".join([*told, draft.note] if draft.note else told))
    open_in_its_program(session, written, saved=True)
    return written
