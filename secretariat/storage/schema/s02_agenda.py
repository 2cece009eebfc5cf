"""Agendas, standing items, suggested items, and the register of attendance."""

from ..migrations import Migrations

migrations = Migrations("secretariat.agenda")


@migrations()
def m001_agenda_and_register(db):
    db.executescript(
        """
        ALTER TABLE meetings ADD COLUMN chair_person_id TEXT REFERENCES people(id);
        ALTER TABLE meetings ADD COLUMN agenda_status TEXT NOT NULL DEFAULT 'draft'
            CHECK (agenda_status IN ('draft', 'circulated', 'agreed'));

        CREATE TABLE agenda_items (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            parent_id TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            purpose TEXT NOT NULL DEFAULT ''
                CHECK (purpose IN ('', 'decision', 'discussion', 'information')),
            lead_person_id TEXT REFERENCES people(id),
            lead_text TEXT NOT NULL DEFAULT '',
            minutes_allocated INTEGER NOT NULL DEFAULT 0 CHECK (minutes_allocated >= 0),
            standing_kind TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'taken', 'deferred', 'dropped')),
            carried_from_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            restricted INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, parent_id, position);
        CREATE INDEX agenda_items_carried ON agenda_items(carried_from_id);

        CREATE TABLE standing_items (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            purpose TEXT NOT NULL DEFAULT ''
                CHECK (purpose IN ('', 'decision', 'discussion', 'information')),
            standing_kind TEXT NOT NULL DEFAULT '',
            minutes_allocated INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE agenda_suggestions (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            suggested_by_id TEXT REFERENCES people(id),
            suggested_on TEXT NOT NULL,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            details TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT 'pending'
                CHECK (outcome IN ('pending', 'placed', 'held', 'declined')),
            placed_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        CREATE TABLE attendance (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            person_id TEXT NOT NULL REFERENCES people(id),
            status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent')),
            capacity TEXT NOT NULL DEFAULT 'member'
                CHECK (capacity IN ('member', 'official', 'guest', 'presenter')),
            deputising_for_id TEXT REFERENCES people(id),
            arrived_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            left_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (meeting_id, person_id)
        );
        CREATE INDEX attendance_person ON attendance(person_id);

        CREATE TABLE attendance_items (
            id TEXT PRIMARY KEY,
            attendance_id TEXT NOT NULL REFERENCES attendance(id) ON DELETE CASCADE,
            item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (attendance_id, item_id)
        );
        """
    )
