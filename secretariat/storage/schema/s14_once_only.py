"""What may appear only once, the file holds to: an owner once per action, a
tag once per paper or item.

(A person is on a meeting's register once, a member of a body once, and a
reviewer of a paper once already: s01, s02, s04.) Duplicates an earlier
version let in (a travel merge could add a second owner row for the same
person) are removed first, the earliest kept; for a meeting whose minutes
are approved, past the guard of s12 for the while.
"""

from ..migrations import Migrations
from . import s12_approved_final

migrations = Migrations("secretariat.once_only")

_OWNER_GUARD = "final_action_owners_delete"


@migrations()
def m001_owners_and_tags_once(db):
    guard = next(t for t in s12_approved_final.trigger_statements()
                 if t.split()[2] == _OWNER_GUARD)
    db.executescript(
        f"""
        DROP TRIGGER {_OWNER_GUARD};
        DELETE FROM action_owners WHERE person_id IS NOT NULL AND rowid NOT IN (
            SELECT min(rowid) FROM action_owners WHERE person_id IS NOT NULL
            GROUP BY action_id, person_id);
        DELETE FROM action_owners WHERE person_id IS NULL AND rowid NOT IN (
            SELECT min(rowid) FROM action_owners WHERE person_id IS NULL
            GROUP BY action_id, lower(trim(group_name)));
        {guard};
        DELETE FROM tags WHERE rowid NOT IN (
            SELECT min(rowid) FROM tags GROUP BY paper_id, agenda_item_id, kind, lower(name));
        CREATE UNIQUE INDEX action_owners_person_once ON action_owners(action_id, person_id)
            WHERE person_id IS NOT NULL;
        CREATE UNIQUE INDEX action_owners_group_once
            ON action_owners(action_id, lower(trim(group_name))) WHERE person_id IS NULL;
        CREATE UNIQUE INDEX tags_paper_once ON tags(paper_id, kind, lower(name))
            WHERE paper_id IS NOT NULL;
        CREATE UNIQUE INDEX tags_item_once ON tags(agenda_item_id, kind, lower(name))
            WHERE agenda_item_id IS NOT NULL;
        """
    )
