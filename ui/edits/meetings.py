"""Edits of the body's meetings: one added, its details changed, its invitation
noted as made, one cancelled, one deleted (undo puts it back with everything
recorded at it)."""

import datetime as dt

from ..session import Session
from .command import create, delete, perform, update


def new_meeting(session: Session, body_id: str, day: dt.date) -> str | None:
    """A meeting on ``day``, its agenda started with the standing items."""
    return create(session, "New meeting",
                  lambda: session.tf.agenda.create_meeting(body_id, day),
                  session.tf.meetings.delete)


def change_meeting(session: Session, meeting_id: str, what: str, **values) -> bool:
    """Some of a meeting's details; ``what`` names them for Undo. Undo moving an
    invited meeting moves it back, which raises its calendar sequence again: an
    invitation at the higher sequence may have gone out."""
    return update(session, session.tf.meetings, meeting_id, f"Change meeting {what}",
                  **values)


def record_invitation(session: Session, meeting_id: str) -> bool:
    """The meeting's invitation made today: later moves raise its sequence."""
    meetings = session.tf.meetings
    before = meetings.get(meeting_id).invited_on
    return perform(session, "Make meeting invitation",
                   lambda: meetings.record_invitation(meeting_id),
                   lambda: meetings.update(meeting_id, invited_on=before))


# Undo of cancelling reinstates, and of reinstating cancels: each raises the
# calendar sequence, since the cancellation or the new invitation may have gone out.

def cancel_meeting(session: Session, meeting_id: str) -> bool:
    """Call the meeting off today; undo holds it after all."""
    meetings = session.tf.meetings
    return perform(session, "Cancel meeting", lambda: meetings.cancel(meeting_id),
                   lambda: meetings.reinstate(meeting_id))


def reinstate_meeting(session: Session, meeting_id: str) -> bool:
    """Hold a cancelled meeting after all; undo cancels it again, from the day it was."""
    meetings = session.tf.meetings
    cancelled_on = meetings.get(meeting_id).cancelled_on
    return perform(session, "Reinstate meeting", lambda: meetings.reinstate(meeting_id),
                   lambda: meetings.cancel(meeting_id, on=cancelled_on))


def delete_meeting(session: Session, meeting_id: str) -> bool:
    return delete(session, "Delete meeting", lambda: session.tf.meetings.delete(meeting_id))
