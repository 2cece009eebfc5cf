"""The one way user text enters a Paragraph.

ReportLab parses Paragraph text as markup: a stray ``<`` or ``&`` raises,
``<b>`` changes the layout and ``<img src=…>`` reads a local file. Everything
typed by a user goes through ``esc``; nothing else builds markup from it.

Two things ReportLab cannot do are done here, line by line:
- characters beyond U+FFFF (😀) it would cut to 16 bits, printing another
  character (ὠ): each prints as its code instead, "[U+1F600]", and the
  document's warnings name it (``fonts.missing_glyphs``);
- right-to-left text (Hebrew, Arabic) it lays out left to right, unjoined:
  each line is reordered for the eye (python-bidi) with Arabic letters
  joined (arabic-reshaper), so it reads right, and a PDF reader's text
  extraction, which reads such runs right to left, gives it back in the
  order it was typed. (A right-to-left run wrapped across lines keeps each
  line's words in order, but not the lines'.)
"""

import re

# C0 controls other than tab and newline, DEL and C1 controls: they have no
# glyph and some break the PDF text layer.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def clean(text: str) -> str:
    """User text without characters no printer can show (cleaning it twice
    changes nothing)."""
    text = _CONTROLS.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")
    return ASTRAL.sub(lambda found: f"[U+{ord(found.group()):X}]", text)


def for_the_eye(text: str) -> str:
    """Clean text, its right-to-left runs in the order they are seen: the last
    step before it is drawn, done once."""
    if _RIGHT_TO_LEFT.search(text):
        return "\n".join(map(_line_for_the_eye, text.split("\n")))
    return text


def _line_for_the_eye(line: str) -> str:
    import arabic_reshaper  # only for documents holding right-to-left text
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(line), base_dir="L")


def esc(text: str) -> str:
    """User text as safe Paragraph markup: printed literally, newlines kept."""
    # Words too long for a line are split by ReportLab (splitLongWords).
    # By hand, not xml.sax.saxutils.escape: that module brings in urllib,
    # http and email, some 15 ms of every print run from the command line.
    text = for_the_eye(clean(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
