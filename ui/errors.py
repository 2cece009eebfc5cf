"""One way to show an error the user can act on, one for a note when nothing
went wrong, and one crash dialog.

An exception raised in a slot never reaches the caller in PySide6: it is
printed and the program carries on. ``install_excepthook`` logs every such
exception to the rotating log and shows it, keeping the window open.
"""

import logging
import sys
import traceback

from PySide6.QtWidgets import QApplication, QComboBox, QWidget

from secretariat.errors import MinutesLockedError, UserFacingError, ValidationError

log = logging.getLogger("secretariat.ui")


def show_error(parent: QWidget | None, error: UserFacingError | str, title: str | None = None) -> None:
    """The one dialog for a problem the user can act on."""
    message = str(error)
    log.info("user-facing error: %s", message)
    _show("Warning", parent, title or getattr(error, "title", "Cannot continue"), message)


def show_note(parent: QWidget | None, title: str, message: str) -> None:
    """The one dialog for what the user should know when nothing went wrong
    (a file saved that no program opened, what to check before sending)."""
    _show("Information", parent, title, message)


def _show(icon: str, parent: QWidget | None, title: str, message: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # not at start-up: making its class costs ms

    box = QMessageBox(QMessageBox.Icon[icon], title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setAccessibleName(title)
    box.exec()


def to_put_right(refusal: UserFacingError | None) -> bool:
    """Whether a refusal is of a value as typed, to be put right in its field
    (not of the change itself: approved minutes are final, whatever is typed)."""
    return isinstance(refusal, ValidationError) and not isinstance(refusal, MinutesLockedError)


def show_at(field: QWidget) -> None:
    """The cursor back in the field whose value was refused, what was typed
    kept and chosen, to be put right: the field keeps the focus, even from the
    Tab that was leaving it when the value was refused."""
    field.setFocus()
    if isinstance(field, QComboBox):  # an editable drop-down: its text
        field = field.lineEdit()
    if hasattr(field, "selectAll"):
        field.selectAll()


def _report(exc_type, exc, tb) -> None:
    if issubclass(exc_type, UserFacingError):
        show_error(QApplication.activeWindow(), exc)
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, "Something went wrong",
                      "An unexpected error occurred. Your earlier changes are saved in the "
                      "file; this last action may not have completed.\n\n"
                      f"{exc_type.__name__}: {exc}", QMessageBox.StandardButton.Ok,
                      QApplication.activeWindow())
    box.setDetailedText("".join(traceback.format_exception(exc_type, exc, tb)))
    box.exec()


def install_excepthook() -> None:
    sys.excepthook = _report
