"""Minutes: points and decisions under each agenda item, actions with their
owners and progress updates, and how far each meeting's minutes have got."""

from ..migrations import Migrations

migrations = Migrations("secretariat.minutes")


@migrations()
def m001_minutes_and_actions(db):
    db.executescript(
        """
        CREATE TABLE minutes_entries (
            id TEXT PRIMARY KEY,
            item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
            parent_id TEXT REFERENCES minutes_entries(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('point', 'decision')),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX minutes_entries_item ON minutes_entries(item_id, parent_id, position);

        CREATE TABLE actions (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            position INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            due_date TEXT,
            due_text TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX actions_meeting ON actions(meeting_id, item_id, position);

        -- An owner is a person (a member, or an official known by role) or a
        -- group named in words ("all members", "Chair and officials").
        CREATE TABLE action_owners (
            id TEXT PRIMARY KEY,
            action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id TEXT REFERENCES people(id),
            group_name TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((person_id IS NULL) <> (trim(group_name) = ''))
        );
        CREATE INDEX action_owners_action ON action_owners(action_id, position);
        CREATE INDEX action_owners_person ON action_owners(person_id);

        -- Progress on an action, dated, and recorded against the meeting where
        -- it was reported (none when reported between meetings).
        CREATE TABLE action_updates (
            id TEXT PRIMARY KEY,
            action_id TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
            made_on TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT 'note'
                CHECK (outcome IN ('note', 'carried_forward', 'done', 'dropped', 'reopened')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX action_updates_action ON action_updates(action_id, made_on);

        -- The state itself is meetings.status (minutes_draft -> circulated ->
        -- approved); this holds when they were circulated and where approved,
        -- by a decision recorded there. Approved minutes are locked.
        CREATE TABLE minutes_lifecycle (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
            circulated_on TEXT,
            approved_at_meeting_id TEXT REFERENCES meetings(id),
            approval_entry_id TEXT REFERENCES minutes_entries(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );

        -- A change to approved minutes, agreed at a later meeting.
        CREATE TABLE minutes_corrections (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            made_at_meeting_id TEXT NOT NULL REFERENCES meetings(id),
            decision_entry_id TEXT REFERENCES minutes_entries(id) ON DELETE SET NULL,
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )
