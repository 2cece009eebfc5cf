"""The undo command, and the four ways a named edit of this package puts one on
the session's undo stack: any pair of core operations (``perform``), a change
of some fields (``update``), a record made (``create``) or deleted
(``delete``). Pages never use these: they call the named edit of their gesture
(a test holds them to it)."""

from typing import Callable

from PySide6.QtGui import QUndoCommand

from secretariat.changes import Changes
from secretariat.errors import UserFacingError

from ..session import Session


class Edit(QUndoCommand):
    def __init__(self, session: Session, text: str, apply: Callable[[], Changes],
                 revert: Callable[[], Changes], already_done: bool = False):
        super().__init__(text)
        self._session = session
        self._apply = apply
        self._revert = revert
        self._skip_first_redo = already_done

    def redo(self) -> None:
        if self._skip_first_redo:  # pushed after it was done, so errors could refuse it
            self._skip_first_redo = False
            return
        self._run(self._apply)

    def undo(self) -> None:
        self._run(self._revert)

    def _run(self, step: Callable[[], Changes]) -> None:
        try:
            self._session.notify(step())
        except UserFacingError as error:
            self.setObsolete(True)
            self._session.report(error)


def perform(session: Session, text: str, apply: Callable[[], Changes],
            revert: Callable[[], Changes],
            report: Callable[[UserFacingError], None] | None = None) -> bool:
    """Run one edit now and put it on the undo stack; False (and a message) if refused.
    ``report`` shows a refusal instead of the error dialog (e.g. without taking
    the keyboard from someone typing)."""
    try:
        changes = apply()
    except UserFacingError as error:
        (report or session.report)(error)
        return False
    session.undo_stack.push(Edit(session, text, apply, revert, already_done=True))
    session.notify(changes)
    return True


def update(session: Session, manager, record_id: str, text: str, /, **values) -> bool:
    """Change some fields of one record, undoably (a field may be called ``text``)."""
    current = manager.get(record_id)
    if all(getattr(current, name) == values[name] for name in values):
        return True
    old = {name: getattr(current, name) for name in values}
    return perform(session, text, lambda: manager.update(record_id, **values),
                   lambda: manager.update(record_id, **old))


def create(session: Session, text: str, make: Callable[[], tuple[str, Changes]],
           remove: Callable[[str], tuple[Changes, list]]) -> str | None:
    """Create a record undoably; redo puts back the very same record (same id)."""
    try:
        record_id, changes = make()
    except UserFacingError as error:
        session.report(error)
        return None
    removed: list = []

    def undo() -> Changes:
        result, rows = remove(record_id)
        removed[:] = rows
        return result

    def redo() -> Changes:
        return session.tf.restore_rows(removed)

    session.undo_stack.push(Edit(session, text, redo, undo, already_done=True))
    session.notify(changes)
    return record_id


def delete(session: Session, text: str, remove: Callable[[], tuple[Changes, list]],
           put_back: Callable[[list], Changes] | None = None) -> bool:
    """Delete records (and what goes with them) undoably; undo puts back exactly
    the rows removed (through ``put_back`` if the area has its own)."""
    removed: list = []

    def apply() -> Changes:
        changes, rows = remove()
        removed[:] = rows
        return changes

    return perform(session, text, apply,
                   lambda: (put_back or session.tf.restore_rows)(removed))
