"""The recommendations tracker: what the printed tracker says, and the grouping
the window's list shares with it (by chapter, or by addressee)."""

import datetime as dt

from ..errors import ValidationError, visible
from ..frozen import record
from ..taskforce import Taskforce
from .recommendation_records import GROUPINGS, NO_CHAPTER, RAGS, RESPONSES, Recommendation, Report

NO_ADDRESSEE = "No addressee named"


def grouped(recommendations: list[Recommendation], by: str = "chapter",
            addressee: str = "") -> list[tuple[str, list[Recommendation]]]:
    """Each heading with its recommendations, in report order: by chapter (in
    the report's order; those in none last), or by addressee (A to Z; one with
    two addressees under both, and with ``addressee`` only under those it matches)."""
    if by not in GROUPINGS:
        raise ValidationError(f"Group by one of: {', '.join(GROUPINGS)}.")
    groups: dict[tuple[bool, str, str], list[Recommendation]] = {}  # (last, order, heading)
    wanted = " ".join(addressee.split()).casefold()
    for made in recommendations:
        if by == "chapter":
            keys = [(made.chapter_position is None, f"{made.chapter_position or 0:09d}",
                     made.chapter_title or NO_CHAPTER)]
        else:
            labels = [a.label for a in made.addressees if wanted in a.label.casefold()]
            keys = [(False, label.casefold(), label) for label in labels] or [
                (True, "", NO_ADDRESSEE)]
        for key in keys:
            groups.setdefault(key, []).append(made)
    return [(key[2], found) for key, found in sorted(groups.items(), key=lambda kv: kv[0][:2])]


@record
class ReportSection:
    report: Report
    groups: tuple[tuple[str, tuple[Recommendation, ...]], ...]

    @property
    def recommendations(self) -> list[Recommendation]:
        return list({r.id: r for _, found in self.groups for r in found}.values())


@record
class TrackerDocument:
    body_name: str
    today: dt.date
    by: str
    addressee: str  # when filtered: the addressees matched, as the file spells them
    sections: tuple[ReportSection, ...]
    marking: str = "OFFICIAL"
    only: str = ""  # the other filters, in words: "accepted; RAG red; overdue"

    @property
    def all_text(self) -> list[str]:
        texts = [self.body_name, self.addressee]
        for section in self.sections:
            texts += [section.report.title, *(c.title for c in section.report.chapters)]
            for r in section.recommendations:
                texts += [r.number, r.text, r.addressee_label, r.response_text, r.owner_label]
                texts += [u.text for u in r.updates]
        return texts


def tracker_document(tf: Taskforce, body_id: str, by: str = "chapter", addressee: str = "",
                     report_id: str | None = None, today: dt.date | None = None, *,
                     response: str | None = None, rag: str | None = None,
                     overdue: bool = False) -> TrackerDocument:
    """The tracker of the body's reports (or of one), grouped ``by`` chapter or
    addressee; with ``addressee``, only what is addressed to a match, and so on
    for the window's other filters (see ``Recommendations.of_body``)."""
    body = tf.bodies.get(body_id)
    named = _addressed_to(tf, body_id, addressee)
    today = today or dt.date.today()
    reports = ([tf.reports.get(report_id)] if report_id
               else tf.reports.of_body(body_id))
    chosen = tf.recommendations.of_body(body_id, report_id, addressee=addressee,
                                        response=response, rag=rag, overdue=overdue,
                                        today=today)
    sections = []
    for report in reports:
        found = [r for r in chosen if r.report_id == report.id]
        sections.append(ReportSection(report, tuple(
            (heading, tuple(group)) for heading, group in grouped(found, by, addressee))))
    only = [RESPONSES[response].lower() if response else "",
            f"RAG {RAGS[rag].lower()}" if rag is not None else "",
            "overdue" if overdue else ""]
    return TrackerDocument(body.name, today, by, named, tuple(sections), body.default_marking,
                           "; ".join(word for word in only if word))


def _addressed_to(tf: Taskforce, body_id: str, addressee: str) -> str:
    """The addressees ``addressee`` matches, as the file spells them ('HM
    Treasury' for 'treasury'); empty for none asked. One that matches no
    addressee of the body is refused: its tracker would be empty."""
    wanted = " ".join(addressee.split())
    if not wanted:
        return ""
    found = [label for label in tf.recommendations.addressees_of_body(body_id)
             if wanted.casefold() in label.casefold()]
    if not found:
        raise ValidationError(f"No recommendation of {tf.bodies.get(body_id).name} is "
                              f"addressed to anyone whose name or organisation contains "
                              f"“{visible(wanted)}”.")
    return " or ".join(found)
