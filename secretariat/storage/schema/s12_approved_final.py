"""Approved minutes are final, in the file itself.

When a meeting's minutes are approved, what they say is kept as approved
(``approved_minutes``: the document, and its version for publication, as
JSON), and from then on triggers refuse any insert, update or delete that
would change that meeting's record: its details, agenda (with the papers
sent to it), register, minutes points and decisions, the actions agreed
there (their later progress and status stay free), the updates reported
there and the declarations made there. No path through the program, an import or a travel merge gets round
them. Corrections are made at a later meeting (``minutes_corrections``).

Taking an approval back is a recorded step: a ``minutes_reopenings`` row
newer than the approval must exist before its ``approved_minutes`` row can
go; the row itself never changes.
"""

from ...errors import APPROVED_MINUTES_ARE_FINAL as LOCKED
from ..migrations import Migrations

migrations = Migrations("secretariat.approved_final")


def _locked(meeting: str) -> str:
    return f"EXISTS (SELECT 1 FROM approved_minutes WHERE meeting_id = {meeting})"


def _item_meeting(item: str) -> str:
    return f"(SELECT meeting_id FROM agenda_items WHERE id = {item})"


def _action_meeting(action: str) -> str:
    return f"(SELECT meeting_id FROM actions WHERE id = {action})"


def _attendance_meeting(attendance: str) -> str:
    return f"(SELECT meeting_id FROM attendance WHERE id = {attendance})"


def _refuse(name: str, event: str, table: str, when: str) -> str:
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {when} "
            f"BEGIN SELECT RAISE(ABORT, '{LOCKED}'); END")


def _whole_rows(table: str, meeting_of) -> list[str]:
    """Every insert, update and delete of the table's rows for a locked meeting."""
    new, old = meeting_of("NEW"), meeting_of("OLD")
    return [
        _refuse(f"final_{table}_insert", "INSERT", table, _locked(new)),
        _refuse(f"final_{table}_update", "UPDATE", table, f"{_locked(old)} OR {_locked(new)}"),
        _refuse(f"final_{table}_delete", "DELETE", table, _locked(old)),
    ]


# What the printed minutes show of a meeting and of an action agreed at it.
_MEETING_KEPT = ("body_id, date, start_time, end_time, venue, kind, marking, title, "
                 "chair_person_id, agenda_status")
_ITEM_KEPT = ("meeting_id, parent_id, position, title, purpose, lead_person_id, lead_text, "
              "minutes_allocated, standing_kind, status, carried_from_id, restricted")
_ACTION_PRINTED = "meeting_id, item_id, position, text, due_date, due_text"


def trigger_statements() -> list[str]:
    return [
        _refuse("final_meetings_details", f"UPDATE OF {_MEETING_KEPT}", "meetings",
                _locked("OLD.id")),
        _refuse("final_meetings_status", "UPDATE OF status", "meetings",
                f"{_locked('OLD.id')} AND NEW.status <> 'approved'"),
        _refuse("final_meetings_delete", "DELETE", "meetings", _locked("OLD.id")),
        _refuse("final_agenda_items_insert", "INSERT", "agenda_items",
                _locked("NEW.meeting_id")),
        _refuse("final_agenda_items_update", f"UPDATE OF {_ITEM_KEPT}", "agenda_items",
                f"{_locked('OLD.meeting_id')} OR {_locked('NEW.meeting_id')}"),
        _refuse("final_agenda_items_delete", "DELETE", "agenda_items",
                _locked("OLD.meeting_id")),
        *_whole_rows("attendance", lambda row: f"{row}.meeting_id"),
        *_whole_rows("attendance_items", lambda row: _attendance_meeting(f"{row}.attendance_id")),
        *_whole_rows("minutes_entries", lambda row: _item_meeting(f"{row}.item_id")),
        *_whole_rows("meeting_declarations", lambda row: f"{row}.meeting_id"),
        *_whole_rows("paper_links", lambda row: f"{row}.meeting_id"),
        *_whole_rows("action_owners", lambda row: _action_meeting(f"{row}.action_id")),
        *_whole_rows("action_updates", lambda row: f"{row}.meeting_id"),
        _refuse("final_actions_insert", "INSERT", "actions", _locked("NEW.meeting_id")),
        _refuse("final_actions_update", f"UPDATE OF {_ACTION_PRINTED}", "actions",
                f"{_locked('OLD.meeting_id')} OR {_locked('NEW.meeting_id')}"),
        _refuse("final_actions_delete", "DELETE", "actions", _locked("OLD.meeting_id")),
        _refuse("final_approved_minutes_update", "UPDATE", "approved_minutes", "1"),
        _refuse("final_approved_minutes_delete", "DELETE", "approved_minutes",
                "NOT EXISTS (SELECT 1 FROM minutes_reopenings r WHERE r.meeting_id = "
                "OLD.meeting_id AND r.created_at >= OLD.created_at)"),
    ]


@migrations()
def m001_approved_minutes_kept(db):
    db.executescript(
        f"""
        CREATE TABLE approved_minutes (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL UNIQUE REFERENCES meetings(id) ON DELETE CASCADE,
            document TEXT NOT NULL,
            publication TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE minutes_reopenings (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
            reason TEXT NOT NULL CHECK (trim(reason) <> ''),
            reopened_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX minutes_reopenings_meeting ON minutes_reopenings(meeting_id);
        {";".join(trigger_statements())};
        """
    )
