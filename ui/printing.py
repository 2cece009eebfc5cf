"""Printing: File > Print… and Print Preview… for the document the page or tab
on screen shows, the print dialog, and the preview with its zoom.

A PDF goes out as ReportLab wrote it: printed to a PDF file, the file holds
those very bytes (text that can be searched and copied, written privately
through the output checks), and only a real printer is sent pages drawn at
its resolution.
"""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from . import settings
from .errors import show_error
from .exports import Document, Ready, write_file
from .on_screen import NOTHING_TO_PRINT, shown
from .widgets import button

ZOOM_STEP = 1.25
ZOOM_LIMITS = (0.1, 8.0)


# -- the document on screen ----------------------------------------------------

def with_shown_document(window, ready: Ready):
    """Hand the document on screen to ``ready``; say so when there is none."""
    make = getattr(shown(window), "make_document", None)
    if make is None:
        show_error(window, NOTHING_TO_PRINT, "Nothing to print")
        return None
    return make(ready)


def print_current(window):
    """File > Print…"""
    return with_shown_document(window, lambda document: print_document(window, document))


def preview_current(window):
    """File > Print Preview…"""
    return with_shown_document(window, lambda document: show_preview(window, document))


# -- printing ------------------------------------------------------------------

def print_document(parent: QWidget, document: Document) -> bool:
    """The print dialog, then the document: the PDF itself to a PDF file, pages
    drawn at the printer's resolution to a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.file_name)
    dialog = QPrintDialog(printer, parent)
    # Printing to a file starts where the official last saved, as the save
    # dialogs do. Qt's own dialog fills this field from the working folder; the
    # printer's output file would fill it too, but also turn the choice from
    # the printer to a file.
    to_file = dialog.findChild(QLineEdit, "filename")
    if to_file is not None:
        to_file.setText(settings.start_at(document.file_name))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return write_file(parent, settings.remember_folder(printer.outputFileName()),
                          document.pdf)
    print_pages(printer, document.pdf)
    return True


def load_pdf(document: QPdfDocument, pdf: bytes) -> None:
    """Show ``pdf`` in ``document``, read from memory (a buffer it owns)."""
    document.close()
    for old in document.findChildren(QBuffer):
        old.deleteLater()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)


def print_pages(printer: QPrinter, pdf: bytes) -> None:
    """The pages the official chose, each drawn as large as the paper allows
    without changing its shape."""
    document = QPdfDocument()
    load_pdf(document, pdf)
    chosen = printer.pageRanges()
    pages = [page for page in range(document.pageCount())
             if chosen.isEmpty() or chosen.contains(page + 1)]
    painter = QPainter(printer)
    try:
        for n, page in enumerate(pages):
            if n:
                printer.newPage()
            area = painter.viewport()
            size = document.pagePointSize(page).toSize().scaled(
                area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, size)
            painter.drawImage(area.x(), area.y(), image)
    finally:
        painter.end()
        document.close()


# -- the preview ---------------------------------------------------------------

class PdfPages(QWidget):
    """A PDF shown as it will print, page after page, zoomed to the width or the
    whole page, or in and out (``zoom_buttons``)."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = b""
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(f"Preview of {name}")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._fits: dict[QPdfView.ZoomMode, QPushButton] = {}  # the zoom buttons that fit
        self.view.zoomModeChanged.connect(lambda _: self._show_fit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        load_pdf(self.document, pdf)

    def zoom_buttons(self, keys_on: QWidget | None = None) -> list[QPushButton]:
        """Fit Width, Fit Page, + and −; their keys work within ``keys_on``, if given.
        The fit the pages are shown at stays pressed (neither, once zoomed)."""
        made = []
        for text, slot, name, keys, mode in (
                ("Fit &Width", self.fit_width, "Fit width", (), QPdfView.ZoomMode.FitToWidth),
                ("Fit &Page", self.fit_page, "Fit page", (), QPdfView.ZoomMode.FitInView),
                ("+", self.zoom_in, "Zoom in", ("+", "=", QKeySequence.StandardKey.ZoomIn), None),
                ("−", self.zoom_out, "Zoom out", ("-", QKeySequence.StandardKey.ZoomOut), None)):
            push = button(text, slot, f"{name} ({keys[0]})" if keys else name)
            push.setAccessibleName(name)
            push.setAutoDefault(False)  # in a dialog the first would look pressed, and take Enter
            if mode is not None:
                push.setCheckable(True)
                self._fits[mode] = push
            made.append(push)
            for key in keys if keys_on else ():
                QShortcut(QKeySequence(key), keys_on, slot)
        self._show_fit()
        return made

    def _show_fit(self) -> None:
        """Press the button of the fit shown, and only it (a click on it would
        otherwise let it up)."""
        for mode, push in self._fits.items():
            push.setChecked(mode == self.view.zoomMode())

    def zoom(self) -> float:
        """The zoom the pages are shown at (1 is their printed size), whatever the mode."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        # As QPdfView fits a page: the viewport less the margins, over the
        # page's size in points at the screen's resolution.
        margins = self.view.documentMargins()
        area = self.view.viewport().size().shrunkBy(margins)
        page = self.document.pagePointSize(self.view.pageNavigator().currentPage())
        if page.width() <= 0:
            return 1.0  # nothing loaded yet
        scale = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72
        across = area.width() / (page.width() * scale)
        if self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return across
        return min(across, area.height() / (page.height() * scale))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_fit()

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_fit()

    def zoom_in(self) -> None:
        self._zoom_to(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self.zoom() / ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        low, high = ZOOM_LIMITS
        self.view.setZoomFactor(min(max(factor, low), high))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)


class PreviewDialog(QDialog):
    """Print Preview: the document as it will print, zoomed to the width or the
    whole page, or in and out; Print… from there."""

    def __init__(self, parent: QWidget, document: Document):
        super().__init__(parent)
        self.setWindowTitle(f"Print Preview: {document.title}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._document = document
        self.pages = PdfPages(document.title, self)
        self.pages.show_pdf(document.pdf)
        self.view = self.pages.view
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

        tools = QHBoxLayout()
        for push in self.pages.zoom_buttons(keys_on=self):
            tools.addWidget(push)
        tools.addStretch()
        ending = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        ending.addButton(button("&Print…", lambda: print_document(self, self._document),
                                "Print on a printer or to a PDF file"),
                         QDialogButtonBox.ButtonRole.ActionRole)
        ending.rejected.connect(self.reject)
        tools.addWidget(ending)

        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.pages, 1)
        self.resize(parent.size() * 0.8 if parent else QSize(800, 900))


def show_preview(parent: QWidget, document: Document) -> PreviewDialog:
    """Open the preview, modal to the window, and return at once."""
    dialog = PreviewDialog(parent, document)
    dialog.open()
    return dialog
