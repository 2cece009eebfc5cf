"""Edits of papers and their reviews: a paper added, changed, signed off, sent
to a meeting, tagged or deleted; a reviewer nominated or suggested from
outside, and a review's status."""

from ..session import Session
from .command import create, delete, perform, update


def add_paper(session: Session, body_id: str, values: dict) -> str | None:
    papers = session.tf.papers
    return create(session, f"Add paper {values['short_name'] or values['title']}",
                  lambda: papers.create(body_id, **values), papers.delete)


def edit_paper(session: Session, paper, values: dict) -> bool:
    return update(session, session.tf.papers, paper.id, f"Edit {paper.label}", **values)


def sign_off(session: Session, paper, values: dict) -> bool:
    """Who signed the paper off, when and how; undo puts back its status too."""
    papers = session.tf.papers
    old = dict(signed_off_by_id=paper.signed_off_by_id, signed_off_on=paper.signed_off_on,
               sign_off_conditions=paper.sign_off_conditions, status=paper.status)
    return perform(session, f"Sign off {paper.label}",
                   lambda: papers.sign_off(paper.id, **values),
                   lambda: papers.update(paper.id, **old))


def send_to_meeting(session: Session, paper, values: dict) -> str | None:
    """The paper to a meeting (``values``: the meeting, perhaps an item of it)."""
    papers = session.tf.papers
    return create(session, f"Send {paper.label} to a meeting",
                  lambda: papers.link(paper.id, **values), papers.unlink)


def tag_paper(session: Session, paper, name: str) -> str | None:
    """An organisation or topic the paper touches, for conflicts of interest."""
    tags = session.tf.papers.tags
    return create(session, f"Tag {paper.label}", lambda: tags.add(name, paper_id=paper.id),
                  tags.remove)


def delete_paper(session: Session, paper) -> bool:
    return delete(session, f"Delete {paper.label}", lambda: session.tf.papers.delete(paper.id))


def nominate(session: Session, paper, values: dict) -> str | None:
    """A member volunteering to review the paper."""
    reviews = session.tf.reviews
    return create(session, f"Nominate a reviewer for {paper.label}",
                  lambda: reviews.nominate(paper.id, **values), reviews.delete)


def set_review_status(session: Session, review_id: str, status: str) -> bool:
    return update(session, session.tf.reviews, review_id, "Change review status",
                  status=status)


def suggest_reviewer(session: Session, paper, values: dict) -> str | None:
    """An expert from outside the body."""
    reviews = session.tf.reviews
    return create(session, f"Suggest {values['name']}",
                  lambda: reviews.suggest(paper.id, **values), reviews.remove_suggestion)
