"""The search index written at each commit, not from inside triggers.

A file someone sends may carry triggers and views of its own, so every
connection runs with ``trusted_schema`` off. SQLite releases before 3.44
then refuse any trigger that writes to an FTS5 table ("unsafe use of
virtual table"), which the triggers of s07/s10 did. From here on:

- the triggers on the records keep ``search_docs`` (a plain table) current,
  with the same rows and rowids as before;
- triggers on ``search_docs`` queue each change in ``search_pending``,
  a deleted or changed entry with the text the index holds for it;
- ``storage.search_queue.FLUSH`` brings the FTS index up to the queue, run
  by the write path (``Store.transaction``, a travel merge) before each commit.

As in s07, what is indexed (``SOURCES``) never changes without a new
migration, and the functions here build this migration's statements: they
are frozen with it, and the live code (``search``) uses them as they are.
"""

from ..migrations import Migrations

from . import s07_search
from .s07_search import COLUMNS, OPTIMIZE, SOURCES, Source

migrations = Migrations("secretariat.search_queue")

_DOC_COLUMNS = "doc_id, kind, record_id, meeting_id, body_id, title, body"
_FTS_COLUMNS = ", ".join(COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in COLUMNS)


def unindex_docs(where: str) -> str:
    return f"DELETE FROM search_docs WHERE {where};\n"


def reindex_docs(source: Source, record_where: str, doc_where: str) -> str:
    """Replace the entries of the rows of ``source`` that ``record_where`` picks
    (dropping first also covers INSERT OR REPLACE, which fires no delete trigger)."""
    return (unindex_docs(doc_where)
            + f"INSERT INTO search_docs({_DOC_COLUMNS}) {source.select(record_where, False)};\n")


# Where a record opens follows its meeting and body.
_MOVES = [
    "CREATE TRIGGER search_meetings_body AFTER UPDATE OF body_id ON meetings BEGIN\n"
    "UPDATE search_docs SET body_id = new.body_id WHERE meeting_id = new.id;\nEND",
    "CREATE TRIGGER search_agenda_items_meeting AFTER UPDATE OF meeting_id ON agenda_items "
    "BEGIN\nUPDATE search_docs SET meeting_id = new.meeting_id, "
    "body_id = (SELECT body_id FROM meetings WHERE id = new.meeting_id) "
    "WHERE record_id IN (SELECT id FROM minutes_entries WHERE item_id = new.id);\nEND",
]

# Each change to search_docs, queued: an entry gone or changed with the text
# the index holds for it (FTS5 can only remove an entry given that text).
_QUEUE = [
    "CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN\n"
    "INSERT INTO search_pending(doc_id) VALUES (new.doc_id);\nEND",
    "CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN\n"
    f"INSERT INTO search_pending(doc_id, indexed, {_FTS_COLUMNS}) "
    f"VALUES (old.doc_id, 1, {_OLD});\nEND",
    "CREATE TRIGGER search_docs_changed AFTER UPDATE ON search_docs BEGIN\n"
    f"INSERT INTO search_pending(doc_id, indexed, {_FTS_COLUMNS}) "
    f"VALUES (old.doc_id, 1, {_OLD});\n"
    "INSERT INTO search_pending(doc_id) VALUES (new.doc_id);\nEND",
]


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements for every trigger that keeps ``search_docs`` current."""
    return s07_search.record_triggers(reindex_docs, unindex_docs) + _MOVES


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {t.split()[2]}" for t in trigger_statements()]


def rebuild_statements(sources: tuple[Source, ...] = SOURCES) -> list[str]:
    """Fill the index afresh from the records of ``sources`` (``check --repair``)."""
    return (["DELETE FROM search_docs"]
            + [f"INSERT INTO search_docs({_DOC_COLUMNS}) {s.select('1', True)}"
               for s in sources]
            + ["INSERT INTO search(search) VALUES ('rebuild')", "DELETE FROM search_pending",
               OPTIMIZE])


@migrations()
def m001_queue(db):
    db.executescript(
        f"""
        {";".join(s07_search.drop_trigger_statements())};
        CREATE TABLE search_pending (
            seq INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL,
            indexed INTEGER NOT NULL DEFAULT 0,
            title TEXT, body TEXT, kind TEXT, record_id TEXT, meeting_id TEXT, body_id TEXT
        );
        CREATE INDEX search_pending_doc ON search_pending(doc_id, seq);
        {";".join(trigger_statements() + _QUEUE)};
        """
    )
