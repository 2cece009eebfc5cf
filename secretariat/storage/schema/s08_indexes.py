"""Indexes for the action log on large files.

The log is filtered, sorted and paged by SQLite (``secretariat.meeting.actions``):
for a body it walks ``meetings_body_date`` and ``actions_meeting``, already
there (an index on status alone tempts the planner away from them). This
covers what is left: the updates reported at a meeting (matters arising, and
a meeting's deletion setting them to NULL).
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.indexes")


@migrations()
def m001_action_log(db):
    db.executescript("""
        CREATE INDEX IF NOT EXISTS action_updates_meeting ON action_updates(meeting_id);
    """)
