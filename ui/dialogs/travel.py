"""Take a travel copy; merge one back, choosing side by side where both changed.

The merge runs on closed files (the core reads them through a second copy of
SQLite), so the window closes its file first and opens it again afterwards,
whatever happens (with its undo history when nothing was merged); but what the merge would refuse out of hand (the copy open in
another window, a copy of another file…) is refused first, with the file left
open as it was, its page and its undo history with it. The merge itself runs
on a worker thread, with progress and a Cancel button that leaves the file as
it was.
"""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout,
    QHeaderView, QLabel, QListWidget, QListWidgetItem, QMessageBox, QRadioButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from secretariat.errors import UserFacingError
from secretariat.taskforce import Taskforce
from secretariat.files.travel import Conflict, MergeReport, TravelCopy, label_of, merge, record_name

from ..errors import show_error
from ..file_dialogs import open_name
from ..files import FILE_FILTER, ask_save_path
from ..labels import HIDDEN, field_label, label_text, value_text
from ..long_work import LongWork

SIDES = (("home", "Keep the &home version"), ("travel", "Take the &travel copy's version"))
WHAT = {"added": "Added", "changed": "Changed", "deleted": "Deleted",
        "restored": "Brought back (needed by other records)"}


def kind_of(table: str) -> str:
    """What one record of the table is called, as a heading: "Action owner"."""
    return record_name(table).capitalize()


def title_of(conflict: Conflict) -> str:
    label = label_text(label_of(conflict.home or conflict.travel or {}))
    return f"{kind_of(conflict.table)}: {label}" if label else kind_of(conflict.table)


def _read_only_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setAccessibleName(name)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))
    table.resizeRowsToContents()


def _shown(conflict: Conflict, version: dict | None, field: str) -> str:
    if version is None:
        return "(deleted)"
    return value_text(field, version.get(field), conflict.names)


