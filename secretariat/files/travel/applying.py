"""Applying the travel copy's changes to the home file, one attempt at a time:
conflicts settled by the official's choices, clashes on once-only rules, and
records held back until what they refer to has come in."""

from pathlib import Path
from typing import Any

import apsw

from ...errors import FileProblem, UserFacingError
from ...progress import Progress, part
from ...record_tables import RecordTable, record_tables
from ...storage import now_stamp
from ...storage.connect import identifier
from ...storage.search_queue import FLUSH
from ...values import long_date, parse_date
from .apsw_files import open_apsw
from .records import Arrival, Conflict, Incoming, Side, label_of, record_name

_MAX_REPAIR_ROUNDS = 20
_REPORT_EVERY = 200  # records labelled between two reports of progress


class Application:
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
        home = self._home = open_apsw(self.home_path)
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
