"""Edits of the agenda items members suggest: made, aimed, held, declined,
reopened (placing one on an agenda is in ``agenda``)."""

from typing import Callable

from secretariat.changes import Changes

from ..session import Session
from .command import create, perform


def suggest(session: Session, body_id: str, values: dict) -> str | None:
    """A new suggestion: what, by whom (if known), raised where (if at a meeting), aimed at."""
    suggestions = session.tf.suggestions
    return create(session, "New suggestion", lambda: suggestions.create(body_id, **values),
                  suggestions.delete)


def edit(session: Session, suggestion_id: str, values: dict) -> bool:
    """What it says, who made it, where and when, and its aim, changed at once."""
    return _change(session, "Edit suggestion", suggestion_id,
                   lambda: session.tf.suggestions.update(suggestion_id, **values))


def _change(session: Session, text: str, suggestion_id: str, apply: Callable[[], Changes]) -> bool:
    """One change to a suggestion; undo puts its row back as it was."""
    old = session.tf.suggestions.raw(suggestion_id)
    return perform(session, text, apply,
                   lambda: session.tf.restore_rows([("agenda_suggestions", old)]))


def aim(session: Session, suggestion_id: str, meeting_id: str | None, month) -> bool:
    """Aim it at a coming meeting, or at a month while none is arranged (neither: no aim)."""
    return _change(session, "Aim suggestion", suggestion_id,
                   lambda: session.tf.suggestions.aim(suggestion_id, meeting_id, month))


def hold(session: Session, suggestion_id: str, reason: str) -> bool:
    """Keep it for a future meeting."""
    return _change(session, "Hold suggestion", suggestion_id,
                   lambda: session.tf.suggestions.hold(suggestion_id, reason))


def decline(session: Session, suggestion_id: str, reason: str) -> bool:
    return _change(session, "Decline suggestion", suggestion_id,
                   lambda: session.tf.suggestions.decline(suggestion_id, reason))


def reopen(session: Session, suggestion_id: str) -> bool:
    """Back to waiting for a meeting."""
    return _change(session, "Reopen suggestion", suggestion_id,
                   lambda: session.tf.suggestions.reopen(suggestion_id))
