"""The agenda's edits: an item added, changed, dropped, removed or moved; the
agenda's status; several items added at once (standing items, a copy of
another agenda); what is offered placed or no longer offered; the body's
standing items."""

from typing import Callable

from secretariat.changes import Changes
from secretariat.meeting.agenda import AGENDA_STATUSES
from secretariat.meeting.dropping import drop_item as drop_with_actions
from secretariat.meeting.dropping import undo_drop

from ..session import Session
from .command import create, delete, perform, update


def change_item(session: Session, item_id: str, text: str, **values) -> bool:
    """Change some fields of an item (title, purpose, lead, time, status…)."""
    return update(session, session.tf.agenda, item_id, text, **values)


def set_agenda_status(session: Session, meeting_id: str, status: str) -> bool:
    agenda = session.tf.agenda
    old = agenda.agenda_status(meeting_id)
    return perform(session, f"Mark agenda {AGENDA_STATUSES[status].lower()}",
                   lambda: agenda.set_agenda_status(meeting_id, status),
                   lambda: agenda.set_agenda_status(meeting_id, old))


def add_item(session: Session, meeting_id: str, title: str, parent_id: str | None = None,
             position: int | None = None) -> str | None:
    agenda = session.tf.agenda
    return create(session, "Add agenda item",
                  lambda: agenda.add(meeting_id, title, parent_id=parent_id, position=position),
                  agenda.delete)


def remove_item(session: Session, item_id: str) -> bool:
    return delete(session, "Remove agenda item", lambda: session.tf.agenda.delete(item_id))


def drop_item(session: Session, item_id: str) -> bool:
    """Drop an item. Its open actions are dropped with it, in the same step (one
    undo brings all back): the item leaves the minutes that agreed them, and an
    action no minutes record would otherwise stay open with no one to answer for it."""
    done: list = []

    def drop() -> Changes:
        changes, dropped = drop_with_actions(session.tf, item_id)
        done[:] = [dropped]
        return changes

    return perform(session, "Mark item dropped", drop, lambda: undo_drop(session.tf, done[0]))


def link_paper(session: Session, paper_id: str, meeting_id: str, item_id: str) -> str | None:
    """Send a paper to the meeting under an item."""
    papers = session.tf.papers
    return create(session, "Link paper", lambda: papers.link(paper_id, meeting_id, item_id),
                  papers.unlink)


# -- order: undo puts every item of the meeting back where it was


def _reorder(session: Session, meeting_id: str, item_id: str, text: str,
             move: Callable[[str], Changes]) -> bool:
    agenda = session.tf.agenda
    before = agenda.order(meeting_id)
    return perform(session, text, lambda: move(item_id),
                   lambda: agenda.restore_order(meeting_id, before))


def move_up(session: Session, meeting_id: str, item_id: str) -> bool:
    return _reorder(session, meeting_id, item_id, "Move item up", session.tf.agenda.move_up)


def move_down(session: Session, meeting_id: str, item_id: str) -> bool:
    return _reorder(session, meeting_id, item_id, "Move item down", session.tf.agenda.move_down)


def indent(session: Session, meeting_id: str, item_id: str) -> bool:
    return _reorder(session, meeting_id, item_id, "Make a sub-item", session.tf.agenda.indent)


def outdent(session: Session, meeting_id: str, item_id: str) -> bool:
    return _reorder(session, meeting_id, item_id, "Make a main item", session.tf.agenda.outdent)


def move_to(session: Session, meeting_id: str, item_id: str, parent_id: str | None,
            position: int) -> bool:
    """Where a drag and drop put the item."""
    return _reorder(session, meeting_id, item_id, "Move item",
                    lambda i: session.tf.agenda.move_to(i, parent_id, position))


# -- the agenda as a whole


def _add_several(session: Session, meeting_id: str, text: str, add: Callable[[], Changes]) -> bool:
    """Add several items in one undoable step; undo removes what it added."""
    agenda = session.tf.agenda
    before = {i.id for i in agenda.of_meeting(meeting_id)}
    removed: list = []

    def undo() -> Changes:
        added = [i for i in agenda.of_meeting(meeting_id)
                 if i.id not in before and i.parent_id is None]
        chunks = [agenda.delete(i.id)[1] for i in added]
        # Each delete's rows hold the order as it was just before it: put back
        # the last first, so the order before them all is what stays.
        removed[:] = [row for chunk in reversed(chunks) for row in chunk]
        return Changes.of("agenda", meeting_id)

    def redo() -> Changes:
        if removed:
            return session.tf.restore_rows(removed)
        return add()

    return perform(session, text, redo, undo)


def apply_standing_items(session: Session, meeting_id: str) -> bool:
    """The body's standing items this agenda lacks."""
    return _add_several(session, meeting_id, "Add standing items",
                        lambda: session.tf.agenda.apply_standing_items(meeting_id))


def copy_agenda(session: Session, source_id: str, meeting_id: str) -> bool:
    return _add_several(session, meeting_id, "Copy agenda",
                        lambda: session.tf.agenda.copy_from(source_id, meeting_id))


def add_standing_item(session: Session, body_id: str, title: str) -> str | None:
    standing = session.tf.agenda.standing
    return create(session, "Add standing item", lambda: standing.add(body_id, title),
                  standing.delete)


def remove_standing_item(session: Session, standing_id: str) -> bool:
    return delete(session, "Remove standing item",
                  lambda: session.tf.agenda.standing.delete(standing_id))


# -- what is offered for the agenda


def place_deferred(session: Session, item_id: str, meeting_id: str) -> str | None:
    """An item deferred at an earlier meeting, on this agenda."""
    agenda = session.tf.agenda
    return create(session, "Place deferred item",
                  lambda: agenda.place_deferred(item_id, meeting_id), agenda.delete)


def place_suggestion(session: Session, suggestion_id: str, meeting_id: str) -> str | None:
    """A suggestion made an item; undo removes the item and puts the suggestion
    back as it was."""
    tf = session.tf
    old = tf.suggestions.raw(suggestion_id)

    def unplace(item_id: str) -> tuple[Changes, list]:
        changes, removed = tf.agenda.delete(item_id)
        tf.restore_rows([("agenda_suggestions", old)])
        return changes, removed

    return create(session, "Place suggestion",
                  lambda: tf.suggestions.place(suggestion_id, meeting_id), unplace)


def stop_offering(session: Session, item_id: str) -> bool:
    """A deferred item no longer offered to later meetings."""
    agenda = session.tf.agenda
    return perform(session, "Stop offering deferred item", lambda: agenda.drop_deferred(item_id),
                   lambda: agenda.update(item_id, offer_dropped_on=None))
