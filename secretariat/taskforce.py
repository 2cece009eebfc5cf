"""The single entry point to a taskforce file, with a manager per area."""

import datetime as dt
import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .changes import Changes
from .frozen import record
from .progress import Progress, ignore
from .storage import Store, UpgradeNeeded

if TYPE_CHECKING:  # each manager's module is imported when the manager is first used
    from .files.travel import TravelCopy
    from .search import Results
    from .meeting.actions import Actions
    from .meeting.agenda import Agenda
    from .meeting.attendance import Attendances
    from .membership.bodies import Bodies
    from .interest.interests import Interests
    from .meeting.meetings import Meetings
    from .meeting.minutes import Minutes
    from .review.papers import Papers
    from .report.recommendations import Recommendations
    from .report.reports import Reports
    from .membership.people import People
    from .review.reviews import Reviews
    from .meeting.suggestions import Suggestions


# Minutes approved in a file from before they were kept on approval.
__all__ = ["Taskforce", "TravelOrigin", "UpgradeNeeded"]  # UpgradeNeeded: see open

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
    each area is reached through its manager, made (and its module imported)
    when first used, so a command or a page pays only for its own:
    ``tf.bodies``, ``tf.people``, ``tf.meetings``… Write methods return ``Changes``.
    """

    def __init__(self, store: Store):
        from . import fields

        self.store = store
        store.checked = fields.checked  # every value written, checked where it comes in

    @cached_property
    def bodies(self) -> "Bodies":
        from .membership.bodies import Bodies
        return Bodies(self.store)

    @cached_property
    def people(self) -> "People":
        from .membership.people import People
        return People(self.store)

    @cached_property
    def meetings(self) -> "Meetings":
        from .meeting.meetings import Meetings
        return Meetings(self.store)

    @cached_property
    def agenda(self) -> "Agenda":
        from .meeting.agenda import Agenda
        return Agenda(self.store)

    @cached_property
    def attendance(self) -> "Attendances":
        from .meeting.attendance import Attendances
        return Attendances(self.store)

    @cached_property
    def suggestions(self) -> "Suggestions":
        from .meeting.suggestions import Suggestions
        return Suggestions(self.store)

    @cached_property
    def papers(self) -> "Papers":
        from .review.papers import Papers
        return Papers(self.store)

    @cached_property
    def reviews(self) -> "Reviews":
        from .review.reviews import Reviews
        return Reviews(self.store)

    @cached_property
    def interests(self) -> "Interests":
        from .interest.interests import Interests
        return Interests(self.store)

    @cached_property
    def actions(self) -> "Actions":
        from .meeting.actions import Actions
        return Actions(self.store)

    @cached_property
    def reports(self) -> "Reports":
        from .report.reports import Reports
        return Reports(self.store)

    @cached_property
    def recommendations(self) -> "Recommendations":
        from .report.recommendations import Recommendations
        return Recommendations(self.store)

    @cached_property
    def minutes(self) -> "Minutes":
        from .meeting.minutes import Minutes
        return Minutes(self.store, self.actions, self._approved_documents)  # kept on approval

    def _approved_documents(self, meeting_id: str) -> tuple[str, str]:
        from .meeting.minutes_content import as_approved

        return as_approved(self, meeting_id)

    @classmethod
    def open(cls, path: str | os.PathLike[str], create: bool = False, upgrade: bool = True,
             reading: bool = False, keep_backups: bool = True,
             progress: Progress = ignore) -> "Taskforce":
        """See ``Store.open``: ``reading`` to only read it, beside any writer; without
        ``upgrade`` an older file raises ``UpgradeNeeded``, unchanged."""
        tf = cls(Store.open(path, create=create, upgrade=upgrade, reading=reading,
                             keep_backups=keep_backups, progress=progress))
        if not tf.read_only and tf.store.scalar(_UNKEPT):
            tf.minutes.lifecycle.keep_unkept()  # approved before minutes were kept as approved
        return tf

    @classmethod
    def reader(cls, path: str | os.PathLike[str]) -> "Taskforce":
        """Another, read-only view of a file this process has open, for long
        reading on a worker thread (its connection belongs to that thread)."""
        return cls(Store.reader(path))

    @staticmethod
    def open_elsewhere(path: str | os.PathLike[str]) -> bool:
        """Whether a program, this one or another, has the file open to write."""
        from .storage.lock import held_elsewhere

        return held_elsewhere(Path(path))

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

    def save_copy(self, target: str | os.PathLike[str]) -> Path:
        """A consistent copy of the file at a new path (owner-only, checked)."""
        return self.store.save_copy(target)

    def search(self, words: str, body_id: str | None = None,
               as_you_type: bool = False) -> "Results":
        """The best hits of each kind for ``words`` (``search.search``)."""
        from .search import search

        return search(self.store, words, body_id, as_you_type=as_you_type)

    def export_to(self, target: str | os.PathLike[str], progress: Progress = ignore) -> Path:
        """Everything in the file as JSON at ``target`` (``files.exchange``)."""
        from .files.exchange import export_file

        return export_file(self.store, target, progress)

    # Travel copies (``files.travel``): taken in three steps so that the copy
    # itself can be written on a worker thread, through a ``reader``.

    def check_travel_copy(self, destination: str | os.PathLike[str]) -> Path:
        from .files.travel import check_travel_copy

        return check_travel_copy(self.store, destination)

    def write_travel_copy(self, destination: Path, progress: Progress = ignore) -> "TravelCopy":
        from .files.travel import write_travel_copy

        return write_travel_copy(self.store, destination, progress)

    def record_travel_copy(self, copy: "TravelCopy") -> None:
        from .files.travel import record_travel_copy

        record_travel_copy(self.store, copy)

    def check_merge(self, travel_path: str | os.PathLike[str]) -> Path:
        """Refuse now, with this file open, what a merge would refuse out of hand."""
        from .files.travel import check_merge

        return check_merge(self.store, travel_path)

    def close(self) -> str | None:
        """Close the file; a warning if its backup on closing could not be taken."""
        return self.store.close()

    def reopen(self) -> None:
        """Open the closed file again, unchanged since: the managers carry on."""
        self.store.reopen()

    def __enter__(self) -> "Taskforce":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
