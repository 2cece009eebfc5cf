"""The shipped TrueType font (DejaVu Sans), registered once.

Helvetica has no glyphs outside Windows-1252, so names such as "Łukasz Żółć"
would print as boxes; DejaVu Sans covers Latin, Greek and Cyrillic.
"""

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

import resources

from . import parsed_fonts

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"


@cache
def loaded() -> str:
    """Register the family (so <b> and <i> work) and return its name."""
    faces = {name: resources.path("fonts", f"{name}.ttf")
             for name in (REGULAR, BOLD, ITALIC, BOLD_ITALIC)}
    for font in parsed_fonts.load(faces):
        pdfmetrics.registerFont(font)
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR


@cache
def _covered() -> frozenset[int]:
    loaded()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


def missing_glyphs(*texts: str) -> list[str]:
    """Characters the font cannot print, in order of first appearance."""
    covered = _covered()
    missing: dict[str, None] = {}
    for text in texts:
        for char in text or "":
            # Beyond U+FFFF ReportLab prints nothing right, whatever the font has.
            wanting = ord(char) not in covered or ord(char) > 0xFFFF
            if wanting and not char.isspace() and char not in missing:
                missing[char] = None
    return list(missing)


def what_prints_instead(missing: list[str]) -> str:
    """Of the characters ``missing_glyphs`` found, what the page shows instead."""
    codes = [c for c in missing if ord(c) > 0xFFFF]
    if not codes:
        return "they will print as boxes"
    example = f"their codes, such as [U+{ord(codes[0]):X}]"
    if len(codes) == len(missing):
        return f"they will print as {example}"
    return f"they will print as boxes (those beyond U+FFFF as {example})"
