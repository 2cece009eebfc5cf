"""Undoable edits. Each calls one core method to do and one to undo."""

from typing import Callable

from PySide6.QtGui import QUndoCommand

from secretariat.changes import Changes
from secretariat.errors import UserFacingError


class Edit(QUndoCommand):
    def __init__(self, session, text: str, apply: Callable[[], Changes],
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
