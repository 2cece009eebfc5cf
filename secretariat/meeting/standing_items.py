"""The standing items a body puts on every new meeting's draft agenda."""


from ..changes import Changes, Kind
from ..errors import ValidationError, quoted
from ..frozen import record
from ..records import Manager, choice, require_text

PURPOSES = {
    "": "",
    "decision": "For decision",
    "discussion": "For discussion",
    "information": "For information",
}
# kind, title, minutes; a body that has never kept a list starts with these
DEFAULTS = [
    ("welcome", "Welcome and introductions", 5),
    ("minutes", "Minutes of the last meeting and matters arising", 10),
    ("interests", "Declarations of interest", 5),
    ("chair_update", "Chair's update", 10),
    ("aob", "Any other business", 5),
]
CLOSING_KINDS = {"aob"}  # these go at the end of an agenda, the rest at the top


@record
class StandingItem:
    id: str
    body_id: str
    position: int
    title: str
    purpose: str
    standing_kind: str
    minutes_allocated: int

    @property
    def closing(self) -> bool:
        return self.standing_kind in CLOSING_KINDS


class StandingItems(Manager[StandingItem]):
    table = "standing_items"
    kind = Kind.AGENDA
    record_type = StandingItem
    label = "standing item"

    def _clean(self, values, current):
        cleaned = dict(values)
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "standing item's title")
        if "purpose" in cleaned:
            cleaned["purpose"] = choice(cleaned["purpose"] or "", PURPOSES, "purpose")
        if "minutes_allocated" in cleaned:
            cleaned["minutes_allocated"] = allocation(cleaned["minutes_allocated"])
        return cleaned

    def of_body(self, body_id: str, create_defaults: bool = False) -> list[StandingItem]:
        """The body's list in order; with ``create_defaults`` a body that has none
        is given the usual five first."""
        rows = self._store.rows(
            "SELECT * FROM standing_items WHERE body_id = ? ORDER BY position", (body_id,))
        if not rows and create_defaults:
            with self._store.transaction():
                for kind, title, minutes in DEFAULTS:
                    self.add(body_id, title, standing_kind=kind, minutes_allocated=minutes)
            return self.of_body(body_id)
        return [self._from_row(r) for r in rows]

    def add(self, body_id: str, title: str, *, standing_kind: str = "", purpose: str = "",
            minutes_allocated=0) -> tuple[str, Changes]:
        position = (self._store.scalar(
            "SELECT max(position) FROM standing_items WHERE body_id = ?", (body_id,)) or 0) + 1
        kind = standing_kind or "standing-" + "-".join(title.lower().split())
        return self._create(dict(body_id=body_id, position=position, title=title,
                                 standing_kind=kind, purpose=purpose,
                                 minutes_allocated=minutes_allocated))

    def delete(self, standing_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        row = self.raw(standing_id)
        self._store.delete(self.table, standing_id)
        return Changes.of(self.kind, standing_id), [(self.table, row)]


def allocation(value) -> int:
    """Minutes allocated to an item, as typed."""
    try:
        minutes = int(str(value).strip() or 0)
    except ValueError:
        raise ValidationError(f"The time allocated {quoted(value)} is not a number of minutes.") \
            from None
    if minutes < 0 or minutes > 24 * 60:
        raise ValidationError("The time allocated must be between 0 and 1440 minutes.")
    return minutes
