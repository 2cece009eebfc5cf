"""A person recorded twice can be merged even where the duplicate is on an
approved meeting's record.

Approved minutes print what was kept at approval, so moving the duplicate's
register entries, declarations, action ownerships, lead of an item or chair
to the person they really are changes nothing they say; but the triggers of
``s12_approved_final`` refuse any change to those rows. A merge is a recorded
step (``person_merges``: who was merged into whom, under what name), and the
triggers let through exactly what that record explains: a person column of
an approved meeting's row moved between the two, nothing else of the row
changed; a row of the duplicate's removed where both were on it (with the
items a presenter's entry names); and the same moves back when the merge is
undone (its record then goes too).
"""

from ..migrations import Migrations
from .s12_approved_final import (_ITEM_KEPT, _MEETING_KEPT, _action_meeting,
                                 _attendance_meeting, _locked, _refuse)

migrations = Migrations("secretariat.person_merges")

# The approved meeting's rows that name a person, with how to find the meeting.
_PEOPLE_COLUMNS = {
    "meetings": ("chair_person_id",),
    "agenda_items": ("lead_person_id",),
    "attendance": ("person_id", "deputising_for_id"),
    "action_owners": ("person_id",),
    "meeting_declarations": ("person_id",),
}
_MEETING_OF = {
    "attendance": lambda row: f"{row}.meeting_id",
    "action_owners": lambda row: _action_meeting(f"{row}.action_id"),
    "meeting_declarations": lambda row: f"{row}.meeting_id",
}


def _merge_between(a: str, b: str) -> str:
    return ("EXISTS (SELECT 1 FROM person_merges m WHERE (m.duplicate_id = "
            f"{a} AND m.into_id = {b}) OR (m.duplicate_id = {b} AND m.into_id = {a}))")


def _merged_away(person: str) -> str:
    return f"EXISTS (SELECT 1 FROM person_merges m WHERE m.duplicate_id = {person})"


def _only_a_merge(table: str, columns: list[str]) -> str:
    """The update moves person columns between merged people, and no more."""
    people = _PEOPLE_COLUMNS[table]
    same = [f"NEW.{c} IS OLD.{c}" for c in columns if c not in people and c != "updated_at"]
    moved = [f"(NEW.{c} IS OLD.{c} OR {_merge_between(f'OLD.{c}', f'NEW.{c}')})" for c in people]
    return "(" + " AND ".join(same + moved) + ")"


def _of_a_merged_person(table: str, row: str) -> str:
    return "(" + " OR ".join(_merged_away(f"{row}.{c}") for c in _PEOPLE_COLUMNS[table]) + ")"


def trigger_statements(columns: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(name, statement) for each trigger of ``s12`` given its allowance."""
    statements = [
        ("final_meetings_details", _refuse(
            "final_meetings_details", f"UPDATE OF {_MEETING_KEPT}", "meetings",
            f"{_locked('OLD.id')} AND NOT {_only_a_merge('meetings', columns['meetings'])}")),
        ("final_agenda_items_update", _refuse(
            "final_agenda_items_update", f"UPDATE OF {_ITEM_KEPT}", "agenda_items",
            f"({_locked('OLD.meeting_id')} OR {_locked('NEW.meeting_id')}) AND NOT "
            f"{_only_a_merge('agenda_items', columns['agenda_items'])}")),
    ]
    for table, meeting_of in _MEETING_OF.items():
        new, old = meeting_of("NEW"), meeting_of("OLD")
        statements += [
            (f"final_{table}_insert", _refuse(
                f"final_{table}_insert", "INSERT", table,
                f"{_locked(new)} AND NOT {_of_a_merged_person(table, 'NEW')}")),
            (f"final_{table}_update", _refuse(
                f"final_{table}_update", "UPDATE", table,
                f"({_locked(old)} OR {_locked(new)}) AND NOT "
                f"{_only_a_merge(table, columns[table])}")),
            (f"final_{table}_delete", _refuse(
                f"final_{table}_delete", "DELETE", table,
                f"{_locked(old)} AND NOT {_of_a_merged_person(table, 'OLD')}")),
        ]
    # A presenter's items go and come back with the duplicate's register entry.
    for event, row in (("INSERT", "NEW"), ("DELETE", "OLD")):
        name = f"final_attendance_items_{event.lower()}"
        statements.append((name, _refuse(
            name, event, "attendance_items",
            f"{_locked(_attendance_meeting(f'{row}.attendance_id'))} AND NOT EXISTS (SELECT 1 "
            "FROM attendance a JOIN person_merges m ON m.duplicate_id = a.person_id "
            f"WHERE a.id = {row}.attendance_id)")))
    return statements


@migrations()
def m001_person_merges(db):
    db.execute("""
        CREATE TABLE person_merges (
            id TEXT PRIMARY KEY,
            duplicate_id TEXT NOT NULL,
            into_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX person_merges_duplicate ON person_merges(duplicate_id)")
    columns = {table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
               for table in _PEOPLE_COLUMNS}
    for name, statement in trigger_statements(columns):
        db.execute(f"DROP TRIGGER {name}")
        db.execute(statement)
