"""The main window: wires the open file's pages and the menus, nothing more.

- A page: add it to ``PAGES`` in ``ui/pages/__init__.py``.
- A tab on the meeting page: add it to ``MEETING_TABS`` in ``ui/pages/meeting.py``.
- A menu entry (and toolbar button): add it to ``Act`` and ``ENTRIES`` in
  ``ui/menus.py``; its handler gets this window (``window.session`` is the
  open file, or None).
"""

import gc
import importlib
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu

from secretariat.errors import DamagedFileError, FileProblem, UserFacingError
from secretariat.taskforce import Taskforce

from . import files, meeting_commands, menus, on_screen, places, settings
from .errors import show_error
from .network_warning import warn_if_network_share
from .pages import PAGES
from .session import Session
from .workspace import Workspace

log = logging.getLogger("secretariat.ui")

# A moment after the window is up, a background thread settles the session:
# - it imports sqlite-utils, which the first edit would otherwise stall on for
#   some 100 ms (start-up does not pay for it either);
# - then it sets everything made so far (modules, classes, the first page's
#   widgets: some 50,000 objects, kept all session) outside the reach of the
#   cycle collector, whose full collections walk only what came later: turning
#   to every page and scrolling the log of the 100 x sample, the longest took
#   3 ms instead of 17-19 (tests/benchmarks/work_arounds.py, 4 December 2026).
#   Objects so set are still freed when no longer referenced; only a cycle
#   among them would stay.
WARM_UP_AFTER_MS = 1000
WRITING_MODULE = "sqlite_utils"


def _settle() -> None:
    importlib.import_module(WRITING_MODULE)
    gc.freeze()


