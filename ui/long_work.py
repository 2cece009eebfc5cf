"""Long work (printing a long document, an export, a merge) off the GUI thread.

The work is a function of one argument, ``progress(done, total)``, run on a
worker thread while a progress dialog, modal to the window, shows how far it
has gone. It must open its own connection to the file: an sqlite3
connection belongs to the thread that made it. Cancel makes the next
``progress`` call raise ``Cancelled``, and the core then leaves nothing
half-written. The result comes back on the GUI thread.
"""

import sys
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

from secretariat.errors import Cancelled, UserFacingError
from secretariat.progress import Progress

from .errors import show_error

Work = Callable[[Progress], Any]


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Work, parent: QObject):
        super().__init__(parent)
        self.work = work
        self.stop = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self._progress)
        except BaseException as error:  # handed to the GUI thread, which reports it
            self.error = error

    def _progress(self, done: int, total: int) -> None:
        if self.stop.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)


class _ProgressDialog(QProgressDialog):
    """Cancel, Escape and closing it all ask the work to stop; the dialog stays
    up, blocking the window, until the worker has stopped."""

    def reject(self) -> None:
        self.canceled.emit()

    def closeEvent(self, event) -> None:
        event.ignore()
        self.canceled.emit()


class LongWork(QObject):
    """One piece of long work, started at once; ``ended`` says how it ended."""

    ended = Signal(str)  # "done", "cancelled" or "failed", after the result is handed on

    def __init__(self, parent: QWidget, label: str, work: Work,
                 on_done: Callable[[Any], None] = lambda result: None):
        super().__init__(parent)
        self.parent_widget = parent
        self.on_done = on_done
        self.outcome = ""
        self.error: BaseException | None = None  # why it failed, or was cancelled
        self.dialog = _ProgressDialog(label, "", 0, 0, parent)
        self.dialog.setWindowTitle("Please wait")
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.cancel_button = QPushButton("Cancel")
        self.dialog.setCancelButton(self.cancel_button)
        # Set directly: the dialog's own setValue runs the event loop when modal.
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first report
        self.dialog.setBar(self.bar)
        self.dialog.canceled.disconnect(self.dialog.cancel)  # which would hide it
        self.dialog.canceled.connect(self.cancel)
        self.worker = _Worker(work, self)
        self.worker.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        self.worker.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.dialog.open()
        self.worker.start()

    def cancel(self) -> None:
        self.worker.stop.set()
        self.cancel_button.setEnabled(False)
        self.dialog.setLabelText("Stopping…")

    def _progressed(self, done: int, total: int) -> None:
        if not self.worker.stop.is_set():
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(min(done, total))

    def _finished(self) -> None:
        self.worker.wait()
        self.dialog.hide()
        self.dialog.deleteLater()
        error = self.error = self.worker.error
        if isinstance(error, Cancelled):
            self.outcome = "cancelled"
        elif isinstance(error, UserFacingError):
            self.outcome = "failed"
            show_error(self.parent_widget, error)
        elif error is not None:
            self.outcome = "failed"
            sys.excepthook(type(error), error, error.__traceback__)
        else:
            self.outcome = "done"
            self.on_done(self.worker.result)
        self.ended.emit(self.outcome)
        self.deleteLater()
