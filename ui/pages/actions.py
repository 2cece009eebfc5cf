"""The Actions page: every action agreed at the body's meetings, filtered and
sorted, overdue ones standing out, open counts by owner, and progress updates.
Years of actions may be logged: the table has a row for each from the start
and reads them a batch at a time as they come into view, filtered and sorted
by the core.

``ActionTable`` is also the matters-arising list of a meeting's Minutes tab,
where the updates are recorded against that meeting.
"""

import datetime as dt
from functools import cache

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QSplitter, QVBoxLayout, QWidget)

from secretariat.meeting.action_records import OUTCOMES, STATUSES, Action
from secretariat.files.output_files import PDF
from secretariat.meeting.actions import SORTS
from secretariat.progress import in_batches, part
from secretariat.taskforce import Taskforce
from secretariat.values import abbreviated_date, long_date

from ..edits.actions import add_update
from ..exports import (Document, Ready, ask_output, missing_glyphs_ok,
                       open_in_its_program, write_file)
from ..long_work import LongWork
from ..models.lazy_table import LazyTableModel, Unfolding
from ..models.records import Column
from ..session import Session
from ..tables import select_id, selected_id, table_view
from ..widgets import (FilledWhenUsed, add_row, after_paint, button, combo_box, day_text,
                       enable_while, remember_sizes)

OVERDUE = QColor("#b00000")
# A long log's whole order is read this long after its first screen is seen
# (sooner if it is scrolled past): about 40 ms at 25,000 actions.
UNFOLD_AFTER_MS = 250
ACTION_COLUMN = 3
# Looked up once: the view asks data() for some thousand cells a scroll step.
_FOREGROUND, _FONT = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole
SORT_COLUMNS = {"meeting": 0, "owner": 2, "due": 4, "status": 5}  # header click sorts


def _latest(action: Action) -> str:
    if not action.updates:
        return ""
    u = action.updates[-1]
    label = u.outcome_label if u.outcome != "note" else ""
    return f"{abbreviated_date(u.made_on)}: " + ": ".join(t for t in (label, u.text) if t)


class ActionsModel(LazyTableModel):
    columns = (
        Column("Agreed", lambda a: abbreviated_date(a.meeting_date)),
        Column("Item", lambda a: a.item_title),
        Column("Who", lambda a: a.owner_label),
        Column("Action", lambda a: a.text),
        Column("When", lambda a: a.when(day_text) + (" (overdue)" if a.overdue() else "")),
        Column("Status", lambda a: a.status_label),
        Column("Latest update", _latest),
    )

    def _rows(self, actions: list[Action]) -> list[tuple]:
        rows = zip(super()._rows(actions), actions, strict=True)
        return [row + (a.overdue(),) for row, a in rows]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if (role == _FOREGROUND or role == _FONT) and index.isValid():
            row = self._row(index.row())
            if row is not None and row[-1]:  # overdue, from _rows
                brush, font = _overdue_look()
                return brush if role == _FOREGROUND else font
            return None
        return super().data(index, role)


@cache
def _overdue_look() -> tuple[QBrush, QFont]:
    """Made once, when an application exists: the overdue rows' colour and bold."""
    font = QFont()
    font.setBold(True)
    return QBrush(OVERDUE), font


class UpdateDialog(QDialog):
    """Progress on an action: what happened, and whether it closes or carries it."""

    def __init__(self, parent, action: Action, meetings: list[tuple[str, str | None]]):
        super().__init__(parent)
        self.setWindowTitle("Progress on an action")
        form = QFormLayout(self)
        form.addRow(QLabel(f"{action.owner_label}: {action.text}"))
        self.text = add_row(form, "&Progress", QLineEdit())
        self.outcome = add_row(form, "&Outcome", combo_box())
        for key, label in OUTCOMES.items():
            self.outcome.addItem(label, key)
        self.outcome.setCurrentIndex(self.outcome.findData("note"))
        self.meeting = add_row(form, "&Reported", combo_box())
        for label, meeting_id in meetings:
            self.meeting.addItem(label, meeting_id)
        self.on = add_row(form, "&Date", QLineEdit(long_date(dt.date.today())))
        self.on.setToolTip("Left as it is for an update at a meeting: the meeting's date is used")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        meeting_id = self.meeting.currentData()
        return dict(text=self.text.text(), outcome=self.outcome.currentData(),
                    meeting_id=meeting_id, on=None if meeting_id else self.on.text())


