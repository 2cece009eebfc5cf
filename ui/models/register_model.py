"""The register as tables: one row per person, their attendance and notes."""

from secretariat.meeting.register_records import CAPACITIES
from secretariat.membership.people import ROLES

from .. import palette
from .records import ColouredModel, Column


def _notes(line, titles: dict[str, str]) -> str:
    parts = list(line.items)
    entry = line.attendance
    if entry and entry.arrived_item_id:
        parts.append(f"arrived during {titles.get(entry.arrived_item_id, 'an item')}")
    if entry and entry.left_item_id:
        parts.append(f"left during {titles.get(entry.left_item_id, 'an item')}")
    if entry and entry.note:
        parts.append(entry.note)
    return "; ".join(parts)


class RegisterModel(ColouredModel):
    """RegisterLine rows; ``chair_id`` and item titles are handed over with them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.chair_id: str | None = None
        self.item_titles: dict[str, str] = {}
        self.columns = (
            Column("Name", lambda line: line.label),
            Column("Role", lambda line: ROLES.get(line.role) or CAPACITIES.get(line.role, "")),
            Column("Attendance", lambda line: line.attendance.status_label
                   if line.attendance else "not marked"),
            Column("Chair", lambda line: "In the chair" if line.person.id == self.chair_id
                   else ""),
            Column("Notes", lambda line: _notes(line, self.item_titles)),
        )

    @staticmethod
    def _id(record) -> str:
        return record.person.id

    def colour(self, record):
        return palette.warning() if record.attendance is None else None
