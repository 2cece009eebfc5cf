"""The agenda of one meeting: a tree of items to reorder by drag and drop or
from the keyboard (Ctrl+Up/Down move, Ctrl+Right/Left make a sub-item or a
main item again; Tab still moves between controls), the running clock and its
over-run warning, the chosen item's details, and what is offered for the
agenda: items deferred at earlier meetings and suggestions still waiting.
Every change is a named edit (``ui/edits/agenda.py``), so Ctrl+Z undoes it."""

from PySide6.QtWidgets import (QCheckBox, QFormLayout, QHBoxLayout, QInputDialog, QLabel,
                               QLineEdit, QSpinBox, QSplitter, QWidget)

from secretariat.meeting import agenda_content
from secretariat.meeting.agenda import AGENDA_STATUSES
from secretariat.meeting.agenda_items import STATUSES
from secretariat.meeting.standing_items import PURPOSES
from secretariat.errors import NotFoundError, UserFacingError
from secretariat.values import day_month_year, time_to_text

from .. import palette
from ..exports import Ready, hand_over, save_document, save_word
from ..edits import agenda
from ..edits.minutes import may_change
from ..errors import show_at, to_put_right
from ..models.agenda_model import AgendaModel
from ..session import Session
from ..widgets import (add_row, ask_line, ask_until_taken, button, button_row, choice_box,
                       combo_box, enable_while, set_quietly, side_by_side)
from .agenda_offered import OfferedPanel
from .agenda_tree import AgendaTree
from .interests import tag_item