class ActionTable(QWidget):
    """A list of actions with buttons to record progress on the chosen one.

    With ``meeting_id`` it is that meeting's matters arising, and progress is
    recorded against the meeting.
    """

    def __init__(self, session: Session, meeting_id: str | None = None):
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self.model = ActionsModel(self)
        name = "Matters arising" if meeting_id else "Actions"
        # Sized to the rows at hand when first shown, not re-measured at each
        # filter, nor as more are read while scrolling.
        self.view = table_view(self.model, name, fit_columns=False, stretch=ACTION_COLUMN)
        self._sized = False
        self.view.activated.connect(lambda _: self.update_chosen())
        on_chosen = [button("Add &update…", self.update_chosen,
                            "Record progress on the chosen action")]
        if meeting_id:
            on_chosen.append(button("Carry &forward", lambda: self.quick("carried_forward"),
                                    "Keep it open for the next meeting"))
        on_chosen.append(button("Mark d&one", lambda: self.quick("done"),
                                "Close the chosen action as done"))
        self.buttons = QHBoxLayout()
        for push in on_chosen:
            self.buttons.addWidget(push)
        self.buttons.addStretch()
        enable_while(lambda: selected_id(self.view) is not None, on_chosen,
                     self.view.selectionModel().selectionChanged, self.model.modelReset)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.buttons)

    def show_actions(self, actions: list[Action]) -> None:
        self._show(lambda: self.model.set_records(actions))

    def show_source(self, ids: list[str], read) -> None:
        """The actions with these ids, in this order, read a batch at a time by ``read(ids)``."""
        self._show(lambda: self.model.set_source(ids, read))

    def _show(self, fill) -> None:
        chosen = selected_id(self.view)
        fill()
        if not self._sized:  # the headings alone while empty; the rows once: it takes a while
            self.view.fitter.fit()
            self._sized = bool(self.model.rowCount())
        select_id(self.view, chosen)

    def chosen(self) -> Action | None:
        action_id = selected_id(self.view)
        return self.model.record(self.model.row_of(action_id)) if action_id else None

    def _meetings(self, action: Action) -> list[tuple[str, str | None]]:
        tf = self.session.tf
        if self.meeting_id:
            return [(f"At the meeting of {long_date(tf.meetings.get(self.meeting_id).date)}",
                     self.meeting_id)]
        held = [m for m in tf.meetings.of_body(action.body_id)  # newest first
                if action.meeting_date <= m.date <= dt.date.today()]
        return [("Between meetings", None)] + [
            (f"At the meeting of {long_date(m.date)}", m.id) for m in held]

    def update_chosen(self) -> bool:
        action = self.chosen()
        if action is None:
            return False
        dialog = UpdateDialog(self, action, self._meetings(action))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return add_update(self.session, action.id, **dialog.values())

    def quick(self, outcome: str) -> bool:
        """Done or carried forward in one press, against this meeting (or today)."""
        action = self.chosen()
        if action is None:
            return False
        return add_update(self.session, action.id, "", outcome, meeting_id=self.meeting_id)


