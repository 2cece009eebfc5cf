"""One person, one record: two people of the same name are the same person
unless the official has said otherwise.

``namesake_ok`` marks a person known to be someone else than another of the
same name (ignoring case, accents and spacing: ``fields.same_name``): the
window asks before adding one, an import refuses two unmarked, and
``check`` lists any it finds.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.namesakes")


@migrations()
def m001_namesake_mark(db):
    db.executescript(
        """
        ALTER TABLE people ADD COLUMN namesake_ok INTEGER NOT NULL DEFAULT 0;
        """
    )
