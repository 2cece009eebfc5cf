"""What a calendar program needs to follow a meeting once it is invited to it.

- ``meetings.calendar_sequence``: the SEQUENCE of the meeting's event (RFC
  5545 3.8.7.4). A calendar that holds the invitation takes a later one for
  the same meeting (the same UID) as a change only if its number is higher:
  it rises by one when the date, a time or the venue changes after the
  invitation went out, and when the meeting is cancelled.
- ``meetings.invited_on``: when the invitation was last made, empty before.
- ``meetings.cancelled_on``: when the meeting was called off; empty while it
  stands. A column rather than another status: the status (planned, held,
  minutes…) is held by a CHECK of ``s01``, which SQLite can change only by
  rebuilding the table with every trigger on it.
- ``bodies.secretariat_email``: the secretariat's own address, the invitation's
  organiser, to whom the replies go.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.calendar_sequence")


def _date(column: str) -> str:
    # ('+0 days' makes SQLite carry an impossible day over: 2012-02-30 is not a date)
    return f"CHECK ({column} IS NULL OR {column} IS date({column}, '+0 days'))"


@migrations()
def m001_sequence_invited_cancelled(db):
    db.executescript(f"""
        ALTER TABLE meetings ADD COLUMN calendar_sequence INTEGER NOT NULL DEFAULT 0
            CHECK (typeof(calendar_sequence) = 'integer' AND calendar_sequence >= 0);
        ALTER TABLE meetings ADD COLUMN invited_on TEXT {_date('invited_on')};
        ALTER TABLE meetings ADD COLUMN cancelled_on TEXT {_date('cancelled_on')};
        ALTER TABLE bodies ADD COLUMN secretariat_email TEXT NOT NULL DEFAULT '';
    """)
