"""Taking a travel copy: the copy, marked with the home file's identity, and the
snapshot it starts from, kept beside the home file's backups."""

import contextlib
import os
import sqlite3
from pathlib import Path

from ...errors import DiskFullError, FileProblem, disk_full
from ...progress import Progress, ignore, part
from ...storage import Store, new_id, now_stamp
from ...storage.backups import backup_dir_for, write_copy
from ...storage.connect import sqlite
from ...storage.targets import check_new_file
from .apsw_files import identity_of
from .records import TravelCopy


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
    destination = check_new_file(destination, "travel copy")
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
    origin = (copy_id, identity_of(source.conn), source.path.name, taken_at, taken_at, taken_at)

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
