"""The printed review coverage view: each paper with its reviewers by role,
its marks (no technical or lay reviewer, deadline near with reviews
outstanding) and any conflict flags; then each member's review load."""

from ..review.reviews import CoverageDocument, PaperCoverage
from ..values import day_month_year, long_date
from . import fonts
from .flowables import grid, heading, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import esc


def warnings(doc: CoverageDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    texts = [doc.body_name, *(load.name for load in doc.loads)]
    for cover in doc.papers:
        paper = cover.paper
        texts += [paper.label, paper.title, paper.sign_off_conditions or "", cover.owner or "",
                  *cover.goes_to]
        texts += [r.person_name for r in cover.reviews] + [f.line for f in cover.flags]
        texts += [f"{s.name} {s.expertise} {s.contact} {s.suggested_by}"
                  for s in cover.suggested]
    return fonts.missing_glyphs(*texts)


def _paper(cover: PaperCoverage, styles) -> list:
    paper = cover.paper
    story = heading(paper.label, styles["Heading"])
    facts = [paper.title if paper.short_name else "", f"Status: {paper.status_label}"]
    facts += [f"Lead: {cover.owner}" if cover.owner else "",
              f"Wave: {paper.wave}" if paper.wave else "",
              f"Review deadline: {long_date(paper.review_deadline)}"
              if paper.review_deadline else "",
              f"Signed off {long_date(paper.signed_off_on)}" if paper.signed_off_on else "",
              f"Conditions: {paper.sign_off_conditions}" if paper.sign_off_conditions else "",
              "Goes to the meeting of " + "; and of ".join(cover.goes_to)
              if cover.goes_to else ""]
    story += paragraphs(". ".join(f for f in facts if f) + ".", styles["Body"])
    story += [Paragraph(f"<b>{esc(mark)}</b>", styles["Bullet"], bulletText="!")
              for mark in cover.marks]
    if cover.reviews:
        story += grid(["Role", "Reviewer", "Status", "Since"],
                      [[r.role_label, r.person_name, r.status_label, day_month_year(r.nominated_on)]
                       for r in cover.reviews], [0.3, 0.3, 0.18, 0.22], styles)
    else:
        story.append(Paragraph("No member has nominated themselves yet.", styles["Body"]))
    if cover.flags:
        story.append(Paragraph("Conflict flags", styles["Subheading"]))
        for flag in cover.flags:
            story += paragraphs(flag.line, styles["Bullet"], "•")
    if cover.suggested:
        story.append(Paragraph("Suggested external reviewers", styles["Subheading"]))
        story += grid(["Name", "Expertise", "Contact", "Suggested by"],
                      [[s.name, s.expertise, s.contact, s.suggested_by]
                       for s in cover.suggested], [0.25, 0.3, 0.25, 0.2], styles)
    return story


def render(doc: CoverageDocument) -> bytes:
    styles = stylesheet()
    story = title(doc.body_name, styles["Title"]) + [
        Paragraph("REVIEW OF PAPERS: COVERAGE", styles["Title"]),
        Paragraph(f"As on {long_date(doc.on)}", styles["Centre"])]
    for cover in doc.papers:
        story += _paper(cover, styles)
    if not doc.papers:
        story.append(Paragraph("There are no papers.", styles["Body"]))
    story += heading("Review load", styles["Heading"])
    story += grid(["Member", "Reviews in hand", "Reviews done"],
                  [[load.name, str(load.in_hand), str(load.done)] for load in doc.loads],
                  [0.5, 0.25, 0.25], styles)
    return build_pdf(story, PageSettings(title="Review coverage", marking=doc.marking))
