"""The full-text index: agenda items, minutes points and decisions, actions,
papers, people and interests, kept current by triggers.

Design: an external-content FTS5 table. ``search_docs`` holds, per record,
the text as indexed with its kind and where it opens (meeting, body); its
integer rowid is the FTS rowid, so VACUUM and backups keep the two in step,
and its unique ``record_id`` lets a trigger find the entry to drop. The FTS
table ``search`` reads its columns from ``search_docs`` (for snippets) and
holds only the index. Neither looks like a record table (no ``id`` key), so
exports, imports and travel-copy merges leave them alone; the triggers
re-create their rows wherever records are written.

Schema s10 re-creates the FTS table with prefix indexes and ``body_id``
indexed; the triggers here serve both. Every trigger writes through
``reindex_sql``/``unindex_sql``/``_moved`` below. What is indexed is part
of the schema: a change to ``SOURCES`` must come as a new migration that
drops and re-creates the triggers and rebuilds the index.
"""


from ...frozen import record
from ..migrations import Migrations

migrations = Migrations("secretariat.search")

COLUMNS = ("title", "body", "kind", "record_id", "meeting_id", "body_id")

# Each kind's entries take their rowids from a block of their own, in the
# order they were made: a search can then ask FTS5 for one kind's newest
# matches by rowid range, without reading any entry it does not return.
TOKENIZER = "porter unicode61 remove_diacritics 2"  # "mutuals" finds "mutual"; "cafe", "café"
KIND_CODES = {"agenda_item": 1, "point": 2, "decision": 3, "action": 4, "paper": 5,
              "person": 6, "interest": 7}
BLOCK = 1 << 40


def kind_range(kind: str, codes: dict[str, int] = KIND_CODES) -> tuple[int, int]:
    """The rowids (first, last + 1) of a kind's entries (``codes``: a later step's)."""
    return codes[kind] * BLOCK, (codes[kind] + 1) * BLOCK


def _block(kind: str) -> str:
    """The first rowid of the block of the kind ``kind`` (an SQL expression) names."""
    cases = " ".join(f"WHEN '{k}' THEN {code}" for k, code in KIND_CODES.items())
    return f"(CASE {kind} {cases} END * {BLOCK})"


@record
class Source:
    """How one table's rows become index entries; expressions use alias ``r``."""

    table: str
    kind: str
    title: str
    body: str
    meeting_id: str = "NULL"
    body_id: str = "NULL"
    watched: tuple[str, ...] = ()  # columns whose change re-indexes the row
    code: int = 0  # the block of a kind indexed from a later step on (s20); else KIND_CODES

    def select(self, where: str, fresh: bool) -> str:
        """Entries for the rows ``where`` picks, each with the next rowid of its block.

        ``fresh``: the index is empty (a rebuild), so rowids count up from
        the block's start in the order the records were made.
        """
        block = f"({self.code * BLOCK})" if self.code else _block(self.kind)
        if fresh:
            doc_id = f"{block} + row_number() OVER (ORDER BY r.created_at, r.rowid)"
        else:
            doc_id = (f"(SELECT coalesce(max(doc_id), {block}) + 1 FROM search_docs "
                      f"WHERE doc_id >= {block} AND doc_id < {block} + {BLOCK})")
        values = ", ".join((doc_id, self.kind, "r.id", self.meeting_id, self.body_id,
                            self.title, self.body))
        return f"SELECT {values} FROM {self.table} r WHERE {where}"


def _joined(*expressions: str) -> str:
    return " || ' ' || ".join(f"coalesce({e}, '')" for e in expressions)


_MEETING_BODY = "(SELECT body_id FROM meetings WHERE id = r.meeting_id)"

SOURCES = (
    Source("agenda_items", "'agenda_item'", "r.title", _joined("r.lead_text"),
           "r.meeting_id", _MEETING_BODY, ("title", "lead_text", "meeting_id")),
    Source("minutes_entries", "r.kind", "''", "r.text",
           "(SELECT meeting_id FROM agenda_items WHERE id = r.item_id)",
           "(SELECT m.body_id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id"
           " WHERE i.id = r.item_id)", ("text", "kind", "item_id")),
    Source("actions", "'action'", "r.text",
           _joined("r.due_text",
                   "(SELECT group_concat(u.text, ' ') FROM action_updates u"
                   " WHERE u.action_id = r.id)"),
           "r.meeting_id", _MEETING_BODY, ("text", "due_text", "meeting_id")),
    Source("papers", "'paper'", "r.title",
           _joined("r.short_name", "r.owner_text", "r.notes", "r.sign_off_conditions"),
           "NULL", "r.body_id",
           ("title", "short_name", "owner_text", "notes", "sign_off_conditions", "body_id")),
    Source("people", "'person'", "coalesce(nullif(trim(r.name), ''), r.role_title)",
           _joined("r.role_title", "r.organisation", "r.email", "r.notes"),
           watched=("name", "role_title", "organisation", "email", "notes")),
    Source("interests", "'interest'", "r.description", _joined("r.organisation", "r.notes"),
           watched=("description", "organisation", "notes")),
)

_DOC_COLUMNS = "doc_id, kind, record_id, meeting_id, body_id, title, body"
_FTS_COLUMNS = ", ".join(COLUMNS)


