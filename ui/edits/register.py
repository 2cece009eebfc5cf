"""Edits of a meeting's register: someone marked, put in the chair, added or
removed, and the details of their entry. Each is one undoable change to one
person's entry (and perhaps the chair): undo puts the entry back as it was, redo
as the edit left it. A refusal goes to ``report`` if given (see
``command.perform``): the register's keys say it on the page."""

from typing import Callable

from secretariat.changes import Changes
from secretariat.errors import UserFacingError

from ..session import Session
from .command import perform

Report = Callable[[UserFacingError], None] | None


def _edit(session: Session, meeting_id: str, person_id: str, text: str,
          apply: Callable[[], Changes], report: Report = None) -> bool:
    attendance = session.tf.attendance
    before = attendance.snapshot(meeting_id, person_id)
    after = []

    def do() -> Changes:
        if after:
            return attendance.put_back(after[0])
        changes = apply()
        after.append(attendance.snapshot(meeting_id, person_id))
        return changes

    return perform(session, text, do, lambda: attendance.put_back(before), report)


def _name(session: Session, person_id: str) -> str:
    return session.tf.people.get(person_id).display_name


def mark(session: Session, meeting_id: str, person_id: str, status: str,
         report: Report = None) -> bool:
    """Present, apologies or absent."""
    return _edit(session, meeting_id, person_id, f"Mark {_name(session, person_id)} {status}",
                 lambda: session.tf.attendance.mark(meeting_id, person_id, status), report)


def set_chair(session: Session, meeting_id: str, person_id: str | None,
              report: Report = None) -> bool:
    """Someone in the chair; with None, nobody (yet)."""
    attendance = session.tf.attendance
    if person_id is None:
        current = attendance.chair_of(meeting_id)
        return current is None or _edit(session, meeting_id, current, "Clear the chair",
                                        lambda: attendance.set_chair(meeting_id, None))
    return _edit(session, meeting_id, person_id, f"{_name(session, person_id)} in the chair",
                 lambda: attendance.set_chair(meeting_id, person_id), report)


def add(session: Session, meeting_id: str, person_id: str, capacity: str,
        item_ids: tuple[str, ...] = ()) -> bool:
    """An official, a guest or a presenter (with the items they came for)."""
    return _edit(session, meeting_id, person_id, f"Add {_name(session, person_id)}",
                 lambda: session.tf.attendance.add(meeting_id, person_id, capacity=capacity,
                                                   item_ids=item_ids)[1])


def set_deputising(session: Session, entry, deputising_for_id: str) -> bool:
    """Whom the person of the register ``entry`` stands in for ("" for nobody)."""
    return _edit(session, entry.meeting_id, entry.person_id, "Set deputising",
                 lambda: session.tf.attendance.set_deputising(entry.id, deputising_for_id))


def set_items(session: Session, entry, item_ids: list[str]) -> bool:
    """The items a guest or presenter came for."""
    return _edit(session, entry.meeting_id, entry.person_id, "Set items attended for",
                 lambda: session.tf.attendance.set_items(entry.id, item_ids))


def note_arrival(session: Session, entry, item_id: str | None) -> bool:
    """The item during which they arrived late (None: not noted)."""
    return _edit(session, entry.meeting_id, entry.person_id, "Note late arrival",
                 lambda: session.tf.attendance.note_times(
                     entry.id, arrived_item_id=item_id, left_item_id=entry.left_item_id))


def note_departure(session: Session, entry, item_id: str | None) -> bool:
    """The item during which they left early (None: not noted)."""
    return _edit(session, entry.meeting_id, entry.person_id, "Note early departure",
                 lambda: session.tf.attendance.note_times(
                     entry.id, arrived_item_id=entry.arrived_item_id, left_item_id=item_id))


def remove(session: Session, entry) -> bool:
    return _edit(session, entry.meeting_id, entry.person_id,
                 f"Remove {_name(session, entry.person_id)} from the register",
                 lambda: session.tf.attendance.remove(entry.id)[0])
