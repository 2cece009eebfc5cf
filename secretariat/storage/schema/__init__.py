"""The schema, as migration sets (``storage.migrations``): one module per area.

Modules are named ``sNN_area.py`` and applied in that order, so an area's
tables may refer to those of an earlier area. Each module holds one
``migrations = Migrations("secretariat.area")``; migration names are never
renamed once released, because a file records the names it has seen and a
name we do not know means the file was written by a newer version.
"""

import functools
import importlib
import json
import pkgutil
import sqlite3
from pathlib import Path

from ..migrations import Migrations, ensure_table

# The schema the migrations below make, as a file holds it (``snapshot``):
# opening a file compares its schema with this without importing them.
# Written by ``python -m secretariat.storage.schema``; a test keeps it current.
SNAPSHOT = Path(__file__).with_name("current.json")


def _module_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "s")


def migration_sets() -> list[Migrations]:
    return [importlib.import_module(f"{__name__}.{name}").migrations for name in _module_names()]


def replay(recorded) -> sqlite3.Connection:
    """A new database in memory with exactly the steps ``recorded`` ((set, name)
    pairs), applied in that order: the schema a file that records them has.
    A step this program does not know raises KeyError."""
    from ..connect import sqlite, sqlite_utils_over

    steps = {(s.name, step.name): step for s in migration_sets() for step in s.steps}
    conn = sqlite(":memory:")
    db = sqlite_utils_over(conn)
    ensure_table(conn)
    for key in recorded:
        with db.atomic():
            steps[tuple(key)].fn(db)
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES (?, ?, '')", tuple(key))
    return conn


def build_snapshot() -> dict:
    """What every step applied to a new file makes: the steps, and the schema's objects."""
    steps = [[s.name, step.name] for s in migration_sets() for step in s.steps]
    conn = replay(steps)
    try:
        objects = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                               "ORDER BY type, name").fetchall()
    finally:
        conn.close()
    return {"migrations": steps, "objects": [list(o) for o in objects]}


@functools.cache
def snapshot() -> dict:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def known_migrations() -> set[tuple[str, str]]:
    return {tuple(step) for step in snapshot()["migrations"]}
