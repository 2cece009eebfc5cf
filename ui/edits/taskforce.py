"""Edits of the taskforce itself: its details (name, department, venue, marking)."""

from ..session import Session
from .command import update


def change_details(session: Session, **values) -> bool:
    """The details of the body shown."""
    return update(session, session.tf.bodies, session.body_id, "Change taskforce details",
                  **values)
