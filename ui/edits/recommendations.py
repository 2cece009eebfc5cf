"""Edits of reports and their recommendations: a report added, changed or
deleted; a recommendation added, changed or deleted; progress recorded on
one; an action, paper or meeting linked to it, or the link taken away."""

from ..session import Session
from .command import create, delete, perform, update


def add_report(session: Session, body_id: str, values: dict) -> str | None:
    reports = session.tf.reports
    return create(session, f"Add report {values['title']}",
                  lambda: reports.create(body_id, **values), reports.delete)


def edit_report(session: Session, report, values: dict) -> bool:
    return update(session, session.tf.reports, report.id, f"Edit {report.title}", **values)


def delete_report(session: Session, report) -> bool:
    return delete(session, f"Delete {report.title}",
                  lambda: session.tf.reports.delete(report.id))


def add_recommendation(session: Session, report_id: str, values: dict) -> str | None:
    recommendations = session.tf.recommendations
    return create(session, f"Add recommendation {values['number']}",
                  lambda: recommendations.create(report_id, **values), recommendations.delete)


def edit_recommendation(session: Session, recommendation, values: dict) -> bool:
    return update(session, session.tf.recommendations, recommendation.id,
                  f"Edit recommendation {recommendation.number}", **values)


def delete_recommendation(session: Session, recommendation) -> bool:
    return delete(session, f"Delete recommendation {recommendation.number}",
                  lambda: session.tf.recommendations.delete(recommendation.id))


def add_update(session: Session, recommendation, values: dict) -> bool:
    """Progress on a recommendation (``values``: text, on, rag, meeting_id); undo
    takes the update back and puts back the RAG status it had."""
    recommendations = session.tf.recommendations
    made: list[str] = []

    def apply():
        update_id, changes = recommendations.add_update(recommendation.id, **values)
        made[:] = [update_id]
        return changes
    return perform(session, f"Record progress on recommendation {recommendation.number}",
                   apply, lambda: recommendations.remove_update(made[0], recommendation.rag))


def link(session: Session, recommendation, target: dict) -> str | None:
    """An action, paper or meeting (``target``: its id, by kind) that touches it."""
    recommendations = session.tf.recommendations
    return create(session, f"Link recommendation {recommendation.number}",
                  lambda: recommendations.link(recommendation.id, **target),
                  recommendations.unlink)


def unlink(session: Session, recommendation, link_id: str) -> bool:
    return delete(session, f"Unlink from recommendation {recommendation.number}",
                  lambda: session.tf.recommendations.unlink(link_id))
