"""The pages of the main window, in navigation order (Ctrl+1, Ctrl+2, ...).

To add or replace a page, change one entry of ``PAGES``:
``("Actions", lazy(".actions", "ActionsPage"))``, where ``ActionsPage(session)``
returns a QWidget that refreshes itself from ``session.changed``. Pages are
built when first shown (see ``ui.workspace``), their modules imported then
too, and thrown away when the file is closed.
"""

import importlib
from typing import Callable

from PySide6.QtWidgets import QWidget

from ..session import Session

PageFactory = Callable[[Session], QWidget]


def lazy(module: str, name: str) -> Callable[..., QWidget]:
    """A factory for the page or tab ``name`` of ``module`` (relative to this
    package) that imports it only when first called, so start-up loads only
    the modules of what it shows."""
    def build(*args) -> QWidget:
        return getattr(importlib.import_module(module, __name__), name)(*args)
    return build


PAGES: list[tuple[str, PageFactory]] = [
    ("Meetings", lazy(".meetings", "MeetingsPage")),
    ("People", lazy(".people", "PeoplePage")),
    ("Actions", lazy(".actions", "ActionsPage")),
    ("Papers", lazy(".papers", "PapersPage")),
    ("Interests", lazy(".interests", "InterestsPage")),
    ("Attendance", lazy(".attendance_stats", "AttendanceStatsPage")),
    ("Suggestions", lazy(".suggestions", "SuggestionsPage")),
    ("Recommendations", lazy(".recommendations", "RecommendationsPage")),
]
