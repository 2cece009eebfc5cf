"""Edits of the body's meetings: one added, its details changed, one deleted
(undo puts it back with everything recorded at it)."""

import datetime as dt

from ..session import Session
from .command import create, delete, update


def new_meeting(session: Session, body_id: str, day: dt.date) -> str | None:
    """A meeting on ``day``, its agenda started with the standing items."""
    return create(session, "New meeting",
                  lambda: session.tf.agenda.create_meeting(body_id, day),
                  session.tf.meetings.delete)


def change_meeting(session: Session, meeting_id: str, what: str, **values) -> bool:
    """Some of a meeting's details; ``what`` names them for Undo."""
    return update(session, session.tf.meetings, meeting_id, f"Change meeting {what}", **values)


def delete_meeting(session: Session, meeting_id: str) -> bool:
    return delete(session, "Delete meeting", lambda: session.tf.meetings.delete(meeting_id))
