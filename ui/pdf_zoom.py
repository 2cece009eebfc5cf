"""Zoom for a PDF preview: smaller, larger, or the page's width fitting the pane."""

from PySide6.QtPdfWidgets import QPdfView

from .flow_layout import FlowLayout
from .widgets import button

STEP = 1.25  # each press, a quarter larger or smaller
SMALLEST, LARGEST = 0.25, 4.0


def zoom_row(view: QPdfView) -> FlowLayout:
    """Zoom out, Zoom in and Fit Width buttons for ``view``."""
    def zoom_by(factor: float) -> None:
        now = view.zoomFactor()
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:  # start from the size shown
            points = view.document().pagePointSize(0).width() if view.document() else 0
            if points:
                # At zoom 1 QPdfView draws a page at the screen's resolution.
                shown = view.viewport().width() - 2 * view.documentMargins().left()
                now = shown / (points * view.logicalDpiX() / 72)
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(min(max(now * factor, SMALLEST), LARGEST))

    def fit_width() -> None:
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    row = FlowLayout()
    for text, slot, tip in (("Zoom Ou&t", lambda: zoom_by(1 / STEP), "Show the pages smaller"),
                            ("Zoom &In", lambda: zoom_by(STEP), "Show the pages larger"),
                            ("Fit &Width", fit_width, "The page as wide as the preview")):
        row.addWidget(button(text, slot, tip))
    return row
