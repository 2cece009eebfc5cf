"""The single entry point to a taskforce file, with a manager per area."""

from pathlib import Path

from .actions import Actions
from .agenda import Agenda
from .attendance import Attendances
from .bodies import Bodies
from .changes import Changes
from .interests import Interests
from .meetings import Meetings
from .minutes import Minutes
from .papers import Papers
from .people import People
from .reviews import Reviews
from .storage import Store
from .suggestions import Suggestions


class Taskforce:
    """An open taskforce file.

    ``Taskforce.open(path)`` opens (or with ``create=True`` creates) a file;
    each area is reached through its manager: ``tf.bodies``, ``tf.people``,
    ``tf.meetings``. Write methods return ``Changes``.
    """

    def __init__(self, store: Store):
        self.store = store
        self.bodies = Bodies(store)
        self.people = People(store)
        self.meetings = Meetings(store)
        self.agenda = Agenda(store)
        self.attendance = Attendances(store)
        self.suggestions = Suggestions(store)
        self.papers = Papers(store)
        self.reviews = Reviews(store)
        self.interests = Interests(store)
        self.actions = Actions(store)
        self.minutes = Minutes(store, self.actions)

    @classmethod
    def open(cls, path, create: bool = False) -> "Taskforce":
        return cls(Store.open(path, create=create))

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def restore_rows(self, rows: list[tuple[str, dict]]) -> Changes:
        """Put back rows a delete removed or changed, for undo."""
        self.store.restore_rows(rows)
        return Changes.everything(*(row["id"] for _, row in rows))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Taskforce":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
