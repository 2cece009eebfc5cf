"""Indexes for the action log of large files: its cost follows the body's log,
not the size of the file.

- Each action's status beside its meeting: the log and the open actions
  counted by owner go from a body's meetings (``meetings_body_date``) to their
  actions, and pass over those a status filter leaves out (most of a long log
  is done) without reading their rows. The meeting comes first, so the
  planner still starts from the body's meetings.
- Agenda items by meeting, then id, with what the log sorts by: an action's
  item (and its parent) belong to the action's meeting, so the log finds them
  among that meeting's items, which lie together in this index. Found by id
  alone, a body's items are spread over an index that grows with the file.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.action_log")


@migrations()
def m001_actions_meeting_status(db):
    db.executescript("""
        CREATE INDEX IF NOT EXISTS actions_meeting_status ON actions(meeting_id, status);
    """)


@migrations()
def m002_agenda_items_in_meeting(db):
    db.executescript("""
        CREATE INDEX IF NOT EXISTS agenda_items_in_meeting
            ON agenda_items(meeting_id, id, parent_id, position);
    """)
