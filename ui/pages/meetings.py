"""The meetings of the body shown: a list, and the chosen meeting's page beside it."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ..models.meetings import MeetingsModel
from ..session import Session
from ..tables import select_id, selected_id, table_view
from ..widgets import button
from .meeting import MeetingPage


LIST_WIDTH = 360  # date, time and kind in view


class MeetingsPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.model = MeetingsModel(self)
        self.view = table_view(self.model, "Meetings")
        self.placeholder = QLabel("No meeting chosen. Press New Meeting to add one.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meeting_page: QWidget = self.placeholder

        buttons = QHBoxLayout()
        buttons.addWidget(button("&New Meeting", self.new_meeting, "Add a meeting of this body"))
        buttons.addWidget(button("&Delete Meeting", self.delete_meeting,
                                 "Delete the chosen meeting (Undo puts it back)"))
        buttons.addStretch()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.view)
        column.addLayout(buttons)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.placeholder)
        self.splitter.setStretchFactor(1, 1)
        left.setMinimumWidth(LIST_WIDTH)
        # A quarter of the width for the list, no narrower than it reads well.
        self.splitter.setSizes([LIST_WIDTH, 3 * LIST_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.view.selectionModel().selectionChanged.connect(self._show_chosen)
        session.changed.connect(self._on_changed)
        self.refresh()

    def refresh(self) -> None:
        chosen = selected_id(self.view)
        self.model.set_records(self.session.tf.meetings.of_body(self.session.body_id))
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
        self.splitter.replaceWidget(1, page)
        if self.meeting_page is not self.placeholder:
            self.meeting_page.deleteLater()
        self.meeting_page = page

    def _on_changed(self, changes) -> None:
        if changes.concerns("meeting", "body"):
            self.refresh()

    def new_meeting(self) -> None:
        meetings = self.session.tf.meetings
        latest = meetings.of_body(self.session.body_id)
        day = max(dt.date.today(), latest[0].date + dt.timedelta(days=1)) if latest \
            else dt.date.today()
        created = self.session.create(
            "New meeting", lambda: self.session.tf.agenda.create_meeting(self.session.body_id, day),
            meetings.delete)
        if created:
            self.show_meeting(created)
            details = self.meeting_page.tab("Details")
            details.date.setFocus()
            details.date.selectAll()

    def delete_meeting(self) -> None:
        chosen = selected_id(self.view)
        if chosen:
            meetings = self.session.tf.meetings
            self.session.delete("Delete meeting", lambda: meetings.delete(chosen))
