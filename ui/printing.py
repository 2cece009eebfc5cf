"""Printing: the print dialog, and a PDF shown as it will print.

A PDF goes out as ReportLab wrote it: printed to a PDF file, the file holds
those very bytes (text that can be searched and copied, written privately
through the output checks), and only a real printer is sent pages drawn at
its resolution.
"""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from .exports import Document
from .minutes_edits import write_file


# -- printing ------------------------------------------------------------------

def print_document(parent: QWidget, document: Document) -> bool:
    """The print dialog, then the document: the PDF itself to a PDF file, pages
    drawn at the printer's resolution to a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.file_name)
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return write_file(parent, printer.outputFileName(), document.pdf)
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
    """A PDF shown as it will print, page after page."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = b""
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(f"Preview of {name}")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        load_pdf(self.document, pdf)
