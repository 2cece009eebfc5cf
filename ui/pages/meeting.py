"""The meeting page: one tab per part of a meeting's record.

To add a tab, add one entry to ``MEETING_TABS``:
``("Agenda", lazy(".agenda", "AgendaPage"))``, where
``AgendaPage(session, meeting_id)`` returns a QWidget. A tab is built (and its
module imported) when first shown, refreshes itself from ``session.changed``,
and the page is rebuilt when another meeting is chosen.
"""

from typing import Callable

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QTabWidget, QWidget

from secretariat.errors import NotFoundError, UserFacingError
from secretariat.meeting.meetings import KINDS, MARKINGS, STATUSES, Meeting
from secretariat.values import long_date, parse_date, parse_time, time_to_text

from ..edits import meetings
from ..errors import show_at, to_put_right
from ..session import Session
from ..widgets import (Deferred, NotesEdit, add_row, build_when_current, choice_box,
                       field_date_text, set_quietly)
from . import lazy

TabFactory = Callable[[Session, str], QWidget]


class MeetingDetails(QWidget):
    """Date, times, venue, kind, status, marking, title and notes, each edit saved
    as made; and whether the invitation was made or the meeting cancelled."""

    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        form = QFormLayout(self)
        self.date = add_row(form, "&Date", QLineEdit())
        self.date.setPlaceholderText("e.g. 26 May 2011")
        self.start_time = add_row(form, "&Starts", QLineEdit())
        self.end_time = add_row(form, "&Ends", QLineEdit())
        for edit in (self.start_time, self.end_time):
            edit.setPlaceholderText("e.g. 15:30")
        self.venue = add_row(form, "&Venue", QLineEdit())
        self.title = add_row(form, "&Title", QLineEdit())
        self.title.setPlaceholderText("optional, e.g. Expert witness session on finance")
        self.kind = add_row(form, "&Kind", choice_box(KINDS))
        self.status = add_row(form, "Stat&us", choice_box(STATUSES))
        self.invitation = add_row(form, "Invitation", QLabel())
        self.marking = add_row(form, "&Marking", choice_box(MARKINGS))
        self.notes = add_row(form, "&Notes", NotesEdit())
        self.notes.setTabChangesFocus(True)

        self._texts = {  # field: (widget, typed value from text, what the undo says)
            "date": (self.date, lambda t: parse_date(t, "meeting date"), "date"),
            "start_time": (self.start_time, lambda t: parse_time(t, "start time"), "start time"),
            "end_time": (self.end_time, lambda t: parse_time(t, "end time"), "end time"),
            "venue": (self.venue, str.strip, "venue"),
            "title": (self.title, str.strip, "title"),
        }
        for name, (widget, _, _) in self._texts.items():
            widget.editingFinished.connect(lambda name=name: self._save_text(name))
        for name, combo in (("kind", self.kind), ("status", self.status),
                            ("marking", self.marking)):
            combo.activated.connect(lambda _=0, name=name, combo=combo: self._save(
                name, combo.currentData()))
        self.notes.editingFinished.connect(
            lambda: self._save("notes", self.notes.toPlainText().strip()))
        session.changed.connect(self._on_changed)
        session.closing.connect(self.save_typed)
        self.load()

    def save_typed(self) -> None:
        """Save every text box as it stands (unchanged ones write nothing)."""
        for name in self._texts:
            self._save_text(name)
        self._save("notes", self.notes.toPlainText().strip())

    def load(self) -> None:
        try:
            meeting = self.session.tf.meetings.get(self.meeting_id)
        except NotFoundError:
            return
        set_quietly(self.date, self.date.setText, field_date_text(meeting.date))
        set_quietly(self.start_time, self.start_time.setText, time_to_text(meeting.start_time))
        set_quietly(self.end_time, self.end_time.setText, time_to_text(meeting.end_time))
        set_quietly(self.venue, self.venue.setText, meeting.venue)
        set_quietly(self.title, self.title.setText, meeting.title)
        for combo, key in ((self.kind, meeting.kind), (self.status, meeting.status),
                           (self.marking, meeting.marking)):
            set_quietly(combo, combo.setCurrentIndex, combo.findData(key))
        if self.notes.toPlainText() != meeting.notes:
            set_quietly(self.notes, self.notes.setPlainText, meeting.notes)
        self.invitation.setText(_invitation(meeting))
        # A cancelled meeting is neither held nor postponed until it is reinstated.
        self.status.setEnabled(not meeting.cancelled_on)

    def _save_text(self, name: str) -> None:
        widget, typed, _ = self._texts[name]
        try:
            value = typed(widget.text())
        except UserFacingError as error:
            self.session.report(error)
            self._refused(name)
        else:
            self._save(name, value)

    def _refused(self, name: str) -> None:
        """What was typed stays, chosen, to be put right; a choice goes back."""
        if name not in self._texts or self.session.closed:
            self.load()
            return
        show_at(self._texts[name][0])

    def _save(self, name: str, value) -> None:
        if self.session.closed:  # a box losing the focus after the file closed
            return
        try:
            self.session.tf.meetings.get(self.meeting_id)
        except NotFoundError:  # deleted while this field had the focus: nothing to save
            return
        what = self._texts[name][2] if name in self._texts else name
        if not meetings.change_meeting(self.session, self.meeting_id, what, **{name: value}):
            if to_put_right(self.session.last_refusal):  # else no change at all
                self._refused(name)
            else:
                self.load()

    def _on_changed(self, changes) -> None:
        if changes.concerns("meeting") and (self.meeting_id in changes.ids or not changes.ids):
            self.load()


def _invitation(meeting: Meeting) -> str:
    if meeting.cancelled_on:
        return f"The meeting was cancelled on {long_date(meeting.cancelled_on)}."
    if meeting.invited_on:
        return f"Made on {long_date(meeting.invited_on)}."
    return "Not made yet (Meeting > Meeting Invitation…)."


# Which tab shows a search hit of each kind (with ``show_record(record_id, kind)``).
HIT_TABS = {"agenda_item": "Agenda", "point": "Minutes", "decision": "Minutes",
            "action": "Minutes"}

# (tab title, factory(session, meeting_id) -> QWidget)
MEETING_TABS: list[tuple[str, TabFactory]] = [
    ("Details", MeetingDetails),
    ("Agenda", lazy(".agenda", "AgendaPage")),
    ("Register", lazy(".register", "RegisterPage")),
    ("Live", lazy(".live", "LiveView")),
    ("Minutes", lazy(".minutes", "MinutesTab")),
    ("Interests", lazy(".interests", "MeetingInterestsTab")),
]


class MeetingPage(QTabWidget):
    """All about one meeting, one tab per entry of ``MEETING_TABS``."""

    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.meeting_id = meeting_id
        self.setAccessibleName("Meeting")
        self.tabBar().setAccessibleName("Parts of the meeting")
        self.setDocumentMode(True)
        self._titles = [title for title, _ in MEETING_TABS]
        build_when_current(self)
        for title, factory in MEETING_TABS:
            self.addTab(Deferred(lambda f=factory: f(session, meeting_id), title), title)

    def show_record(self, kind: str, record_id: str) -> None:
        """Turn to the tab that shows records of this kind and select the record."""
        title = HIT_TABS.get(kind)
        if title:
            self.setCurrentIndex(self._titles.index(title))
            self.tab(title).show_record(record_id, kind)

    def tab(self, title: str) -> QWidget:
        """The widget of one tab, by its title (built the first time it is wanted)."""
        return self.widget(self._titles.index(title)).content()
