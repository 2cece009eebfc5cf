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

from .copies import (check_travel_copy, record_travel_copy, snapshot_path, take_travel_copy,
                     write_travel_copy)
from .merging import check_merge, merge
from .records import Conflict, MergeReport, Side, TravelCopy, label_of, record_name

__all__ = ["Conflict", "MergeReport", "Side", "TravelCopy", "check_merge", "check_travel_copy",
           "label_of", "merge", "record_name", "record_travel_copy", "snapshot_path",
           "take_travel_copy", "write_travel_copy"]


