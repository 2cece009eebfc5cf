"""Edits of the actions agreed at meetings: progress recorded on one (done,
carried forward, a note), and an action changed from its typed line."""

from secretariat.errors import UserFacingError
from secretariat.meeting.minutes import parse

from ..session import Session
from .command import perform


def add_update(session: Session, action_id: str, text: str, outcome: str = "note",
               meeting_id: str | None = None, on=None) -> bool:
    """Progress on an action; undo takes the update back and restores the status."""
    actions = session.tf.actions
    made: list[str] = []

    def apply():
        update_id, changes = actions.record_update(action_id, text, meeting_id=meeting_id,
                                                   on=on, outcome=outcome)
        made[:] = [update_id]
        return changes
    return perform(session, "Record progress on an action", apply,
                   lambda: actions.remove_update(made[0]))


def edit_action(session: Session, action_id: str, line: str) -> bool:
    """Change an action from one typed line "owner — what — when"."""
    actions = session.tf.actions
    try:
        parsed = parse(f"Action: {line}")[0]
    except UserFacingError as error:
        session.report(error)
        return False
    old = actions.get(action_id)
    before = dict(text=old.text, owners=[o.person_id or o.group_name for o in old.owners],
                  due=old.due_date or old.due_text)
    return perform(session, "Edit action",
                   lambda: actions.update(action_id, text=parsed.text,
                                          owners=list(parsed.owners), due=parsed.due),
                   lambda: actions.update(action_id, **before))


def action_line(action) -> str:
    """An action as typed (what ``edit_action`` reads): owners (";" between
    them) — what — when."""
    owners = "; ".join(o.label for o in action.owners)
    return " — ".join(p for p in (owners, action.text, action.due_label) if p)
