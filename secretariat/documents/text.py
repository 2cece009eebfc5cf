"""The one way user text enters a Paragraph.

ReportLab parses Paragraph text as markup: a stray ``<`` or ``&`` raises,
``<b>`` changes the layout and ``<img src=…>`` reads a local file. Everything
typed by a user goes through ``esc``; nothing else builds markup from it.

Two things ReportLab cannot do are done here, line by line:
- characters beyond U+FFFF (😀) it would cut to 16 bits, printing another
  character (ὠ): each prints as its code instead, "[U+1F600]", and the
  document's warnings name it (``fonts.missing_glyphs``);
- right-to-left text (Hebrew, Arabic) it lays out left to right, unjoined:
  Arabic letters are joined here (arabic-reshaper), still in the order
  typed, and each line is reordered for the eye once it has been wrapped
  (``paragraph.Paragraph``, with ``visual_order``), so it reads right and a
  PDF reader's text extraction gives it back in the order it was typed
  (its joined letters are Unicode's presentation forms, which compatibility
  normalisation, NFKC, turns back into the letters).
"""

import re

# C0 controls other than tab and newline, DEL and C1 controls: they have no
# glyph and some break the PDF text layer. Lone surrogates and U+FFFE/U+FFFF
# are no characters at all, and a Word document (XML) cannot hold any of them.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
ASTRAL = re.compile("[\U00010000-\U0010ffff]")
RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def plain(text: str) -> str:
    """User text without control characters, its lines ended by newlines: what
    any document can hold (a Word document holds the rest as typed)."""
    return _CONTROLS.sub("", str(text or "")).replace("\r\n", "\n").replace("\r", "\n")


def clean(text: str) -> str:
    """User text without characters no printer can show (cleaning it twice
    changes nothing)."""
    return ASTRAL.sub(lambda found: f"[U+{ord(found.group()):X}]", plain(text))


def joined(text: str) -> str:
    """Text with its Arabic letters in the forms they take when joined, in
    the order typed: what is measured and wrapped."""
    if RIGHT_TO_LEFT.search(text):
        import arabic_reshaper  # only for documents holding right-to-left text

        return arabic_reshaper.reshape(text)
    return text


def for_the_eye(text: str) -> str:
    """One line of clean text as it is seen: for what is drawn without
    wrapping (a chart's labels, the marking)."""
    if RIGHT_TO_LEFT.search(text):
        return "".join(ch for _, ch in visual_order(joined(text)))
    return text


def right_to_left_first(text: str) -> bool:
    """Whether the text's first letter of a definite direction is written right
    to left: it is then a right-to-left paragraph (Unicode's rules P2, P3)."""
    from bidi import get_base_level

    return get_base_level(text) == 1


def visual_order(line: str, rtl: bool = False) -> list[tuple[int, str]]:
    """Where each character of one line goes, in a left-to-right paragraph or
    (``rtl``) a right-to-left one: its index in ``line`` and the character
    shown (a bracket in a right-to-left run mirrored), left to right.

    python-bidi's own implementation, step by step, so that each character
    can be followed to its place (``get_display`` gives only the string, and
    a line of bold and plain pieces must know which piece each came from).
    """
    from bidi import algorithm as uba

    storage = uba.get_empty_storage()
    storage["base_level"], storage["base_dir"] = (1, "R") if rtl else (0, "L")
    uba.get_embedding_levels(line, storage)
    for at, char in enumerate(storage["chars"]):
        char["at"] = at
    for step in (uba.explicit_embed_and_overrides, uba.resolve_weak_types,
                 uba.resolve_neutral_types, uba.resolve_implicit_levels,
                 uba.reorder_resolved_levels, uba.apply_mirroring):
        step(storage, False)
    return [(char["at"], char["ch"]) for char in storage["chars"]]


def esc(text: str) -> str:
    """User text as safe Paragraph markup: printed literally, newlines kept."""
    # Words too long for a line are split by ReportLab (splitLongWords).
    # By hand, not xml.sax.saxutils.escape: that module brings in urllib,
    # http and email, some 15 ms of every print run from the command line.
    text = joined(clean(text))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\n", "<br/>")
