"""Every connection to a file is made here, treating the file's schema as data.

A file may come from someone else, with triggers, views or column defaults
of its own. ``trusted_schema`` off keeps them from calling any function
that is not harmless (our own ``casefold`` included) or any virtual table;
defensive mode, where the driver offers it, keeps SQL from rewriting the
schema or the FTS index's own tables behind SQLite's back. What the schema
may hold at all is checked against ours when a file is opened
(``known_schema``).
"""

import sqlite3
import sys


def sqlite(target, *, uri: bool = False, **options) -> sqlite3.Connection:
    """A sqlite3 connection to ``target`` (a path, a ``file:`` URI or ":memory:")."""
    conn = sqlite3.connect(target, uri=uri, **options)
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        if sys.version_info >= (3, 12):
            conn.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    except BaseException:
        conn.close()
        raise
    return conn


def sqlite_utils_over(conn: sqlite3.Connection):
    """sqlite-utils over one of our connections; imported when first needed (it
    costs a noticeable part of start-up)."""
    from sqlite_utils import Database

    return Database(conn, execute_plugins=False)


def identifier(name: str) -> str:
    """A table or column name quoted for SQL, whatever characters it holds."""
    return '"' + name.replace('"', '""') + '"'


def apsw_connection(path: str, flags: int):
    """An APSW connection (its own SQLite, for the session extension), made the same way."""
    import apsw

    conn = apsw.Connection(path, flags=flags)
    try:
        conn.config(apsw.SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0)
        conn.config(apsw.SQLITE_DBCONFIG_DEFENSIVE, 1)
    except BaseException:
        conn.close()
        raise
    return conn
