"""When each action is due by, kept by the file, so the action log sorted by
it reads its first screen off an index however long the log grows.

An action is due by its date or, for "by the next meeting", the date of its
body's first meeting after the one that agreed it. Computed in the query,
SQLite sorted every open action to show the first hundred (13 ms of a 32 ms
first screen at 100 × the sample).

``action_due_by`` holds one row an action: its body and due-by date (empty
when it has neither a date nor a next meeting), indexed in the log's order.
It is bookkeeping, not a record (no ``created_at``): never exported, merged
or diffed, and triggers keep it current whatever path writes the actions or
meetings (the program, an import, a travel merge, undo). A new, moved or
deleted meeting changes the due-by of the actions agreed at its body's
meetings since the one before it, and of its own.
"""

from ..migrations import Migrations

migrations = Migrations("secretariat.action_due_by")

_NEXT_MEETING = """(SELECT min(n.date) FROM meetings n
                    WHERE n.body_id = m.body_id AND n.date > m.date)"""
_DUE_BY = (f"coalesce(a.due_date, CASE WHEN a.due_text LIKE '%next meeting%' "
           f"THEN {_NEXT_MEETING} END)")


def _refresh(where: str) -> str:
    """Set the due-by of the actions ``where`` says (over ``actions a JOIN meetings m``)."""
    return (f"INSERT OR REPLACE INTO action_due_by (action_id, body_id, due_by) "
            f"SELECT a.id, m.body_id, {_DUE_BY} "
            f"FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE {where};")


def _since_previous(row: str) -> str:
    """The meetings of ``row``'s body from the one before it (the others') up
    to it: those whose next meeting it is, was or becomes."""
    return (f"(m.body_id = {row}.body_id AND m.date < {row}.date AND m.date >= coalesce(("
            f"SELECT max(p.date) FROM meetings p WHERE p.body_id = {row}.body_id "
            f"AND p.date < {row}.date AND p.id <> {row}.id), ''))")


# What ``check`` counts and ``check --repair`` mends: actions whose kept due-by
# is missing or not what their date and their body's meetings make it.
STALE = (f"SELECT count(*) FROM actions a JOIN meetings m ON m.id = a.meeting_id "
         f"LEFT JOIN action_due_by d ON d.action_id = a.id "
         f"WHERE d.action_id IS NULL OR d.body_id IS NOT m.body_id OR d.due_by IS NOT {_DUE_BY}")
REFRESH = _refresh("1")


def _trigger(name: str, when: str, table: str, body: str) -> str:
    return f"CREATE TRIGGER {name} AFTER {when} ON {table} BEGIN {body} END"


def trigger_statements() -> list[str]:
    return [
        _trigger("due_by_action_insert", "INSERT", "actions", _refresh("a.id = NEW.id")),
        _trigger("due_by_action_update", "UPDATE OF meeting_id, due_date, due_text",
                 "actions", _refresh("a.id = NEW.id")),
        _trigger("due_by_action_delete", "DELETE", "actions",
                 "DELETE FROM action_due_by WHERE action_id = OLD.id;"),
        # (its own actions too: a merge may bring them in before it)
        _trigger("due_by_meeting_insert", "INSERT", "meetings",
                 _refresh(f"m.id = NEW.id OR {_since_previous('NEW')}")),
        _trigger("due_by_meeting_update", "UPDATE OF body_id, date", "meetings",
                 _refresh(f"m.id = NEW.id OR {_since_previous('NEW')} "
                          f"OR {_since_previous('OLD')}")),
        _trigger("due_by_meeting_delete", "DELETE", "meetings",
                 _refresh(_since_previous("OLD"))),
    ]


@migrations()
def m001_action_due_by(db):
    db.executescript(f"""
        CREATE TABLE action_due_by (
            action_id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL,
            due_by TEXT
        ) WITHOUT ROWID;
        CREATE INDEX action_due_by_order ON action_due_by(body_id, due_by IS NULL, due_by);
        {REFRESH}
        {";".join(trigger_statements())};
    """)
