"""The record tables of a file, found from its schema, parents first.

Export, import and the merge of travel copies work over every table that
holds records, whoever added it: a table with a text ``id`` key and
``created_at``/``updated_at``. SQLite's own tables, full-text indexes and the
bookkeeping tables of ``schema.s05_sync`` are left out. The functions take a
sqlite3 or an APSW connection (both have ``execute(...).fetchall()``).

Names read from a file only reach SQL as bound values or through
``storage.connect.identifier``, and a file is only read once its schema is
known to be ours.
"""


from .frozen import record
from .storage.schema.s05_sync import SYNC_TABLES

_SKIPPED = {"_sqlite_migrations"} | SYNC_TABLES
# Written after every other table: a kept approval makes the file refuse any
# change to its meeting's records (schema s12), so it comes in last.
_LAST = ("approved_minutes",)
_STAMPS = {"id", "created_at", "updated_at"}


@record
class Reference:
    column: str
    table: str  # the table referred to (by its id)


@record
class Column:
    name: str
    required: bool  # NOT NULL without a default


@record
class RecordTable:
    name: str
    columns: tuple[Column, ...]
    references: tuple[Reference, ...]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _describe(conn, name: str) -> RecordTable | None:
    info = conn.execute("SELECT * FROM pragma_table_info(?)", (name,)).fetchall()
    # cid, name, type, notnull, default, pk
    names = {row[1] for row in info}
    keys = [row for row in info if row[5]]
    if not _STAMPS <= names or len(keys) != 1 or keys[0][1] != "id":
        return None
    columns = tuple(Column(row[1], bool(row[3]) and row[4] is None) for row in info)
    references = tuple(
        Reference(row[3], row[2])
        for row in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (name,)).fetchall())
    return RecordTable(name, columns, references)


def record_tables(conn) -> list[RecordTable]:
    """Every record table, each after the tables it refers to (where it can be)."""
    found = {}
    for (name, sql) in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall():
        if name in _SKIPPED or name.startswith("sqlite_") or "VIRTUAL" in (sql or "").upper()[:30]:
            continue
        table = _describe(conn, name)
        if table:
            found[name] = table
    ordered: list[RecordTable] = []
    placed: set[str] = set()
    waiting = list(found)  # creation order breaks ties, so the order is stable
    while waiting:
        ready = [n for n in waiting
                 if all(r.table in placed or r.table == n or r.table not in found
                        for r in found[n].references)]
        # Tables that refer to each other: take the earliest and carry on.
        for name in ready or waiting[:1]:
            ordered.append(found[name])
            placed.add(name)
            waiting.remove(name)
    return ([t for t in ordered if t.name not in _LAST]
            + [t for t in ordered if t.name in _LAST])