def unindex_sql(where: str) -> str:
    """Drop the entries of the records ``where`` (a condition on ``record_id``) picks."""
    return (f"INSERT INTO search(search, rowid, {_FTS_COLUMNS}) "
            f"SELECT 'delete', rowid, {_FTS_COLUMNS} FROM search_docs WHERE {where};\n"
            f"DELETE FROM search_docs WHERE {where};\n")


def reindex_sql(source: Source, record_where: str, doc_where: str) -> str:
    """Replace the entries of the rows of ``source`` that ``record_where`` picks.

    ``doc_where`` picks the same records in ``search_docs``. Dropping first
    also covers INSERT OR REPLACE, which deletes without firing triggers.
    """
    return (unindex_sql(doc_where)
            + f"INSERT INTO search_docs({_DOC_COLUMNS}) {source.select(record_where, False)};\n"
            + f"INSERT INTO search(rowid, {_FTS_COLUMNS}) "
              f"SELECT rowid, {_FTS_COLUMNS} FROM search_docs WHERE {doc_where};\n")


def _triggers(source: Source, reindex, unindex) -> list[str]:
    own = reindex(source, "r.id = new.id", "record_id = new.id")
    name, watched = f"search_{source.table}", ", ".join(source.watched)
    return [
        f"CREATE TRIGGER {name}_insert AFTER INSERT ON {source.table} BEGIN\n{own}END",
        f"CREATE TRIGGER {name}_update AFTER UPDATE OF {watched} ON {source.table} BEGIN\n"
        f"{own}END",
        f"CREATE TRIGGER {name}_delete AFTER DELETE ON {source.table} BEGIN\n"
        f"{unindex('record_id = old.id')}END",
    ]


def _progress_triggers(reindex) -> list[str]:
    """An action's progress updates are searched as part of the action."""
    actions = next(s for s in SOURCES if s.table == "actions")
    return [f"CREATE TRIGGER search_action_updates_{event.lower()} AFTER {event} "
            f"ON action_updates BEGIN\n"
            f"{reindex(actions, f'r.id = {row}.action_id', f'record_id = {row}.action_id')}END"
            for event, row in (("INSERT", "new"), ("UPDATE", "new"), ("DELETE", "old"))]


def _moved(where: str, values: str) -> str:
    """Set ``values`` on the entries ``where`` picks, index included (body_id is
    indexed from s10 on, so the search can keep to one body)."""
    return (f"INSERT INTO search(search, rowid, {_FTS_COLUMNS}) "
            f"SELECT 'delete', rowid, {_FTS_COLUMNS} FROM search_docs WHERE {where};\n"
            f"UPDATE search_docs SET {values} WHERE {where};\n"
            f"INSERT INTO search(rowid, {_FTS_COLUMNS}) "
            f"SELECT rowid, {_FTS_COLUMNS} FROM search_docs WHERE {where};\n")


# Where a record opens follows its meeting and body.
_MOVES = [
    "CREATE TRIGGER search_meetings_body AFTER UPDATE OF body_id ON meetings BEGIN\n"
    + _moved("meeting_id = new.id", "body_id = new.body_id") + "END",
    "CREATE TRIGGER search_agenda_items_meeting AFTER UPDATE OF meeting_id ON agenda_items "
    "BEGIN\n"
    + _moved("record_id IN (SELECT id FROM minutes_entries WHERE item_id = new.id)",
             "meeting_id = new.meeting_id, "
             "body_id = (SELECT body_id FROM meetings WHERE id = new.meeting_id)") + "END",
]


def record_triggers(reindex=reindex_sql, unindex=unindex_sql) -> list[str]:
    """CREATE TRIGGER statements re-indexing each record as it changes, through
    ``reindex(source, record_where, doc_where)`` and ``unindex(where)``
    (schema s11 gives its own)."""
    return ([t for s in SOURCES for t in _triggers(s, reindex, unindex)]
            + _progress_triggers(reindex))


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements for every trigger that keeps the index current."""
    return record_triggers() + _MOVES


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {t.split()[2]}" for t in trigger_statements()]


# One segment, not a dozen: a query then seeks in one list per word, not in each.
OPTIMIZE = "INSERT INTO search(search) VALUES ('optimize')"


def rebuild_statements() -> list[str]:
    """Fill the index afresh from the records (``check --repair``)."""
    return (["DELETE FROM search_docs"]
            + [f"INSERT INTO search_docs({_DOC_COLUMNS}) {s.select('1', True)}"
               for s in SOURCES]
            + ["INSERT INTO search(search) VALUES ('rebuild')", OPTIMIZE])


@migrations()
def m001_search_index(db):
    db.executescript(
        f"""
        CREATE TABLE search_docs (
            doc_id INTEGER PRIMARY KEY,
            record_id TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL,
            meeting_id TEXT,
            body_id TEXT,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX search_docs_meeting ON search_docs(meeting_id);
        CREATE VIRTUAL TABLE search USING fts5(
            {COLUMNS[0]}, {COLUMNS[1]}, kind UNINDEXED, record_id UNINDEXED,
            meeting_id UNINDEXED, body_id UNINDEXED,
            content = 'search_docs', content_rowid = 'doc_id',
            tokenize = '{TOKENIZER}', prefix = '3'
        );
        {";".join(trigger_statements() + rebuild_statements())};
        """
    )
