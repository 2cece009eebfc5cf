"""The recommendations of a body's reports and what became of each.

A recommendation is addressed to people of the body or organisations named
in words (several), may have a deadline (a day, or a month kept as the
month), and is followed after publication: the Government's response (its
kind, date and words), who owns it, a RAG status, a dated history of
updates (each perhaps reported at a meeting and giving a RAG status), and
links to the actions, papers and meetings that touch it. It is overdue once
its deadline has passed while it is neither done nor turned down.
"""

import datetime as dt
from typing import Any, Iterable, Sequence

from ..changes import Changes, Kind
from ..errors import FieldError, NotFoundError, ValidationError
from ..membership.people import people_or_words
from ..records import Manager, choice, require_text, stripped
from ..values import abbreviated_date, date_to_text, parse_date, past_date
from .recommendation_records import (RAGS, RESPONSES, Addressee, Link, Recommendation,
                                     Update, points_of)
from .reports import read_day_or_month, stored_day_or_month

_FIELDS = {"number", "text", "chapter_id", "sub_points", "addressees", "deadline", "response",
           "response_on", "response_text", "owner_person_id", "owner_text", "rag",
           "completed_on"}
_PERSON = "coalesce(nullif(coalesce(nullif(p.name, ''), p.role_title, ''), ''), {words})"
_LINKED = {"action_id": "action", "paper_id": "paper", "meeting_id": "meeting"}


