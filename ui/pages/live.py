"""The live meeting view: what is being discussed, how long it has taken
against its time, who is in the room, and quick capture of what is said.

Keyboard first. Type in the capture line and press Enter; Alt+P, Alt+S, Alt+D
and Alt+A choose a point, sub-point, decision or action (an action is typed
"owner — what — when"); PageDown moves to the next item, PageUp back; Ctrl+T
marks the item taken, Ctrl+Shift+D not reached (deferred), Ctrl+Shift+X
dropped. The agenda down the side shows each item's status. At the "minutes of
the last meeting and matters arising" item the actions still open are listed,
to be updated, carried forward or closed there.

The clock stands still until the official starts it (Ctrl+Shift+C, again to
pause): the tab is opened as often to tidy a past meeting's notes, or ahead
of the meeting, as in the room, and time counted then is no item's time.
Once started it runs on while the official turns to the register or another
page, as the meeting does; each item keeps the time spent on it.
"""

import re
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QListWidgetItem,
                               QRadioButton, QVBoxLayout, QWidget)

from secretariat.meeting import minutes_content

from .. import item_status
from ..edits.actions import action_line
from ..edits.minutes import capture, may_change
from ..session import Session
from ..widgets import button, wrapping_list
from .actions import ActionTable

# kind: (button text, key, what the line becomes, placeholder)
KINDS = {
    "point": ("Point", "Alt+P", "- {}", "A point made in discussion"),
    "sub_point": ("Sub-point", "Alt+S", "  - {}", "A detail under the last point"),
    "decision": ("Decision", "Alt+D", "Decision: {}", "What was decided or agreed"),
    "action": ("Action", "Alt+A", "Action: {}", "owner — what is to be done — when"),
}
CLOCK_KEY = "Ctrl+Shift+C"  # starts the clock, and pauses it
HELP = ("Enter records · Alt+P point · Alt+S sub-point · Alt+D decision · Alt+A action "
        "· PageDown next item · PageUp previous item · " + item_status.HINT
        + f" · {CLOCK_KEY} starts or pauses the clock")


# A line typed whole, as the Minutes tab takes it ("Action: …", "- …"): kept so.
_TYPED_WHOLE = re.compile(r"(?i)(action|decision)\s*:|-\s")


def as_line(kind: str, text: str) -> str:
    """The minutes line for what was typed in a mode: the mode's form, unless
    the official typed the line's own form (then it is not doubled)."""
    return text if _TYPED_WHOLE.match(text) else KINDS[kind][2].format(text)


def _clock_text(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 60}:{seconds % 60:02d}"


