"""Edits of the register of members' interests: an interest declared, changed
or ended; declaration forms sent and returned; declarations made at a meeting;
agenda items tagged with what they touch."""

import datetime as dt

from secretariat.changes import Changes

from ..session import Session
from .command import create, delete, perform, update


def declare(session: Session, person, values: dict) -> str | None:
    """A new interest of ``person``."""
    interests = session.tf.interests
    return create(session, f"Declare an interest of {person.display_name}",
                  lambda: interests.declare(person.id, **values), interests.take_back)


def edit_interest(session: Session, interest_id: str, values: dict) -> bool:
    return update(session, session.tf.interests, interest_id, "Edit an interest", **values)


def end_interest(session: Session, interest_id: str, on) -> bool:
    """The day the interest ended; it stays in the history."""
    return update(session, session.tf.interests, interest_id, "Record an interest as ended",
                  ended_on=on)


def send_forms(session: Session, body_id: str, day: dt.date, person_ids: list[str]) -> bool:
    """A declaration form sent on ``day`` to each of these members."""
    interests = session.tf.interests
    sent: list[str] = []

    def apply() -> Changes:
        ids, changes = interests.send_forms(body_id, day, person_ids)
        sent[:] = ids
        return changes

    return perform(session, "Send declaration forms", apply,
                   lambda: interests.take_back_forms(sent)[0])


def form_returned(session: Session, entry, on) -> bool:
    """The day the form of a member of the register (``entry``) came back."""
    interests, form_id = session.tf.interests, entry.form.id
    return perform(session, f"Form returned by {entry.person.display_name}",
                   lambda: interests.mark_returned(form_id, on),
                   lambda: interests.mark_returned(form_id, ""))


def record_declaration(session: Session, values: dict) -> str | None:
    """A declaration made in the room, for that meeting's minutes."""
    interests = session.tf.interests
    return create(session, "Record a declaration at a meeting",
                  lambda: interests.declare_at_meeting(**values),
                  interests.remove_meeting_declaration)


def remove_declaration(session: Session, declaration_id: str) -> bool:
    """Only for a declaration recorded by mistake."""
    return delete(session, "Remove a declaration",
                  lambda: session.tf.interests.remove_meeting_declaration(declaration_id))


def tag_item(session: Session, values: dict) -> str | None:
    """An organisation or topic an agenda item touches, so interests are checked."""
    tags = session.tf.papers.tags
    return create(session, "Tag an agenda item", lambda: tags.add(**values), tags.remove)


def remove_tag(session: Session, tag_id: str) -> bool:
    return delete(session, "Remove a tag", lambda: session.tf.papers.tags.remove(tag_id))
