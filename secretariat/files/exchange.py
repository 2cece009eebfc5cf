"""Export everything to JSON and import it into a new or empty file.

The format is described in docs/export-format.md. It is generic over the
record tables (found from the schema, parents first), so a table another area
adds is exported without a change here. Import checks the whole document
against an in-memory file of the current schema before it touches the target,
so bad input writes nothing and is named in one line: what, and where.
"""

import contextlib
import datetime as dt
import io
import json
import sqlite3
import textwrap
from pathlib import Path
from typing import IO, Iterator

from .. import fields
from ..errors import FieldError, FileProblem, ValidationError
from ..frozen import record
from ..membership.people import unmarked_namesakes
from ..progress import BATCH, Progress, ignore
from ..record_tables import RecordTable, record_tables
from ..storage import schema
from ..storage import Store, places
from ..storage.backups import verify_whole
from ..storage.connect import identifier
from ..storage.opening import real_path
from .output_files import private_output

FORMAT = "taskforce-secretariat"
VERSION = 1


class BadExportError(ValidationError):
    """The document cannot be imported; nothing was written."""


def export_json(store: Store, progress: Progress = ignore) -> str:
    """The whole file as JSON text (the same file always gives the same text)."""
    out = io.StringIO()
    _write_export(store, out, progress)
    return out.getvalue()


def export_file(store: Store, target, progress: Progress = ignore) -> Path:
    """Write the export to ``target``, readable by its owner only, in full or not at
    all (``output_files``): an error or ``Cancelled`` leaves no partial file."""
    with private_output(target, text=True) as out:
        _write_export(store, out, progress)
    return Path(target).absolute()


def _write_export(store: Store, out: IO[str], progress: Progress) -> None:
    """The text json.dumps(indent=2) would give, written a page of rows at a time
    from one read transaction (so the tables agree with each other)."""
    conn = store.conn
    with _reading(conn):
        tables = record_tables(conn)
        total = sum(conn.execute(f"SELECT count(*) FROM {identifier(t.name)}").fetchone()[0]
                    for t in tables)
        done = 0
        progress(done, total)
        out.write(f'{{\n  "format": {json.dumps(FORMAT)},\n  "version": {VERSION},\n  "tables": {{')
        for number, table in enumerate(tables):
            columns = ", ".join(map(identifier, table.column_names))
            cursor = conn.execute(
                f"SELECT {columns} FROM {identifier(table.name)} ORDER BY created_at, id")
            out.write(("," if number else "") + f"\n    {json.dumps(table.name)}: [")
            first = True
            while page := cursor.fetchmany(BATCH):
                for row in page:
                    text = json.dumps(dict(zip(table.column_names, row, strict=True)),
                                      ensure_ascii=False, indent=2)
                    out.write(("\n" if first else ",\n") + textwrap.indent(text, " " * 6))
                    first = False
                done += len(page)
                progress(done, total)
            out.write("]" if first else "\n    ]")
        out.write("\n  }\n}\n" if tables else "}\n}\n")


