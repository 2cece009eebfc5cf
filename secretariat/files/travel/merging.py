"""Merging a travel copy back: refusing what cannot be merged before anything is
read, locking both files, finding what the copy changed since its snapshot, and
the home file's backup before it is written."""

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Mapping

import apsw

from ... import fields
from ...errors import FileProblem, ValidationError, visible
from ...progress import Progress, ignore, part
from ...record_tables import record_tables
from ...storage import Store
from ...storage.backups import create_private_file, take_backup, verify
from ...storage.connect import apsw_connection, identifier, sqlite
from .applying import Application
from .apsw_files import identity_of, locked, migrations_of, open_apsw
from .copies import snapshot_path
from .records import Incoming, MergeReport, Side, label_of, record_name


def merge(home_path, travel_path, choices: Mapping[tuple[str, str], Side] | None = None,
          progress: Progress = ignore) -> MergeReport:
    """Merge the travel copy into the home file; both must be closed.

    When records were changed on both sides and ``choices`` does not settle
    every one, nothing is written and the report lists the conflicts; call
    again with a side for each ``Conflict.key``. ``Cancelled`` raised by
    ``progress`` leaves the home file as it was.
    """
    home_path, travel_path = _check_paths(home_path, travel_path)
    with locked(home_path), locked(travel_path):
        for path in (home_path, travel_path):  # before anything of theirs is read
            Store.inspect(path)
        return _merge(home_path, travel_path, dict(choices or {}), progress)


def check_merge(home: Store, travel_path) -> Path:
    """Refuse now, with the home file still open here, what ``merge`` would refuse
    before reading a record: the travel copy open in a program, not a travel copy
    of this file, its starting point gone, saved by another version; and so on.
    The window closes its file for the merge only once this has passed. The
    travel copy's path."""
    home_path, travel_path = _check_paths(home.path, travel_path)
    with locked(travel_path):
        Store.inspect(travel_path)
        travel = open_apsw(travel_path, apsw.SQLITE_OPEN_READONLY)
        try:
            _check_origin(travel, travel_path, home_path, identity_of(home.conn),
                          migrations_of(home.conn))
        finally:
            travel.close()
    return travel_path


def _check_paths(home_path, travel_path) -> tuple[Path, Path]:
    home_path, travel_path = Path(home_path).absolute(), Path(travel_path).absolute()
    if home_path == travel_path:
        raise FileProblem("Choose a travel copy, not the home file itself.", travel_path)
    for path in (home_path, travel_path):
        if not path.is_file():
            raise FileProblem(f"There is no file at {path.name}.", path)
    if not (os.access(home_path, os.W_OK) and os.access(home_path.parent, os.W_OK)):
        raise FileProblem(f"{home_path.name} is read-only, so nothing can be merged into it.",
                          home_path)
    return home_path, travel_path


def _merge(home_path: Path, travel_path: Path, choices: dict, progress: Progress) -> MergeReport:
    with _travel_changes(home_path, travel_path, part(progress, 0, 0.2)) as found:
        travel, copy_id, changeset = found
        if not changeset:
            return MergeReport(merged=True)
        trial = Application(home_path, travel, changeset, choices)
        trial.run(commit=False, progress=part(progress, 0.2, 0.5))
        if trial.unsettled:
            return MergeReport(merged=False, conflicts=trial.unsettled)
        backup = _back_up_home(home_path)
        final = Application(home_path, travel, changeset, choices, copy_id=copy_id)
        final.run(commit=True, progress=part(progress, 0.6, 1))
        travel.execute("DETACH DATABASE snap")
        _advance_snapshot(travel, snapshot_path(home_path, copy_id))
        return MergeReport(merged=True, incoming=final.incoming, chosen=final.chosen,
                           chosen_labels=final.chosen_labels, skipped=final.skipped,
                           to_look_at=_namesakes_now(home_path, final.incoming),
                           backup_path=backup)


def _namesakes_now(home_path: Path, incoming: list[Incoming]) -> list[str]:
    """Names a person who came in now shares with someone at home, unmarked:
    perhaps one person added on both sides."""
    from ...membership.people import unmarked_namesakes

    came = {i.record_id for i in incoming if i.table == "people"}
    if not came:
        return []
    conn = sqlite(f"file:{home_path}?mode=ro", uri=True)
    try:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("SELECT id, name, namesake_ok FROM people")]
    finally:
        conn.close()
    return [f"{len(group)} people are now called {group[0]['name']}: if one person was added "
            "at home and away, merge them (People > Merge Into…); if not, say they are "
            "different people (edit one and answer Yes)."
            for group in unmarked_namesakes(rows) if came & {row["id"] for row in group}]


