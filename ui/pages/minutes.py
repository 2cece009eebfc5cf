"""The Minutes tab of a meeting: its entries item by item, how far the minutes
have got (draft, circulated, approved), and a preview of the real PDF with
Print…, Save as PDF…, Save as Word… and Circulate….

Its edits (shared with the live view) are in ``ui/edits/minutes.py``.
"""

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QDialog, QHBoxLayout, QInputDialog, QLabel,
                               QMessageBox, QPlainTextEdit, QSplitter, QVBoxLayout, QWidget)

from secretariat.letters import circulate
from secretariat.meeting import minutes_content
from secretariat.errors import UserFacingError, ValidationError
from secretariat.files.output_files import EMAIL, PDF, WORD, OutputKind
from secretariat.values import long_date

from .. import item_status, palette
from ..edits import minutes
from ..edits.actions import action_line, edit_action
from ..exports import (Document, Ready, ask_output, missing_glyphs_ok,
                       open_in_its_program, write_file)
from ..printing import PdfPages, print_document
from ..session import Session
from ..tables import lines_height
from ..flow_layout import FlowLayout
from ..widgets import ask_until_taken, button, button_row, remember_sizes
from .actions import ActionTable
from .minutes_outline import MinutesOutline

ARISING_LINES = 6  # matters arising show two actions of three lines each, however short the pane
SYNTAX_HELP = ("One line each: \"- point\", \"  - sub-point\", \"Decision: …\", "
               "\"Action: owner — what — when\". Ctrl+Enter records.")
