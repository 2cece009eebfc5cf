"""Where the official left a file, and the way back to it when it opens again:
the page shown and, on the Meetings page, the meeting chosen and its tab. Kept
per file (``settings.PLACES``), not the first meeting every time."""

from pathlib import Path

from . import settings
from .pages.meeting import MeetingPage
from .workspace import Workspace

MEETINGS = "Meetings"


def remember(path: Path, workspace: Workspace) -> None:
    """Note the page, meeting and tab on screen (what is not known, as it was)."""
    place = dict(settings.place_of(path))
    place["page"] = workspace.current_name()
    meeting = workspace.page(MEETINGS).meeting_page  # the first page: always built
    if isinstance(meeting, MeetingPage):
        place["meeting"] = meeting.meeting_id
        place["tab"] = meeting.tabText(meeting.currentIndex())
    settings.remember_place(path, place)


def return_to(path: Path, workspace: Workspace) -> None:
    place = settings.place_of(path)
    meetings = workspace.page(MEETINGS)
    if place.get("meeting"):
        meetings.show_meeting(place["meeting"])  # the first one, if since deleted
    meeting = meetings.meeting_page
    tabs = [meeting.tabText(i) for i in range(meeting.count())] \
        if isinstance(meeting, MeetingPage) else []
    if place.get("tab") in tabs:
        meeting.setCurrentIndex(tabs.index(place["tab"]))
    if place.get("page") in workspace.names():
        workspace.show_named(place["page"])
