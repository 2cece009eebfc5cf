"""The single entry point to a taskforce file, with a manager per area."""

from pathlib import Path

from .bodies import Bodies
from .changes import Changes
from .meetings import Meetings
from .people import People
from .storage import Store


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
        """Put back rows a delete removed (parents first), for undo."""
        with self.store.transaction():
            for table, row in reversed(rows):
                self.store.restore(table, row)
        return Changes(frozenset({"person", "meeting", "body"}),
                       frozenset(row["id"] for _, row in rows))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Taskforce":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
