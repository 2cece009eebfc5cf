"""Finding an action's owner by name or role title in one step.

``people.person_or_words`` reads each owner (or addressee) an official types
against the body's people, case aside. Without these indexes every action written
compared the owner with every person of the file (at 2,000 people, most of
the time of writing 50,000 actions).
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.owner_lookup")


@migrations()
def m001_people_by_lower_name(db):
    db.executescript("""
        CREATE INDEX IF NOT EXISTS people_lower_name ON people(lower(name));
        CREATE INDEX IF NOT EXISTS people_lower_role_title ON people(lower(role_title));
    """)
