"""Meeting > New Meeting and Meeting > Live, from anywhere in the window: each
turns to the Meetings page and does there what its button or tab does; and
the meeting chosen there, for the other commands of the Meeting menu, which
follow whether it is cancelled. Meeting > Forward Plan turns to the
Suggestions page and saves its plan."""

from typing import TYPE_CHECKING, Callable

from secretariat.errors import NotFoundError

from .pages.meeting import MEETING_TABS, MeetingPage
from .workspace import Workspace

if TYPE_CHECKING:
    from secretariat.meeting.meetings import Meeting

LIVE_TAB = "Live"
MEETINGS = "Meetings"


def _meetings_page(window):
    workspace = window.centralWidget()
    return workspace.show_named(MEETINGS) if isinstance(workspace, Workspace) else None


def new_meeting(window) -> None:
    page = _meetings_page(window)
    if page is not None:
        page.new_meeting()


def chosen_meeting(window, why: str) -> MeetingPage | None:
    """The meeting chosen on the Meetings page, turned to; with none, the
    status bar says there is no meeting ``why`` ("to record")."""
    page = _meetings_page(window)
    if page is None:
        return None
    meeting = page.meeting_page
    if not isinstance(meeting, MeetingPage):
        window.statusBar().showMessage(f"No meeting {why}: add one with New Meeting.", 5000)
        return None
    return meeting


def chosen_record(window) -> "Meeting | None":
    """The meeting chosen on the Meetings page, as it stands, without turning
    to it; None with no meeting chosen (or no file open)."""
    workspace = window.centralWidget()
    if not isinstance(workspace, Workspace):
        return None
    meeting_id = getattr(workspace.page(MEETINGS).meeting_page, "meeting_id", None)
    if meeting_id is None:
        return None
    try:
        return window.session.tf.meetings.get(meeting_id)
    except NotFoundError:  # deleted: the page chooses another next
        return None


def follow_chosen(workspace: Workspace, call: Callable[[], None]) -> None:
    """Call ``call()`` whenever another meeting is chosen on the Meetings page."""
    workspace.page(MEETINGS).meeting_shown.connect(call)


def live(window) -> None:
    """The chosen meeting's Live tab, ready to type in."""
    meeting = chosen_meeting(window, "to record")
    if meeting is None:
        return
    meeting.setCurrentIndex([title for title, _ in MEETING_TABS].index(LIVE_TAB))
    meeting.tab(LIVE_TAB).setFocus()


def forward_plan(window) -> None:
    """The forward plan saved as PDF, from the Suggestions page (from the day it says)."""
    workspace = window.centralWidget()
    if isinstance(workspace, Workspace):
        workspace.show_named("Suggestions").save_pdf()