LOCKED_HELP = ("These minutes are approved and final. Record a correction at a later "
               "meeting (Correction…), or take the approval back with a reason (Reopen…).")


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
        self.banner = QLabel(minutes.CIRCULATED + " Circulate them again if a change matters.")
        self.banner.setAccessibleName("Circulated minutes")
        self.banner.setWordWrap(True)
        palette.show_as_warning(self.banner)
        bar = FlowLayout()  # wraps in a narrow pane
        self.circulate_button = button("Mark &circulated…", self.mark_circulated,
                                       "Record the date the draft was sent out")
        self.approve_button = button("&Approved at…", self.approve,
                                     "Record approval at a later meeting")
        self.correct_button = button("Co&rrection…", self.correct,
                                     "Record a correction agreed at a later meeting")
        self.reopen_button = button("Re&open…", self.reopen,
                                    "Take the approval back, saying why: the reason is kept")
        for widget in (self.circulate_button, self.approve_button, self.correct_button,
                       self.reopen_button):
            bar.addWidget(widget)
        self.status_buttons = item_status.status_buttons(
            self, session, lambda: self.tree.item_id() if self._may_change() else None)
        item_bar = button_row([QLabel("Selected item:"), *self.status_buttons])  # wraps

        self.tree = MinutesOutline()
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.tree.currentItemChanged.connect(lambda *_: self._enable_status_buttons())
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
        self.entry.setMaximumHeight(4 * self.entry.fontMetrics().lineSpacing())  # three lines
        QShortcut(QKeySequence("Ctrl+Return"), self.entry, self.record,
                  context=Qt.ShortcutContext.WidgetShortcut)
        record_row = QHBoxLayout()
        record_row.addWidget(self.entry, 1)
        self.record_button = button("&Record", self.record, SYNTAX_HELP)
        record_row.addWidget(self.record_button)

        self.arising = ActionTable(session, meeting_id)
        self.arising.view.setMinimumHeight(lines_height(self.arising.view, ARISING_LINES))
        arising = QWidget()
        arising_column = QVBoxLayout(arising)
        arising_column.setContentsMargins(0, 0, 0, 0)
        arising_column.addWidget(QLabel("Matters arising: actions still open from earlier "
                                        "meetings"))
        arising_column.addWidget(self.arising)
        # The minutes take most of the height; matters arising the rest, more if dragged.
        outline = QSplitter(Qt.Orientation.Vertical)
        outline.setChildrenCollapsible(False)
        outline.addWidget(self.tree)
        outline.addWidget(arising)
        outline.setStretchFactor(0, 3)
        outline.setStretchFactor(1, 2)
        remember_sizes(outline, "minutes outline", [300, 200])

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.state)
        column.addWidget(self.banner)
        column.addLayout(bar)
        column.addLayout(item_bar)
        column.addWidget(outline, 1)
        # The item's keys are on its buttons above: the height goes to the outline.
        hint = QLabel("Enter or F2 edits the selected line, Delete removes it, "
                      "Ctrl+Up and Ctrl+Down move it.")
        hint.setWordWrap(True)
        column.addWidget(hint)
        column.addLayout(record_row)

        self.publication = QCheckBox("Version for &publication")
        self.publication.setToolTip("Withhold restricted items")
        self.publication.toggled.connect(lambda _: self.refresh_preview())
        self.preview = PdfPages("the minutes")
        self.missing: list[str] = []  # characters the font lacks
        self.preview.layout().insertWidget(0, self.publication)
        printing = button_row([  # wraps in a narrow pane
            ("&Print…", lambda: self.make_document(lambda document: print_document(self, document)),
             "Print on a printer or to a PDF file"),
            ("Save as P&DF…", self.save_pdf, "Write the PDF to a file"),
            ("&Save as Word…", self.save_word, "A Word document of the minutes, to edit"),
            ("Circ&ulate…", self.circulate, "An e-mail draft with the PDF attached"),
            *self.preview.zoom_buttons()])
        self.preview.layout().insertLayout(1, printing)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        remember_sizes(splitter, "minutes", [530, 470])  # its buttons in two rows, not three
        QVBoxLayout(self).addWidget(splitter)

        self._pending = False
        session.changed.connect(self._on_changed)
        self.load()

    # -- reading

    def refresh_preview(self) -> None:
        from secretariat.documents import minutes_pdf

        try:
            doc = self._minutes()
        except UserFacingError:
            return  # the record changed under us (deleted meeting); the page goes soon
        self.missing = minutes_pdf.warnings(doc)
        self.preview.show_pdf(minutes_pdf.render(doc))

    def _minutes(self) -> minutes_content.MinutesDocument:
        return minutes_content.build(self.session.tf, self.meeting_id,
                                     publication=self.publication.isChecked())

    def _names(self) -> tuple[str, str]:
        """What the minutes are called, and their file's name without its suffix:
        "the minutes for publication", "minutes for publication 2011-05-26"."""
        kind = "minutes for publication" if self.publication.isChecked() else "minutes"
        return f"the {kind}", f"{kind} {self.session.tf.meetings.get(self.meeting_id).date}"

    def make_document(self, ready: Ready):
        """The minutes as previewed, once the official has accepted any
        characters the font lacks."""
        if not missing_glyphs_ok(self, self.missing):
            return None
        title, name = self._names()
        return ready(Document(title, f"{name}.pdf", self.preview.pdf))

    def save_pdf(self) -> bool:
        return bool(self.make_document(lambda document: self._save(
            f"Save {document.title} as PDF", document.file_name, PDF, document.pdf)))

    def save_word(self) -> bool:
        """The minutes the preview shows, as a Word document to edit."""
        from secretariat.documents import minutes_docx

        title, name = self._names()
        return self._save(f"Save {title} as Word", f"{name}.docx", WORD,
                          minutes_docx.render(self._minutes()))

    def _save(self, title: str, file_name: str, kind: OutputKind, data: bytes) -> bool:
        target = ask_output(self, title, file_name, kind)
        return (bool(target) and write_file(self, target, data)
                and open_in_its_program(self.session, target, saved=True))

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
        self.reopen_button.setEnabled(state.locked)
        # Approved minutes are final: nothing here can change them, so nothing
        # here offers to (the file would refuse it anyway).
        self.entry.setReadOnly(state.locked)
        self.entry.setPlaceholderText(LOCKED_HELP if state.locked else SYNTAX_HELP)
        self.record_button.setEnabled(not state.locked)
        self._enable_status_buttons()
        self.banner.setVisible(state.state == "circulated")
        self.tree.fill(tf, self.meeting_id)
        self._enable_status_buttons()
        self.arising.show_source(tf.actions.matters_arising_ids(self.meeting_id), tf.actions.many)
        self.refresh_preview()

    def show_record(self, record_id: str, kind: str) -> None:
        """Select a point, decision or action (a search hit) in the tree."""
        self.tree.choose(("actions" if kind == "action" else "minutes_entries", record_id))
        self.tree.setFocus()

    def _enable_status_buttons(self) -> None:
        locked = self.entry.isReadOnly()  # the minutes are approved
        item_status.enable_buttons(self.status_buttons,
                                   None if locked else self.tree.item_status())

    def _may_change(self) -> bool:
        return minutes.may_change(self, self.session, self.meeting_id)

    def _on_changed(self, changes) -> None:
        if changes.concerns("minutes", "action", "meeting", "agenda", "attendance", "person"):
            if not self._pending:  # several changes at once: one reload
                self._pending = True
                QTimer.singleShot(0, self, self._reload)  # (not after the tab is gone)

    def _reload(self) -> None:
        self._pending = False
        self.load()

    # -- editing

    def record(self) -> None:
        item_id = self.tree.item_id()
        if item_id is None:
            self.session.report(ValidationError("Choose the agenda item to record under."))
            return
        if self._may_change() and minutes.capture(self.session, item_id,
                                                  self.entry.toPlainText()):
            self.entry.clear()

    def edit_selected(self) -> None:
        chosen = self.tree.selected()
        if not chosen or chosen[0] == "agenda_items":
            self.entry.setFocus()
            return
        table, record_id = chosen
        tf = self.session.tf
        try:  # said before the official types, not after
            tf.minutes.lifecycle.ensure_editable(self.meeting_id)
        except UserFacingError as error:
            self.session.report(error)
            return
        if table == "actions":
            current = action_line(tf.actions.get(record_id))
            label = "Owner — what — when:"
        else:
            current, label = tf.minutes.get(record_id).text, "Text:"
        edit = edit_action if table == "actions" else minutes.edit_entry

        def take(text: str) -> bool:  # unchanged, or not to be changed after all: done
            return text == current or not self._may_change() or edit(self.session, record_id,
                                                                     text)

        ask_until_taken(lambda typed: self._ask_line(label, typed), take, current)

    def _ask_line(self, label: str, current: str) -> str | None:
        """The line to edit, in a box as wide as the tree, so a long line reads whole."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Edit")
        dialog.setLabelText(label)
        dialog.setTextValue(current)
        dialog.resize(max(self.tree.width(), dialog.sizeHint().width()),
                      dialog.sizeHint().height())
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def move_selected(self, step: int) -> None:
        chosen = self.tree.selected()
        if chosen and chosen[0] == "minutes_entries" and self._may_change():
            minutes.move_entry(self.session, chosen[1], step)

    def delete_selected(self) -> None:
        chosen = self.tree.selected()
        if not chosen or chosen[0] == "agenda_items" or not self._may_change():
            return
        minutes.delete_line(self.session, *chosen)

    # -- lifecycle

    def mark_circulated(self) -> bool:
        text, ok = QInputDialog.getText(self, "Minutes circulated", "Circulated on:",
                                        text=long_date(dt.date.today()))
        return ok and minutes.circulate(self.session, self.meeting_id, text)

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
        return bool(at_meeting_id) and minutes.approve(self.session, self.meeting_id,
                                                       at_meeting_id)

    def reopen(self) -> bool:
        reason, ok = QInputDialog.getText(
            self, "Reopen approved minutes",
            "The approval is taken back and the minutes can be changed again.\n"
            "Why (kept with the file)?")
        return ok and minutes.reopen(self.session, self.meeting_id, reason)

    def correct(self) -> None:
        at_meeting_id = self._choose_later("Correction to approved minutes")
        if not at_meeting_id:
            return
        text, ok = QInputDialog.getText(self, "Correction", "The correction agreed:")
        if ok:
            minutes.record_correction(self.session, self.meeting_id, at_meeting_id, text)

    def circulate(self) -> bool:
        """Save an e-mail draft with the PDF and open it in the mail program."""
        if not missing_glyphs_ok(self, self.missing):
            return False
        tf = self.session.tf
        state = tf.minutes.lifecycle.of(self.meeting_id)
        document = "minutes" if state.locked else "draft minutes"
        made = circulate.draft(tf, self.meeting_id, self.preview.pdf, document)
        path = ask_output(self, "Save the e-mail draft", f"{document}.eml", EMAIL)
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
            minutes.circulate(self.session, self.meeting_id, dt.date.today())
        return True
