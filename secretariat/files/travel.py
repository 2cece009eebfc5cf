"""Travel copies: take one away, merge it back without losing anyone's work.

Taking a copy writes two identical backups: the travel copy itself (marked
with the home file's identity and a copy id) and the snapshot it starts from,
kept in the home file's backups folder. Merging asks SQLite's session
extension (through APSW) for the changeset that turns the snapshot into the
travel copy, and applies it to the home file: one-sided edits, additions and
deletions go straight in; SQLite reports a record changed on both sides as a
conflict, which the official settles by choosing a side. Afterwards the
snapshot moves up to the travel copy, so merging it again brings nothing.

APSW carries its own copy of SQLite. The same file must never be open
through both libraries at once (their POSIX locks would not see each other),
so ``merge`` takes paths of closed files and holds the application's own
instance locks on both while it works. It reports its progress, and can be
stopped (``Cancelled``) at any point before the home file's single commit.
"""

import contextlib
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal, Mapping

import apsw

from .. import fields
from ..errors import DiskFullError, FileProblem, UserFacingError, ValidationError, disk_full
from ..frozen import record
from ..progress import Progress, ignore, part
from ..record_tables import RecordTable, record_tables
from ..storage import Store, new_id, now_stamp
from ..storage.backups import backup_dir_for, create_private_file, take_backup, verify, write_copy
from ..storage.connect import apsw_connection, identifier, sqlite
from ..storage.lock import InstanceLock
from ..storage.search_queue import FLUSH
from ..storage.targets import check_target
from ..values import long_date, parse_date

Side = Literal["home", "travel"]
_LABEL_COLUMNS = ("name", "title", "text", "role_title", "date")
_MAX_REPAIR_ROUNDS = 20
_REPORT_EVERY = 200  # records labelled between two reports of progress


@record
class TravelCopy:
    path: Path
    copy_id: str
    taken_at: str


@record
class Conflict:
    """A record changed on both sides since the copy was taken.

    ``home``/``travel`` are the whole record on each side (None where that
    side deleted it); the official chooses one with ``key``.
    """

    table: str
    record_id: str
    home: dict | None
    travel: dict | None
    # What the records it refers to are called (a person's name…), by their ids.
    names: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.table, self.record_id)

    @property
    def differing(self) -> list[str]:
        """The fields that differ, for showing side by side."""
        if self.home is None or self.travel is None:
            return list((self.home or self.travel or {}).keys())
        return [k for k in self.home if self.home[k] != self.travel.get(k) and k != "updated_at"]


Arrival = Literal["added", "changed", "deleted", "restored"]  # how a record came in


@record
class Incoming:
    """One record that came in from the travel copy."""

    what: Arrival
    table: str
    record_id: str
    label: str


