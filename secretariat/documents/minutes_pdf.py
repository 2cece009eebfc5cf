"""The printed minutes, in the house style of the Taskforce's own minutes.

The body's name and MEETING in capitals, the date, venue and times, MINUTES;
who attended (whoever chaired first), officials by role, presenters, guests
and apologies; then each item as a numbered heading with its points,
decisions, and an Actions table saying who does what by when.
"""

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..meeting.minutes_content import (ACTION_COLUMNS, ARISING_COLUMNS, RESTRICTED, WITHHELD,
                                       ItemMinutes, MinutesDocument)
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
    lines = title(doc.heading, styles["Title"])
    for line in doc.title_lines:
        lines += title(line, styles["Centre"])
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
    story = []
    for section, names in doc.register:
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
    story = heading(item.heading, style, item.level)
    if item.withheld:
        return [*story, Paragraph(WITHHELD, styles["Body"])]
    if item.restricted:
        story.append(Paragraph(RESTRICTED, styles["Small"]))
    if item.note:
        story += paragraphs(item.note, styles["Body"])
    for entry in item.entries:
        if entry.kind == "decision":
            story += paragraphs(entry.text, styles["Decision"])
        else:
            story += paragraphs(entry.text, styles["Bullet"], "•")
        for sub_point in entry.sub_points:
            story += paragraphs(sub_point, styles["SubBullet"], "–")
    for label, columns, rows in (("Matters arising", ARISING_COLUMNS, item.arising_rows),
                                 ("Actions", ACTION_COLUMNS, item.action_rows)):
        if rows:
            story.append(Paragraph(esc(label), styles["Subheading"]))
            story += grid([name for name, _ in columns], rows,
                          [width for _, width in columns], styles)
    return story
