"""The printed recommendations tracker: each report's recommendations, grouped by
chapter or by addressee, a row each with its number, addressees, deadline,
the Government's response, RAG status, latest update and what touches it
(actions, papers, meetings). Overdue ones say so. Filtered, its heading says
by what."""

from collections import Counter

from ..report.recommendation_records import RAGS, RESPONSES, Recommendation
from ..report.tracker import TrackerDocument
from ..values import day_month_year, long_date
from . import fonts
from .flowables import Cell, grid, heading, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph

HEADER = ["No.", "Recommendation", "Addressed to", "Deadline", "Response and RAG",
          "Owner and latest update"]
WIDTHS = [0.07, 0.25, 0.16, 0.13, 0.16, 0.23]
_COLOURS = {"red": "#b00000", "amber": "#b36b00", "green": "#1a7f37"}
OVERDUE = '<br/><font color="#b00000" size="8"><b>OVERDUE</b></font>'


def warnings(doc: TrackerDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(*doc.all_text)


def _rag(made: Recommendation) -> str:
    """The RAG status as markup (our words only), in its colour."""
    if not made.rag:
        return f"<br/>RAG: {RAGS['']}"
    return f'<br/><font color="{_COLOURS[made.rag]}"><b>RAG: {made.rag_label}</b></font>'


def _row(made: Recommendation, doc: TrackerDocument) -> list:
    response = "\n".join(part for part in (
        made.response_label, day_month_year(made.response_on) if made.response_on else "",
        made.response_text) if part)
    latest = made.latest
    follow = [f"Owner: {made.owner_label}" if made.owner_label else "",
              f"Done {day_month_year(made.completed_on)}." if made.completed_on else "",
              latest.line() if latest else "No updates yet.",
              "Touches: " + "; ".join(link.label for link in made.links) if made.links else ""]
    return [made.number, "\n".join([made.text, *made.lettered_points]), made.addressee_label,
            Cell(made.deadline_label or "None set",
                 after=OVERDUE if made.overdue(doc.today) else ""),
            Cell(response, after=_rag(made)), "\n".join(f for f in follow if f)]


def _summary(found: list[Recommendation], doc: TrackerDocument) -> str:
    """'17 recommendations. Accepted 5, … RAG: Green 3, … Overdue: 4.'"""
    responses = Counter(r.response for r in found)
    rags = Counter(r.rag for r in found if r.rag)
    parts = [f"{len(found)} recommendation{'' if len(found) == 1 else 's'}."]
    if responses:
        parts.append(", ".join(f"{label} {responses[key]}" for key, label in RESPONSES.items()
                               if responses[key]) + ".")
    if rags:
        parts.append("RAG: " + ", ".join(f"{label} {rags[key]}" for key, label in RAGS.items()
                                         if rags[key]) + ".")
    parts.append(f"Overdue: {sum(r.overdue(doc.today) for r in found)}.")
    return " ".join(parts)


def render(doc: TrackerDocument) -> bytes:
    styles = stylesheet()
    story = title(doc.body_name, styles["Title"]) + [
        Paragraph("RECOMMENDATIONS TRACKER", styles["Title"])]
    scope = f"By {doc.by}, as at {long_date(doc.today)}"
    story += title(scope + (f"; addressed to {doc.addressee}" if doc.addressee else "")
                   + (f"; only {doc.only}" if doc.only else ""), styles["Centre"])
    if not doc.sections:
        story.append(Paragraph("There are no reports.", styles["Body"]))
    for section in doc.sections:
        report = section.report
        story += heading(report.title, styles["Heading"])
        found = section.recommendations
        published = (f"Published {report.published_label}. " if report.published else "")
        story += paragraphs(published + _summary(found, doc), styles["Small"])
        if not found:
            story.append(Paragraph("No recommendations to show.", styles["Body"]))
        for group, made in section.groups:
            story += heading(group, styles["Subheading"], level=1)
            story += grid(HEADER, [_row(r, doc) for r in made], WIDTHS, styles)
    return build_pdf(story, PageSettings(title=f"{doc.body_name} recommendations tracker",
                                         marking=doc.marking))
