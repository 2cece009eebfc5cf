"""Undoable edits of the minutes and actions, shared by the Minutes tab, the
live view and the Actions page. Each runs one core method and knows how to
take it back; redo puts back the very same records."""

from typing import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from secretariat.changes import Changes
from secretariat.files.output_files import write_private
from secretariat.errors import UserFacingError
from secretariat.meeting.minutes import parse

from .errors import show_error
from .session import Session


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
    return session.perform("Record in the minutes", apply, revert)


def delete(session: Session, text: str, remove: Callable[[], tuple[Changes, list]]) -> bool:
    """Delete records; undo puts back exactly the rows removed."""
    rows: list = []

    def apply() -> Changes:
        changes, removed = remove()
        rows[:] = removed
        return changes
    return session.perform(text, apply, lambda: session.tf.minutes.put_back(rows))


def lifecycle_step(session: Session, meeting_id: str, text: str,
                   step: Callable[[], Changes]) -> bool:
    """Circulate or approve minutes; undo returns them to where they were."""
    lifecycle = session.tf.minutes.lifecycle
    before = lifecycle.snapshot(meeting_id)
    after: dict = {}

    def apply() -> Changes:
        if "snapshot" in after:
            return lifecycle.put_back(meeting_id, after["snapshot"])
        changes = step()
        after["snapshot"] = lifecycle.snapshot(meeting_id)
        return changes
    return session.perform(text, apply, lambda: lifecycle.put_back(meeting_id, before))


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
    return session.perform("Record a correction", apply, revert)


def add_update(session: Session, action_id: str, text: str, outcome: str = "note",
               meeting_id: str | None = None, on=None) -> bool:
    """Progress on an action; undo takes the update back and restores the status."""
    actions = session.tf.actions
    made: list[str] = []

    def apply() -> Changes:
        update_id, changes = actions.record_update(action_id, text, meeting_id=meeting_id,
                                                   on=on, outcome=outcome)
        made[:] = [update_id]
        return changes
    return session.perform("Record progress on an action", apply,
                           lambda: actions.remove_update(made[0]))


def edit_action(session: Session, action_id: str, line: str) -> bool:
    """Change an action from one typed line "owner — what — when"."""
    actions = session.tf.actions
    try:
        parsed = parse(f"Action: {line}")[0]
    except UserFacingError as error:
        session.report(error)
        return False
    old = actions.get(action_id)
    before = dict(text=old.text, owners=[o.person_id or o.group_name for o in old.owners],
                  due=old.due_date or old.due_text)
    return session.perform(
        "Edit action",
        lambda: actions.update(action_id, text=parsed.text, owners=list(parsed.owners),
                               due=parsed.due),
        lambda: actions.update(action_id, **before))


def action_line(action) -> str:
    """An action as typed: owners (";" between them) — what — when."""
    owners = "; ".join(o.label for o in action.owners)
    return " — ".join(p for p in (owners, action.text, action.due_label) if p)


def missing_glyphs_ok(parent: QWidget, missing: list[str]) -> bool:
    """Warn before printing characters the font lacks; True to go on."""
    if not missing:
        return True
    from secretariat.documents.fonts import what_prints_instead

    answer = QMessageBox.warning(
        parent, "Characters that will not print",
        "The printed font has no glyph for these characters: " + " ".join(missing)
        + f"; {what_prints_instead(missing)}.\n\nPrint anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def write_file(parent: QWidget, path: str, data: bytes) -> bool:
    """Save a document the user asked for; a clear message when it cannot be written."""
    try:
        write_private(path, data)
    except UserFacingError as error:
        show_error(parent, error, "Not saved")
        return False
    return True


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
