"""Attendance over a period: each member's meetings they could attend, attended,
sent apologies for or missed, and their rate drawn as a small bar."""

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (QFormLayout, QLineEdit, QStyledItemDelegate, QVBoxLayout,
                               QWidget)

from secretariat.errors import UserFacingError

from .. import palette
from ..exports import Ready, hand_over, save_document
from ..models.records import Column, RecordTableModel
from ..session import Session
from ..tables import show_list, table_view
from ..widgets import add_row, button_row

RATE_COLUMN = 5


class AttendanceModel(RecordTableModel):
    columns = (
        Column("Member", lambda r: r.person.display_name),
        Column("Could attend", lambda r: str(r.could_attend)),
        Column("Attended", lambda r: str(r.attended)),
        Column("Apologies", lambda r: str(r.apologies)),
        Column("Absent", lambda r: str(r.absent)),
        Column("Rate", lambda r: r.rate_text),
    )

    @staticmethod
    def _id(record) -> str:
        return record.person.id

    def rate(self, row: int) -> float | None:
        return self.record(row).rate


class RateBar(QStyledItemDelegate):
    """The rate as text with a bar behind it, its share of the column the share
    attended (the column is as wide as the table leaves it)."""

    def paint(self, painter, option, index):
        rate = index.model().rate(index.row())
        if rate:
            box = option.rect.adjusted(2, 3, -2, -3)
            painter.save()
            length = int(box.width() * rate)
            painter.fillRect(QRect(box.left(), box.top(), length, box.height()),
                             palette.highlight())
            painter.restore()
        super().paint(painter, option, index)


class AttendanceStatsPage(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.tf = session.tf
        self.setAccessibleName("Attendance")
        period = QFormLayout()
        self.start = add_row(period, "&From", QLineEdit())
        self.end = add_row(period, "&To", QLineEdit())
        for edit in (self.start, self.end):
            edit.setPlaceholderText("any date, e.g. 1 January 2012; empty for no limit")
            edit.editingFinished.connect(self.reload)
        self.model = AttendanceModel(self)
        self.view = table_view(self.model, "Attendance of each member")
        self.view.setItemDelegateForColumn(RATE_COLUMN, RateBar(self.view))
        self.view.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.addLayout(period)
        layout.addWidget(self.view, 1)
        layout.addLayout(button_row([("Save as P&DF…", lambda: self.save_pdf(),
                                      "Print attendance over the period")]))
        session.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes) -> None:
        if changes.concerns("attendance", "meeting", "person", "body"):
            self.reload()

    def _period(self):
        return self.start.text().strip() or None, self.end.text().strip() or None

    def reload(self) -> bool:
        if not self.session.body_id:
            return False
        attendance, body_id, period = self.tf.attendance, self.session.body_id, self._period()
        try:
            show_list(self.view, lambda limit: attendance.over_period(body_id, *period, limit))
        except UserFacingError as error:
            self.session.report(error)
            return False
        return True

    def make_document(self, ready: Ready):
        from secretariat.documents import attendance_pdf

        if not self.reload():
            return None
        doc = attendance_pdf.build(self.tf, self.session.body_id, *self._period())
        return hand_over(self, ready, attendance_pdf, doc, "attendance", "attendance.pdf")

    def save_pdf(self) -> str | None:
        return self.make_document(lambda doc: save_document(self, self.session, doc))
