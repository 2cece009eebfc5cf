"""The Minutes tab of a meeting: its entries item by item, how far the minutes
have got (draft, circulated, approved), and a preview of the real PDF with
Print…, Save as PDF… and Circulate….

The undoable minute edits used here and by the live view are at the top.
"""

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QInputDialog, QLabel,
                               QMessageBox, QPlainTextEdit, QSplitter, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from secretariat import circulate, minutes_content
from secretariat.errors import UserFacingError, ValidationError
from secretariat.values import long_date

from ..exports import ask_output, open_in_its_program
from ..minutes_edits import (action_line, capture, delete, edit_action, lifecycle_step,
                             missing_glyphs_ok, record_correction, write_file)
from ..session import Session
from ..flow_layout import FlowLayout
from ..pdf_zoom import zoom_row
from ..widgets import button, remember_sizes
from .actions import ActionTable

RECORD = Qt.ItemDataRole.UserRole
SYNTAX_HELP = ("One line each: \"- point\", \"  - sub-point\", \"Decision: …\", "
               "\"Action: owner — what — when\". Ctrl+Enter records.")


# -- the preview ---------------------------------------------------------------

class PdfPreview(QWidget):
    """The real PDF, as it will print, with Print… and Save as PDF…."""

    def __init__(self, name: str, render: Callable[[], tuple[bytes, list[str]]]):
        super().__init__()
        self._render = render
        self._name = name
        self.pdf = b""
        self.document = QPdfDocument(self)
        self._buffer = QBuffer(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(f"Preview of the {name}")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.buttons = FlowLayout()  # wraps in a narrow pane
        self.buttons.addWidget(button("&Print…", self.print_, "Print on a printer"))
        self.buttons.addWidget(button("Save as P&DF…", self.save_as, "Write the PDF to a file"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.buttons)
        layout.addLayout(zoom_row(self.view))
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        try:
            self.pdf, self.missing = self._render()
        except UserFacingError:
            return  # the record changed under us (deleted meeting); the page goes soon
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray(self.pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self._buffer)

    def save_as(self) -> bool:
        if not missing_glyphs_ok(self, self.missing):
            return False
        path = ask_output(self, f"Save the {self._name} as PDF", f"{self._name}.pdf",
                          "PDF files (*.pdf)", ".pdf")
        return bool(path) and write_file(self, path, self.pdf)

    def print_(self) -> None:
        if not missing_glyphs_ok(self, self.missing):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Each PDF page drawn as an image at the printer's resolution."""
        painter = QPainter(printer)
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                target = painter.viewport()
                image = self.document.render(page, QSize(target.width(), target.height()))
                painter.drawImage(target, image)
        finally:
            painter.end()


# -- the tab -------------------------------------------------------------------

class MinutesTab(QWidget):
    """Edit a meeting's minutes, move them through their lifecycle, print them."""

    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self.setAccessibleName("Minutes")

        self.state = QLabel()
        self.state.setAccessibleName("Minutes state")
        self.state.setWordWrap(True)
        bar = FlowLayout()
        self.circulate_button = button("Mark &circulated…", self.mark_circulated,
                                       "Record the date the draft was sent out")
        self.approve_button = button("&Approved at…", self.approve,
                                     "Record approval at a later meeting")
        self.correct_button = button("Co&rrection…", self.correct,
                                     "Record a correction agreed at a later meeting")
        for widget in (self.circulate_button, self.approve_button, self.correct_button):
            bar.addWidget(widget)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Items and what was recorded under them")
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence("F2"), self.tree, self.edit_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        for key, step in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            QShortcut(QKeySequence(key), self.tree, lambda step=step: self.move_selected(step),
                      context=Qt.ShortcutContext.WidgetShortcut)

        self.entry = QPlainTextEdit()
        self.entry.setAccessibleName("New entries for the selected item")
        self.entry.setPlaceholderText(SYNTAX_HELP)
        self.entry.setTabChangesFocus(True)
        self.entry.setMaximumHeight(90)
        QShortcut(QKeySequence("Ctrl+Return"), self.entry, self.record,
                  context=Qt.ShortcutContext.WidgetShortcut)
        record_row = QHBoxLayout()
        record_row.addWidget(self.entry, 1)
        record_row.addWidget(button("&Record", self.record, SYNTAX_HELP))

        self.arising = ActionTable(session, meeting_id)
        self.arising.view.setMaximumHeight(160)

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.state)
        column.addLayout(bar)
        column.addWidget(self.tree, 1)
        column.addWidget(QLabel("Matters arising: actions still open from earlier meetings"))
        column.addWidget(self.arising)
        hint = QLabel("Enter or F2 edits the selected line, Delete removes it, "
                      "Ctrl+Up and Ctrl+Down move it.")
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addLayout(record_row)

        self.publication = QCheckBox("Version for &publication")
        self.publication.setToolTip("Withhold restricted items")
        self.publication.toggled.connect(lambda _: self.preview.refresh())
        self.preview = PdfPreview("minutes", self._render)
        self.preview.layout().insertWidget(0, self.publication)
        self.preview.buttons.insertWidget(2, button("Circ&ulate…", self.circulate,
                                                    "An e-mail draft with the PDF attached"))
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_sizes(splitter, "minutes", [500, 500])
        QVBoxLayout(self).addWidget(splitter)

        self._pending = False
        session.changed.connect(self._on_changed)
        self.load()

    # -- reading

    def _render(self) -> tuple[bytes, list[str]]:
        from secretariat.documents import minutes_pdf

        doc = minutes_content.build(self.session.tf, self.meeting_id,
                                    publication=self.publication.isChecked())
        return minutes_pdf.render(doc), minutes_pdf.warnings(doc)

    def load(self) -> None:
        tf = self.session.tf
        try:
            state = tf.minutes.lifecycle.of(self.meeting_id)
        except UserFacingError:
            return
        text = f"Minutes: {state.label}"
        if state.circulated_on:
            text += f", circulated {long_date(state.circulated_on)}"
        if state.approved_at_meeting_id:
            text += (" and approved at the meeting of "
                     f"{long_date(tf.meetings.get(state.approved_at_meeting_id).date)}")
        self.state.setText(text + ("" if not state.locked else " (locked)"))
        self.circulate_button.setEnabled(not state.locked)
        self.approve_button.setEnabled(state.state == "circulated")
        self.correct_button.setEnabled(state.locked)
        self._fill_tree()
        self.arising.show_source(tf.actions.matters_arising_ids(self.meeting_id), tf.actions.many)
        self.preview.refresh()

    def _fill_tree(self) -> None:
        tf = self.session.tf
        selected = self.selected()
        self.tree.clear()
        rows = tf.store.rows("SELECT * FROM agenda_items WHERE meeting_id = ?",
                             (self.meeting_id,))
        parents: dict[str, QTreeWidgetItem] = {}
        for row, number, level in minutes_content.number_items(rows):
            node = QTreeWidgetItem([f"{number} {row['title']}"])
            node.setData(0, RECORD, ("agenda_items", row["id"]))
            parent = parents.get(row["parent_id"])
            (parent.addChild(node) if parent else self.tree.addTopLevelItem(node))
            parents[row["id"]] = node
            points: dict[str, QTreeWidgetItem] = {}
            for entry in tf.minutes.of_item(row["id"]):
                label = f"Decision: {entry.text}" if entry.kind == "decision" else f"• {entry.text}"
                child = QTreeWidgetItem([label])
                child.setData(0, RECORD, ("minutes_entries", entry.id))
                (points[entry.parent_id] if entry.parent_id else node).addChild(child)
                points[entry.id] = child
            for action in tf.actions.of_item(row["id"]):
                child = QTreeWidgetItem([f"Action: {action_line(action)}"])
                child.setData(0, RECORD, ("actions", action.id))
                node.addChild(child)
        self.tree.expandAll()
        self._select(selected)

    def show_record(self, record_id: str, kind: str) -> None:
        """Select a point, decision or action (a search hit) in the tree."""
        self._select(("actions" if kind == "action" else "minutes_entries", record_id))
        self.tree.setFocus()

    def _select(self, wanted) -> None:
        if not wanted:
            if self.tree.topLevelItemCount():
                self.tree.setCurrentItem(self.tree.topLevelItem(0))
            return
        iterator = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while iterator:
            node = iterator.pop(0)
            if node.data(0, RECORD) == wanted:
                self.tree.setCurrentItem(node)
                return
            iterator += [node.child(i) for i in range(node.childCount())]

    def selected(self) -> tuple[str, str] | None:
        node = self.tree.currentItem()
        return node.data(0, RECORD) if node else None

    def selected_item_id(self) -> str | None:
        """The agenda item the selection is in."""
        node = self.tree.currentItem()
        while node is not None and node.data(0, RECORD)[0] != "agenda_items":
            node = node.parent()
        return node.data(0, RECORD)[1] if node else None

    def _on_changed(self, changes) -> None:
        if changes.concerns("minutes", "action", "meeting", "agenda", "attendance", "person"):
            if not self._pending:  # several changes at once: one reload
                self._pending = True
                QTimer.singleShot(0, self._reload)

    def _reload(self) -> None:
        self._pending = False
        self.load()

    # -- editing

    def record(self) -> None:
        item_id = self.selected_item_id()
        if item_id is None:
            self.session.report(ValidationError("Choose the agenda item to record under."))
            return
        if capture(self.session, item_id, self.entry.toPlainText()):
            self.entry.clear()

    def edit_selected(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[0] == "agenda_items":
            self.entry.setFocus()
            return
        table, record_id = chosen
        tf = self.session.tf
        if table == "actions":
            current = action_line(tf.actions.get(record_id))
            label = "Owner — what — when:"
        else:
            current, label = tf.minutes.get(record_id).text, "Text:"
        text, ok = QInputDialog.getText(self, "Edit", label, text=current)
        if not ok or text == current:
            return
        if table == "actions":
            edit_action(self.session, record_id, text)
        else:
            self.session.update(tf.minutes, record_id, "Edit the minutes", text=text)

    def move_selected(self, step: int) -> None:
        chosen = self.selected()
        if chosen and chosen[0] == "minutes_entries":
            minutes = self.session.tf.minutes
            self.session.perform("Move in the minutes", lambda: minutes.move(chosen[1], step),
                                 lambda: minutes.move(chosen[1], -step))

    def delete_selected(self) -> None:
        chosen = self.selected()
        if not chosen or chosen[0] == "agenda_items":
            return
        table, record_id = chosen
        manager = self.session.tf.actions if table == "actions" else self.session.tf.minutes
        delete(self.session, "Delete from the minutes", lambda: manager.delete(record_id))

    # -- lifecycle

    def mark_circulated(self) -> bool:
        text, ok = QInputDialog.getText(self, "Minutes circulated", "Circulated on:",
                                        text=long_date(dt.date.today()))
        return ok and self._circulated_on(text)

    def _circulated_on(self, on: str | dt.date) -> bool:
        lifecycle = self.session.tf.minutes.lifecycle
        return lifecycle_step(self.session, self.meeting_id, "Mark minutes circulated",
                              lambda: lifecycle.circulate(self.meeting_id, on))

    def _later_meetings(self):
        tf = self.session.tf
        meeting = tf.meetings.get(self.meeting_id)
        return [m for m in reversed(tf.meetings.of_body(meeting.body_id))
                if m.date > meeting.date]

    def _choose_later(self, title: str) -> str | None:
        later = self._later_meetings()
        if not later:
            self.session.report(ValidationError(
                "There is no later meeting of this body yet: add it first."))
            return None
        names = [long_date(m.date) for m in later]
        name, ok = QInputDialog.getItem(self, title, "At the meeting of:", names, 0, False)
        return later[names.index(name)].id if ok else None

    def approve(self) -> bool:
        at_meeting_id = self._choose_later("Minutes approved")
        if not at_meeting_id:
            return False
        lifecycle = self.session.tf.minutes.lifecycle
        return lifecycle_step(self.session, self.meeting_id, "Approve minutes",
                              lambda: lifecycle.approve(self.meeting_id, at_meeting_id))

    def correct(self) -> None:
        at_meeting_id = self._choose_later("Correction to approved minutes")
        if not at_meeting_id:
            return
        text, ok = QInputDialog.getText(self, "Correction", "The correction agreed:")
        if ok:
            record_correction(self.session, self.meeting_id, at_meeting_id, text)

    def circulate(self) -> bool:
        """Save an e-mail draft with the PDF and open it in the mail program."""
        if not missing_glyphs_ok(self, self.preview.missing):
            return False
        tf = self.session.tf
        state = tf.minutes.lifecycle.of(self.meeting_id)
        document = "minutes" if state.locked else "draft minutes"
        made = circulate.draft(tf, self.meeting_id, self.preview.pdf, document)
        path = ask_output(self, "Save the e-mail draft", str(Path.home() / f"{document}.eml"),
                          "E-mail drafts (*.eml)", ".eml")
        if not path or not write_file(self, path, made.eml):
            return False
        if made.without_address:
            QMessageBox.information(
                self, "Some have no e-mail address",
                "Not addressed (no e-mail address): " + ", ".join(made.without_address))
        open_in_its_program(self.session, path, saved=True)
        if state.state == "draft" and QMessageBox.question(
                self, "Minutes circulated?",
                "Record the minutes as circulated today?") == QMessageBox.StandardButton.Yes:
            self._circulated_on(dt.date.today())
        return True