class ConflictsDialog(QDialog):
    """Each record changed on both sides, both versions side by side, one choice each."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Changed on Both Sides")
        self.conflicts = conflicts
        self._choices: dict[tuple[str, str], str] = {}
        counted = ("1 record was" if len(conflicts) == 1 else f"{len(conflicts)} records were")
        intro = QLabel(f"{counted} changed both at home and in the travel copy. For each, "
                       "choose which version to keep. Nothing is merged until every one is "
                       "settled.")
        intro.setWordWrap(True)
        self.records = QListWidget()
        self.records.setAccessibleName("Records changed on both sides")
        for conflict in conflicts:
            self.records.addItem(QListWidgetItem(title_of(conflict)))
        self.versions = _read_only_table(["Field", "At home", "In the travel copy"],
                                         "Both versions of the record")
        self.side_group = QButtonGroup(self)
        sides = QHBoxLayout()
        for number, (_side, text) in enumerate(SIDES):
            button = QRadioButton(text)
            button.setAccessibleName(text.replace("&", ""))
            self.side_group.addButton(button, number)
            sides.addWidget(button)
        self.side_group.idClicked.connect(self._choose)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Merge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        detail = QVBoxLayout()
        detail.addWidget(self.versions)
        detail.addLayout(sides)
        middle = QHBoxLayout()
        middle.addWidget(self.records, 1)
        middle.addLayout(detail, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle)
        layout.addWidget(self.buttons)
        self.records.currentRowChanged.connect(self._show)
        self.records.setCurrentRow(0)
        self._update_ok()
        self.resize(900, 500)

    def choices(self) -> dict[tuple[str, str], str]:
        return dict(self._choices)

    def choose(self, row: int, side: str) -> None:
        self.records.setCurrentRow(row)
        self.side_group.button([s for s, _ in SIDES].index(side)).click()

    def _current(self) -> Conflict | None:
        row = self.records.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def _show(self, row: int) -> None:
        conflict = self._current()
        if conflict is None:
            return
        _fill(self.versions, [[field_label(field), _shown(conflict, conflict.home, field),
                               _shown(conflict, conflict.travel, field)]
                              for field in conflict.differing if field not in HIDDEN])
        chosen = self._choices.get(conflict.key)
        self.side_group.setExclusive(False)
        for button in self.side_group.buttons():
            button.setChecked(False)
        self.side_group.setExclusive(True)
        if chosen:
            self.side_group.button([s for s, _ in SIDES].index(chosen)).setChecked(True)

    def _choose(self, number: int) -> None:
        conflict = self._current()
        if conflict is None:
            return
        self._choices[conflict.key] = SIDES[number][0]
        item = self.records.item(self.records.currentRow())
        item.setText(f"{title_of(conflict)} — {'home' if number == 0 else 'travel copy'}")
        self._update_ok()

    def _update_ok(self) -> None:
        settled = all(c.key in self._choices for c in self.conflicts)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(settled)


class MergeReportDialog(QDialog):
    """What came in from the travel copy."""

    def __init__(self, report: MergeReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Travel Copy Merged")
        summary = QLabel(report.summary())
        summary.setWordWrap(True)
        summary.setAccessibleName("Merge summary")
        self.incoming = _read_only_table(["What", "Kind of record", "Record"], "What came in")
        _fill(self.incoming, [[WHAT[i.what], kind_of(i.table), label_text(i.label)]
                              for i in report.incoming]
              + [[f"Kept the {'home' if side == 'home' else 'travel copy'}'s version",
                  kind_of(key[0]), label_text(report.chosen_labels.get(key, ""))]
                 for key, side in report.chosen.items()]
              + [["Not merged", "", text] for text in report.skipped]
              + [["To look at", "", text] for text in report.to_look_at])
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.incoming)
        if report.backup_path:
            note = QLabel(f"The file as it was before the merge is kept as the backup "
                          f"{report.backup_path.name}.")
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(700, 450)


def take_copy(window) -> LongWork | None:
    """Write the copy on a worker thread (its own reading connection), then note
    it in the file here."""
    home = window.session.tf
    suggestion = Path.home() / f"{home.path.stem} travel copy{home.path.suffix}"
    path = ask_save_path(window, "Take a Travel Copy", suggestion)
    if not path:
        return None
    try:
        destination = home.check_travel_copy(path)
    except UserFacingError as error:
        show_error(window, error)
        return None

    def work(progress) -> TravelCopy:
        with Taskforce.reader(home.path) as source:
            return source.write_travel_copy(destination, progress)

    def taken(copy: TravelCopy) -> None:
        try:
            home.record_travel_copy(copy)
        except UserFacingError as error:
            show_error(window, error)
            return
        QMessageBox.information(
            window, "Travel Copy Taken",
            f"The travel copy is {copy.path}.\n\nTake it away and work in it as usual; bring "
            "it back with File > Merge a Travel Copy. Keep working here too: both sides' "
            "changes are merged.")

    return LongWork(window, f"Taking a travel copy to {destination.name}…", work, taken)


def merge_copy(window, ask_conflicts=None) -> "Merging | None":
    """Close the file, merge the chosen copy into it on a worker thread, reopen it;
    a copy refused out of hand leaves the file open."""
    home = window.session.tf
    chosen = open_name(window, "Merge a Travel Copy", "", FILE_FILTER)
    if not chosen:
        return None
    try:
        travel = home.check_merge(chosen)
    except UserFacingError as error:
        show_error(window, error)
        return None
    session = window.close_file(keep_history=True)
    return Merging(window, session, travel, ask_conflicts or _ask_conflicts)


class Merging(QObject):
    """A merge on a worker thread: again with the official's choices if both sides
    changed something, then the file reopened (whatever happened) and the report shown."""

    finished = Signal(object)  # the MergeReport, or None if nothing was merged

    def __init__(self, window, session, travel: Path, ask_conflicts):
        super().__init__(window)
        self.window, self.session, self.travel = window, session, travel
        self.home: Path = session.tf.path
        self.ask_conflicts = ask_conflicts
        self.report: MergeReport | None = None
        self.job = self._start(None)

    def _start(self, choices) -> LongWork:
        job = LongWork(self.window, f"Merging {self.travel.name} into {self.home.name}…",
                       lambda progress: merge(self.home, self.travel, choices, progress),
                       self._merged)
        job.ended.connect(lambda _outcome: self._ended(job))
        return job

    def _merged(self, report: MergeReport) -> None:
        self.report = report
        if not report.merged:  # nothing written: the file is shown, as it was, behind the question
            self.window.reopen_file(self.session)
            choices = self.ask_conflicts(self.window, report.conflicts)
            if choices is not None:
                self.session = self.window.close_file(keep_history=True)
                self.job = self._start(choices)

    def _ended(self, job: LongWork) -> None:
        if job is not self.job:  # a second merge, with the choices made, is under way
            return
        report = self.report if self.report and self.report.merged else None
        if report:  # the file has changed: the history of edits before no longer fits
            self.window.open_path(self.home)
        elif self.window.session is None:  # nothing merged: as it was, its undo history too
            self.window.reopen_file(self.session)
        if report:
            MergeReportDialog(report, self.window).exec()
        self.finished.emit(report)
        self.deleteLater()


def _ask_conflicts(window, conflicts: list[Conflict]) -> dict | None:
    dialog = ConflictsDialog(conflicts, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choices()

