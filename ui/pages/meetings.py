"""The meetings of the body shown: a list, and the chosen meeting's page beside it."""

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from ..edits import meetings
from ..models.meetings import MeetingsModel
from ..session import Session
from ..tables import select_id, selected_id, show_list, table_view
from ..widgets import button, button_row, enable_while, remember_sizes
from .meeting import MeetingPage


LIST_COLUMNS = 2  # date and status always in view; the meeting has the rest of the width
MEETING_STRETCH = 5  # the list grows with the window too, a fifth as fast as the meeting


class MeetingsPage(QWidget):
    meeting_shown = Signal()  # another meeting, or another of its tabs, or none, on screen

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.model = MeetingsModel(self)
        self.view = table_view(self.model, "Meetings", share_width=False)
        self.placeholder = QLabel("No meeting chosen. Press New Meeting to add one.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meeting_page: QWidget = self.placeholder

        delete = button("&Delete Meeting", self.delete_meeting,
                        "Delete the chosen meeting (Undo puts it back)")
        enable_while(lambda: selected_id(self.view) is not None, [delete], self.meeting_shown)
        buttons = button_row([("&New Meeting", self.new_meeting, "Add a meeting of this body"),
                              delete])
        self.list_pane = left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        column.addLayout(buttons)

        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.placeholder)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, MEETING_STRETCH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.view.selectionModel().selectionChanged.connect(self._show_chosen)
        session.changed.connect(self._on_changed)
        self.refresh()
        list_width = left.minimumWidth()
        remember_sizes(self.splitter, "meetings", [list_width, 5 * list_width])

    def _fit_list(self) -> None:
        """The list no narrower than the meetings' dates and statuses, whole."""
        frame = 2 * self.view.frameWidth() + self.view.verticalScrollBar().sizeHint().width()
        self.list_pane.setMinimumWidth(sum(self.view.fitter.natural[:LIST_COLUMNS]) + frame)

    def refresh(self) -> None:
        chosen = selected_id(self.view)
        meetings, body_id = self.session.tf.meetings, self.session.body_id
        show_list(self.view, lambda limit: meetings.of_body(body_id, limit))
        self._fit_list()
        select_id(self.view, chosen)
        self._show_chosen()

    def show_meeting(self, meeting_id: str, kind: str | None = None,
                     record_id: str | None = None) -> None:
        """Choose the meeting; with a record (a search hit), show it in its tab."""
        select_id(self.view, meeting_id)
        if record_id and getattr(self.meeting_page, "meeting_id", None) == meeting_id:
            self.meeting_page.show_record(kind, record_id)

    def _show_chosen(self) -> None:
        chosen = selected_id(self.view)
        current = getattr(self.meeting_page, "meeting_id", None)
        if chosen == current:
            return
        tab = self.meeting_page.currentIndex() if chosen and current else 0
        page = MeetingPage(self.session, chosen) if chosen else self.placeholder
        if chosen:
            page.setCurrentIndex(tab)
            page.currentChanged.connect(self.meeting_shown)
        self.splitter.replaceWidget(1, page)
        # A stretch is kept by the pane, not its place: without it the list took the spare width.
        self.splitter.setStretchFactor(1, MEETING_STRETCH)
        if self.meeting_page is not self.placeholder:
            self.meeting_page.deleteLater()
        self.meeting_page = page
        self.meeting_shown.emit()

    def _on_changed(self, changes) -> None:
        if changes.concerns("meeting", "body"):
            self.refresh()

    def new_meeting(self) -> None:
        latest = self.session.tf.meetings.of_body(self.session.body_id)
        day = max(dt.date.today(), latest[0].date + dt.timedelta(days=1)) if latest \
            else dt.date.today()
        created = meetings.new_meeting(self.session, self.session.body_id, day)
        if created:
            self.show_meeting(created)
            details = self.meeting_page.tab("Details")
            details.date.setFocus()
            details.date.selectAll()

    def delete_meeting(self) -> None:
        chosen = selected_id(self.view)
        if chosen:
            meetings.delete_meeting(self.session, chosen)
