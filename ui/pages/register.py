"""The register of one meeting, made to be taken in the room from the keyboard:
arrow keys move between people; P or 1 marks present, A or 2 apologies, X or 3
absent, and the cursor moves on; C puts the chosen member in the chair. A key
refused says why in a line on the page, not a dialog that would swallow the
keys typed after it.
Officials (with whom they deputise for), guests and presenters (with the items
they came for) are listed below the members. Every mark can be undone."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QListWidget,
                               QListWidgetItem, QTableView, QVBoxLayout, QWidget)

from secretariat.errors import NotFoundError

from .. import palette
from ..dialogs.form import FormDialog
from ..edits import register
from ..models.register_model import RegisterModel
from ..session import Session
from ..tables import FIRST_SCREEN, empty_hint, select_id, show_list, table_view
from ..widgets import button_row, combo_box, set_quietly

KEYS = {Qt.Key.Key_P: "present", Qt.Key.Key_1: "present", Qt.Key.Key_A: "apologies",
        Qt.Key.Key_2: "apologies", Qt.Key.Key_X: "absent", Qt.Key.Key_3: "absent"}
HELP = ("Arrow keys move; P or 1 present, A or 2 apologies, X or 3 absent, each then "
        "moving to the next person; C puts the chosen member in the chair.")


def choose_items(parent, titles: dict[str, str], chosen: set[str]) -> list[str] | None:
    """Tick the agenda items someone attended for; None if cancelled."""
    dialog = FormDialog("Items attended for", parent)
    listing = dialog.row("&Items", QListWidget())
    for item_id, title in titles.items():
        entry = QListWidgetItem(title)
        entry.setData(Qt.ItemDataRole.UserRole, item_id)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked if item_id in chosen
                            else Qt.CheckState.Unchecked)
        listing.addItem(entry)
    if dialog.exec() != FormDialog.DialogCode.Accepted:
        return None
    return [listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(listing.count())
            if listing.item(i).checkState() == Qt.CheckState.Checked]


class RegisterPage(QWidget):
    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session = session
        self.tf = session.tf
        self.meeting_id = meeting_id
        self.setAccessibleName("Register")
        self.members_model = RegisterModel(self)
        self.members = table_view(self.members_model, "Members")
        empty_hint(self.members, "No members yet. Add the members of the body on the People "
                                 "page first; they are listed here for each meeting.")
        self.others_model = RegisterModel(self)
        self.others = table_view(self.others_model, "Officials, guests and presenters")
        self._last_table = self.members
        for view in (self.members, self.others):
            view.installEventFilter(self)
        self.chair = combo_box()
        self.chair.setAccessibleName("In the chair")
        self.chair.activated.connect(lambda: self.set_chair(self.chair.currentData()))
        self.summary = QLabel()
        self.summary.setAccessibleName("Register summary")
        chair_row = QHBoxLayout()
        chair_row.addWidget(QLabel("In the c&hair:"))
        chair_row.itemAt(0).widget().setBuddy(self.chair)
        chair_row.addWidget(self.chair, 1)
        chair_row.addWidget(self.summary, 2)
        keys = QLabel(HELP)
        keys.setWordWrap(True)
        self.refusal = QLabel()
        self.refusal.setAccessibleName("Why the last key was refused")
        self.refusal.setWordWrap(True)
        palette.show_as_warning(self.refusal)
        self.refusal.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(keys)
        layout.addWidget(self.refusal)
        layout.addLayout(chair_row)
        layout.addWidget(self.members, 3)
        layout.addWidget(QLabel("Officials, guests and presenters"))
        layout.addWidget(self.others, 2)
        layout.addLayout(button_row([
            ("Add o&fficial…", self.add_official, "An official attending by role"),
            ("Add &guest…", self.add_guest, "A guest or visiting presenter, with their items"),
            ("&Deputising for…", self.set_deputising, "Who the chosen person stands in for"),
            ("&Items…", self.set_items, "The items a guest or presenter came for"),
        ]))
        layout.addLayout(button_row([
            ("Arri&ved late…", self.arrived, "The item during which they arrived"),
            ("&Left early…", self.left, "The item during which they left"),
            ("&Remove from register", self.remove, "Take the chosen person out"),
        ]))
        session.changed.connect(self._on_changed)
        self.reload()

    def eventFilter(self, watched, event) -> bool:
        """The register's keys, on either table; and which table was used last."""
        if watched not in (self.members, self.others):
            return False
        if event.type() == QEvent.Type.FocusIn:
            self._last_table = watched
        if event.type() != QEvent.Type.KeyPress:
            return False
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        row = watched.currentIndex().row()
        if modifiers or row < 0:
            return False
        person_id = watched.model().record(row).person.id
        if event.key() in KEYS:
            self._say()
            self.mark(person_id, KEYS[event.key()], self._say)
            watched.selectRow(min(row + 1, watched.model().rowCount() - 1))
            return True
        if event.key() == Qt.Key.Key_C:
            self._say()
            self.set_chair(person_id, self._say)
            return True
        return False

    def _say(self, refusal=None) -> None:
        """Show why a key was refused (or, with none, clear the line)."""
        self.refusal.setText(str(refusal or ""))
        self.refusal.setVisible(refusal is not None)

    # -- showing -----------------------------------------------------------------

    def _on_changed(self, changes) -> None:
        if changes.concerns("attendance", "meeting", "person", "agenda"):
            self.reload()

    def reload(self) -> None:
        attendance, meeting_id = self.tf.attendance, self.meeting_id
        try:  # the first screen of members, with those marked and the others
            register = attendance.register(meeting_id, FIRST_SCREEN)
        except NotFoundError:
            return  # the meeting was deleted; the page is about to go
        titles = self.item_titles()
        for model in (self.members_model, self.others_model):
            model.chair_id = register.chair_person_id
            model.item_titles = titles
        chosen = {view: self._current(view) for view in (self.members, self.others)}
        # The members' first screen now (as read above); all of them once it is painted.
        show_list(self.members, lambda limit: register.members if limit
                  else attendance.register(meeting_id).members)
        self.others_model.set_records(register.others)
        for view, current in chosen.items():
            select_id(view, current)
        present = [line for line in register.marked if line.status == "present"]
        blocked = self.chair.blockSignals(True)
        self.chair.clear()
        self.chair.addItem("(nobody yet)", None)
        for line in present:
            self.chair.addItem(line.person.display_name, line.person.id)
        self.chair.blockSignals(blocked)
        set_quietly(self.chair, self.chair.setCurrentIndex,
                    max(0, self.chair.findData(register.chair_person_id)))
        counts = {s: len([m for m in register.marked if m.status == s])
                  for s in ("present", "apologies", "absent")}
        counts[""] = register.member_count - len(register.marked)
        self.summary.setText(f"{counts['present']} present, {counts['apologies']} apologies, "
                             f"{counts['absent']} absent, {counts['']} not marked")

    def item_titles(self) -> dict[str, str]:
        planned, _ = self.tf.agenda.planned(self.meeting_id)
        return {p.item.id: f"{p.full_number} {p.item.title}".strip() for p in planned}

    @staticmethod
    def _current(view: QTableView) -> str | None:
        row = view.currentIndex().row()
        return view.model().record(row).person.id if row >= 0 else None

    def chosen(self) -> str | None:
        """The person chosen in the table used last (a button click takes the focus)."""
        view = self._last_table
        return self._current(view) or self._current(self.others)

    # -- edits ---------------------------------------------------------------------

    def mark(self, person_id: str, status: str, report=None) -> bool:
        return register.mark(self.session, self.meeting_id, person_id, status, report)

    def set_chair(self, person_id: str | None, report=None) -> bool:
        return register.set_chair(self.session, self.meeting_id, person_id, report)

    def _pick(self, title: str, label: str, choices: list[tuple[str, str | None]]):
        """(ok, value) for one of (label, value) choices."""
        labels = [c[0] for c in choices]
        if not labels:
            return False, None
        picked, ok = QInputDialog.getItem(self, title, label, labels, 0, False)
        return ok, choices[labels.index(picked)][1] if ok else None

    def _body_people(self, roles: tuple[str, ...]) -> list[tuple[str, str]]:
        body_id = self.tf.meetings.get(self.meeting_id).body_id
        listed = {line.person.id for line in self.tf.attendance.register(self.meeting_id).lines
                  if line.attendance}
        return [(bp.person.display_name, bp.person.id) for bp in self.tf.people.in_body(body_id)
                if bp.membership.role in roles and bp.person.id not in listed]

    def add_official(self) -> bool:
        ok, person_id = self._pick("Add an official", "Official attending:",
                                   self._body_people(("official",)))
        return ok and register.add(self.session, self.meeting_id, person_id, "official")

    def add_guest(self) -> bool:
        ok, person_id = self._pick("Add a guest or presenter", "Who:",
                                   self._body_people(("guest", "official", "member")))
        if not ok:
            return False
        ok, capacity = self._pick("Add a guest or presenter", "Attending as:",
                                  [("Guest", "guest"), ("Presenter", "presenter")])
        if not ok:
            return False
        item_ids = choose_items(self, self.item_titles(), set())
        if item_ids is None:
            return False
        return register.add(self.session, self.meeting_id, person_id, capacity, tuple(item_ids))

    def _entry(self, person_id: str | None):
        if person_id is None:
            return None
        return self.tf.attendance.entry(self.meeting_id, person_id)

    def set_deputising(self) -> bool:
        person_id = self.chosen()
        entry = self._entry(person_id)
        if entry is None:
            return False
        body_id = self.tf.meetings.get(self.meeting_id).body_id
        ok, deputising_for_id = self._pick(
            "Deputising", f"{self.tf.people.get(person_id).display_name} deputises for:",
            [("(nobody)", "")] + [(bp.person.display_name, bp.person.id)
                                  for bp in self.tf.people.in_body(body_id)
                                  if bp.person.id != person_id])
        return ok and register.set_deputising(self.session, entry, deputising_for_id)

    def set_items(self) -> bool:
        person_id = self.chosen()
        entry = self._entry(person_id)
        if entry is None:
            return False
        chosen = choose_items(self, self.item_titles(), set(self.tf.attendance.item_ids(entry.id)))
        return chosen is not None and register.set_items(self.session, entry, chosen)

    def _note_time(self, which: str) -> bool:
        person_id = self.chosen()
        entry = self._entry(person_id)
        if entry is None:
            return False
        ok, item_id = self._pick("Arrived late" if which == "arrived" else "Left early",
                                 "During which item:", [("(not noted)", "")] + [
                                     (t, i) for i, t in self.item_titles().items()])
        note = register.note_arrival if which == "arrived" else register.note_departure
        return ok and note(self.session, entry, item_id or None)

    def arrived(self) -> bool:
        return self._note_time("arrived")

    def left(self) -> bool:
        return self._note_time("left")

    def remove(self) -> bool:
        person_id = self.chosen()
        entry = self._entry(person_id)
        if entry is None:
            return False
        return register.remove(self.session, entry)
