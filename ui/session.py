"""The open file as the window sees it: the core entry point, the one undo
stack, and the one change signal every view listens to."""

from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from secretariat.changes import Changes
from secretariat.errors import UserFacingError
from secretariat.taskforce import Taskforce

from .edits import Edit
from .errors import show_error


class Session(QObject):
    """One open taskforce file and the body shown."""

    changed = Signal(object)  # Changes
    closing = Signal()  # the file is about to close: save what is still being typed

    def __init__(self, tf: Taskforce, parent: QObject | None = None):
        super().__init__(parent)
        self.tf = tf
        self.undo_stack = QUndoStack(self)
        bodies = tf.bodies.all()
        self.body_id: str | None = bodies[0].id if bodies else None
        self.travel_origin = tf.travel_origin()  # None unless the file is a travel copy
        self.error_parent: QWidget | None = None
        self.last_refusal: UserFacingError | None = None
        self.closed = False
        self.told_circulated: set[str] = set()  # meetings whose circulated minutes were changed

    def notify(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def report(self, error: UserFacingError) -> None:
        self.last_refusal = error  # for a dialog to show it at its field
        show_error(self.error_parent, error)

    def perform(self, text: str, apply: Callable[[], Changes], revert: Callable[[], Changes],
                report: Callable[[UserFacingError], None] | None = None) -> bool:
        """Run one edit now and put it on the undo stack; False (and a message) if refused.
        ``report`` shows a refusal instead of the error dialog (e.g. without taking
        the keyboard from someone typing)."""
        try:
            changes = apply()
        except UserFacingError as error:
            (report or self.report)(error)
            return False
        self.undo_stack.push(Edit(self, text, apply, revert, already_done=True))
        self.notify(changes)
        return True

    def update(self, manager, record_id: str, text: str, /, **values) -> bool:
        """Change some fields of one record, undoably (a field may be called ``text``)."""
        current = manager.get(record_id)
        old = {name: getattr(current, name) for name in values}
        if all(old[name] == values[name] for name in values):
            return True
        return self.perform(text, lambda: manager.update(record_id, **values),
                            lambda: manager.update(record_id, **old))

    def create(self, text: str, create: Callable[[], tuple[str, Changes]],
               delete: Callable[[str], tuple[Changes, list]]) -> str | None:
        """Create a record undoably; redo puts back the very same record (same id)."""
        try:
            record_id, changes = create()
        except UserFacingError as error:
            self.report(error)
            return None
        removed: list = []

        def undo() -> Changes:
            result, rows = delete(record_id)
            removed[:] = rows
            return result

        def redo() -> Changes:
            return self.tf.restore_rows(removed)

        self.undo_stack.push(Edit(self, text, redo, undo, already_done=True))
        self.notify(changes)
        return record_id

    def delete(self, text: str, delete: Callable[[], tuple[Changes, list]]) -> bool:
        """Delete a record (and what goes with it) undoably; undo puts every row back."""
        removed: list = []

        def apply() -> Changes:
            changes, rows = delete()
            removed[:] = rows
            return changes

        return self.perform(text, apply, lambda: self.tf.restore_rows(removed))

    @property
    def body(self):
        return self.tf.bodies.get(self.body_id)

    def prepare_to_close(self) -> None:
        """Let views save what is still being typed, while the file is open."""
        self.closing.emit()

    def close(self, keep_history: bool = False) -> str | None:
        """Close the file; a warning if its backup on closing could not be taken.
        ``keep_history``: to ``reopen`` it, undo history and all, if nothing
        changes it meanwhile."""
        self.closed = True
        if not keep_history:
            self.undo_stack.clear()
        return self.tf.close()

    def reopen(self) -> None:
        self.tf.reopen()
        self.closed = False
