"""The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...).

To add or replace a page, change one entry of ``PAGES`` (and its import):
``("Actions", ActionsPage)``, where ``ActionsPage(session)`` returns a QWidget
that refreshes itself from ``session.changed``. Pages are built when first
shown (see ``ui.workspace``) and thrown away when the file is closed.
"""

from typing import Callable

from PySide6.QtWidgets import QWidget

from ..session import Session
from .actions import ActionsPage
from .attendance_stats import AttendanceStatsPage
from .interests import InterestsPage
from .meetings import MeetingsPage
from .papers import PapersPage
from .people import PeoplePage
from .suggestions import SuggestionsPage

PageFactory = Callable[[Session], QWidget]

PAGES: list[tuple[str, PageFactory]] = [
    ("Meetings", MeetingsPage),
    ("People", PeoplePage),
    ("Actions", ActionsPage),
    ("Papers", PapersPage),
    ("Interests", InterestsPage),
    ("Attendance", AttendanceStatsPage),
    ("Suggestions", SuggestionsPage),
]