class LiveView(QWidget):
    """Recording a meeting as it happens, one agenda item at a time."""

    def __init__(self, session: Session, meeting_id: str):
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self.setAccessibleName("Live meeting")
        self.clock = time.monotonic  # tests put their own clock here
        self.items: list[tuple[dict, str]] = []  # (agenda row, number)
        self.index = 0
        self.used: dict[str, float] = {}  # seconds spent on each item so far
        self._started: float | None = None  # when the clock last started; None while stopped

        self.position = QLabel()
        self.title = QLabel()
        self.title.setAccessibleName("Current item")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.timer_label = QLabel()
        self.timer_label.setAccessibleName("Time used on this item")
        self.clock_button = button("", self.start_or_pause, f"Time the items: {CLOCK_KEY}")
        self.clock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes on
        QShortcut(QKeySequence(CLOCK_KEY), self, self.start_or_pause,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.register = QLabel()
        self.register.setAccessibleName("Register")
        self.register.setWordWrap(True)
        self.register.setTextFormat(Qt.TextFormat.PlainText)
        self.chair = QLabel()
        self.chair.setAccessibleName("In the chair")
        self.chair.setTextFormat(Qt.TextFormat.PlainText)
        self.agenda = wrapping_list("Agenda")  # each title and status whole
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the capture line
        self.agenda.setMinimumWidth(180)
        self.agenda.setMaximumWidth(280)
        self.agenda.itemClicked.connect(lambda entry: self.go(self.agenda.row(entry)))
        self.status_buttons = item_status.status_buttons(
            self, session, lambda: self.current_item_id if self._may_change() else None)
        self.arising = ActionTable(session, meeting_id)  # shown at the matters-arising item
        self.arising.setAccessibleName("Matters arising")
        self.recorded = wrapping_list("Recorded under this item")
        self.recorded.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.kinds = QButtonGroup(self)
        kind_row = QHBoxLayout()
        for kind, (label, key, _, _) in KINDS.items():
            radio = QRadioButton(f"{label} ({key})")
            radio.setAccessibleName(label)
            radio.setProperty("kind", kind)
            radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its key picks it; typing goes on
            radio.toggled.connect(self._kind_chosen)
            self.kinds.addButton(radio)
            kind_row.addWidget(radio)
            QShortcut(QKeySequence(key), self, lambda radio=radio: radio.setChecked(True),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        kind_row.addStretch()
        self.line = QLineEdit()
        self.line.setAccessibleName("Capture")
        self.line.returnPressed.connect(self.record)
        self.kinds.buttons()[0].setChecked(True)

        top = QHBoxLayout()
        top.addWidget(self.position)
        top.addStretch()
        top.addWidget(self.timer_label)
        top.addWidget(self.clock_button)
        status_row = QHBoxLayout()
        for push in self.status_buttons:
            status_row.addWidget(push)
        status_row.addStretch()
        outer = QHBoxLayout(self)
        outer.addWidget(self.agenda)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addLayout(status_row)
        layout.addWidget(self.chair)
        layout.addWidget(self.register)
        layout.addWidget(self.arising, 1)
        layout.addWidget(self.recorded, 1)
        layout.addLayout(kind_row)
        layout.addWidget(self.line)
        hint = QLabel(HELP)
        hint.setWordWrap(True)
        hint.setToolTip(item_status.HINT)
        layout.addWidget(hint)

        for key, step in (("PgDown", 1), ("PgUp", -1)):
            QShortcut(QKeySequence(key), self, lambda step=step: self.go(self.index + step),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._ticker = QTimer(self)  # runs while the clock does
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self.tick)
        self._show_clock()
        session.changed.connect(self._on_changed)
        self.load()
        self.setFocusProxy(self.line)

    # -- state

    @property
    def kind(self) -> str:
        return self.kinds.checkedButton().property("kind")

    @property
    def current_item_id(self) -> str | None:
        return self.items[self.index][0]["id"] if self.items else None

    def load(self) -> None:
        """Every item in agenda order, numbered as the minutes number them; a
        dropped item stays in view, unnumbered, so dropping it is seen."""
        tf = self.session.tf
        rows = {r["id"]: r for r in tf.agenda.rows_of_meeting(self.meeting_id)}
        numbers = {row["id"]: number
                   for row, number, _ in minutes_content.number_items(list(rows.values()))}
        current = self.current_item_id
        self.items = [(rows[item.id], numbers.get(item.id, ""))
                      for item in tf.agenda.of_meeting(self.meeting_id)]
        ids = [row["id"] for row, _ in self.items]
        self.index = ids.index(current) if current in ids else min(self.index,
                                                                   max(len(ids) - 1, 0))
        self._fill_agenda()
        self._show_item()
        self._show_register()

    def go(self, index: int) -> None:
        """Move to another item, banking the time spent on this one."""
        if not self.items or not 0 <= index < len(self.items):
            return
        self._bank()
        self.index = index
        self._show_item()

    def _bank(self) -> None:
        if self._started is None:
            return
        now = self.clock()
        if self.current_item_id:
            self.used[self.current_item_id] = self.seconds_used()
        self._started = now

    def seconds_used(self) -> float:
        item_id = self.current_item_id
        if not item_id:
            return 0.0
        running = self.clock() - self._started if self._started is not None else 0.0
        return self.used.get(item_id, 0.0) + running

    def start_or_pause(self) -> None:
        """Start the clock on the item in view, or pause it, keeping the time used."""
        if self._started is None:
            self._started = self.clock()
        else:
            self._bank()
            self._started = None
        self._show_clock()

    def _show_clock(self) -> None:
        running = self._started is not None
        if running:
            self._ticker.start()
        else:
            self._ticker.stop()
        self.clock_button.setText(f"{'Pause' if running else 'Start'} Clock ({CLOCK_KEY})")
        self.tick()

    # -- showing

    def _fill_agenda(self) -> None:
        """The agenda down the side: each item with its status in words and colour."""
        self.agenda.clear()
        for row, number in self.items:
            status = row["status"]
            words = item_status.label(status)
            entry = QListWidgetItem(("    " if row["parent_id"] else "")
                                    + f"{number} {row['title']}".strip()
                                    + (f" — {words}" if words else ""))
            brush, struck = item_status.brush(status), item_status.font(status)
            if brush is not None:
                entry.setForeground(brush)
            if struck is not None:
                entry.setFont(struck)
            self.agenda.addItem(entry)

    def _show_item(self) -> None:
        self.recorded.clear()
        self.arising.hide()
        if not self.items:
            self.position.setText("")
            self.title.setText("This meeting has no agenda yet: add items on the Agenda tab.")
            self.line.setEnabled(False)
            self.timer_label.setText("")
            self.clock_button.setEnabled(False)
            item_status.enable_buttons(self.status_buttons, None)
            return
        self.clock_button.setEnabled(True)
        row, number = self.items[self.index]
        status = row["status"]
        item_status.enable_buttons(self.status_buttons, status)
        self.agenda.setCurrentRow(self.index)
        dropped = status == "dropped"
        self.line.setEnabled(not dropped)  # the minutes leave a dropped item out
        self.line.setPlaceholderText("Dropped: nothing is minuted under it (Ctrl+Z to undo)"
                                     if dropped else KINDS[self.kind][3])
        words = item_status.label(status)
        # Counted as the agenda counts them: a dropped item is no longer on it.
        on_agenda = [r["id"] for r, _ in self.items if r["status"] != "dropped"]
        self.position.setText(
            f"{words} · {len(on_agenda)} items on the agenda" if dropped
            else f"Item {on_agenda.index(row['id']) + 1} of {len(on_agenda)}"
            + (f" · {words}" if words else ""))
        self.title.setText(f"{number} {row['title']}".strip())
        tf = self.session.tf
        for entry in tf.minutes.of_item(row["id"]):
            if entry.kind == "decision":
                self.recorded.addItem(f"Decision: {entry.text}")
            else:
                self.recorded.addItem(("      – " if entry.parent_id else "• ") + entry.text)
        for action in tf.actions.of_item(row["id"]):
            self.recorded.addItem(f"Action: {action_line(action)}")
        self.recorded.scrollToBottom()
        if row["id"] == tf.minutes.lifecycle.matters_arising_item(self.meeting_id):
            arising = tf.actions.matters_arising_ids(self.meeting_id)
            self.arising.show_source(arising, tf.actions.many)
            self.arising.setVisible(bool(arising))
        self.tick()

    def tick(self) -> None:
        """Time used against time allocated; over time is said in words, not only colour."""
        if not self.items:
            return
        allocated = self.items[self.index][0]["minutes_allocated"] * 60
        used = self.seconds_used()
        text = f"Time used {_clock_text(used)}"
        over = allocated and used > allocated
        if allocated:
            text += f" of {_clock_text(allocated)}"
        if over:
            text += f" — over by {_clock_text(used - allocated)}"
        self.timer_label.setText(text)
        self.timer_label.setStyleSheet("color: #b00000; font-weight: bold;" if over else "")

    def _show_register(self) -> None:
        register = self.session.tf.attendance.register(self.meeting_id)
        marked = sorted((line for line in register.lines if line.status),
                        key=lambda line: line.person.display_name.casefold())
        present = [m.person.display_name for m in marked if m.status == "present"]
        apologies = [m.person.display_name for m in marked if m.status == "apologies"]
        chair = register.in_the_chair
        if chair is None:
            self.chair.setText("In the chair: nobody yet (mark the register)")
        else:
            heading, line = chair
            self.chair.setText(f"In the chair: {line.label}"
                               + ("" if heading == "In the chair" else f", {heading}"))
        if not marked:
            self.register.setText("Register: not taken yet.")
            return
        self.register.setText(f"Present ({len(present)}): {', '.join(present) or 'none'}\n"
                              f"Apologies ({len(apologies)}): {', '.join(apologies) or 'none'}")

    # -- recording

    def _kind_chosen(self, checked: bool) -> None:
        if checked:
            self.line.setPlaceholderText(KINDS[self.kind][3])
            self.line.setFocus()

    def _may_change(self) -> bool:
        return may_change(self, self.session, self.meeting_id)

    def record(self) -> bool:
        text = self.line.text().strip()
        if not text or not self.current_item_id:
            return False
        if self._may_change() and capture(self.session, self.current_item_id,
                                          as_line(self.kind, text)):
            self.line.clear()
            return True
        return False

    def _on_changed(self, changes) -> None:
        if changes.concerns("agenda", "meeting"):
            self.load()
        elif changes.concerns("minutes", "action"):
            self._show_item()
        else:
            self._show_register()
