"""A body's reports: the title, when each was published (a day, or a month as
"July 2012"), notes, and its chapters in order."""

from typing import Any, Iterable

from ..changes import Changes, Kind
from ..errors import ValidationError, quoted
from ..records import Manager, require_text, stripped
from ..values import Month, parse_day_or_month
from .recommendation_records import Chapter, Report


def stored_day_or_month(value, what: str) -> tuple[str | None, str | None]:
    """A day or a month as typed, as the file keeps it: (ISO day, ISO month), one of them."""
    parsed = parse_day_or_month(value, what)
    if isinstance(parsed, Month):
        return None, parsed.isoformat()
    return (parsed.isoformat() if parsed else None), None


def read_day_or_month(day: str | None, month: str | None):
    """What ``stored_day_or_month`` stored, read back."""
    return Month.fromisoformat(month) if month else parse_day_or_month(day)


class Reports(Manager[Report]):
    table = "reports"
    kind = Kind.RECOMMENDATION
    record_type = Report
    label = "report"

    def _from_row(self, row: dict) -> Report:
        chapters = tuple(Chapter(r["id"], r["report_id"], r["position"], r["title"])
                         for r in self._store.rows(
                             "SELECT * FROM report_chapters WHERE report_id = ? ORDER BY position",
                             (row["id"],)))
        return Report(row["id"], row["body_id"], row["title"],
                      read_day_or_month(row["published_on"], row["published_month"]),
                      row["notes"], chapters)

    def _clean(self, values: dict[str, Any], current) -> dict[str, Any]:
        cleaned = stripped(values)
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "report's title")
        if "published" in cleaned:
            cleaned["published_on"], cleaned["published_month"] = stored_day_or_month(
                cleaned.pop("published"), "date of publication")
        return cleaned

    def of_body(self, body_id: str) -> list[Report]:
        """The body's reports, the latest published first."""
        rows = self._store.rows(
            """SELECT * FROM reports WHERE body_id = ?
               ORDER BY coalesce(published_on, published_month || '-01') DESC, created_at""",
            (body_id,))
        return [self._from_row(r) for r in rows]

    def create(self, body_id: str, title: str, published=None, notes: str = "",
               chapters: Iterable[str] = ()) -> tuple[str, Changes]:
        """A report, with its chapters (titles, in order)."""
        with self._store.transaction():
            report_id, changes = self._create(dict(body_id=body_id, title=title,
                                                   published=published, notes=notes))
            self._write_chapters(report_id, chapters)
        return report_id, changes

    def update(self, report_id: str, /, **values) -> Changes:
        """Change the title, ``published``, notes or ``chapters``: titles in order,
        the first kept chapters renamed (their recommendations stay in them), more
        added; one left out goes, unless a recommendation is still in it."""
        self.get(report_id)
        unknown = set(values) - {"title", "published", "notes", "chapters"}
        if unknown:
            raise ValueError(f"reports have no field {sorted(unknown)[0]}")
        chapters = values.pop("chapters", None)
        with self._store.transaction():
            if values:
                self._store.update(self.table, report_id, self._clean(values, None))
            if chapters is not None:
                self._write_chapters(report_id, chapters)
        return Changes.of(self.kind, report_id)

    def _write_chapters(self, report_id: str, chapters: Iterable) -> None:
        titles = [require_text(c.title if isinstance(c, Chapter) else c, "chapter's title")
                  for c in chapters]
        have = self._store.rows("SELECT id, title FROM report_chapters WHERE report_id = ? "
                                "ORDER BY position", (report_id,))
        for position, (row, title) in enumerate(zip(have, titles, strict=False), start=1):
            self._store.update("report_chapters", row["id"],
                               {"title": title, "position": position})
        for position, title in enumerate(titles[len(have):], start=len(have) + 1):
            self._store.insert("report_chapters", {"report_id": report_id, "position": position,
                                                   "title": title})
        for row in have[len(titles):]:
            if self._store.scalar("SELECT count(*) FROM recommendations WHERE chapter_id = ?",
                                  (row["id"],)):
                raise ValidationError(f"The chapter {quoted(row['title'])} still holds "
                                      "recommendations; move them to another chapter first.")
            self._store.delete("report_chapters", row["id"])

    def delete(self, report_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete a report entered by mistake, with its chapters and recommendations
        and all that goes with them; returns the rows, for undo."""
        self.get(report_id)
        removed = self._store.delete_with_dependents(self.table, report_id)
        return Changes.of(self.kind, report_id), removed