def warm_up() -> threading.Thread:
    thread = threading.Thread(target=_settle, name="warm-up", daemon=True)
    thread.start()
    return thread


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.session: Session | None = None
        self.undo_group = QUndoGroup(self)
        self.commands = menus.build(self, self.undo_group, [name for name, _ in PAGES],
                                   self.go_to)
        self.recent_menu: QMenu = self.commands[menus.Act.OPEN_RECENT].menu()
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.recent_menu.setToolTipsVisible(True)
        self.resize(1100, 700)
        geometry = QSettings().value(settings.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        self._show_nothing_open()

    # -- opening and closing ---------------------------------------------------

    def start(self, path: str | None) -> None:
        """Open the file named on the command line, the last one used, or the default."""
        default = files.default_path()  # first: an earlier version's files move to its folder
        if path:
            self.open_path(path)
        elif recent := [p for p in settings.recent_files() if Path(p).exists()]:
            self.open_path(recent[0])
        elif default.exists():
            self.open_path(default)
        elif self.open_path(default, create=True) and files.offer_sample(self):
            self.open_path(files.sample_path())
        self.show()
        QTimer.singleShot(WARM_UP_AFTER_MS, warm_up)

    def open_path(self, path, create: bool = False) -> bool:
        if self.session and Path(path).absolute() == self.session.tf.path:
            return True
        self.close_file()
        tf = files.open_taskforce(self, path, create)
        if not isinstance(tf, Taskforce):  # refused (and said why), or its upgrade stopped
            if not isinstance(tf, DamagedFileError):
                return False
            from .dialogs import backups  # dialogs are imported when first wanted

            return backups.offer_restore(self, path)
        self._show_session(Session(tf, self))
        return True

    def _show_session(self, session: Session) -> None:
        self.session = session
        tf = session.tf
        self.session.error_parent = self
        self.undo_group.addStack(self.session.undo_stack)
        self.undo_group.setActiveStack(self.session.undo_stack)
        self.session.changed.connect(self._update_title, Qt.ConnectionType.UniqueConnection)
        workspace = Workspace(self.session)
        self.setCentralWidget(workspace)
        places.return_to(tf.path, workspace)
        settings.remember_file(tf.path)
        menus.set_file_open(self.commands, True)
        on_screen.follow(workspace, self._update_printing)
        self.session.changed.connect(self._update_cancellable, Qt.ConnectionType.UniqueConnection)
        meeting_commands.follow_chosen(workspace, self._update_cancellable)
        self._update_cancellable()
        self._update_title()
        warn_if_network_share(self, tf.path)

    def close_file(self, keep_history: bool = False) -> Session | None:
        """Close the open file; ``keep_history``: its session, undo history and
        all, to ``reopen_file`` if nothing changes the file meanwhile."""
        if self.session is None:
            return None
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()  # a field being typed in saves itself on losing focus
        self.session.prepare_to_close()  # so does one in a window that is not active
        places.remember(self.session.tf.path, self.centralWidget())
        session, self.session = self.session, None
        self.undo_group.removeStack(session.undo_stack)
        self._show_nothing_open()
        # Views may have a refresh queued for the next turn of the event loop:
        # let it run while the file is still open.
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            warning = session.close(keep_history)  # backs the file up if anything changed
        except UserFacingError as error:
            show_error(self, error)
        else:
            if warning:
                show_error(self, warning, "Backup not taken")
        return session

    def reopen_file(self, session: Session) -> bool:
        """Open again a file closed with its history kept; as a fresh opening
        if it can no longer be opened as it was."""
        try:
            session.reopen()
        except UserFacingError:
            return self.open_path(session.tf.path)
        self._show_session(session)
        return True

    def _show_nothing_open(self) -> None:
        note = QLabel("No taskforce file is open.\n\nUse File > Open or File > New.")
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setAccessibleName("No file open")
        self.setCentralWidget(note)
        menus.set_file_open(self.commands, False)
        self._update_title()

    def _update_title(self, *_) -> None:
        if self.session is None:
            self.setWindowTitle("")
            return
        tf = self.session.tf
        suffix = ((" (read-only)" if tf.read_only else "")
                  + (" (travel copy)" if self.session.travel_origin else ""))
        body = f" — {self.session.body.name}" if self.session.body_id else ""
        self.setWindowTitle(f"{tf.path.name}{suffix}{body}")

    def _update_printing(self) -> None:
        menus.set_printable(self.commands, on_screen.has_document(self),
                            on_screen.NOTHING_TO_PRINT)

    def _update_cancellable(self, *_) -> None:
        """Cancel and Reinstate as the chosen meeting allows, after another is
        chosen or a meeting is cancelled, reinstated, or either undone."""
        menus.set_cancellable(self.commands, meeting_commands.chosen_record(self))

    def closeEvent(self, event) -> None:
        QSettings().setValue(settings.GEOMETRY, self.saveGeometry())
        self.close_file()
        super().closeEvent(event)

    # -- menu commands -----------------------------------------------------------

    def new_file(self) -> None:
        path = files.ask_save_path(self, "New Taskforce File", files.default_path().parent)
        if not path:
            return
        if Path(path).exists():
            show_error(self, FileProblem(f"{Path(path).name} already exists; choose a new "
                                         "name for the new file.", path))
        elif self.open_path(path, create=True):
            self.edit_taskforce()

    def choose_and_open(self) -> None:
        if path := files.ask_open_path(self):
            self.open_path(path)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings.recent_files():
            action = self.recent_menu.addAction(files.recent_label(path))
            action.setToolTip(path)  # whole, pointed at
            action.triggered.connect(lambda _=False, path=path: self._open_recent(path))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def _open_recent(self, path: str) -> None:
        if not Path(path).exists():
            settings.forget_file(path)
        self.open_path(path)

    def save_copy(self) -> None:
        tf = self.session.tf
        suggestion = tf.path.with_name(f"{tf.path.stem} copy{tf.path.suffix}")
        if path := files.ask_save_path(self, "Save a Copy", suggestion):
            try:
                written = tf.save_copy(path)
            except UserFacingError as error:
                show_error(self, error)
                return
            self.statusBar().showMessage(f"Saved a copy as {written.name}", 5000)

    def edit_taskforce(self) -> None:
        if self.session and self.session.body_id:
            from .dialogs.taskforce import TaskforceDialog

            TaskforceDialog(self.session, self).exec()

    def go_to(self, index: int) -> None:
        workspace = self.centralWidget()
        if isinstance(workspace, Workspace):
            workspace.show_page(index)
