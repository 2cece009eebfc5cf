"""Dialogs of the Recommendations page: a report with its chapters, a
recommendation with what became of it, progress on one, and a meeting (or
one of its items) that touches it."""

import datetime as dt

from PySide6.QtWidgets import QLineEdit

from secretariat.report.recommendation_records import RAGS, RESPONSES
from secretariat.values import parse_day_or_month, parse_optional_date

from ..session import Session
from ..widgets import NotesEdit, combo_box, day_text, field_date_text
from .values import MeetingDialog, ValuesDialog, people_combo


def _notes(text: str) -> NotesEdit:
    box = NotesEdit(text)
    box.setTabChangesFocus(True)
    return box


class ReportDialog(ValuesDialog):
    """A report: its title, when it was published, notes and its chapters (a line each)."""

    def __init__(self, session: Session, report=None, parent=None):
        super().__init__("Edit Report" if report else "New Report", session, parent)
        self.title = self.row("&Title", QLineEdit(report.title if report else ""))
        self.published = self.row("&Published",
                                  QLineEdit(report.published_label if report else ""))
        self.published.setPlaceholderText("a day or a month, e.g. July 2012")
        self.chapters = self.row("&Chapters", _notes(
            "\n".join(c.title for c in report.chapters) if report else ""))
        self.chapters.setPlaceholderText("one chapter a line, in order")
        self.notes = self.row("&Notes", _notes(report.notes if report else ""))

    def values(self) -> dict:
        return dict(title=self.title.text(),
                    published=self.typed("published", parse_day_or_month, "date of publication"),
                    notes=self.notes.toPlainText().strip(),
                    chapters=[line.strip() for line in self.chapters.toPlainText().splitlines()
                              if line.strip()])


class RecommendationDialog(ValuesDialog):
    """A recommendation as the report makes it, and what became of it."""

    def __init__(self, session: Session, report, made=None, parent=None):
        super().__init__(f"Recommendation {made.number}" if made else "New Recommendation",
                         session, parent)
        self.number = self.row("N&umber", QLineEdit(made.number if made else ""))
        self.chapter = self.row("C&hapter", combo_box())
        self.chapter.addItem("(not in a chapter)", None)
        for chapter in report.chapters:
            self.chapter.addItem(chapter.title, chapter.id)
        self.chapter.setCurrentIndex(max(0, self.chapter.findData(made and made.chapter_id)))
        self.text = self.row("&Recommendation", _notes(made.text if made else ""))
        self.sub_points = self.row("&Sub-points", _notes(
            "\n".join(made.sub_points) if made else ""))
        self.sub_points.setPlaceholderText("one a line: printed (a), (b)…")
        self.addressees = self.row("&Addressed to", QLineEdit(
            "; ".join(a.label for a in made.addressees) if made else ""))
        self.addressees.setPlaceholderText("people or organisations, with ; between them")
        self.deadline = self.row("&Deadline", QLineEdit(made.deadline_label if made else ""))
        self.deadline.setPlaceholderText("a day or a month, e.g. December 2012, or empty")
        self.response = self.choice("R&esponse", RESPONSES, made.response if made else "awaiting")
        self.response_on = self.row("Response &on", QLineEdit(
            field_date_text(made.response_on) if made else ""))
        self.response_text = self.row("Response in &words", _notes(
            made.response_text if made else ""))
        people = [bp.person for bp in session.tf.people.in_body(session.body_id)]
        self.owner = people_combo(self, "O&wner", people, made and made.owner_person_id,
                                  "(named in words below)")
        self.owner_text = self.row("Owner in wor&ds", QLineEdit(made.owner_text if made else ""))
        self.rag = self.choice("RA&G status", RAGS, made.rag if made else "")
        self.completed_on = self.row("Done o&n", QLineEdit(
            field_date_text(made.completed_on) if made else ""))

    def values(self) -> dict:
        return dict(
            number=self.number.text(), chapter_id=self.chapter.currentData(),
            text=self.text.toPlainText().strip(),
            sub_points=self.sub_points.toPlainText(),
            addressees=[a for a in self.addressees.text().split(";") if a.strip()],
            deadline=self.typed("deadline", parse_day_or_month, "deadline"),
            response=self.response.currentData(),
            response_on=self.typed("response_on", parse_optional_date, "date of the response"),
            response_text=self.response_text.toPlainText().strip(),
            owner_person_id=self.owner.currentData(), owner_text=self.owner_text.text(),
            rag=self.rag.currentData(),
            completed_on=self.typed("completed_on", parse_optional_date, "date it was done"))


class ProgressDialog(ValuesDialog):
    """Progress on a recommendation: what happened, when, the RAG status it gives,
    and the meeting it was reported at (if any). Choosing the meeting puts its
    date in the Date box, where it can be seen and changed; a date the official
    typed there is kept."""

    def __init__(self, session: Session, made, parent=None):
        super().__init__(f"Progress on Recommendation {made.number}", session, parent)
        self.text = self.row("&Progress", _notes(""))
        self._filled = field_date_text(dt.date.today())  # what the dialog itself put in Date
        self.on = self.row("&Date", QLineEdit(self._filled))
        self.on.setToolTip("When it happened: a meeting chosen below puts its date here "
                           "unless you have typed one")
        self.rag = self.choice("RA&G status", RAGS, made.rag)
        self.meeting = self.row("&Reported", combo_box())
        self.meeting.addItem("Between meetings", None)
        self._dates = {}
        for meeting in session.tf.meetings.of_body(session.body_id):
            self.meeting.addItem(f"At the meeting of {day_text(meeting.date)}", meeting.id)
            self._dates[meeting.id] = meeting.date
        self.meeting.currentIndexChanged.connect(lambda _: self._follow_meeting())

    def _follow_meeting(self) -> None:
        """The chosen meeting's date (today's between meetings) in Date, unless typed over."""
        if self.on.text().strip() != self._filled:
            return
        self._filled = field_date_text(self._dates.get(self.meeting.currentData(),
                                                       dt.date.today()))
        self.on.setText(self._filled)

    def values(self) -> dict:
        return dict(text=self.text.toPlainText().strip(),
                    on=self.typed("on", parse_optional_date, "date of the update"),
                    rag=self.rag.currentData(), meeting_id=self.meeting.currentData())


class MeetingLinkDialog(MeetingDialog):
    def __init__(self, session: Session, parent=None):
        super().__init__("Link a Meeting", session, "The body has no meeting to link.", parent)

