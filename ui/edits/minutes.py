"""Edits of the minutes, shared by the Minutes tab and the live view: lines
recorded, changed, moved and deleted; the minutes circulated, approved and
reopened; a correction to approved minutes. Redo puts back the very same
records. And the one check every tab makes before changing minutes."""

import datetime as dt
from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.changes import Changes
from secretariat.errors import UserFacingError

from ..session import Session
from .command import delete, perform, update


def capture(session: Session, item_id: str, text: str) -> bool:
    """Record typed lines under an item; undo removes them, redo puts the same back."""
    minutes = session.tf.minutes
    state: dict = {}

    def apply() -> Changes:
        if "rows" in state:
            return minutes.put_back(state["rows"])
        state["made"], changes = minutes.capture(item_id, text)
        return changes

    def revert() -> Changes:
        changes, state["rows"] = minutes.remove(state["made"])
        return changes
    return perform(session, "Record in the minutes", apply, revert)


def edit_entry(session: Session, entry_id: str, text: str) -> bool:
    """A point or decision's text."""
    return update(session, session.tf.minutes, entry_id, "Edit the minutes", text=text)


def move_entry(session: Session, entry_id: str, step: int) -> bool:
    """A point or decision up (-1) or down (1) among its neighbours."""
    minutes = session.tf.minutes
    return perform(session, "Move in the minutes", lambda: minutes.move(entry_id, step),
                   lambda: minutes.move(entry_id, -step))


def delete_line(session: Session, table: str, record_id: str) -> bool:
    """A point, decision (``minutes_entries``) or action (``actions``) deleted,
    with what hangs under it; undo puts back exactly the rows removed."""
    tf = session.tf
    manager = tf.actions if table == "actions" else tf.minutes
    return delete(session, "Delete from the minutes", lambda: manager.delete(record_id),
                  tf.minutes.put_back)


def _lifecycle_step(session: Session, meeting_id: str, text: str,
                    step: Callable[[], Changes]) -> bool:
    """Undo returns the minutes to where they were; redo to where the step took them."""
    lifecycle = session.tf.minutes.lifecycle
    before = lifecycle.snapshot(meeting_id)
    after: dict = {}

    def apply() -> Changes:
        if "snapshot" in after:
            return lifecycle.put_back(meeting_id, after["snapshot"])
        changes = step()
        after["snapshot"] = lifecycle.snapshot(meeting_id)
        return changes
    return perform(session, text, apply, lambda: lifecycle.put_back(meeting_id, before))


def circulate(session: Session, meeting_id: str, on: str | dt.date) -> bool:
    """The day the draft was sent out."""
    return _lifecycle_step(session, meeting_id, "Mark minutes circulated",
                           lambda: session.tf.minutes.lifecycle.circulate(meeting_id, on))


def approve(session: Session, meeting_id: str, at_meeting_id: str) -> bool:
    return _lifecycle_step(session, meeting_id, "Approve minutes",
                           lambda: session.tf.minutes.lifecycle.approve(meeting_id,
                                                                        at_meeting_id))


def reopen(session: Session, meeting_id: str, reason: str) -> bool:
    """The approval taken back, with the reason kept."""
    return _lifecycle_step(session, meeting_id, "Reopen approved minutes",
                           lambda: session.tf.minutes.lifecycle.reopen(meeting_id, reason))


def record_correction(session: Session, meeting_id: str, at_meeting_id: str, text: str) -> bool:
    """A correction to approved minutes; undo takes it and its decision back."""
    lifecycle = session.tf.minutes.lifecycle
    state: dict = {}

    def apply() -> Changes:
        if "rows" in state:
            return session.tf.minutes.put_back(state["rows"])
        state["id"], changes = lifecycle.record_correction(meeting_id, at_meeting_id, text)
        return changes

    def revert() -> Changes:
        changes, state["rows"] = lifecycle.withdraw_correction(state["id"])
        return changes
    return perform(session, "Record a correction", apply, revert)


CIRCULATED = ("These minutes have been circulated: changes will not reach those who "
              "already have them.")


def may_change(parent: QWidget, session: Session, meeting_id: str) -> bool:
    """Approved minutes are refused before anything is asked, naming them (the
    file would refuse the change anyway). Circulated minutes are changed only
    once the official has been told, the first time in the session (whichever
    tab they change them from), that those who have them will not see the change."""
    try:
        session.tf.minutes.lifecycle.ensure_editable(meeting_id)
    except UserFacingError as refused:
        session.report(refused)
        return False
    if meeting_id in session.told_circulated or \
            session.tf.minutes.lifecycle.of(meeting_id).state != "circulated":
        return True
    if QMessageBox.question(parent, "Minutes already circulated",
                            CIRCULATED + " Change them anyway?") != QMessageBox.StandardButton.Yes:
        return False
    session.told_circulated.add(meeting_id)
    return True