class ActionsPage(QWidget):
    """The action log across all meetings of the body."""

    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.setAccessibleName("Actions")
        filters = QFormLayout()
        row = QHBoxLayout()
        self.status = combo_box()
        self.status.addItem("All", None)
        for key, label in STATUSES.items():
            self.status.addItem(label, key)
        self.status.setCurrentIndex(self.status.findData("open"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText("name, role or group")
        self.meeting = FilledWhenUsed(self._fill_meetings, "All meetings")
        self.sort = combo_box()
        for key in SORTS:
            self.sort.addItem(key.capitalize(), key)
        self.overdue = QCheckBox("O&verdue only")
        for label, widget in (("&Status", self.status), ("O&wner", self.owner),
                              ("&Meeting", self.meeting), ("S&ort by", self.sort)):
            caption = QLabel(label)
            caption.setBuddy(widget)
            widget.setAccessibleName(label.replace("&", ""))
            row.addWidget(caption)
            row.addWidget(widget, 1 if widget is self.owner else 0)
        row.addWidget(self.overdue)
        filters.addRow(row)
        for combo in (self.status, self.meeting):
            combo.currentIndexChanged.connect(lambda _: self.load())
        self.descending = False
        self.sort.currentIndexChanged.connect(lambda _: self._sort_chosen())
        self.owner.textChanged.connect(lambda _: self.load())
        self.overdue.toggled.connect(lambda _: self.load())

        self.printing: LongWork | None = None  # the print under way, or the last one
        self._unfolding: Unfolding | None = None  # the long log shown, its order not all read
        self.table = ActionTable(session)
        header = self.table.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(SORT_COLUMNS[self.sort.currentData()], Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_by_header)
        self.table.buttons.addWidget(button("Save as P&DF…", lambda: self.save_pdf(),
                                            "The action log as shown, by owner, to PDF"))
        self.counts = QListWidget()
        self.counts.setAccessibleName("Open actions by owner")
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel("Open actions by owner"))
        side_layout.addWidget(self.counts)
        self.counts.itemActivated.connect(
            lambda item: self.owner.setText(item.data(Qt.ItemDataRole.UserRole)))
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)  # the log takes the spare width
        remember_sizes(splitter, "actions", [800, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        session.changed.connect(self._on_changed)
        self.load()
        after_paint(self.table.view.viewport(), self._count_by_owner)  # once the log is seen

    def _fill_meetings(self, box: QComboBox) -> None:
        if self.session.body_id:
            for m in self.session.tf.meetings.of_body(self.session.body_id):
                box.addItem(long_date(m.date), m.id)

    def _sort_chosen(self) -> None:
        self.descending = False
        header = self.table.view.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(SORT_COLUMNS[self.sort.currentData()], Qt.SortOrder.AscendingOrder)
        header.blockSignals(blocked)
        self.load()

    def _sort_by_header(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a sortable column sorts by it, again the other way round."""
        key = next((k for k, c in SORT_COLUMNS.items() if c == column), None)
        header = self.table.view.horizontalHeader()
        blocked = header.blockSignals(True)
        if key is None:  # item, action and update text: keep the sort there is
            header.setSortIndicator(SORT_COLUMNS[self.sort.currentData()],
                                    Qt.SortOrder.DescendingOrder if self.descending
                                    else Qt.SortOrder.AscendingOrder)
        header.blockSignals(blocked)
        if key is None:
            return
        self.descending = order == Qt.SortOrder.DescendingOrder
        blocked = self.sort.blockSignals(True)
        self.sort.setCurrentIndex(self.sort.findData(key))
        self.sort.blockSignals(blocked)
        self.load()

    def _filters(self) -> dict:
        return dict(body_id=self.session.body_id, status=self.status.currentData(),
                    owner=self.owner.text(), meeting_id=self.meeting.currentData(),
                    overdue=self.overdue.isChecked())

    def load(self) -> None:
        """The log as filtered: the first screen at once, the whole order just
        after it is shown (``_unfold``), so a long log opens as fast as a short one."""
        if not self.session.body_id:
            self.table.show_actions([])
            return
        actions = self.session.tf.actions
        filters = self._filters()
        order = dict(sort=self.sort.currentData(), descending=self.descending)
        screen = 2 * ActionsModel.batch
        first = actions.log_ids(**filters, **order, limit=screen)
        ids = Unfolding(first, actions.log_count(**filters) if len(first) == screen else len(first),
                        lambda: actions.log_ids(**filters, **order))
        self.table.show_source(ids, actions.many)
        self._unfolding = ids
        if not ids.whole:  # once seen, and the official has paused (not between keys typed)
            after_paint(self.table.view.viewport(), lambda: QTimer.singleShot(
                UNFOLD_AFTER_MS, self, lambda: self._unfold(ids)))

    def _unfold(self, ids: Unfolding) -> None:
        if ids is self._unfolding and not self.session.closed:  # still the log shown
            ids.unfold()

    def _count_by_owner(self) -> None:
        """The counts do not depend on the filters: refreshed only when actions change."""
        self.counts.clear()
        if self.session.body_id and not self.session.closed:
            for owner, count in self.session.tf.actions.open_by_owner(self.session.body_id):
                self.counts.addItem(f"{owner}: {count}")
                self.counts.item(self.counts.count() - 1).setData(Qt.ItemDataRole.UserRole, owner)

    def _on_changed(self, changes) -> None:
        if changes.concerns("meeting", "body"):
            self.meeting.refill()
        if changes.concerns("action", "meeting", "person", "agenda", "body"):
            self.load()
            self._count_by_owner()

    def save_pdf(self) -> LongWork | None:
        """The action log as shown, by owner, to PDF."""
        path = ask_output(self, "Save the action log as PDF", "action log.pdf", PDF)
        if not path:  # checked before the work, not after it
            return None
        return self.make_document(lambda document: write_file(self, path, document.pdf)
                                  and open_in_its_program(self.session, path, saved=True))

    def make_document(self, ready: Ready) -> LongWork:
        """The action log as shown, by owner: read and laid out on a worker thread,
        with progress and Cancel, then handed to ``ready``."""
        body = self.session.tf.bodies.get(self.session.body_id)
        scope = (f"{self.status.currentText()} actions" if self.status.currentData()
                 else "All actions")
        if self.owner.text().strip():
            scope += f" owned by {self.owner.text().strip()}"
        filters, today = self._filters(), dt.date.today()
        order = dict(sort=self.sort.currentData(), descending=self.descending)
        home = self.session.tf.path

        def work(progress, boxes_ok: bool = False) -> tuple[list[str], bytes | None]:
            from secretariat.documents import actions_pdf

            with Taskforce.reader(home) as tf:  # this thread's own connection
                actions = in_batches(tf.actions.log_ids(**filters, **order), tf.actions.many,
                                     part(progress, 0, 0.1))
            doc = actions_pdf.ActionLogDocument(body.name, scope, today, tuple(actions),
                                                body.default_marking, filters["owner"])
            missing = actions_pdf.warnings(doc)
            if missing and not boxes_ok:
                return missing, None
            return missing, actions_pdf.render(doc, part(progress, 0.1, 1))

        def done(result) -> None:
            missing, pdf = result
            if pdf is not None:
                ready(Document("the action log", "action log.pdf", pdf))
            elif missing_glyphs_ok(self, missing):
                self.printing = LongWork(self, "Printing the action log…",
                                         lambda progress: work(progress, boxes_ok=True), done)

        self.printing = LongWork(self, "Printing the action log…", work, done)
        return self.printing
