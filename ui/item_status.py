"""The status of an agenda item during and after the meeting: one key each to
mark the item under discussion taken, not reached (deferred, so offered to the
next meeting) or dropped, and the status shown in words and colour together."""

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget

from secretariat.meeting.agenda_items import STATUSES

from . import palette
from .edits import agenda
from .session import Session
from .widgets import button

# status: key. None of these is a key a text box uses for typing or editing
# (Ctrl+D deletes a character on some desktops, so deferring takes Shift too).
KEYS = {"taken": "Ctrl+T", "deferred": "Ctrl+Shift+D", "dropped": "Ctrl+Shift+X"}
BUTTONS = {"taken": "Taken", "deferred": "Not reached", "dropped": "Dropped"}
WORDS = {"taken": "taken", "deferred": "not reached (deferred to the next meeting)",
         "dropped": "dropped"}
HINT = (f"{KEYS['taken']} marks the item taken · {KEYS['deferred']} not reached "
        f"(deferred) · {KEYS['dropped']} dropped")


def status_buttons(widget: QWidget, session: Session,
                   item_id: Callable[[], str | None]) -> list[QPushButton]:
    """A button for each status, and its key anywhere in ``widget``, acting on
    the item ``item_id()`` gives. The buttons take no focus: typing goes on."""
    made = []
    for status, key in KEYS.items():
        def act(status=status) -> bool:
            return mark(session, item_id(), status)

        QShortcut(QKeySequence(key), widget, act,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        push = button(f"{BUTTONS[status]} ({key})", act, f"Mark this item {WORDS[status]}: {key}")
        push.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        push.setProperty("status", status)
        made.append(push)
    return made


def enable_buttons(buttons: list[QPushButton], status: str | None) -> None:
    """Grey the button of the status the item has (and all, with no item)."""
    for push in buttons:
        push.setEnabled(status is not None and push.property("status") != status)


def mark(session: Session, item_id: str | None, status: str) -> bool:
    """Undoably give the item ``status``; dropping an item with minutes asks first."""
    if item_id is None:
        return False
    if status == "dropped":  # with its open actions (``agenda.drop_item``)
        return _drop_anyway(session, item_id) and agenda.drop_item(session, item_id)
    return agenda.change_item(session, item_id, f"Mark item {WORDS[status]}", status=status)


def _drop_anyway(session: Session, item_id: str) -> bool:
    """Whether to drop an item under which something is minuted (it leaves the
    printed minutes, and its open actions are dropped with it)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    tf = session.tf
    lines = len(tf.minutes.of_item(item_id))
    actions = tf.actions.of_item(item_id)
    still_open = [a for a in actions if a.status == "open"]
    if not lines and not actions:
        return True
    held = " and ".join(part for part in (
        f"{lines} line{'s' if lines != 1 else ''} of minutes" if lines else "",
        f"{len(actions)} action{'s' if len(actions) != 1 else ''}" if actions else "") if part)
    named = "".join(f"\n  • {a.owner_label}: {a.text}" for a in still_open)
    answer = QMessageBox.question(
        QApplication.activeWindow(), "Drop an item with minutes?",
        f"“{tf.agenda.get(item_id).title}” has {held}. Dropped, the item and its minutes "
        "leave the printed minutes"
        + (f", and these open actions are dropped with it:{named}\n\n" if still_open
           else ". ")
        + "Drop it? (Undo brings it all back.)",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def label(status: str) -> str:
    """The status in words, or nothing for an item still to come."""
    return "" if status == "planned" else STATUSES[status]


def brush(status: str) -> QBrush | None:
    """Deferred in amber; taken and dropped quieter than items still to come."""
    if status == "deferred":
        return palette.notice()
    return palette.muted() if status in ("taken", "dropped") else None


def font(status: str, base: QFont | None = None) -> QFont | None:
    """A dropped item is struck through."""
    if status != "dropped":
        return None
    struck = QFont(base) if base is not None else QFont()
    struck.setStrikeOut(True)
    return struck
