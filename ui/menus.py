"""The window's commands (QActions), keyed by ``Act``: menus and toolbar from one declaration.

To add a command: add a member to ``Act`` and one ``Entry`` to ``ENTRIES``:
``Act.EXPORT: Entry("&File", "&Export…", lambda w: export(w, w.session))``.
The handler gets the main window (``w.session`` is the open file). Entries
with ``needs_file`` are disabled while no file is open. Menus appear in the
order of ``MENUS``, entries in the order of ``ENTRIES``; the toolbar holds
the commands of ``TOOLBAR``, in its order, each with its ``icon``. Help >
Keyboard Shortcuts lists every entry (``listing``), so a new one shows there
by itself.
"""

import importlib
from enum import Enum, auto
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

import resources
from secretariat.frozen import record

if TYPE_CHECKING:
    from secretariat.meeting.meetings import Meeting


def _call(module: str, name: str) -> Callable:
    """A handler running ``module.name(window)``, the module imported when first used."""
    return lambda w: getattr(importlib.import_module(module, __package__), name)(w)


Key = QKeySequence.StandardKey
MENUS = ("&File", "&Edit", "&Meeting", "&Go", "&Help")


class Act(Enum):
    NEW = auto()
    OPEN = auto()
    OPEN_RECENT = auto()
    SAVE_COPY = auto()
    TAKE_TRAVEL_COPY = auto()
    MERGE_TRAVEL_COPY = auto()
    EXPORT = auto()
    EXPORT_CALENDAR = auto()
    IMPORT = auto()
    BACKUPS = auto()
    PRINT = auto()
    PRINT_PREVIEW = auto()
    CLOSE = auto()
    QUIT = auto()
    UNDO = auto()
    REDO = auto()
    FIND = auto()
    TASKFORCE_DETAILS = auto()
    NEW_MEETING = auto()
    LIVE = auto()
    MEETING_PACK = auto()
    FORWARD_PLAN = auto()
    MEETING_INVITATION = auto()
    CANCEL_MEETING = auto()
    REINSTATE_MEETING = auto()
    SHORTCUTS = auto()
    MEETING_CYCLE = auto()
    ABOUT = auto()


@record
class Entry:
    menu: str
    text: str
    run: Callable | None  # run(main_window); None for entries built specially
    shortcut: Key | str | tuple | None = None  # a tuple: the first, then alternatives
    needs_file: bool = True
    separator_before: bool = False
    icon: str | None = None  # a theme icon's name; else resources/icons/NAME.svg
    anywhere: bool = False  # its shortcut works in every window of the program, not just this one


ENTRIES: dict[Act, Entry] = {
    Act.NEW: Entry("&File", "&New…", lambda w: w.new_file(), Key.New, needs_file=False),
    Act.OPEN: Entry("&File", "&Open…", lambda w: w.choose_and_open(), Key.Open,
                    needs_file=False),
    Act.OPEN_RECENT: Entry("&File", "Open &Recent", None, needs_file=False),
    Act.SAVE_COPY: Entry("&File", "Save a &Copy…", lambda w: w.save_copy(), Key.SaveAs,
                         separator_before=True),
    Act.TAKE_TRAVEL_COPY: Entry("&File", "Take a &Travel Copy…",
                                _call(".dialogs.travel", "take_copy"), separator_before=True),
    Act.MERGE_TRAVEL_COPY: Entry("&File", "&Merge a Travel Copy…",
                                 _call(".dialogs.travel", "merge_copy")),
    Act.EXPORT: Entry("&File", "&Export…", _call(".dialogs.exchange", "export_file")),
    Act.EXPORT_CALENDAR: Entry("&File", "Export Ca&lendar…",
                               _call(".dialogs.calendar_export", "export_calendar")),
    Act.IMPORT: Entry("&File", "&Import…", _call(".dialogs.exchange", "import_file"),
                      needs_file=False),
    Act.BACKUPS: Entry("&File", "&Backups…", _call(".dialogs.backups", "show_backups"),
                       needs_file=False),
    Act.PRINT: Entry("&File", "&Print…", _call(".printing", "print_current"), Key.Print,
                     separator_before=True, icon="document-print"),
    Act.PRINT_PREVIEW: Entry("&File", "Print Pre&view…", _call(".printing", "preview_current"),
                             "Ctrl+Shift+P"),
    Act.CLOSE: Entry("&File", "&Close", lambda w: w.close_file(), Key.Close,
                     separator_before=True),
    Act.QUIT: Entry("&File", "&Quit", lambda w: w.close(), Key.Quit, needs_file=False,
                    separator_before=True),
    Act.UNDO: Entry("&Edit", "&Undo", None, Key.Undo),
    Act.REDO: Entry("&Edit", "&Redo", None, Key.Redo),
    Act.FIND: Entry("&Edit", "&Find…", _call(".search", "start"), (Key.Find, "Ctrl+K"),
                    separator_before=True, icon="edit-find", anywhere=True),
    Act.TASKFORCE_DETAILS: Entry("&Edit", "&Taskforce Details…", lambda w: w.edit_taskforce(),
                                 separator_before=True),
    Act.NEW_MEETING: Entry("&Meeting", "&New Meeting", _call(".meeting_commands", "new_meeting"),
                           "Ctrl+Shift+N", icon="appointment-new"),
    Act.LIVE: Entry("&Meeting", "&Live", _call(".meeting_commands", "live"), "Ctrl+L",
                    icon="media-record"),
    Act.MEETING_PACK: Entry("&Meeting", "Meeting &Pack…", _call(".meeting_pack", "make_pack"),
                            separator_before=True),
    Act.FORWARD_PLAN: Entry("&Meeting", "&Forward Plan…",
                            _call(".meeting_commands", "forward_plan")),
    Act.MEETING_INVITATION: Entry("&Meeting", "Meeting &Invitation…",
                                  _call(".meeting_invitation", "invite")),
    Act.CANCEL_MEETING: Entry("&Meeting", "&Cancel Meeting…",
                              _call(".meeting_invitation", "cancel"), separator_before=True),
    Act.REINSTATE_MEETING: Entry("&Meeting", "&Reinstate Meeting…",
                                 _call(".meeting_invitation", "reinstate")),
    Act.SHORTCUTS: Entry("&Help", "&Keyboard Shortcuts", _call(".dialogs.help", "show_shortcuts"),
                         "Ctrl+/", needs_file=False),
    Act.MEETING_CYCLE: Entry("&Help", "A &Meeting's Cycle", _call(".dialogs.help", "show_cycle"),
                             Key.HelpContents, needs_file=False),
    Act.ABOUT: Entry("&Help", "&About Taskforce Secretariat", _call(".dialogs.help", "show_about"),
                     needs_file=False, separator_before=True),
}

