"""The search index's queue (schema s11), applied: the SQL that brings the
FTS index up to the changes queued in ``search_pending``.

Triggers keep ``search_docs`` current and queue each change; SQLite before
3.44 will not let a trigger write to an FTS5 table once the schema is
distrusted, so the write path runs this itself, before each commit
(``Store.transaction``, a travel merge), and on opening a file another
program wrote to.
"""

_FTS_COLUMNS = "title, body, kind, record_id, meeting_id, body_id"

# The queue, applied: an entry the index held before the first change queued
# for it is removed with that text; every queued entry still in search_docs
# is indexed as it is now. Whatever happened in between, the index ends
# as search_docs is.
FLUSH = (
    f"INSERT INTO search(search, rowid, {_FTS_COLUMNS}) "
    f"SELECT 'delete', doc_id, {_FTS_COLUMNS} FROM search_pending p "
    "WHERE indexed AND seq = (SELECT min(seq) FROM search_pending q WHERE q.doc_id = p.doc_id)",
    f"INSERT INTO search(rowid, {_FTS_COLUMNS}) SELECT doc_id, {_FTS_COLUMNS} FROM search_docs "
    "WHERE doc_id IN (SELECT doc_id FROM search_pending)",
    "DELETE FROM search_pending",
)
PENDING = "SELECT EXISTS (SELECT 1 FROM search_pending)"