@contextlib.contextmanager
def _travel_changes(home_path: Path, travel_path: Path, progress: Progress):
    """The open travel copy (snapshot attached as ``snap``), its copy id and changeset."""
    travel = open_apsw(travel_path)
    try:
        home_conn = open_apsw(home_path, apsw.SQLITE_OPEN_READONLY)
        try:
            home_identity, home_versions = identity_of(home_conn), migrations_of(home_conn)
        except apsw.Error:
            raise FileProblem(f"{home_path.name} is not a taskforce file.", home_path) from None
        finally:
            home_conn.close()
        copy_id = _check_origin(travel, travel_path, home_path, home_identity, home_versions)
        snapshot = snapshot_path(home_path, copy_id)
        travel.execute("ATTACH DATABASE ? AS snap", (f"{snapshot.as_uri()}?mode=ro",))
        session = apsw.Session(travel, "main")
        tables = record_tables(travel)
        for number, table in enumerate(tables):
            progress(number, len(tables))
            session.attach(table.name)
            session.diff("snap", table.name)
        changeset = session.changeset()
        session.close()
        _check_incoming(travel, travel_path, changeset, {t.name: t for t in tables})
        yield travel, copy_id, changeset
    finally:
        travel.close()


def _check_origin(travel, travel_path: Path, home_path: Path, home_identity: str,
                  home_versions: set) -> str:
    """The copy id of a travel copy of the home file, from the same version, whose
    starting point is still there; refused otherwise."""
    try:
        origin = travel.execute("SELECT id, home_identity, home_name FROM travel_origin").fetchone()
    except apsw.Error:
        origin = None
    if origin is None:
        raise FileProblem(f"{travel_path.name} is not a travel copy.", travel_path)
    copy_id, identity, home_name = origin
    if identity != home_identity:
        raise FileProblem(f"{travel_path.name} is a travel copy of another file ({home_name}), "
                          f"not of {home_path.name}.", travel_path)
    snapshot = snapshot_path(home_path, copy_id)
    if not verify(snapshot):
        raise FileProblem(
            f"The starting point of {travel_path.name} is missing or damaged in "
            f"{snapshot.parent.name}, so it cannot be merged safely. Nothing was changed.",
            travel_path)
    if migrations_of(travel) != home_versions:
        raise FileProblem(f"{travel_path.name} and {home_path.name} were saved by different "
                          "versions of Taskforce Secretariat; open both in this version first.",
                          travel_path)
    return copy_id


def _check_incoming(travel, travel_path: Path, changeset: bytes, tables: dict) -> None:
    """Every value the copy would bring, checked as the program checks what it
    writes; a refusal names the record and its field, as an import does."""
    for change in apsw.Changeset.iter(changeset):
        if change.new is None:  # a deletion
            continue
        names = tables[change.name].column_names
        for column, value in zip(names, change.new, strict=True):
            if value is apsw.no_change:
                continue
            try:
                fields.check(change.name, column, value)
            except ValidationError as error:
                record = _named(travel, change, names)
                raise FileProblem(f"{travel_path.name} cannot be merged: {record} it holds is "
                                  f"refused ({change.name}.{column}): {error} Nothing was "
                                  "merged.", travel_path) from None


def _named(travel, change, names: list[str]) -> str:
    """'the person Ed Mayo': a changed record of the copy, in words."""
    at = names.index("id")
    record_id = change.new[at] if change.new[at] is not apsw.no_change else change.old[at]
    cursor = travel.execute(f"SELECT * FROM main.{identifier(change.name)} WHERE id = ?",
                            (record_id,))
    found = cursor.fetchone()
    row = dict(zip([d[0] for d in cursor.getdescription()], found, strict=True)) if found else {}
    label = label_of(row)
    return (f"the {record_name(change.name)} {visible(label)}" if label
            else f"a {record_name(change.name)}")


def _back_up_home(home_path: Path) -> Path:
    with contextlib.closing(sqlite(home_path)) as conn:
        try:
            return take_backup(conn, home_path, "before-merge").path
        except (OSError, sqlite3.Error) as error:
            raise FileProblem(f"{home_path.name} could not be backed up before the merge, so "
                              f"nothing was merged ({error}).", home_path) from error


def _advance_snapshot(travel: apsw.Connection, snapshot: Path) -> None:
    """The merged state becomes the new starting point (replaced atomically)."""
    fresh = snapshot.with_suffix(".new")
    fresh.unlink(missing_ok=True)
    create_private_file(fresh)
    dest = apsw_connection(str(fresh), apsw.SQLITE_OPEN_READWRITE | apsw.SQLITE_OPEN_CREATE)
    try:
        with dest.backup("main", travel, "main") as step:
            step.step()
        dest.execute("PRAGMA journal_mode = DELETE")
    finally:
        dest.close()
    os.replace(fresh, snapshot)