# The commands of every meeting, on the toolbar, as their entries above declare them.
TOOLBAR: tuple[Act, ...] = (Act.NEW_MEETING, Act.LIVE, Act.PRINT, Act.FIND)


def plain(text: str) -> str:
    """A menu text as read out: no &-mnemonic, no trailing ellipsis."""
    return text.replace("&", "").rstrip("…")


def _shortcuts(entry: Entry) -> list[QKeySequence]:
    keys = entry.shortcut if isinstance(entry.shortcut, tuple) else (entry.shortcut,)
    return [QKeySequence(key) for key in keys if key is not None]


def _keys_text(sequences: list[QKeySequence]) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)


def go_entries(page_names: list[str]) -> list[tuple[str, str]]:
    """The Go menu: (text, shortcut) for each page, Ctrl+1 for the first."""
    return [(f"&{number} {name}", f"Ctrl+{number}")
            for number, name in enumerate(page_names, start=1)]


def listing(page_names: list[str]) -> list[tuple[str, str, str]]:
    """Every menu command as (menu, command, shortcuts), in the menus' order."""
    rows = [(entry.menu, plain(entry.text), _keys_text(_shortcuts(entry)))
            for entry in ENTRIES.values()]
    rows += [("&Go", plain(text), _keys_text([QKeySequence(key)]))
             for text, key in go_entries(page_names)]
    rows.sort(key=lambda row: MENUS.index(row[0]))  # stable: each menu's own order kept
    return [(plain(menu), command, shortcut) for menu, command, shortcut in rows]


def icon(name: str) -> QIcon:
    """The desktop theme's icon of that name, else the one shipped with the program."""
    return QIcon.fromTheme(name, QIcon(str(resources.path("icons", f"{name}.svg"))))


def build(window: QMainWindow, undo_group: QUndoGroup, page_names: list[str],
          go_to: Callable[[int], None]) -> dict[Act, QAction]:
    """Create every menu, the toolbar and their QActions; returns the commands by key."""
    menus = {title: window.menuBar().addMenu(title) for title in MENUS}
    commands: dict[Act, QAction] = {}
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
        action.setShortcuts(_shortcuts(entry))
        if entry.anywhere:
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        if entry.icon:
            _show_with_icon(action, entry)
        if act is not Act.OPEN_RECENT:
            menu.addAction(action)
        commands[act] = action
    for index, (text, key) in enumerate(go_entries(page_names)):
        action = menus["&Go"].addAction(text)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False, index=index: go_to(index))
    _build_toolbar(window, commands)
    return commands


def _tool_tip(entry: Entry) -> str:
    keys = _shortcuts(entry)[:1]
    return plain(entry.text) + (f" ({_keys_text(keys)})" if keys else "")


def _show_with_icon(action: QAction, entry: Entry) -> None:
    action.setIcon(icon(entry.icon))
    action.setIconText(plain(entry.text))
    action.setToolTip(_tool_tip(entry))


def _build_toolbar(window: QMainWindow, commands: dict[Act, QAction]) -> None:
    toolbar = window.addToolBar("Meeting commands")
    toolbar.setObjectName("commands")
    toolbar.setAccessibleName("Meeting commands")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for act in TOOLBAR:
        toolbar.addAction(commands[act])


def set_file_open(commands: dict[Act, QAction], is_open: bool) -> None:
    for act, action in commands.items():
        if ENTRIES[act].needs_file and act not in (Act.UNDO, Act.REDO):
            action.setEnabled(is_open)


def set_printable(commands: dict[Act, QAction], printable: bool, why_not: str) -> None:
    """Print and Print Preview, greyed where nothing on screen prints, saying
    why when pointed at."""
    for act in (Act.PRINT, Act.PRINT_PREVIEW):
        action, entry = commands[act], ENTRIES[act]
        action.setEnabled(printable)
        action.setStatusTip("" if printable else why_not)
        if entry.icon:
            action.setToolTip(_tool_tip(entry) + ("" if printable else f"\n{why_not}"))


def set_cancellable(commands: dict[Act, QAction], meeting: "Meeting | None") -> None:
    """Cancel Meeting… for a chosen meeting still planned (one held, or with
    minutes, is not called off), Reinstate Meeting… for a cancelled one;
    neither with none chosen."""
    cancelled = meeting is not None and meeting.cancelled_on is not None
    commands[Act.CANCEL_MEETING].setEnabled(
        meeting is not None and not cancelled and meeting.status == "planned")
    commands[Act.REINSTATE_MEETING].setEnabled(cancelled)
