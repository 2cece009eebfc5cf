"""The printed minutes, in the house style of the Taskforce's own minutes.

The body's name and MEETING in capitals, the date, venue and times, MINUTES;
who attended (whoever chaired first), officials by role, presenters, guests
and apologies; then each item as a numbered heading with its points,
decisions, and an Actions table saying who does what by when.
"""

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..meeting.minutes_content import ItemMinutes, MinutesDocument
from . import fonts
from .flowables import grid, heading, paragraphs, title
from .layout import PageSettings, build_pdf, stylesheet
from .paragraph import Paragraph
from .text import esc


def warnings(doc: MinutesDocument) -> list[str]:
    """Characters the shipped font cannot print (they would show as boxes)."""
    return fonts.missing_glyphs(*doc.all_text)


def render(doc: MinutesDocument) -> bytes:
    styles = stylesheet()
    story = _title_block(doc, styles) + _register(doc, styles)
    for item in doc.items:
        story += _item(item, styles)
    if doc.corrections:
        story += heading("Corrections", styles["Heading"])
        for correction in doc.corrections:
            story += paragraphs(correction, styles["Bullet"], "•")
    return build_pdf(story, PageSettings(title=doc.metadata_title, marking=doc.marking,
                                         draft=doc.draft))


def _title_block(doc: MinutesDocument, styles) -> list:
    lines = title(doc.heading, styles["Title"]) + title(doc.date, styles["Centre"])
    for line in (doc.meeting_title, doc.venue, doc.times):
        lines += title(line, styles["Centre"]) if line else []
    lines += [Spacer(1, 3 * mm), Paragraph("MINUTES", styles["Title"])]
    if doc.publication:
        lines.append(Paragraph("Version for publication", styles["Centre"]))
    return lines + [Spacer(1, 2 * mm)]


def _columns(names: list[str], styles, columns: int = 2) -> list:
    """Names in two columns, as the seed minutes set out who attended, or one a line."""
    if not names:
        return [Paragraph("None recorded.", styles["Body"])]
    if columns == 1:
        return [line for name in names for line in paragraphs(name, styles["Cell"])]
    half = (len(names) + 1) // 2
    left, right = names[:half], names[half:] + [""] * (2 * half - len(names))
    return grid(None, [list(pair) for pair in zip(left, right, strict=True)], [0.5, 0.5], styles,
                ruled=False)


def _register(doc: MinutesDocument, styles) -> list:
    story = [Paragraph("Attendees", styles["Subheading"])]
    attendees = ([doc.chair_line] if doc.chair_line else []) + list(doc.members)
    story += _columns(attendees, styles)
    for section, names in (("Officials", doc.officials), ("Presenters", doc.presenters),
                           ("Guests", doc.guests), ("Apologies", doc.apologies)):
        if names or section in ("Officials", "Apologies"):
            story.append(Paragraph(esc(section), styles["Subheading"]))
            # officials one a line, in the order recorded, as the seed minutes list them
            story += _columns(list(names), styles, 1 if section == "Officials" else 2)
    if doc.declarations:  # when the agenda has no item for them
        story.append(Paragraph("Declarations of interest", styles["Subheading"]))
        for declaration in doc.declarations:
            story += paragraphs(declaration, styles["Bullet"], "•")
    return story + [Spacer(1, 2 * mm)]


def _item(item: ItemMinutes, styles) -> list:
    style = styles["Heading"] if item.level == 0 else styles["Subheading"]
    if item.withheld:
        title = f"{item.number} Item withheld"
        return [*heading(title, style, item.level),
                Paragraph("This item is withheld from the published minutes.", styles["Body"])]
    title = f"{item.number} {item.title}"
    story = heading(title, style, item.level)
    if item.restricted:
        story.append(Paragraph("OFFICIAL-SENSITIVE: not for publication", styles["Small"]))
    if item.note:
        story += paragraphs(item.note, styles["Body"])
    for entry in item.entries:
        if entry.kind == "decision":
            story += paragraphs(entry.text, styles["Decision"])
        else:
            story += paragraphs(entry.text, styles["Bullet"], "•")
        for sub_point in entry.sub_points:
            story += paragraphs(sub_point, styles["SubBullet"], "–")
    if item.arising:
        story.append(Paragraph("Matters arising", styles["Subheading"]))
        story += grid(["Agreed", "Who", "Action", "Progress"],
                      [[a.agreed_on, a.owners, a.text, a.progress] for a in item.arising],
                      [0.17, 0.2, 0.35, 0.28], styles)
    if item.actions:
        story.append(Paragraph("Actions", styles["Subheading"]))
        story += grid(["Who", "Action", "When"],
                      [[a.owners, a.text, a.when] for a in item.actions],
                      [0.25, 0.52, 0.23], styles)
    return story
