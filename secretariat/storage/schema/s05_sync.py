"""Which file this is, and the travel copies taken from it.

``file_identity`` holds one row made when the file is created: a UUID that
backups and travel copies carry with them, so a travel copy can only be
merged into the file it came from. ``travel_copies_taken`` (in the home file)
remembers each copy handed out; ``travel_origin`` (in the copy itself, one
row) says which home file and which copy it is.
"""

from ..migrations import Migrations

from .. import new_id, now_stamp

migrations = Migrations("secretariat.sync")

# Bookkeeping, not records: never exported, merged or diffed.
SYNC_TABLES = frozenset({"file_identity", "travel_copies_taken", "travel_origin"})


@migrations()
def m001_identity_and_travel_copies(db):
    db.executescript(
        """
        CREATE TABLE file_identity (
            id TEXT PRIMARY KEY,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE travel_copies_taken (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            merged_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE travel_origin (
            id TEXT PRIMARY KEY,
            home_identity TEXT NOT NULL,
            home_name TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )
    stamp = now_stamp()
    db.execute("INSERT INTO file_identity VALUES (?, ?, ?)", (new_id(), stamp, stamp))
