"""Colours that carry meaning, worked out from the system palette each time they
are drawn, so they read on a light or a dark theme alike."""

from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel


def _dark_theme(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def _blend(one: QColor, other: QColor, share: float) -> QColor:
    """``share`` of ``one`` mixed into ``other``."""
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in
                             zip(one.getRgbF()[:3], other.getRgbF()[:3], strict=True)))


def warning() -> QBrush:
    """Text that needs attention: a deep red on light backgrounds, a soft red on dark."""
    dark = _dark_theme(QApplication.palette())
    return QBrush(QColor.fromHslF(0.0, 0.8, 0.7 if dark else 0.32))


def notice() -> QBrush:
    """Text set aside for later (a deferred item): a deep amber on light, a soft one on dark."""
    dark = _dark_theme(QApplication.palette())
    return QBrush(QColor.fromHslF(0.1, 0.9, 0.65 if dark else 0.28))


def on_track() -> QBrush:
    """Text of something on track (a green RAG status): a deep green on light, a soft one on dark."""
    dark = _dark_theme(QApplication.palette())
    return QBrush(QColor.fromHslF(0.36, 0.7, 0.6 if dark else 0.26))


def muted() -> QBrush:
    """Text that is past or set aside: halfway between the text and its background."""
    palette = QApplication.palette()
    return QBrush(_blend(palette.color(QPalette.ColorRole.Text),
                         palette.color(QPalette.ColorRole.Base), 0.55))


def highlight() -> QColor:
    """A fill behind text (a bar) in the selection colour, faded enough for the text to read."""
    palette = QApplication.palette()
    return _blend(palette.color(QPalette.ColorRole.Highlight),
                  palette.color(QPalette.ColorRole.Base), 0.4)


def show_as_warning(label: QLabel) -> None:
    """Draw a label's text bold in the warning colour."""
    colours = label.palette()
    colours.setBrush(QPalette.ColorRole.WindowText, warning())
    label.setPalette(colours)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
