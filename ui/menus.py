"""The window's menu commands (QActions), keyed by ``Act``, with standard shortcuts.

To add a menu entry: add a member to ``Act`` and one ``Entry`` to ``ENTRIES``:
``Act.EXPORT: Entry("&File", "&Export…", lambda w: export(w, w.session))``.
The handler gets the main window (``w.session`` is the open file). Entries
with ``needs_file`` are disabled while no file is open. Menus appear in the
order of ``MENUS``, entries in the order of ``ENTRIES``.
"""

import importlib
from enum import Enum, auto
from typing import Callable

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from secretariat.frozen import record


def _dialogs(name: str):
    # Imported when used, not at start-up (travel copies need APSW, for one).
    return importlib.import_module(f".dialogs.{name}", __package__)


def _printing():
    return importlib.import_module(".printing", __package__)


Key = QKeySequence.StandardKey
MENUS = ("&File", "&Edit", "&Go")


class Act(Enum):
    NEW = auto()
    OPEN = auto()
    OPEN_RECENT = auto()
    SAVE_COPY = auto()
    TAKE_TRAVEL_COPY = auto()
    MERGE_TRAVEL_COPY = auto()
    EXPORT = auto()
    IMPORT = auto()
    BACKUPS = auto()
    PRINT = auto()
    PRINT_PREVIEW = auto()
    CLOSE = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    TASKFORCE_DETAILS = auto()


@record
class Entry:
    menu: str
    text: str
    run: Callable | None  # run(main_window); None for entries built specially
    shortcut: Key | str | None = None
    needs_file: bool = True
    separator_before: bool = False


ENTRIES: dict[Act, Entry] = {
    Act.NEW: Entry("&File", "&New…", lambda w: w.new_file(), Key.New, needs_file=False),
    Act.OPEN: Entry("&File", "&Open…", lambda w: w.choose_and_open(), Key.Open,
                    needs_file=False),
    Act.OPEN_RECENT: Entry("&File", "Open &Recent", None, needs_file=False),
    Act.SAVE_COPY: Entry("&File", "Save a &Copy…", lambda w: w.save_copy(), Key.SaveAs,
                         separator_before=True),
    Act.TAKE_TRAVEL_COPY: Entry("&File", "Take a &Travel Copy…", lambda w: _dialogs("travel").take_copy(w),
                                separator_before=True),
    Act.MERGE_TRAVEL_COPY: Entry("&File", "&Merge a Travel Copy…", lambda w: _dialogs("travel").merge_copy(w)),
    Act.EXPORT: Entry("&File", "&Export…", lambda w: _dialogs("exchange").export_file(w)),
    Act.IMPORT: Entry("&File", "&Import…", lambda w: _dialogs("exchange").import_file(w), needs_file=False),
    Act.BACKUPS: Entry("&File", "&Backups…", lambda w: _dialogs("backups").show_backups(w), needs_file=False),
    Act.PRINT: Entry("&File", "&Print…", lambda w: _printing().print_current(w), Key.Print,
                     separator_before=True),
    Act.PRINT_PREVIEW: Entry("&File", "Print Pre&view…", lambda w: _printing().preview_current(w),
                             "Ctrl+Shift+P"),
    Act.CLOSE: Entry("&File", "&Close", lambda w: w.close_file(), Key.Close,
                     separator_before=True),
    Act.QUIT: Entry("&File", "&Quit", lambda w: w.close(), Key.Quit, needs_file=False,
                    separator_before=True),
    Act.UNDO: Entry("&Edit", "&Undo", None, Key.Undo),
    Act.REDO: Entry("&Edit", "&Redo", None, Key.Redo),
    Act.TASKFORCE_DETAILS: Entry("&Edit", "&Taskforce Details…", lambda w: w.edit_taskforce(),
                                 separator_before=True),
}


def _shortcut(entry: Entry):
    if isinstance(entry.shortcut, Key):
        return QKeySequence(entry.shortcut)
    return QKeySequence(entry.shortcut or "")


def build(window: QWidget, menubar: QMenuBar, undo_group: QUndoGroup,
          page_names: list[str], go_to: Callable[[int], None]) -> dict[Act, QAction]:
    """Create every menu and QAction; returns the actions by key."""
    menus = {title: menubar.addMenu(title) for title in MENUS}
    actions: dict[Act, QAction] = {}
    for act, entry in ENTRIES.items():
        menu = menus[entry.menu]
        if entry.separator_before:
            menu.addSeparator()
        if act is Act.OPEN_RECENT:
            action = menu.addMenu(QMenu(entry.text, menu))
        elif act is Act.UNDO:
            action = undo_group.createUndoAction(window, entry.text)
        elif act is Act.REDO:
            action = undo_group.createRedoAction(window, entry.text)
        else:
            # The text by keyword: QAction(text, parent) would also be tried as
            # QAction(icon, ...), which makes QIcon's classes, some ms of start-up.
            action = QAction(window, text=entry.text)
            action.triggered.connect(lambda _=False, run=entry.run: run(window))
        action.setShortcut(_shortcut(entry))
        if act is not Act.OPEN_RECENT:
            menu.addAction(action)
        actions[act] = action
    for number, name in enumerate(page_names, start=1):
        action = menus["&Go"].addAction(f"&{number} {name}")
        action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.triggered.connect(lambda _=False, index=number - 1: go_to(index))
    return actions


def set_file_open(actions: dict[Act, QAction], is_open: bool) -> None:
    for act, action in actions.items():
        if ENTRIES[act].needs_file and act not in (Act.UNDO, Act.REDO):
            action.setEnabled(is_open)
