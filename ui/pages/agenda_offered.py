"""The agenda tab's list of what is offered for the agenda: items deferred from
earlier meetings and suggestions for future ones, each placed, held or dropped."""

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem, QVBoxLayout, QWidget

from secretariat.values import day_month_year

from ..edits import agenda, suggestions
from ..session import Session
from ..widgets import button, button_row, enable_while, wrapping_list
from .suggestions import DECLINE, HOLD, ask_reason


class OfferedPanel(QWidget):
    """``may_edit`` asks whether the agenda may change; ``placed`` hears of the
    item an offer became."""

    def __init__(self, session: Session, meeting_id: str, may_edit: Callable[[], bool],
                 placed: Callable[[str], None]):
        super().__init__()
        self.session = session
        self.meeting_id = meeting_id
        self._may_edit = may_edit
        self._placed = placed
        self.list = wrapping_list("Offered for this agenda")
        self.list.itemActivated.connect(lambda _: self.place())
        on_offered = [button("Place on a&genda", self.place, ""),
                      button("Dr&op", self.drop,
                             "Stop offering a deferred item, or decline a suggestion")]
        hold = button("&Hold", self.hold, "Keep a suggestion for a future meeting")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("Offered: deferred items and suggestions"))
        layout.addWidget(self.list, 1)
        layout.addLayout(button_row([on_offered[0], hold, on_offered[1]]))
        enable_while(lambda: self._chosen() is not None, on_offered, self.list.currentRowChanged)
        enable_while(lambda: (self._chosen() or ("",))[0] == "suggestion", [hold],
                     self.list.currentRowChanged)

    def fill(self) -> None:
        tf = self.session.tf
        self.list.clear()
        for item, day in tf.agenda.offered(self.meeting_id):
            entry = QListWidgetItem(f"Deferred on {day_month_year(day)}: {item.title}")
            entry.setData(Qt.ItemDataRole.UserRole, ("deferred", item.id))
            self.list.addItem(entry)
        body_id = tf.meetings.get(self.meeting_id).body_id
        for view in tf.suggestions.future_items(body_id):
            s = view.suggestion
            by = f" ({view.suggested_by})" if view.suggested_by else ""
            aim = f" — for {view.aim}" if view.aim else ""
            entry = QListWidgetItem(f"Suggested{by}: {s.title} — {view.what_became}{aim}")
            entry.setData(Qt.ItemDataRole.UserRole, ("suggestion", s.id))
            self.list.addItem(entry)

    def _chosen(self) -> tuple[str, str] | None:
        entry = self.list.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def place(self) -> None:
        chosen = self._chosen()
        if chosen is None or not self._may_edit():
            return
        kind, record_id = chosen
        place = agenda.place_deferred if kind == "deferred" else agenda.place_suggestion
        made = place(self.session, record_id, self.meeting_id)
        if made:
            self._placed(made)

    def hold(self) -> None:
        chosen = self._chosen()
        if chosen is None or chosen[0] != "suggestion":
            return
        reason = ask_reason(self, *HOLD)
        if reason is not None:
            suggestions.hold(self.session, chosen[1], reason)

    def drop(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        kind, record_id = chosen
        if kind == "deferred":
            agenda.stop_offering(self.session, record_id)
            return
        reason = ask_reason(self, *DECLINE)
        if reason is not None:
            suggestions.decline(self.session, record_id, reason)
