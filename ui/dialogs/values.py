"""Form dialogs that hand back checked values, and the choosers they share."""

from typing import Any, Callable

from PySide6.QtWidgets import QComboBox, QWidget

from secretariat.errors import FieldError, UserFacingError, ValidationError

from ..errors import show_at
from ..session import Session
from ..widgets import combo_box, day_text
from .form import FormDialog


def people_combo(dialog: FormDialog, label: str, people, current: str | None,
                  blank: str = "") -> QComboBox:
    combo = combo_box()
    if blank:
        combo.addItem(blank, None)
    for person in people:
        combo.addItem(person.display_name, person.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return dialog.row(label, combo)


def meeting_and_item(dialog: FormDialog, session: Session,
                     meeting_id: str | None = None) -> tuple[QComboBox, QComboBox]:
    """A choice of the body's meetings (that one first chosen, if named) and,
    below it, of the chosen meeting's items."""
    tf = session.tf
    meeting = dialog.row("&Meeting", combo_box())
    for found in tf.meetings.of_body(session.body_id):
        meeting.addItem(day_text(found.date) + (f" {found.title}" if found.title else ""),
                        found.id)
    item = dialog.row("Agenda &item", combo_box())

    def fill() -> None:
        item.clear()
        item.addItem("(not a particular item)", None)
        if meeting.currentData():
            for agenda_item in tf.agenda.of_meeting(meeting.currentData()):
                item.addItem(agenda_item.title, agenda_item.id)

    meeting.setCurrentIndex(max(0, meeting.findData(meeting_id)))
    meeting.currentIndexChanged.connect(fill)
    fill()
    return meeting, item


class ValuesDialog(FormDialog):
    """A form whose ``values()`` may refuse (raise); OK keeps it open until they are good."""

    def __init__(self, title: str, session: Session, parent=None):
        super().__init__(title, parent)
        self.session = session
        self.result_values: Any = None

    def values(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_values = self.values()
        except UserFacingError as error:
            self.session.report(error)
            self._show_at_field(error)
            return
        super().accept()

    def run(self, attempt: Callable[[Any], Any]):
        """Show the dialog until ``attempt(values)`` succeeds (its result is returned)
        or the user cancels (None); a refused edit keeps what was typed."""
        while self.exec():
            self.session.last_refusal = None
            done = attempt(self.result_values)
            if done:
                return done
            self._show_at_field(self.session.last_refusal)
        return None

    def typed(self, field: str, parse: Callable[[str, str], Any], what: str) -> Any:
        """The text of the dialog's ``field`` read by ``parse`` (``what`` names it
        in a refusal); a refusal names the field, so it is shown there."""
        try:
            return parse(getattr(self, field).text(), what)
        except FieldError:
            raise
        except ValidationError as error:
            raise FieldError(str(error), field) from None

    def _show_at_field(self, refusal) -> None:
        """Put the cursor in the field a refused value was typed in, selected."""
        field = getattr(self, getattr(refusal, "field", "") or "", None)
        if isinstance(field, QWidget):
            show_at(field)


class MeetingDialog(ValuesDialog):
    """A meeting of the body and, if one, an item of its agenda (``missing``:
    what is said when the body has no meeting)."""

    def __init__(self, title: str, session: Session, missing: str, parent=None):
        super().__init__(title, session, parent)
        self.missing = missing
        self.meeting, self.item = meeting_and_item(self, session)

    def values(self) -> dict:
        if not self.meeting.currentData():
            raise UserFacingError(self.missing)
        return dict(meeting_id=self.meeting.currentData(),
                    agenda_item_id=self.item.currentData())
