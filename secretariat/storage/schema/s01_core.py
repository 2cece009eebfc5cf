"""Bodies, people, their memberships, and meetings.

Every record has a UUID text key and created/updated times so that a travel
copy can be merged back record by record.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.core")


@migrations()
def m001_bodies_people_meetings(db):
    db.executescript(
        """
        CREATE TABLE bodies (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            short_name TEXT NOT NULL DEFAULT '',
            parent_department TEXT NOT NULL DEFAULT '',
            default_venue TEXT NOT NULL DEFAULT '',
            default_marking TEXT NOT NULL DEFAULT 'OFFICIAL'
                CHECK (default_marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
            parent_body_id TEXT REFERENCES bodies(id),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE people (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL DEFAULT '',
            role_title TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (trim(name) <> '' OR trim(role_title) <> '')
        );
        CREATE TABLE memberships (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id),
            person_id TEXT NOT NULL REFERENCES people(id),
            role TEXT NOT NULL
                CHECK (role IN ('chair', 'vice_chair', 'member', 'official', 'guest')),
            joined_on TEXT,
            left_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (body_id, person_id)
        );
        CREATE INDEX memberships_person ON memberships(person_id);
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id),
            date TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '',
            end_time TEXT NOT NULL DEFAULT '',
            venue TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'regular'
                CHECK (kind IN ('regular', 'away_afternoon', 'expert_witness', 'round_table')),
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'minutes_draft', 'circulated', 'approved')),
            marking TEXT NOT NULL DEFAULT 'OFFICIAL'
                CHECK (marking IN ('OFFICIAL', 'OFFICIAL-SENSITIVE')),
            title TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX meetings_body_date ON meetings(body_id, date);
        """
    )
