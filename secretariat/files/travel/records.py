"""What a travel copy and a merge are made of: the copy taken, a record changed on
both sides, a record that came in, the report; and how a record is named to an
official."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ...frozen import record

Side = Literal["home", "travel"]
_LABEL_COLUMNS = ("name", "title", "text", "role_title", "date")


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
    "reports": "report", "report_chapters": "report's chapter",
    "recommendations": "recommendation", "recommendation_addressees": "addressee",
    "recommendation_updates": "recommendation update",
    "recommendation_links": "recommendation's link",
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
