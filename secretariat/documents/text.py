"""The one way user text enters a Paragraph.

ReportLab parses Paragraph text as markup: a stray ``<`` or ``&`` raises,
``<b>`` changes the layout and ``<img src=…>`` reads a local file. Everything
typed by a user goes through ``esc``; nothing else builds markup from it.
"""

import re

# C0 controls other than tab and newline, DEL and C1 controls: they have no
# glyph and some break the PDF text layer.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """User text without characters no printer can show."""
    return _CONTROLS.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")


def esc(text: str) -> str:
    """User text as safe Paragraph markup: printed literally, newlines kept."""
    # Words too long for a line are split by ReportLab (splitLongWords).
    # By hand, not xml.sax.saxutils.escape: that module brings in urllib,
    # http and email, some 15 ms of every print run from the command line.
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