class AgendaPage(QWidget):
    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session = session
        self.tf = session.tf
        self.meeting_id = meeting_id
        self.setAccessibleName("Agenda")
        self.model = AgendaModel(self.move_to, self)
        self.tree = AgendaTree(self)
        self.tree.setModel(self.model)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._show_item())
        self.clock = QLabel()
        self.clock.setAccessibleName("Running clock")
        self.clock.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setAccessibleName("Over-run warning")
        palette.show_as_warning(self.warning)
        self.warning.setWordWrap(True)
        self.agenda_status = choice_box(AGENDA_STATUSES, "Agenda status")
        self.agenda_status.activated.connect(self._set_agenda_status)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel("Agenda:"))
        status_row.addWidget(self.agenda_status)
        status_row.addWidget(self.clock, 1)

        self.form = QWidget()
        form = QFormLayout(self.form)
        self.title = add_row(form, "&Title", QLineEdit())
        self.title.editingFinished.connect(
            lambda: self._set("Change item title", self.title, title=self.title.text()))
        self.purpose = add_row(form, "P&urpose", choice_box(PURPOSES, "Purpose"))
        self.purpose.activated.connect(
            lambda: self._set("Change purpose", None, purpose=self.purpose.currentData()))
        self.lead = add_row(form, "&Lead", combo_box())
        self.lead.setEditable(True)
        self.lead.lineEdit().editingFinished.connect(self._set_lead)
        self.lead.activated.connect(self._set_lead)
        self.minutes = add_row(form, "M&inutes", QSpinBox())
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSuffix(" min")
        self.minutes.editingFinished.connect(lambda: self._set(
            "Change time allocated", self.minutes, minutes_allocated=self.minutes.value()))
        self.status = add_row(form, "&Status", choice_box(STATUSES, "Item status"))
        self.status.activated.connect(
            lambda: self._set("Change item status", None, status=self.status.currentData()))
        self.restricted = add_row(form, "&Restricted", QCheckBox("withheld from publication"))
        self.restricted.toggled.connect(
            lambda on: self._set("Change restriction", None, restricted=on))

        self.offered_panel = OfferedPanel(session, meeting_id, self._may_edit, self.select)
        self.offered = self.offered_panel.list

        on_item = [button(*entry) for entry in (
            ("Add su&b-item", self.add_sub_item, "A sub-item of the chosen item"),
            ("Remo&ve", self.remove_item, "Delete"),
            ("Lin&k paper…", self.link_paper, "Send a paper under this item"),
            ("Tag for Conflicts…", self.tag_for_conflicts,
             "Name an organisation or topic the item touches, so interests are checked"),
            ("Move u&p", self.move_up, "Ctrl+Up"),
            ("Move do&wn", self.move_down, "Ctrl+Down"),
            ("I&ndent", self.indent, "Make a sub-item: Ctrl+Right"),
            ("&Outdent", self.outdent, "Make a main item: Ctrl+Left"))]
        side_by_side(self, [
            status_row, self.warning, (self.tree, 1),
            button_row([("&Add item", self.add_item, "Insert"), *on_item[:4]]),
            button_row(on_item[4:]),
            button_row([("Standing ite&ms", self.apply_standing_items,
                         "Add the body's standing items this agenda lacks"),
                        ("&Edit standing items…", self.edit_standing_items,
                         "The items every new meeting's agenda starts with"),
                        ("&Copy from…", self.copy_from, "Copy another meeting's agenda"),
                        ("Save as P&DF…", lambda: self.save_pdf(), "Print the agenda"),
                        # no key of its own: every letter of its name has one here
                        ("Save as Word…", lambda: self.save_word(),
                         "A Word document of the agenda, to edit")]),
        ], [self.form, (self.offered_panel, 1)])
        enable_while(lambda: self.current_id() is not None, on_item,
                     self.tree.selectionModel().currentChanged, self.model.modelReset)
        self.findChild(QSplitter).setSizes([680, 320])  # the tree takes most of the room
        session.changed.connect(self._on_changed)
        self.reload()

    # -- showing -----------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.concerns("agenda", "meeting", "person", "paper", "suggestion"):
            self.reload()

    def reload(self) -> None:
        try:
            self.tf.meetings.get(self.meeting_id)
        except NotFoundError:
            return  # the meeting was deleted; the page is about to go
        self._fill_leads()
        current = self.current_id()
        before = list(self.model.order())
        planned, clock = self.tf.agenda.planned(self.meeting_id)
        self.model.set_items(planned)
        self.tree.expandAll()
        self.tree.fit_columns()
        if current and current not in self.model.order() and planned:
            # Removed: the item that took its place (or the new last one) is chosen.
            at = min(before.index(current), len(planned) - 1)
            current = planned[at].item.id
        self.select(current or (planned[0].item.id if planned else None))
        parts = []
        if clock.start:
            parts.append(f"starts {time_to_text(clock.start)}, planned to end "
                         f"{time_to_text(clock.planned_end)}")
        if clock.meeting_end:
            parts.append(f"meeting ends {time_to_text(clock.meeting_end)}")
        parts.append(f"{clock.minutes_allocated} minutes allocated")
        self.clock.setText("; ".join(parts))
        self.warning.setText(clock.warning)
        self.warning.setVisible(bool(clock.warning))
        set_quietly(self.agenda_status, self.agenda_status.setCurrentIndex,
                    self.agenda_status.findData(self.tf.agenda.agenda_status(self.meeting_id)))
        self.offered_panel.fill()
        self._show_item()

    def _fill_leads(self) -> None:
        body_id = self.tf.meetings.get(self.meeting_id).body_id
        people = [(bp.person.display_name, bp.person.id) for bp in self.tf.people.in_body(body_id)]
        self._lead_ids = {name: pid for name, pid in people}
        blocked = self.lead.blockSignals(True)
        self.lead.clear()
        self.lead.addItem("", None)
        for name, pid in people:
            self.lead.addItem(name, pid)
        self.lead.blockSignals(blocked)

    def _show_item(self) -> None:
        item_id = self.current_id()
        self.form.setEnabled(item_id is not None)
        if item_id is None:
            return
        item = self.tf.agenda.get(item_id)
        set_quietly(self.title, self.title.setText, item.title)
        set_quietly(self.purpose, self.purpose.setCurrentIndex,
                    self.purpose.findData(item.purpose))
        lead_name = next((n for n, pid in self._lead_ids.items()
                          if pid == item.lead_person_id), item.lead_text)
        set_quietly(self.lead, self.lead.setCurrentText, lead_name)
        set_quietly(self.minutes, self.minutes.setValue, item.minutes_allocated)
        set_quietly(self.status, self.status.setCurrentIndex, self.status.findData(item.status))
        set_quietly(self.restricted, self.restricted.setChecked, item.restricted)

    def current_id(self) -> str | None:
        planned = self.model.planned(self.tree.currentIndex())
        return planned.item.id if planned else None

    def show_record(self, item_id: str, kind: str = "agenda_item") -> None:
        self.select(item_id)
        self.tree.setFocus()

    def select(self, item_id: str | None) -> None:
        index = self.model.index_of(item_id) if item_id else self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    # -- editing the chosen item -------------------------------------------------

    def _may_edit(self) -> bool:
        """The agenda is what the minutes number and print: changed as they are."""
        return may_change(self, self.session, self.meeting_id)

    def _set(self, text: str, field: QWidget | None, **values) -> None:
        """Change the chosen item as ``field`` (None for a choice) says; a value
        refused stays there, chosen, to be put right."""
        item_id = self.current_id()
        if item_id is None:
            return
        item = self.tf.agenda.get(item_id)
        if all(getattr(item, name) == value for name, value in values.items()):
            return
        if not self._may_edit():
            self._show_item()  # the form as the item still is
        elif not agenda.change_item(self.session, item_id, text, **values):
            if field is not None and to_put_right(self.session.last_refusal):
                show_at(field)
            else:
                self._show_item()

    def _set_lead(self) -> None:
        name = self.lead.currentText().strip()
        person = self._lead_ids.get(name)
        self._set("Change lead", self.lead, lead_person_id=person,
                  lead_text="" if person else name)

    def _set_agenda_status(self) -> None:
        new = self.agenda_status.currentData()
        old = self.tf.agenda.agenda_status(self.meeting_id)
        if new != old and not self._may_edit():
            set_quietly(self.agenda_status, self.agenda_status.setCurrentIndex,
                        self.agenda_status.findData(old))
        elif new != old:
            agenda.set_agenda_status(self.session, self.meeting_id, new)

    # -- adding and removing ---------------------------------------------------------

    def add_item(self) -> str | None:
        """A new item after the chosen one (at the end when none is chosen)."""
        current = self.current_id()
        if current is None:
            return self._add()
        item = self.tf.agenda.get(current)
        return self._add(item.parent_id, item.position + 1)

    def add_sub_item(self) -> str | None:
        """A new last sub-item of the chosen item (of its item, if it is a sub-item)."""
        current = self.current_id()
        if current is None:
            return None
        item = self.tf.agenda.get(current)
        return self._add(item.parent_id or item.id)

    def _add(self, parent_id: str | None = None, position: int | None = None) -> str | None:
        if not self._may_edit():
            return None
        made = ask_until_taken(
            lambda typed: ask_line(self, "Add an item", "Title of the item:", typed),
            lambda title: agenda.add_item(self.session, self.meeting_id, title, parent_id,
                                          position))
        if made:  # else the chosen item stays chosen
            self.select(made)
        return made

    def remove_item(self) -> None:
        item_id = self.current_id()
        if item_id and self._may_edit():
            agenda.remove_item(self.session, item_id)

    def link_paper(self) -> str | None:
        item_id = self.current_id()
        if item_id is None or not self._may_edit():
            return None
        body_id = self.tf.meetings.get(self.meeting_id).body_id
        papers = self.tf.papers.of_body(body_id)
        labels = [p.label for p in papers]
        if not labels:
            self.session.report(UserFacingError(
                "This body has no papers yet. Add them on the Papers page first."))
            return None
        label, ok = QInputDialog.getItem(self, "Link a paper", "Paper:", labels, 0, False)
        if not ok:
            return None
        return agenda.link_paper(self.session, papers[labels.index(label)].id, self.meeting_id,
                                 item_id)

    def tag_for_conflicts(self) -> None:
        item_id = self.current_id()
        if item_id:
            tag_item(self, self.session, self.meeting_id, item_id)

    # -- order -----------------------------------------------------------------------

    def _reorder(self, move, *where) -> bool:
        """One of ``agenda``'s moves of the chosen item, which stays chosen."""
        item_id = self.current_id()
        if item_id is None or not self._may_edit():
            return False
        done = move(self.session, self.meeting_id, item_id, *where)
        self.select(item_id)
        return done

    def move_up(self) -> bool:
        return self._reorder(agenda.move_up)

    def move_down(self) -> bool:
        return self._reorder(agenda.move_down)

    def indent(self) -> bool:
        return self._reorder(agenda.indent)

    def outdent(self) -> bool:
        return self._reorder(agenda.outdent)

    def move_to(self, item_id: str, parent_id: str | None, position: int) -> None:
        """Where a drag and drop put the item."""
        self.select(item_id)
        self._reorder(agenda.move_to, parent_id, position)

    # -- the agenda as a whole -------------------------------------------------------

    def apply_standing_items(self) -> None:
        if self._may_edit():
            agenda.apply_standing_items(self.session, self.meeting_id)

    def edit_standing_items(self) -> None:
        from ..dialogs.standing_items import StandingItemsDialog

        body_id = self.tf.meetings.get(self.meeting_id).body_id
        StandingItemsDialog(self.session, body_id, self).exec()

    def copy_from(self) -> None:
        meeting = self.tf.meetings.get(self.meeting_id)
        others = [m for m in self.tf.meetings.of_body(meeting.body_id)
                  if m.id != self.meeting_id]
        labels = [day_month_year(m.date) + (f": {m.title}" if m.title else "")
                  for m in others]
        if not labels:
            self.session.report(UserFacingError("There is no other meeting to copy from."))
            return
        label, ok = QInputDialog.getItem(self, "Copy an agenda",
                                         "Copy the agenda of the meeting on:", labels, 0, False)
        if ok and self._may_edit():
            agenda.copy_agenda(self.session, others[labels.index(label)].id, self.meeting_id)

    # -- printing --------------------------------------------------------------------

    def make_document(self, ready: Ready):
        from secretariat.documents import agenda_pdf

        doc = agenda_content.build(self.tf, self.meeting_id)
        return hand_over(self, ready, agenda_pdf, doc, "the agenda", self._file_name(".pdf"))

    def save_pdf(self) -> str | None:
        return self.make_document(lambda doc: save_document(self, self.session, doc))

    def save_word(self) -> str | None:
        from secretariat.documents import agenda_docx

        doc = agenda_content.build(self.tf, self.meeting_id)
        return save_word(self, self.session, "the agenda", self._file_name(".docx"),
                         agenda_docx.render(doc))

    def _file_name(self, suffix: str) -> str:
        day = self.tf.meetings.get(self.meeting_id).date  # named as the minutes are
        return f"agenda {day}{suffix}"

