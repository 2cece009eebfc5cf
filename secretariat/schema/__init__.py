"""The schema, as migration sets (``storage.migrations``): one module per area.

Modules are named ``sNN_area.py`` and applied in that order, so an area's
tables may refer to those of an earlier area. Each module holds one
``migrations = Migrations("secretariat.area")``; migration names are never
renamed once released, because a file records the names it has seen and a
name we do not know means the file was written by a newer version.
"""

import importlib
import pkgutil

from ..storage.migrations import Migrations


def migration_sets() -> list[Migrations]:
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "s")
    return [importlib.import_module(f"{__name__}.{name}").migrations for name in names]


def known_migrations() -> set[tuple[str, str]]:
    return {(s.name, name) for s in migration_sets() for name in s.names}
