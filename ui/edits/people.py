"""Edits of the people the body has known: someone added, changed, marked as
having left, merged into their other record, or deleted."""

from ..session import Session
from .command import create, delete, perform


def add_person(session: Session, body_id: str, person: dict, membership: dict,
               namesake_ok: bool = False) -> str | None:
    """Someone new, with their membership of the body; ``namesake_ok`` once the
    official has said a name already someone's is another person's."""
    people = session.tf.people
    return create(session, f"Add {person['name'] or person['role_title']}",
                  lambda: people.create(body_id, **person, **membership,
                                        namesake_ok=namesake_ok),
                  people.delete)


def edit_person(session: Session, current, new: tuple[dict, dict], old: tuple[dict, dict]) -> bool:
    """A person's details and their membership (``current``, a body's person),
    from ``old`` (person, membership) to ``new``, in one step."""
    people = session.tf.people
    person_id, membership_id = current.person.id, current.membership.id
    return perform(session, f"Edit {current.person.display_name}",
                   lambda: people.update_with_membership(person_id, membership_id, *new),
                   lambda: people.update_with_membership(person_id, membership_id, *old))


def mark_left(session: Session, current, on) -> bool:
    """The day a body's person left it."""
    people, membership_id = session.tf.people, current.membership.id
    return perform(session, f"Mark {current.person.display_name} as having left",
                   lambda: people.mark_left(membership_id, on),
                   lambda: people.update_membership(membership_id, left_on=None))


def merge(session: Session, duplicate, into) -> bool:
    """Someone recorded twice: the ``duplicate`` person's records become ``into``'s."""
    people = session.tf.people
    return delete(session, f"Merge {duplicate.display_name} into {into.display_name}",
                  lambda: people.merge(duplicate.id, into.id), people.undo_merge)


def delete_person(session: Session, person) -> bool:
    """Only someone entered by mistake, who appears in no record."""
    return delete(session, f"Delete {person.display_name}",
                  lambda: session.tf.people.delete(person.id))
