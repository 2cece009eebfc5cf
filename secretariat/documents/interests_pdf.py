"""The printed register of members' interests: each member with the interests
current on the day it shows, and where their declaration form stands.
OFFICIAL-SENSITIVE unless the official chooses otherwise."""

from reportlab.platypus import KeepTogether

from ..interest.interests import InterestsDocument
from ..values import day_month_year, long_date
from . import fonts
from .flowables import grid, heading, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph


def warnings(doc: InterestsDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(doc.body_name, *doc.not_returned, *(
        text for entry in doc.entries
        for text in (entry.person.display_name,
                     *(f"{i.description} {i.organisation}" for i in entry.interests))))


def _form_line(entry) -> str:
    form = entry.form
    if form is None:
        return "No declaration form sent."
    sent = f"Declaration form sent {long_date(form.sent_on)}"
    if form.returned_on:
        return f"{sent}, returned {long_date(form.returned_on)}."
    return f"{sent}: not yet returned."


def render(doc: InterestsDocument) -> bytes:
    styles = stylesheet()
    when = "Current on" if doc.current else "As it stood on"
    story = title(doc.body_name, styles["Title"]) + [
        Paragraph("REGISTER OF MEMBERS' INTERESTS", styles["Title"]),
        Paragraph(f"{when} {long_date(doc.as_of)}", styles["Centre"])]
    for entry in doc.entries:
        # A member's entry kept on one page where it fits: its form line never
        # starts a page alone.
        part = heading(f"{entry.person.display_name} ({entry.role_label})",
                       styles["Subheading"])
        if entry.interests:
            part += grid(
                ["Interest", "Organisation", "Kind", "MIS / MSP", "Declared"],
                [[i.description, i.organisation, i.kind_label,
                  "Yes" if i.concerns_mis_msp else "", day_month_year(i.declared_on)]
                 for i in entry.interests],
                [0.33, 0.22, 0.16, 0.1, 0.19], styles)
        else:
            part.append(Paragraph("No interests declared.", styles["Body"]))
        part.append(Paragraph(_form_line(entry), styles["Small"]))
        story.append(KeepTogether(part))
    story.append(Paragraph("Declaration forms not returned", styles["Heading"]))
    story += paragraphs(", ".join(doc.not_returned) + "." if doc.not_returned
                        else "None: every form sent has come back.", styles["Body"])
    return build_pdf(story, PageSettings(title="Register of members' interests",
                                         marking=doc.marking))