@dataclass
class MergeReport:
    merged: bool
    incoming: list[Incoming] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    chosen: dict[tuple[str, str], Side] = field(default_factory=dict)
    chosen_labels: dict[tuple[str, str], str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    to_look_at: list[str] = field(default_factory=list)  # merged, but worth a look
    backup_path: Path | None = None

    def summary(self) -> str:
        if not self.merged:
            return f"{len(self.conflicts)} records were changed on both sides; choose which to keep."
        if not self.incoming and not self.chosen:
            if self.skipped:
                return "Nothing was merged: what the travel copy holds was not taken (below)."
            return "Nothing new came in: the home file already has everything in this travel copy."
        counts = {what: sum(1 for i in self.incoming if i.what == what)
                  for what in ("added", "changed", "deleted", "restored")}
        parts = [f"{n} {what}" for what, n in counts.items() if n]
        if self.chosen:
            parts.append(f"{len(self.chosen)} settled by your choice")
        return "Merged: " + ", ".join(parts) + "."


# What one record of each table is called, for reports of a merge.
_RECORD_NAMES = {
    "bodies": "body", "people": "person", "memberships": "membership", "meetings": "meeting",
    "agenda_items": "agenda item", "attendance": "register entry",
    "attendance_items": "presenter's item", "agenda_suggestions": "suggested item",
    "standing_items": "standing item", "minutes_entries": "minutes entry",
    "minutes_lifecycle": "minutes approval record", "minutes_corrections": "minutes correction",
    "actions": "action", "action_owners": "action owner", "action_updates": "action update",
    "papers": "paper", "paper_links": "paper's meeting", "reviews": "review",
    "suggested_reviewers": "suggested reviewer", "interests": "interest",
    "declaration_forms": "declaration form", "meeting_declarations": "declaration at a meeting",
    "tags": "tag", "person_merges": "merge of two people's records",
}


def record_name(table: str) -> str:
    """What a record of ``table`` is called: 'person' for people."""
    return _RECORD_NAMES.get(table, table.replace("_", " "))


def label_of(row: dict) -> str:
    """A few words naming a record (its name, title, text…), or empty."""
    for column in _LABEL_COLUMNS:
        if str(row.get(column) or "").strip():
            text = " ".join(str(row[column]).split())
            return text if len(text) <= 60 else text[:59] + "…"
    return ""


# -- taking a copy -------------------------------------------------------------


def snapshot_path(home_path: Path, copy_id: str) -> Path:
    return backup_dir_for(home_path) / f"travel-{copy_id}.snapshot"


def take_travel_copy(store: Store, destination, progress: Progress = ignore) -> TravelCopy:
    """Write a travel copy of the open file to ``destination`` (a new file)."""
    destination = check_travel_copy(store, destination)
    copy = write_travel_copy(store, destination, progress)
    record_travel_copy(store, copy)
    return copy


def check_travel_copy(store: Store, destination) -> Path:
    """Refuse a copy that could not be taken or merged back, before any work."""
    destination = Path(destination).absolute()
    if destination.exists():
        raise FileProblem(f"{destination.name} already exists; choose a new name for the travel copy.",
                          destination)
    check_target(destination)
    if not destination.parent.is_dir():
        raise FileProblem(f"The folder for {destination.name} does not exist.", destination)
    if store.read_only:
        raise FileProblem(f"{store.path.name} is open read-only; take travel copies from a file "
                          "you can change, so that they can be merged back.", store.path)
    if store.scalar("SELECT count(*) FROM travel_origin"):
        raise FileProblem(f"{store.path.name} is itself a travel copy; take travel copies from "
                          "the home file.", store.path)
    return destination


def write_travel_copy(source: Store, destination: Path, progress: Progress = ignore) -> TravelCopy:
    """The copy and its snapshot, written from ``source`` (on a worker thread, a
    reading connection of its own). On an error or ``Cancelled`` neither is left.

    The snapshot (the starting point a merge compares with) is made first,
    under a name saying it is pending, then the copy made from it, marked as
    a travel copy before it is checked and given its name: under that name
    there is only ever a whole, marked copy. Then the snapshot takes its own
    name; one left pending by a run that was stopped is removed by the next."""
    copy_id, taken_at = new_id(), now_stamp()
    snapshot = snapshot_path(source.path, copy_id)
    pending = snapshot.with_name(snapshot.name + ".pending")
    for leftover in snapshot.parent.glob("travel-*.snapshot.pending"):
        leftover.unlink(missing_ok=True)  # one take at a time: the home file's lock
    origin = (copy_id, _identity(source.conn), source.path.name, taken_at, taken_at, taken_at)

    def mark(copy) -> None:
        copy.execute("INSERT INTO travel_origin VALUES (?, ?, ?, ?, ?, ?)", origin)

    try:
        snapshot.parent.mkdir(mode=0o700, exist_ok=True)
        write_copy(source.conn, pending, part(progress, 0, 0.5), backup=True)  # each checked
        with contextlib.closing(sqlite(f"{pending.as_uri()}?mode=ro", uri=True)) as start:
            write_copy(start, destination, part(progress, 0.5, 1), finish=mark)
        os.replace(pending, snapshot)
    except BaseException as error:
        pending.unlink(missing_ok=True)
        if isinstance(error, DiskFullError) and error.path != destination:
            raise disk_full(backup_dir_for(source.path)) from None  # not the snapshot's name
        if not isinstance(error, (OSError, sqlite3.Error)):
            raise
        reason = getattr(error, "strerror", None) or str(error)
        raise FileProblem(f"The travel copy {destination.name} could not be written: {reason}.",
                          destination) from error
    return TravelCopy(destination, copy_id, taken_at)


def record_travel_copy(store: Store, copy: TravelCopy) -> None:
    """Note in the home file that the copy was taken, for merging it back."""
    with store.transaction() as db:
        db["travel_copies_taken"].insert({"id": copy.copy_id, "path": str(copy.path),
                                          "taken_at": copy.taken_at, "merged_at": None,
                                          "created_at": copy.taken_at,
                                          "updated_at": copy.taken_at})


def _identity(conn) -> str:
    return conn.execute("SELECT id FROM file_identity").fetchone()[0]


# -- merging ---------------------------------------------------------------------


def merge(home_path, travel_path, choices: Mapping[tuple[str, str], Side] | None = None,
          progress: Progress = ignore) -> MergeReport:
    """Merge the travel copy into the home file; both must be closed.

    When records were changed on both sides and ``choices`` does not settle
    every one, nothing is written and the report lists the conflicts; call
    again with a side for each ``Conflict.key``. ``Cancelled`` raised by
    ``progress`` leaves the home file as it was.
    """
    home_path, travel_path = _check_paths(home_path, travel_path)
    with _locked(home_path), _locked(travel_path):
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
    with _locked(travel_path):
        Store.inspect(travel_path)
        travel = _open(travel_path, apsw.SQLITE_OPEN_READONLY)
        try:
            _check_origin(travel, travel_path, home_path, _identity(home.conn),
                          _migrations(home.conn))
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
        trial = _Application(home_path, travel, changeset, choices)
        trial.run(commit=False, progress=part(progress, 0.2, 0.5))
        if trial.unsettled:
            return MergeReport(merged=False, conflicts=trial.unsettled)
        backup = _back_up_home(home_path)
        final = _Application(home_path, travel, changeset, choices, copy_id=copy_id)
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
    from ..membership.people import unmarked_namesakes

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
def _locked(path: Path) -> Iterator[None]:
    """The instance lock: proves the file is not open in this application."""
    lock = InstanceLock(path)
    try:
        lock.acquire(path)
    except OSError as error:
        raise FileProblem(f"{path.name} cannot be used for the merge: {error.strerror}.",
                          path) from error
    try:
        yield
    finally:
        lock.release()


def _open(path: Path, flags: int = apsw.SQLITE_OPEN_READWRITE) -> apsw.Connection:
    try:
        conn = apsw_connection(str(path), flags | apsw.SQLITE_OPEN_URI)
        conn.execute("PRAGMA busy_timeout = 2000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except apsw.Error as error:
        raise FileProblem(f"{path.name} cannot be read as a taskforce file ({error}).", path) from None
    return conn


def _migrations(conn) -> set:
    return set(conn.execute("SELECT migration_set, name FROM _sqlite_migrations").fetchall())


@contextlib.contextmanager
def _travel_changes(home_path: Path, travel_path: Path, progress: Progress):
    """The open travel copy (snapshot attached as ``snap``), its copy id and changeset."""
    travel = _open(travel_path)
    try:
        home_conn = _open(home_path, apsw.SQLITE_OPEN_READONLY)
        try:
            home_identity, home_versions = _identity(home_conn), _migrations(home_conn)
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
        _check_incoming(travel_path, changeset, {t.name: t for t in tables})
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
    if _migrations(travel) != home_versions:
        raise FileProblem(f"{travel_path.name} and {home_path.name} were saved by different "
                          "versions of Taskforce Secretariat; open both in this version first.",
                          travel_path)
    return copy_id


def _check_incoming(travel_path: Path, changeset: bytes, tables: dict) -> None:
    """Every value the copy would bring, checked as the program checks what it writes."""
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
                raise FileProblem(f"{travel_path.name} cannot be merged: a "
                                  f"{record_name(change.name)} it holds is refused: {error} "
                                  "Nothing was merged.", travel_path) from None


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


class _Application:
    """One attempt at applying the changeset to the home file."""

    def __init__(self, home_path: Path, travel: apsw.Connection, changeset: bytes,
                 choices: dict, copy_id: str | None = None):
        self.home_path = home_path
        self.travel = travel
        self.changeset = changeset
        self.choices = choices
        self.copy_id = copy_id
        self.tables: dict[str, RecordTable] = {t.name: t for t in record_tables(travel)}
        self.unsettled: list[Conflict] = []
        self.chosen: dict[tuple[str, str], Side] = {}
        self.chosen_labels: dict[tuple[str, str], str] = {}
        self.skipped: list[str] = []
        self.incoming: list[Incoming] = []
        self._held_back: set[tuple[str, str]] = set()
        # A record added on both sides that may exist once (the same person on a
        # meeting's register): the home record it clashes with, by the added one's key.
        self._clashes: dict[tuple[str, str], str] = {}
        self._home: apsw.Connection | None = None

    def run(self, commit: bool, progress: Progress) -> None:
        """Apply the changeset in one transaction, committed only if ``commit``;
        ``Cancelled`` from ``progress`` (heard before the commit) rolls it back."""
        home = self._home = _open(self.home_path)
        try:
            # Foreign keys are checked (and mended) once everything is in.
            home.execute("PRAGMA foreign_keys = OFF")
            home.execute("PRAGMA synchronous = FULL")
            home.execute("BEGIN IMMEDIATE")
            try:
                planned = self._planned(part(progress, 0, 0.8))
                apsw.Changeset.apply(self.changeset, home, conflict=self._on_conflict,
                                     filter_change=self._taken)
                self._settle(home)
                restored = self._mend_references(home)
                for statement in FLUSH:  # the search index, as Store.transaction keeps it
                    home.execute(statement)
                progress(1, 1)
                self.incoming = [i for i in planned if (i.table, i.record_id) not in self._held_back]
                self.incoming += restored
                if commit:
                    home.execute("UPDATE travel_copies_taken SET merged_at = ?, updated_at = ? "
                                 "WHERE id = ?", (now_stamp(), now_stamp(), self.copy_id))
                    home.execute("COMMIT")
                else:
                    home.execute("ROLLBACK")
            except BaseException:
                if home.in_transaction:
                    home.execute("ROLLBACK")
                raise
        except apsw.Error as error:
            raise FileProblem(f"The merge into {self.home_path.name} failed and nothing was "
                              f"changed ({error}).", self.home_path) from error
        finally:
            home.close()

    # -- what the changeset holds

    def _planned(self, progress: Progress) -> list[Incoming]:
        verbs: dict[str, Arrival] = {"INSERT": "added", "UPDATE": "changed", "DELETE": "deleted"}
        planned: list[Incoming] = []
        total = sum(1 for _ in apsw.Changeset.iter(self.changeset))
        for change in apsw.Changeset.iter(self.changeset):
            if len(planned) % _REPORT_EVERY == 0:
                progress(len(planned), total)
            record_id = self._record_id(change)
            planned.append(Incoming(verbs[change.op], change.name, record_id,
                                    self._label(change.name, record_id)))
        return planned

    @staticmethod
    def _record_id(change) -> str:
        (index,) = change.pk_columns
        values = change.old if change.op == "DELETE" else (change.new or change.old)
        value = values[index]
        return value if value is not apsw.no_change else change.old[index]

    def _row(self, schema: str, table: str, record_id: str, conn=None) -> dict | None:
        cursor = (conn or self.travel).execute(
            f"SELECT * FROM {schema}.{identifier(table)} WHERE id = ?", (record_id,))
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cursor.getdescription()], found, strict=True))

    def _label(self, table: str, record_id: str, follow: bool = True) -> str:
        """A few words naming the record; a link record is named by what it links."""
        row = self._row("main", table, record_id) or self._row("snap", table, record_id) or {}
        if label := label_of(row):
            return label
        for reference in self.tables[table].references if follow else ():
            if row.get(reference.column) and reference.table in self.tables:
                named = self._label(reference.table, row[reference.column], follow=False)
                if named:
                    return named
        return ""

    # -- what is not taken

    def _taken(self, change) -> bool:
        """Approved minutes are reopened at home only: a reopening made on the
        travel copy (its record, and the kept minutes it let go) stays behind,
        and the home file's triggers then refuse the changes it allowed."""
        if (change.name, change.op) not in (("minutes_reopenings", "INSERT"),
                                            ("approved_minutes", "DELETE")):
            return True
        values = change.new if change.op == "INSERT" else change.old
        meeting_id = values[self.tables[change.name].column_names.index("meeting_id")]
        meeting = self._row("main", "meetings", meeting_id) or {}
        day = long_date(parse_date(meeting["date"])) if meeting.get("date") else "a meeting"
        note = (f"The minutes of {day} were reopened on the travel copy. Approved minutes "
                "are reopened at home (Minutes > Reopen…), so the reopening and the changes "
                "made to them away were not merged.")
        if note not in self.skipped:
            self.skipped.append(note)
        self._held_back.add((change.name, self._record_id(change)))
        return False

    # -- conflicts

    def _on_conflict(self, reason: int, change) -> int:
        record_id = self._record_id(change)
        if reason == apsw.SQLITE_CHANGESET_NOTFOUND and change.op == "DELETE":
            return self._hold_back(change.name, record_id)  # deleted on both sides
        if reason in (apsw.SQLITE_CHANGESET_DATA, apsw.SQLITE_CHANGESET_CONFLICT):
            if self._already_there(change):
                return self._hold_back(change.name, record_id)
        if reason in (apsw.SQLITE_CHANGESET_DATA, apsw.SQLITE_CHANGESET_CONFLICT,
                      apsw.SQLITE_CHANGESET_NOTFOUND):
            return self._to_settle(change.name, record_id)
        clash = self._clash(change) if change.op == "INSERT" else None
        if clash is not None:  # added on both sides: a conflict to settle, like any other
            self._clashes[(change.name, record_id)] = clash
            return self._to_settle(change.name, record_id)
        label = self._label(change.name, record_id)
        self.skipped.append(f"A {record_name(change.name)}{f' ({label})' if label else ''} "
                            "could not be merged: the home file does not allow it (approved "
                            "minutes, for one, do not change).")
        return self._hold_back(change.name, record_id)

    def _to_settle(self, table: str, record_id: str) -> int:
        """A record changed on both sides: kept as the official chose, or listed
        for them to choose; not applied now either way."""
        key = (table, record_id)
        self._held_back.add(key)
        if key in self.choices:
            self.chosen[key] = self.choices[key]
            self.chosen_labels[key] = self._label(table, record_id)
        else:
            self.unsettled.append(Conflict(table, record_id, None, None))
        return apsw.SQLITE_CHANGESET_OMIT

    def _clash(self, change) -> str | None:
        """The home record an added one may not stand beside (a unique rule over
        plain columns), if any: its id."""
        home = self._home
        assert home is not None, "asked only while run() applies the changeset"
        names = self.tables[change.name].column_names
        values = dict(zip(names, change.new, strict=True))
        indexes: list[Any] = home.execute(
            "SELECT * FROM pragma_index_list(?)", (change.name,)).fetchall()
        for _, index, unique, origin, _partial in indexes:
            if not unique or origin == "pk":
                continue
            indexed: list[Any] = home.execute(
                "SELECT * FROM pragma_index_info(?)", (index,)).fetchall()
            columns = [row[2] for row in indexed]
            if None in columns or any(values.get(c) is None for c in columns):
                continue  # on an expression, or a partial rule this record is outside
            where = " AND ".join(f"{identifier(c)} = ?" for c in columns)
            found = home.execute(
                f"SELECT id FROM main.{identifier(change.name)} WHERE {where} AND id <> ?",
                (*(values[c] for c in columns), values["id"])).fetchone()
            if found:
                return found[0]
        return None

    def _hold_back(self, table: str, record_id: str) -> int:
        self._held_back.add((table, record_id))
        return apsw.SQLITE_CHANGESET_OMIT

    def _already_there(self, change) -> bool:
        """The home record already holds what the travel copy would write."""
        if change.op == "DELETE" or change.conflict is None:
            return False
        # updated_at differs whenever both sides saved, even the same thing.
        stamp = self.tables[change.name].column_names.index("updated_at")
        pairs = zip(change.new, change.conflict, strict=True)
        return all(new is apsw.no_change or new == current or index == stamp
                   for index, (new, current) in enumerate(pairs))

    def _settle(self, home: apsw.Connection) -> None:
        """Fill in both sides of each conflict; make home match travel where chosen."""
        for number, conflict in enumerate(self.unsettled):
            sides = (self._row("main", conflict.table,
                               self._clashes.get(conflict.key, conflict.record_id), home),
                     self._row("main", conflict.table, conflict.record_id))
            self.unsettled[number] = Conflict(conflict.table, conflict.record_id, *sides,
                                              self._names_referred_to(conflict.table, sides, home))
        for (table, record_id), side in self.chosen.items():
            if side == "travel":
                if clash := self._clashes.get((table, record_id)):
                    self._put(home, table, clash, None)  # the one it may not stand beside
                self._put(home, table, record_id, self._row("main", table, record_id))

    def _names_referred_to(self, table: str, rows, home: apsw.Connection) -> dict[str, str]:
        names = {}
        for reference in self.tables[table].references:
            for row in rows:
                referred = (row or {}).get(reference.column)
                if referred and reference.table in self.tables:
                    found = (self._row("main", reference.table, referred, home)
                             or self._row("main", reference.table, referred))
                    if found:
                        names[referred] = label_of(found) or record_name(reference.table)
        return names

    def _put(self, home: apsw.Connection, table: str, record_id: str, row: dict | None) -> None:
        home.execute(f"DELETE FROM main.{identifier(table)} WHERE id = ?", (record_id,))
        if row is not None:
            names = ", ".join(map(identifier, row))
            marks = ", ".join("?" for _ in row)
            home.execute(f"INSERT INTO main.{identifier(table)} ({names}) VALUES ({marks})",
                         tuple(row.values()))

    def _mend_references(self, home: apsw.Connection) -> list[Incoming]:
        """Bring back records the other side deleted that kept records still need."""
        restored: list[Incoming] = []
        for _ in range(_MAX_REPAIR_ROUNDS):
            problems: list[Any] = home.execute("PRAGMA foreign_key_check").fetchall()
            if not problems:
                return restored
            progress = False
            for table, rowid, parent, fk_index in problems:
                column = self._reference_column(home, table, fk_index)
                parent_id = home.execute(
                    f"SELECT {identifier(column)} FROM main.{identifier(table)} WHERE rowid = ?",
                    (rowid,)).get
                row = self._row("main", parent, parent_id) or self._row("snap", parent, parent_id)
                if row is not None and self._row("main", parent, parent_id, home) is None:
                    self._put(home, parent, parent_id, row)
                    restored.append(Incoming("restored", parent, parent_id,
                                             self._label(parent, parent_id)))
                    progress = True
            if not progress:
                break
        left: Any = home.execute("PRAGMA foreign_key_check").fetchone()
        table, _, parent, _ = left
        raise UserFacingError(f"The merge was stopped and nothing was changed: a record in {table} "
                              f"refers to a {parent} record that neither file still has.")

    @staticmethod
    def _reference_column(home: apsw.Connection, table: str, fk_index: int) -> str:
        keys: list[Any] = home.execute(
            "SELECT * FROM pragma_foreign_key_list(?)", (table,)).fetchall()
        for row in keys:
            if row[0] == fk_index:
                return row[3]
        raise LookupError(f"no foreign key {fk_index} on {table}")
