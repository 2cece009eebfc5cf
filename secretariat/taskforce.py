"""The single entry point to a taskforce file, with a manager per area."""

import datetime as dt
import importlib
from pathlib import Path

from .changes import Changes
from .frozen import record
from .storage import Store

# Each area's manager: (module, class). A manager is made, and its module
# imported, when first used, so a command or a page pays only for its own.
_MANAGERS = {
    "bodies": ("bodies", "Bodies"),
    "people": ("people", "People"),
    "meetings": ("meetings", "Meetings"),
    "agenda": ("agenda", "Agenda"),
    "attendance": ("attendance", "Attendances"),
    "suggestions": ("suggestions", "Suggestions"),
    "papers": ("papers", "Papers"),
    "reviews": ("reviews", "Reviews"),
    "interests": ("interests", "Interests"),
    "actions": ("actions", "Actions"),
    "minutes": ("minutes", "Minutes"),
}


# Minutes approved in a file from before they were kept on approval.
_UNKEPT = """SELECT EXISTS (SELECT 1 FROM meetings m WHERE status = 'approved'
             AND NOT EXISTS (SELECT 1 FROM approved_minutes a WHERE a.meeting_id = m.id))"""


@record
class TravelOrigin:
    """Where a travel copy came from: its home file's name, the day it was taken."""

    home_name: str
    taken_on: dt.date


class Taskforce:
    """An open taskforce file.

    ``Taskforce.open(path)`` opens (or with ``create=True`` creates) a file;
    each area is reached through its manager: ``tf.bodies``, ``tf.people``,
    ``tf.meetings`` (see ``_MANAGERS``). Write methods return ``Changes``.
    """

    def __init__(self, store: Store):
        from . import fields

        self.store = store
        store.checked = fields.checked  # every value written, checked where it comes in

    def __getattr__(self, name: str):
        if name not in _MANAGERS:
            raise AttributeError(f"a taskforce has no {name}")
        module, class_name = _MANAGERS[name]
        made = getattr(importlib.import_module(f".{module}", __package__), class_name)
        if name == "minutes":  # approving keeps the minutes as printed
            manager = made(self.store, self.actions, self._approved_documents)
        else:
            manager = made(self.store)
        setattr(self, name, manager)  # found directly from now on
        return manager

    def _approved_documents(self, meeting_id: str) -> tuple[str, str]:
        from .minutes_content import as_approved

        return as_approved(self, meeting_id)

    @classmethod
    def open(cls, path, create: bool = False, upgrade: bool = True, reading: bool = False,
             keep_backups: bool = True) -> "Taskforce":
        """See ``Store.open``: ``reading`` to only read it, beside any writer."""
        tf = cls(Store.open(path, create=create, upgrade=upgrade, reading=reading,
                             keep_backups=keep_backups))
        if not tf.read_only and tf.store.scalar(_UNKEPT):
            tf.minutes.lifecycle.keep_unkept()  # approved before minutes were kept as approved
        return tf

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def travel_origin(self) -> TravelOrigin | None:
        """Where this file came from if it is a travel copy; None for a home file."""
        row = self.store.row("SELECT home_name, taken_at FROM travel_origin")
        if row is None:
            return None
        taken = dt.datetime.fromisoformat(row["taken_at"]).astimezone()  # the day here
        return TravelOrigin(row["home_name"], taken.date())

    def restore_rows(self, rows: list[tuple[str, dict]]) -> Changes:
        """Put back rows a delete removed or changed, for undo."""
        self.store.restore_rows(rows)
        return Changes.everything(*(row["id"] for _, row in rows))

    def close(self) -> str | None:
        """Close the file; a warning if its backup on closing could not be taken."""
        return self.store.close()

    def __enter__(self) -> "Taskforce":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
