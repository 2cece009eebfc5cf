"""The chair's brief on interests for one meeting: each conflict flag (a
member's current interest matching an agenda item or a paper going to the
meeting), the items touching the MIS or MSP, and the declaration forms still
out. The chair decides what to do with each; the brief only lists them."""

from ..interest.conflicts import BriefDocument
from ..values import long_date
from . import fonts
from .flowables import grid, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph

MIS_MSP_REMINDER = (
    "The Taskforce has no role in the use, operation or management of the MIS or MSP; "
    "the Chair stops any discussion of them beyond policy development.")


def warnings(doc: BriefDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(doc.body_name, doc.meeting_title, *doc.mis_msp_subjects,
                                *doc.not_returned, *doc.declared, *(
        f"{c.person_name} {c.interest} {c.subject_title} {c.tag}" for c in doc.conflicts))


def render(doc: BriefDocument, numbered: bool = True) -> bytes:
    """The brief; ``numbered`` off inside a meeting pack, which numbers its pages."""
    styles = stylesheet()
    story = title(doc.body_name, styles["Title"])
    story.append(Paragraph("CHAIR'S BRIEF: INTERESTS", styles["Title"]))
    story += title(" – ".join(t for t in (doc.meeting_title, long_date(doc.meeting_date)) if t),
                   styles["Centre"])
    story.append(Paragraph("Conflict flags", styles["Heading"]))
    if doc.conflicts:
        story += grid(
            ["Member", "Interest", "Item or paper", "Touches"],
            [[c.person_name, c.interest, f"{c.subject.capitalize()}: {c.subject_title}", c.tag]
             for c in doc.conflicts], [0.18, 0.3, 0.3, 0.22], styles)
        story.append(Paragraph(
            "A flag is a prompt, not a finding: invite the member to declare the interest "
            "at the item, and record what they declare.", styles["Small"]))
    else:
        story.append(Paragraph("No member's current interest matches an item or paper "
                               "for this meeting.", styles["Body"]))
    if doc.mis_msp_subjects:
        story.append(Paragraph("Items touching the MIS or MSP", styles["Heading"]))
        for subject in doc.mis_msp_subjects:
            story += paragraphs(subject, styles["Bullet"], "•")
        story.append(Paragraph(MIS_MSP_REMINDER, styles["Body"]))
    if doc.declared:
        story.append(Paragraph("Declared at the meeting", styles["Heading"]))
        for line in doc.declared:
            story += paragraphs(line, styles["Bullet"], "•")
    by = long_date(doc.meeting_date)  # as they stood on the meeting's day
    story.append(Paragraph(f"Declaration forms not returned by {by}", styles["Heading"]))
    story += paragraphs(", ".join(doc.not_returned) + "." if doc.not_returned else "None.",
                        styles["Body"])
    return build_pdf(story, PageSettings(title="Chair's brief", marking=doc.marking,
                                         numbered=numbered))
