"""Dropping an item from a meeting's agenda, and the undo of it: one step.

The item leaves the minutes, so the actions still open under it are closed as
dropped at its meeting (an action no minutes record would stay open in the log
with no one to answer for it); undone, the item has its status back and the
actions are open again.
"""

from ..changes import Changes
from ..frozen import record
from ..taskforce import Taskforce


@record
class Dropped:
    """What undoing a drop needs."""

    item_id: str
    status_before: str
    updates: tuple[str, ...]  # the actions' "dropped with its item" updates


def drop_item(tf: Taskforce, item_id: str) -> tuple[Changes, Dropped]:
    item = tf.agenda.get(item_id)
    with tf.store.transaction():
        changes = tf.agenda.update(item_id, status="dropped")
        updates, more = tf.actions.drop_with_item(item_id, item.meeting_id)
    return changes | more, Dropped(item_id, item.status, tuple(updates))


def undo_drop(tf: Taskforce, dropped: Dropped) -> Changes:
    with tf.store.transaction():
        changes = tf.agenda.update(dropped.item_id, status=dropped.status_before)
        for update_id in reversed(dropped.updates):
            changes = changes | tf.actions.remove_update(update_id)
    return changes
