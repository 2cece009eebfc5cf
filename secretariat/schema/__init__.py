"""The schema, as migration sets (``storage.migrations``): one module per area.

Modules are named ``sNN_area.py`` and applied in that order, so an area's
tables may refer to those of an earlier area. Each module holds one
``migrations = Migrations("secretariat.area")``; migration names are never
renamed once released, because a file records the names it has seen and a
name we do not know means the file was written by a newer version.
"""

import importlib
import pkgutil
import zlib
from pathlib import Path

from ..storage.migrations import Migrations


def _module_names() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name[:1] == "s")


def migration_sets() -> list[Migrations]:
    return [importlib.import_module(f"{__name__}.{name}").migrations for name in _module_names()]


def known_migrations() -> set[tuple[str, str]]:
    return {(s.name, name) for s in migration_sets() for name in s.names}


def source_digest() -> int | None:
    """A checksum of the modules' names and source text as they are now; None
    where there is no source to read (a build that ships bytecode only)."""
    folder = Path(__file__).parent
    digest = 0
    try:
        for name in _module_names():
            digest = zlib.crc32(name.encode(), digest)
            digest = zlib.crc32((folder / f"{name}.py").read_bytes(), digest)
    except OSError:
        return None
    return digest


# The schema this program knows, taken before any of its modules is imported,
# so that it describes the steps this process applies: a file sealed up to
# date with the same digest opens without importing them (``storage.seal``).
DIGEST = source_digest()
