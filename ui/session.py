"""The open file as the window sees it: the core entry point, the one undo
stack (the named edits of ``ui/edits/`` push on it), and the one change signal
every view listens to."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from secretariat.changes import Changes
from secretariat.errors import UserFacingError
from secretariat.taskforce import Taskforce

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