@contextlib.contextmanager
def _reading(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, unless the caller already has one open."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


@record
class ImportSummary:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def import_json(text: str, target, source_name: str = "the export") -> ImportSummary:
    """Read an export into ``target`` (a new or empty taskforce file)."""
    try:
        document = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise BadExportError(f"{source_name} is not valid JSON (line {error.lineno}, "
                             f"column {error.colno}: {error.msg}).") from None
    except RecursionError:
        raise BadExportError(f"{source_name} is nested too deeply to be an export.") from None
    except ValueError:  # Python's own limit on the digits of a number
        raise BadExportError(f"{source_name} holds a number too long to be read.") from None
    except _Bad as bad:
        raise BadExportError(f"{source_name}: {bad}") from None
    try:
        rows = _check_document(document)
        with contextlib.closing(_empty_schema()) as trial:
            _write(trial, rows)
    except _Bad as bad:
        raise BadExportError(f"{source_name}: {bad}") from None
    target = real_path(target)
    if target.exists() and target.stat().st_size:
        _fill(target, rows)  # an empty taskforce file: filled in one transaction, or not
    else:  # built whole beside it and placed last (over an empty file)
        with places.building(target, replace=target.exists(), check=verify_whole) as building:
            _fill(building, rows, keep_backups=False)
    return ImportSummary({name: len(found) for (name, _), found in rows.items() if found})


def _fill(path: Path, rows, keep_backups: bool = True) -> None:
    with Store.open(path, create=True, keep_backups=keep_backups) as store:
        if any(store.scalar(f"SELECT count(*) FROM {identifier(t.name)}")
               for t in record_tables(store.conn)):
            raise FileProblem(f"{path.name} already holds records; import into a new or "
                              "empty file.", path)
        with store.transaction() as db:
            _write(db.conn, rows)
    path.chmod(0o600)  # readable by its owner only, like every file the program makes


class _Bad(Exception):
    """A problem in the document, with where it is."""


def _no_constant(name: str):
    raise _Bad(f"{name} is not allowed: an export's numbers are finite")


_LARGEST = 2 ** 63  # SQLite's integers are 64-bit

def _empty_schema() -> sqlite3.Connection:
    return schema.replay(schema.snapshot()["migrations"])


def _check_document(document) -> dict[tuple[str, RecordTable], list[tuple[int, dict]]]:
    """Every row, checked for shape, dates and references, keyed by table."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _Bad(f"not a Taskforce Secretariat export (\"format\" should be \"{FORMAT}\")")
    if "version" not in document:
        raise _Bad("missing field \"version\"")
    if document["version"] != VERSION:
        raise _Bad(f"export format version {document['version']!r} is not supported "
                   f"(this program reads version {VERSION})")
    given = document.get("tables")
    if not isinstance(given, dict):
        raise _Bad("missing field \"tables\" (an object of tables)")
    with contextlib.closing(_empty_schema()) as conn:
        tables = record_tables(conn)
    known = {t.name for t in tables}
    for name in given:
        if name not in known:
            raise _Bad(f"tables.{name}: unknown table")
    rows = {}
    ids: dict[str, set] = {}
    for table in tables:
        listed = given.get(table.name, [])
        if not isinstance(listed, list):
            raise _Bad(f"tables.{table.name}: should be a list of records")
        rows[(table.name, table)] = [(i, _check_row(table, i, row)) for i, row in enumerate(listed)]
        ids[table.name] = set()
        for i, row in rows[(table.name, table)]:
            if row["id"] in ids[table.name]:
                raise _Bad(f"tables.{table.name}[{i}].id: {row['id']!r} appears twice")
            ids[table.name].add(row["id"])
    people = [row | {"index": i} for (name, _), found in rows.items() if name == "people"
              for i, row in found]
    for group in unmarked_namesakes(people):
        first, second = (row["index"] for row in group[:2])
        raise _Bad(f"tables.people[{second}].name: {group[1]['name']!r} is also the name of "
                   f"tables.people[{first}]; if they are two people, mark the second with "
                   '"namesake_ok": 1, else keep one record')
    for (name, table), found in rows.items():
        for i, row in found:
            for ref in table.references:
                value = row.get(ref.column)
                if value is not None and value not in ids.get(ref.table, ()):
                    raise _Bad(f"tables.{name}[{i}].{ref.column}: refers to {ref.table} record "
                               f"{value!r}, which is not in the export")
    return rows


def _check_row(table: RecordTable, index: int, row) -> dict:
    where = f"tables.{table.name}[{index}]"
    if not isinstance(row, dict):
        raise _Bad(f"{where}: should be an object")
    names = set(table.column_names)
    for key in row:
        if key not in names:
            raise _Bad(f"{where}: unknown field {key!r}")
    for column in table.columns:
        if column.required and row.get(column.name) is None:
            raise _Bad(f"{where}: missing field {column.name!r}")
    for key, value in row.items():
        if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
            raise _Bad(f"{where}.{key}: should be text, a number or null")
        _check_value(f"{where}.{key}", key, value)
    if not isinstance(row["id"], str) or not row["id"].strip():
        raise _Bad(f"{where}.id: should be non-empty text")
    checked = {}
    for key, value in row.items():  # as the program checks every value it writes
        try:
            checked[key] = fields.check(table.name, key, value)
        except ValidationError as error:
            raise _Bad(f"{where}.{key}: {error}") from None
    try:
        fields.check_record(table.name, checked)
    except FieldError as error:
        raise _Bad(f"{where}.{error.field}: {error}") from None
    return checked


def _check_value(where: str, column: str, value) -> None:
    if value is None or value == "":
        return
    if isinstance(value, int) and not -_LARGEST <= value < _LARGEST:
        raise _Bad(f"{where}: {value} is too large a number")
    if column == "date" or column.endswith(("_on", "_date")):
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            dt.date.fromisoformat(value)
        except ValueError:
            raise _Bad(f"{where}: {value!r} is not a date written as 2011-05-26") from None
    elif column.endswith("_at"):
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            raise _Bad(f"{where}: {value!r} is not a date and time "
                       "written as 2011-05-26T15:30:00+00:00") from None


def _write(conn: sqlite3.Connection, rows) -> None:
    """Insert every row, parents first; references are checked at the end."""
    conn.execute("PRAGMA foreign_keys = ON")
    if not conn.in_transaction:
        conn.execute("BEGIN")
    conn.execute("PRAGMA defer_foreign_keys = ON")
    for (name, _), found in rows.items():
        for i, row in found:
            columns = ", ".join(map(identifier, row))
            marks = ", ".join("?" for _ in row)
            try:
                conn.execute(f"INSERT INTO {identifier(name)} ({columns}) VALUES ({marks})",
                             tuple(row.values()))
            except sqlite3.IntegrityError as error:
                raise _Bad(f"tables.{name}[{i}]: breaks a rule of the file ({error})") from None
