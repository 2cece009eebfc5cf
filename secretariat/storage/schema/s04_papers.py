"""Papers and their reviews, and the register of members' interests.

Interests are never deleted: an interest that has ended keeps its row with
the date it ended, so the register can be printed as it stood on any date.
Tags name the organisations and topics (the MIS and MSP among them) an agenda
item or a paper touches; a member's current interest matching a tag is a
conflict flag.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.papers")


@migrations()
def m001_papers_reviews_interests(db):
    db.executescript(
        """
        CREATE TABLE papers (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            short_name TEXT NOT NULL DEFAULT '',
            owner_person_id TEXT REFERENCES people(id),
            owner_text TEXT NOT NULL DEFAULT '',
            wave TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'drafting'
                CHECK (status IN ('drafting', 'out_for_review', 'revised', 'signed_off',
                                  'published', 'withdrawn')),
            review_deadline TEXT,
            document_path TEXT NOT NULL DEFAULT '',
            signed_off_by_id TEXT REFERENCES people(id),
            signed_off_on TEXT,
            sign_off_conditions TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX papers_body ON papers(body_id, wave);

        -- A paper goes to a meeting, perhaps under a named agenda item.
        CREATE TABLE paper_links (
            id TEXT PRIMARY KEY,
            paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX paper_links_paper ON paper_links(paper_id);
        CREATE INDEX paper_links_meeting ON paper_links(meeting_id);

        CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            person_id TEXT NOT NULL REFERENCES people(id),
            role TEXT NOT NULL CHECK (role IN ('technical', 'lay', 'other')),
            role_words TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'nominated'
                CHECK (status IN ('nominated', 'confirmed', 'comments_received', 'done',
                                  'withdrawn')),
            nominated_on TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (paper_id, person_id)
        );
        CREATE INDEX reviews_person ON reviews(person_id);

        CREATE TABLE suggested_reviewers (
            id TEXT PRIMARY KEY,
            paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            expertise TEXT NOT NULL DEFAULT '',
            contact TEXT NOT NULL DEFAULT '',
            suggested_by_id TEXT REFERENCES people(id),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX suggested_reviewers_paper ON suggested_reviewers(paper_id);

        CREATE TABLE interests (
            id TEXT PRIMARY KEY,
            person_id TEXT NOT NULL REFERENCES people(id),
            description TEXT NOT NULL CHECK (trim(description) <> ''),
            organisation TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL
                CHECK (kind IN ('employment', 'directorship', 'shareholding', 'membership',
                                'mis_msp', 'other')),
            concerns_mis_msp INTEGER NOT NULL DEFAULT 0 CHECK (concerns_mis_msp IN (0, 1)),
            declared_on TEXT NOT NULL,
            ended_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (ended_on IS NULL OR ended_on >= declared_on)
        );
        CREATE INDEX interests_person ON interests(person_id, declared_on);

        -- One row per form sent; a member may be sent a fresh form each year.
        CREATE TABLE declaration_forms (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            person_id TEXT NOT NULL REFERENCES people(id),
            sent_on TEXT NOT NULL,
            returned_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (returned_on IS NULL OR returned_on >= sent_on)
        );
        CREATE INDEX declaration_forms_body ON declaration_forms(body_id, person_id);

        -- What a member declared in the room, against the item concerned.
        CREATE TABLE meeting_declarations (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
            person_id TEXT NOT NULL REFERENCES people(id),
            interest_id TEXT REFERENCES interests(id),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX meeting_declarations_meeting ON meeting_declarations(meeting_id);

        CREATE TABLE tags (
            id TEXT PRIMARY KEY,
            paper_id TEXT REFERENCES papers(id) ON DELETE CASCADE,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('organisation', 'topic')),
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((paper_id IS NULL) <> (agenda_item_id IS NULL))
        );
        CREATE INDEX tags_paper ON tags(paper_id);
        CREATE INDEX tags_item ON tags(agenda_item_id);
        """
    )
