"""What the window shows: the page on screen or, on the Meetings page, the
chosen meeting's tab; whether it has a document to print, and word when
either changes."""

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

NOTHING_TO_PRINT = (
    "Nothing on screen prints. Documents print from a meeting's Agenda, Minutes and "
    "Interests tabs (the chair's brief), and from the Actions, Papers (review coverage), "
    "Interests (the register), Attendance, Recommendations (the tracker) and Suggestions "
    "(the forward plan) pages.")


def shown(window) -> QWidget | None:
    """The page on screen, or on the Meetings page the chosen meeting's tab
    (None with no file open)."""
    current_page = getattr(window.centralWidget(), "current_page", None)
    if current_page is None:
        return None
    page = current_page()
    meeting = getattr(page, "meeting_page", None)
    if meeting is not None:
        tab = getattr(meeting, "currentWidget", None)  # none while no meeting is chosen
        return tab().content() if tab else meeting
    return page


def has_document(window) -> bool:
    """Whether what is on screen prints (a page's ``make_document``)."""
    return hasattr(shown(window), "make_document")


def follow(workspace, call: Callable[[], None]) -> None:
    """Call ``call()`` whenever another page, meeting or tab comes on screen."""
    def turned(*_) -> None:
        meeting_shown = getattr(workspace.current_page(), "meeting_shown", None)
        if meeting_shown is not None:
            meeting_shown.connect(call, Qt.ConnectionType.UniqueConnection)
        call()

    workspace.pages.currentChanged.connect(turned)
    turned()
