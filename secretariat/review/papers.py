"""Papers the body writes or considers: who leads each, which wave of review
it belongs to, how far it has got, who signed it off and on what conditions,
and the meetings (and agenda items) it goes to.

The document itself stays on disk where the official keeps it; the file only
records its path.
"""

import datetime as dt
from pathlib import Path

from ..changes import Changes, Kind
from ..errors import NotFoundError, UserFacingError, ValidationError, printable
from ..frozen import record
from ..interest.conflicts import Tags
from ..records import Manager, choice, require_text, stripped
from ..values import date_to_text, parse_optional_date

STATUSES = {
    "drafting": "Drafting",
    "out_for_review": "Out for review",
    "revised": "Revised",
    "signed_off": "Signed off",
    "published": "Published",
    "withdrawn": "Withdrawn",
}
# Papers whose reviews still matter: coverage and chasing look at these.
UNDER_REVIEW = ("drafting", "out_for_review", "revised")

# The kinds of file the desktop is asked to open for a paper. A recorded path
# comes with the file, maybe from someone else: a program, a script or a
# launcher would be run by some desktops, so nothing else is ever handed over.
DOCUMENT_SUFFIXES = frozenset({
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".txt", ".md", ".xls", ".xlsx", ".ods", ".csv",
    ".ppt", ".pptx", ".odp", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff"})
# How programs and scripts begin, whatever they are named.
_PROGRAM_MAGIC = (b"#!", b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe",
                  b"\xce\xfa\xed\xfe")


def document_to_open(recorded: str) -> Path:
    """The paper's document, if it is one the desktop may safely open; else a
    clear refusal naming the path."""
    if not recorded or not recorded.strip():
        raise UserFacingError("No file is recorded for this paper; edit the paper to add one.")
    shown = printable(recorded)
    if recorded.startswith(("\\\\", "//")):  # not even looked at: that would reach the network
        raise UserFacingError(f"The paper's file {shown} is on another computer; copy it to "
                              "this one and edit the paper to point to the copy.")
    path = Path(recorded).expanduser()
    if not path.is_absolute():
        raise UserFacingError(f"The paper's file {shown} is not a full path; edit the paper "
                              "to choose the file again.")
    real = path.resolve()
    if not real.exists():
        raise UserFacingError(f"The paper's file {shown} is not there; edit the paper to "
                              "point to it.")
    kinds = {path.suffix.lower(), real.suffix.lower()}
    if not real.is_file() or not kinds <= DOCUMENT_SUFFIXES:
        raise UserFacingError(
            f"The paper's file {shown} is not a document this program opens (PDF, Word, "
            "OpenDocument, text, spreadsheet, slides or image), so it was not opened.")
    try:
        with open(real, "rb") as handle:
            start = handle.read(4)
    except OSError as error:
        raise UserFacingError(f"The paper's file {shown} cannot be read: "
                              f"{error.strerror}.") from None
    if start.startswith(_PROGRAM_MAGIC):
        raise UserFacingError(f"The paper's file {shown} is a program, not a document, "
                              "so it was not opened.")
    return real


@record
class Paper:
    id: str
    body_id: str
    title: str
    short_name: str
    owner_person_id: str | None
    owner_text: str
    wave: str
    status: str
    review_deadline: dt.date | None
    document_path: str
    signed_off_by_id: str | None
    signed_off_on: dt.date | None
    sign_off_conditions: str
    notes: str

    @property
    def label(self) -> str:
        """The short name officials use, or the title."""
        return self.short_name or self.title

    @property
    def status_label(self) -> str:
        return STATUSES[self.status]


@record
class PaperLink:
    id: str
    paper_id: str
    meeting_id: str
    meeting_date: dt.date
    agenda_item_id: str | None
    item_title: str


class Papers(Manager[Paper]):
    table = "papers"
    kind = Kind.PAPER
    record_type = Paper
    label = "paper"

    def __init__(self, store):
        super().__init__(store)
        self.tags = Tags(store)

    def _from_row(self, row: dict) -> Paper:
        values = dict(row)
        for key in ("review_deadline", "signed_off_on"):
            values[key] = parse_optional_date(values[key])
        return super()._from_row(values)

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "title" in cleaned:
            cleaned["title"] = require_text(cleaned["title"], "paper's title")
        if "status" in cleaned:
            cleaned["status"] = choice(cleaned["status"], STATUSES, "status")
        for key, what in (("review_deadline", "review deadline"),
                          ("signed_off_on", "date of sign-off")):
            if key in cleaned:
                cleaned[key] = date_to_text(parse_optional_date(cleaned[key], what))
        for key in ("owner_person_id", "signed_off_by_id"):
            if key in cleaned:
                cleaned[key] = cleaned[key] or None
                if cleaned[key] and self._store.row(
                        "SELECT id FROM people WHERE id = ?", (cleaned[key],)) is None:
                    raise NotFoundError("That person no longer exists.")
        return cleaned

    def create(self, body_id: str, title: str, short_name: str = "", *,
               owner_person_id: str | None = None, owner_text: str = "", wave: str = "",
               status: str = "drafting", review_deadline=None, document_path: str = "",
               notes: str = "") -> tuple[str, Changes]:
        return self._create(dict(
            body_id=body_id, title=title, short_name=short_name,
            owner_person_id=owner_person_id, owner_text=owner_text, wave=wave,
            status=status, review_deadline=review_deadline,
            document_path=str(document_path or ""), notes=notes))

    def of_body(self, body_id: str, wave: str | None = None) -> list[Paper]:
        """The body's papers by wave, then title; only one wave if named."""
        sql = "SELECT * FROM papers WHERE body_id = ?"
        params: tuple = (body_id,)
        if wave is not None:
            sql += " AND wave = ?"
            params += (wave,)
        sql += " ORDER BY wave = '', wave COLLATE NOCASE, title COLLATE NOCASE"
        return [self._from_row(r) for r in self._store.rows(sql, params)]

    def waves(self, body_id: str) -> list[str]:
        rows = self._store.rows(
            "SELECT DISTINCT wave FROM papers WHERE body_id = ? AND wave <> '' "
            "ORDER BY wave COLLATE NOCASE", (body_id,))
        return [r["wave"] for r in rows]

    def sign_off(self, paper_id: str, by_person_id: str | None, on,
                 conditions: str = "") -> Changes:
        """Record the sign-off and move the paper to 'signed off'."""
        if parse_optional_date(on, "date of sign-off") is None:
            raise ValidationError("Give the date the paper was signed off.")
        return self.update(paper_id, signed_off_by_id=by_person_id, signed_off_on=on,
                           sign_off_conditions=conditions, status="signed_off")

    def owner_name(self, paper: Paper) -> str:
        """The lead author as printed: the person's name, or the words typed."""
        if paper.owner_person_id:
            row = self._store.row("SELECT name, role_title FROM people WHERE id = ?",
                                  (paper.owner_person_id,))
            if row:
                return row["name"] or row["role_title"]
        return paper.owner_text

    # -- meetings and agenda items ----------------------------------------------

    def link(self, paper_id: str, meeting_id: str,
             agenda_item_id: str | None = None) -> tuple[str, Changes]:
        """Send the paper to a meeting, under an agenda item of it if named."""
        self.get(paper_id)
        if agenda_item_id:
            item = self._store.row("SELECT meeting_id FROM agenda_items WHERE id = ?",
                                   (agenda_item_id,))
            if item is None:
                raise NotFoundError("That agenda item no longer exists.")
            if item["meeting_id"] != meeting_id:
                raise ValidationError("That agenda item belongs to another meeting.")
        duplicate = self._store.row(
            "SELECT id FROM paper_links WHERE paper_id = ? AND meeting_id = ? "
            "AND agenda_item_id IS ?", (paper_id, meeting_id, agenda_item_id))
        if duplicate:
            raise ValidationError("The paper is already linked there.")
        row = self._store.insert("paper_links", dict(
            paper_id=paper_id, meeting_id=meeting_id, agenda_item_id=agenda_item_id))
        return row["id"], Changes.of(self.kind, paper_id, row["id"])

    def unlink(self, link_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        return self._remove("paper_links", link_id, "paper_id", "link")

    def links(self, paper_id: str) -> list[PaperLink]:
        rows = self._store.rows(
            """SELECT l.id, l.paper_id, l.meeting_id, m.date, l.agenda_item_id,
                      coalesce(a.title, '') AS item_title
               FROM paper_links l JOIN meetings m ON m.id = l.meeting_id
               LEFT JOIN agenda_items a ON a.id = l.agenda_item_id
               WHERE l.paper_id = ? ORDER BY m.date, a.position""", (paper_id,))
        return [PaperLink(r["id"], r["paper_id"], r["meeting_id"],
                          dt.date.fromisoformat(r["date"]), r["agenda_item_id"],
                          r["item_title"]) for r in rows]

    def for_meeting(self, meeting_id: str) -> list[Paper]:
        rows = self._store.rows(
            """SELECT DISTINCT p.* FROM papers p JOIN paper_links l ON l.paper_id = p.id
               WHERE l.meeting_id = ? ORDER BY p.title COLLATE NOCASE""", (meeting_id,))
        return [self._from_row(r) for r in rows]

    def delete(self, paper_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete a paper entered by mistake with what goes with it (its links,
        tags and reviews; a recommendation's link to it), returned for undo."""
        self.get(paper_id)
        removed = self._store.delete_with_dependents(self.table, paper_id)
        return Changes.of(self.kind, paper_id), removed
