"""ReportLab's Paragraph, with right-to-left text put in the order it is seen
line by line, once the lines are known.

ReportLab (without its optional ``rlbidi``) lays text out left to right in
the order it is stored. Reordering a whole paragraph before it is wrapped
reads right within a line but puts the lines in reverse (the end of a long
Hebrew sentence on the first line). So the paragraph is wrapped in the order
it was typed, and each line is reordered for the eye only as it is drawn:
splitting across pages still works on the typed order, and a PDF reader,
which reads each right-to-left run back from right to left, gives the text
back in the order it was typed.

A paragraph whose first letter is written right to left (a Hebrew or Arabic
minutes point) is a right-to-left paragraph, as the Unicode rules have it:
its lines are set from the right margin, and what ends a sentence (a full
stop, a colon) ends up at its left, where the sentence ends.
"""

import copy
from typing import Any

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.platypus import Paragraph as _ReportLabParagraph

from .text import RIGHT_TO_LEFT, right_to_left_first, visual_order


class Paragraph(_ReportLabParagraph):
    """A Paragraph whose right-to-left lines are drawn in visual order."""

    blPara: Any  # ReportLab's lines as wrapped (set by wrap, read by draw)
    style: Any

    def __init__(self, text, *args, **kwargs):
        super().__init__(text, *args, **kwargs)
        # Decided once from the text, so that drawing the (many) paragraphs
        # without right-to-left letters costs nothing more than ReportLab's.
        # Pieces of a split paragraph are made without text: they inherit it.
        self._right_to_left = text is None or bool(RIGHT_TO_LEFT.search(text))

    def split(self, availWidth, availHeight):
        pieces = super().split(availWidth, availHeight)
        for piece in pieces:
            if isinstance(piece, Paragraph):
                piece._right_to_left = self._right_to_left
        return pieces

    def draw(self):
        if not self._right_to_left:
            return super().draw()
        laid_out, style = self.blPara, self.style
        typed = [_line_text(line, laid_out.kind) for line in laid_out.lines]
        if any(RIGHT_TO_LEFT.search(line) for line in typed):
            rtl = right_to_left_first(" ".join(typed))
            self.blPara = copy.copy(laid_out)
            self.blPara.lines = [_for_the_eye(line, laid_out.kind, rtl) for line in laid_out.lines]
            if rtl and style.alignment in (TA_LEFT, TA_JUSTIFY):
                self.style = copy.copy(style)
                self.style.alignment = TA_RIGHT
        try:
            super().draw()
        finally:
            self.blPara, self.style = laid_out, style


def _line_text(line, kind: int) -> str:
    if kind == 0:  # (room left, [words]) in one style
        return " ".join(line[1])
    return "".join(getattr(piece, "text", "") for piece in line.words)


def _for_the_eye(line, kind: int, rtl: bool):
    if kind == 0:
        if not RIGHT_TO_LEFT.search(text := _line_text(line, kind)):
            return line
        return (line[0], "".join(ch for _, ch in visual_order(text, rtl)).split(" "))
    return _pieces_for_the_eye(line, rtl)


def _pieces_for_the_eye(line, rtl: bool):
    """A line of differently styled pieces (bold name, plain text) as pieces
    in visual order, each keeping its style; pieces without text (images,
    link anchors) stay where they were, at the start."""
    texts = [getattr(piece, "text", None) for piece in line.words]
    if not RIGHT_TO_LEFT.search("".join(t for t in texts if t)):
        return line
    owner = [n for n, text in enumerate(texts) if text for _ in text]
    pieces = [piece for piece, text in zip(line.words, texts, strict=True) if not text]
    sources: list[int] = [-1] * len(pieces)
    for at, ch in visual_order("".join(t for t in texts if t), rtl):
        if sources and sources[-1] == owner[at]:
            pieces[-1].text += ch
        else:
            pieces.append(copy.copy(line.words[owner[at]]))
            pieces[-1].text = ch
            sources.append(owner[at])
    shown = copy.copy(line)
    shown.words = pieces
    return shown