def _stored_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _in(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


class Recommendations(Manager[Recommendation]):
    table = "recommendations"
    kind = Kind.RECOMMENDATION
    record_type = Recommendation
    label = "recommendation"

    # -- reading -----------------------------------------------------------

    def get(self, recommendation_id: str) -> Recommendation:
        found = self._load("r.id = ?", (recommendation_id,))
        if not found:
            raise NotFoundError("That recommendation no longer exists.")
        return found[0]

    def _load(self, where: str, params: tuple) -> list[Recommendation]:
        rows = self._store.rows(
            f"""SELECT r.*, t.body_id, c.title AS chapter_title, c.position AS chapter_position,
                       {_PERSON.format(words="r.owner_text")} AS owner_label
                FROM recommendations r JOIN reports t ON t.id = r.report_id
                LEFT JOIN report_chapters c ON c.id = r.chapter_id
                LEFT JOIN people p ON p.id = r.owner_person_id
                WHERE {where}
                ORDER BY coalesce(t.published_on, t.published_month || '-01') DESC,
                         t.created_at, r.position, r.id""", params)
        ids = tuple(r["id"] for r in rows)
        if not ids:
            return []
        addressees, updates = self._addressees(ids), self._updates(ids)
        links = self._links(ids)
        return [Recommendation(
            id=r["id"], report_id=r["report_id"], body_id=r["body_id"],
            chapter_id=r["chapter_id"], chapter_title=r["chapter_title"] or "",
            chapter_position=r["chapter_position"], position=r["position"],
            number=r["number"], text=r["text"], sub_points=points_of(r["sub_points"]),
            addressees=tuple(addressees.get(r["id"], ())),
            deadline=read_day_or_month(r["deadline_on"], r["deadline_month"]),
            response=r["response"], response_on=_stored_date(r["response_on"]),
            response_text=r["response_text"], owner_person_id=r["owner_person_id"],
            owner_text=r["owner_text"], owner_label=r["owner_label"], rag=r["rag"],
            completed_on=_stored_date(r["completed_on"]),
            updates=tuple(updates.get(r["id"], ())), links=tuple(links.get(r["id"], ())))
            for r in rows]

    def _addressees(self, ids: tuple) -> dict[str, list[Addressee]]:
        found: dict[str, list[Addressee]] = {}
        for r in self._store.rows(
                f"""SELECT a.recommendation_id, a.person_id, a.organisation,
                           {_PERSON.format(words="a.organisation")} AS label
                    FROM recommendation_addressees a LEFT JOIN people p ON p.id = a.person_id
                    WHERE a.recommendation_id IN ({_in(ids)}) ORDER BY a.position""", ids):
            found.setdefault(r["recommendation_id"], []).append(
                Addressee(r["person_id"], r["organisation"], r["label"]))
        return found

    def _updates(self, ids: tuple) -> dict[str, list[Update]]:
        found: dict[str, list[Update]] = {}
        for r in self._store.rows(
                f"""SELECT u.*, m.date AS meeting_date FROM recommendation_updates u
                    LEFT JOIN meetings m ON m.id = u.meeting_id
                    WHERE u.recommendation_id IN ({_in(ids)})
                    ORDER BY u.made_on, u.created_at, u.rowid""", ids):  # ties: as entered
            found.setdefault(r["recommendation_id"], []).append(Update(
                r["id"], r["recommendation_id"], dt.date.fromisoformat(r["made_on"]), r["text"],
                r["rag"], r["meeting_id"], _stored_date(r["meeting_date"])))
        return found

    def _links(self, ids: tuple) -> dict[str, list[Link]]:
        found: dict[str, list[Link]] = {}
        for r in self._store.rows(
                f"""SELECT l.*, a.text AS action_text, am.date AS agreed_on, am.id AS agreed_at,
                           coalesce(nullif(pp.short_name, ''), pp.title) AS paper,
                           m.date AS meeting_date, i.title AS item_title
                    FROM recommendation_links l
                    LEFT JOIN actions a ON a.id = l.action_id
                    LEFT JOIN meetings am ON am.id = a.meeting_id
                    LEFT JOIN papers pp ON pp.id = l.paper_id
                    LEFT JOIN meetings m ON m.id = l.meeting_id
                    LEFT JOIN agenda_items i ON i.id = l.agenda_item_id
                    WHERE l.recommendation_id IN ({_in(ids)}) ORDER BY l.created_at, l.rowid""",
                ids):
            column = next(c for c in _LINKED if r[c])
            if column == "action_id":
                label = (f"Action agreed {abbreviated_date(parse_date(r['agreed_on']))}: "
                         f"{r['action_text']}")
            elif column == "paper_id":
                label = f"Paper: {r['paper']}"
            else:
                label = f"Meeting of {abbreviated_date(parse_date(r['meeting_date']))}" + (
                    f", item “{r['item_title']}”" if r["item_title"] else "")
            found.setdefault(r["recommendation_id"], []).append(Link(
                r["id"], r["recommendation_id"], _LINKED[column], r[column],
                r["meeting_id"] or r["agreed_at"], r["agenda_item_id"], label))
        return found

    def of_body(self, body_id: str, report_id: str | None = None, addressee: str = "",
                response: str | None = None, rag: str | None = None, overdue: bool = False,
                today: dt.date | None = None) -> list[Recommendation]:
        """The body's recommendations (or one report's), report by report in
        each one's order, filtered: ``addressee`` matches any addressee's name or
        organisation, ignoring case; ``overdue`` keeps those past their deadline
        (see ``Recommendation.overdue``)."""
        found = self._load("t.body_id = ? AND (? IS NULL OR r.report_id = ?)",
                           (body_id, report_id, report_id))
        wanted = " ".join(addressee.split()).casefold()
        if response:
            response = choice(response, RESPONSES, "response")
        if rag is not None:
            rag = choice(rag, RAGS, "RAG status")
        return [r for r in found
                if (not wanted or any(wanted in a.label.casefold() for a in r.addressees))
                and (not response or r.response == response)
                and (rag is None or r.rag == rag)
                and (not overdue or r.overdue(today))]

    def addressees_of_body(self, body_id: str) -> list[str]:
        """Every addressee named in the body's recommendations, A to Z."""
        labels = {a.label for r in self._load("t.body_id = ?", (body_id,)) for a in r.addressees}
        return sorted(labels, key=str.casefold)

    # -- writing -----------------------------------------------------------

    def _clean(self, values: dict[str, Any], current: Recommendation | None) -> dict[str, Any]:
        cleaned = stripped(values)
        if "chapter_id" in cleaned:
            cleaned["chapter_id"] = cleaned["chapter_id"] or None
        for key, what in (("number", "recommendation's number"), ("text", "recommendation")):
            if key in cleaned:
                cleaned[key] = require_text(cleaned[key], what)
        if "sub_points" in cleaned:
            given = cleaned["sub_points"]
            cleaned["sub_points"] = "\n".join(
                points_of(given if isinstance(given, str) else "\n".join(given)))
        if "deadline" in cleaned:
            cleaned["deadline_on"], cleaned["deadline_month"] = stored_day_or_month(
                cleaned.pop("deadline"), "deadline")
        if "response" in cleaned:
            cleaned["response"] = choice(cleaned["response"], RESPONSES, "response")
        if "rag" in cleaned:
            cleaned["rag"] = choice(cleaned["rag"] or "", RAGS, "RAG status")
        for key, what in (("response_on", "date of the response"),
                          ("completed_on", "date it was done")):
            if key in cleaned:
                cleaned[key] = date_to_text(past_date(cleaned[key], what))
        if "owner_person_id" in cleaned:
            cleaned["owner_person_id"] = cleaned["owner_person_id"] or None
            if cleaned["owner_person_id"] and self._store.row(
                    "SELECT id FROM people WHERE id = ?", (cleaned["owner_person_id"],)) is None:
                raise NotFoundError("That person no longer exists.")
        return cleaned

    def _check_chapter(self, report_id: str, chapter_id: str | None) -> None:
        if chapter_id and self._store.scalar(
                "SELECT report_id FROM report_chapters WHERE id = ?", (chapter_id,)) != report_id:
            raise ValidationError("That chapter belongs to another report.")

    def _check_number(self, report_id: str, number, made_id: str | None = None) -> None:
        """A number is used once in a report (ignoring case and spaces)."""
        wanted = " ".join(str(number or "").split()).casefold()
        if not wanted:
            return  # refused as empty by ``_clean``
        for row in self._store.rows("SELECT id, number FROM recommendations WHERE report_id = ?",
                                    (report_id,)):
            if row["id"] != made_id and " ".join(row["number"].split()).casefold() == wanted:
                title = self._store.scalar("SELECT title FROM reports WHERE id = ?", (report_id,))
                raise FieldError(f"The report “{title}” already has a recommendation "
                                 f"{row['number']}: give this one another number.", "number")

    def create(self, report_id: str, number: str, text: str, *,
               addressees: Iterable = (), **values) -> tuple[str, Changes]:
        """A recommendation at the end of the report (``values``: any field
        ``update`` takes)."""
        unknown = set(values) - _FIELDS
        if unknown:
            raise ValueError(f"recommendations have no field {sorted(unknown)[0]}")
        body_id = self._store.scalar("SELECT body_id FROM reports WHERE id = ?", (report_id,))
        if body_id is None:
            raise NotFoundError("That report no longer exists.")
        self._check_chapter(report_id, values.get("chapter_id"))
        self._check_number(report_id, number)
        position = self._store.scalar("SELECT coalesce(max(position), 0) + 1 FROM "
                                      "recommendations WHERE report_id = ?", (report_id,))
        with self._store.transaction():
            made_id, changes = self._create(dict(report_id=report_id, position=position,
                                                 number=number, text=text, **values))
            self._write_addressees(made_id, body_id, addressees)
        return made_id, changes

    def update(self, recommendation_id: str, /, **values) -> Changes:
        """Change any of its fields; ``addressees`` are names or organisations
        in words (or ``Addressee`` records), in order."""
        current = self.get(recommendation_id)
        unknown = set(values) - _FIELDS
        if unknown:
            raise ValueError(f"recommendations have no field {sorted(unknown)[0]}")
        if "chapter_id" in values:
            self._check_chapter(current.report_id, values["chapter_id"])
        if "number" in values:
            self._check_number(current.report_id, values["number"], recommendation_id)
        addressees = values.pop("addressees", None)
        with self._store.transaction():
            if addressees is not None:
                self._write_addressees(recommendation_id, current.body_id, addressees)
            if values:
                self._store.update(self.table, recommendation_id, self._clean(values, current))
        return Changes.of(self.kind, recommendation_id)

    def _write_addressees(self, recommendation_id: str, body_id: str, addressees) -> None:
        """Names or organisations in words, or ``Addressee`` records; one named
        twice is addressed once (the file holds to it too)."""
        self._store.db.execute("DELETE FROM recommendation_addressees WHERE "
                               "recommendation_id = ?", (recommendation_id,))
        given = [(a.person_id, a.organisation) if isinstance(a, Addressee) else a
                 for a in addressees]
        for position, (person_id, words) in enumerate(
                people_or_words(self._store, body_id, given, "An addressee"), start=1):
            self._store.insert("recommendation_addressees", {
                "recommendation_id": recommendation_id, "position": position,
                "person_id": person_id, "organisation": words})

    def delete(self, recommendation_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        """Delete one entered by mistake, with its addressees, updates and links
        (returned, for undo)."""
        self.get(recommendation_id)
        removed = self._store.delete_with_dependents(self.table, recommendation_id)
        return Changes.of(self.kind, recommendation_id), removed

    # -- progress ----------------------------------------------------------

    def add_update(self, recommendation_id: str, text: str, *, on=None, rag: str = "",
                   meeting_id: str | None = None) -> tuple[str, Changes]:
        """Progress, dated ``on`` (a date given is kept; without one, the date of
        the meeting it was reported at, else today); a RAG status given with it
        becomes the recommendation's unless an update dated later gave one."""
        current = self.get(recommendation_id)
        text = require_text(text, "update")
        rag = choice(rag or "", RAGS, "RAG status")
        if meeting_id:
            meeting = self._store.row("SELECT body_id, date FROM meetings WHERE id = ?",
                                      (meeting_id,))
            if meeting is None:
                raise NotFoundError("That meeting no longer exists.")
            if meeting["body_id"] != current.body_id:
                raise ValidationError("That meeting belongs to another body.")
            on = on or meeting["date"]
        made_on = past_date(on, "date of the update") or dt.date.today()
        # Only the latest-dated update giving a RAG status sets it (the later
        # entered on the same day): news of an earlier day changes nothing now.
        later = self._store.scalar(
            "SELECT count(*) FROM recommendation_updates WHERE recommendation_id = ? "
            "AND rag <> '' AND made_on > ?", (recommendation_id, made_on.isoformat()))
        with self._store.transaction():
            row = self._store.insert("recommendation_updates", {
                "recommendation_id": recommendation_id, "made_on": made_on.isoformat(),
                "text": text, "rag": rag, "meeting_id": meeting_id})
            if rag and not later:
                self._store.update(self.table, recommendation_id, {"rag": rag})
        return row["id"], Changes.of(self.kind, recommendation_id, row["id"])

    def remove_update(self, update_id: str, rag: str) -> Changes:
        """Take an update back (undo), the recommendation's RAG status put back to ``rag``."""
        row = self._store.row("SELECT * FROM recommendation_updates WHERE id = ?", (update_id,))
        if row is None:
            raise NotFoundError("That update no longer exists.")
        with self._store.transaction():
            self._store.delete("recommendation_updates", update_id)
            self._store.update(self.table, row["recommendation_id"], {"rag": rag})
        return Changes.of(self.kind, row["recommendation_id"], update_id)

    # -- what touches it -----------------------------------------------------

    def link(self, recommendation_id: str, *, action_id: str | None = None,
             paper_id: str | None = None, meeting_id: str | None = None,
             agenda_item_id: str | None = None) -> tuple[str, Changes]:
        """An action, a paper or a meeting (perhaps one of its items) that touches it."""
        current = self.get(recommendation_id)
        given = {"action_id": action_id, "paper_id": paper_id, "meeting_id": meeting_id}
        if sum(bool(v) for v in given.values()) != 1:
            raise ValidationError("Link an action, a paper or a meeting: one at a time.")
        body_of = {
            "action_id": "SELECT m.body_id FROM actions a JOIN meetings m ON m.id = a.meeting_id "
                         "WHERE a.id = ?",
            "paper_id": "SELECT body_id FROM papers WHERE id = ?",
            "meeting_id": "SELECT body_id FROM meetings WHERE id = ?"}
        column = next(c for c, v in given.items() if v)
        body_id = self._store.scalar(body_of[column], (given[column],))
        if body_id is None:
            raise NotFoundError(f"That {_LINKED[column]} no longer exists.")
        if body_id != current.body_id:
            raise ValidationError(f"That {_LINKED[column]} belongs to another body.")
        if agenda_item_id and self._store.scalar(
                "SELECT meeting_id FROM agenda_items WHERE id = ?",
                (agenda_item_id,)) != meeting_id:
            raise ValidationError("That agenda item belongs to another meeting.")
        if self._store.row(f"SELECT id FROM recommendation_links WHERE recommendation_id = ? "
                           f"AND {column} = ? AND agenda_item_id IS ?",
                           (recommendation_id, given[column], agenda_item_id)):
            raise ValidationError(f"The recommendation is already linked to that "
                                  f"{'agenda item' if agenda_item_id else _LINKED[column]}.")
        row = self._store.insert("recommendation_links", {
            "recommendation_id": recommendation_id, **given, "agenda_item_id": agenda_item_id})
        return row["id"], Changes.of(self.kind, recommendation_id, row["id"])

    def unlink(self, link_id: str) -> tuple[Changes, list[tuple[str, dict]]]:
        return self._remove("recommendation_links", link_id, "recommendation_id", "link")
