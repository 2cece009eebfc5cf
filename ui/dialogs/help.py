"""The Help menu: the keyboard shortcuts of every command, the cycle of a
meeting as the program follows it, and what this program is and where it keeps
its files."""

from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QLabel,
                               QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..app import APP_NAME, data_dir, log_path
from ..menus import listing
from ..pages import PAGES

DISTRIBUTION = "taskforce-secretariat"  # the name pyproject.toml gives the package

CYCLE = """
<p>Each meeting of the body goes round the same cycle. The program keeps every
step in the one file.</p>
<ol>
<li><b>Draft the agenda.</b> A new meeting (Meeting &gt; New Meeting) starts with
the body's standing items: welcome, minutes of the last meeting and matters
arising, declarations of interest, the chair's update, any other business. Add
what members suggested through the chair, items carried over from last time and
the papers to discuss, in the meeting's Agenda tab, and circulate the draft for
comment. Meeting &gt; Forward Plan prints what the coming meetings hold so far
and what still waits for a place.</li>
<li><b>Send the invitations and papers.</b> Meeting &gt; Meeting Invitation
drafts the e-mail that puts the meeting in the members' calendars (a meeting
called off: Meeting &gt; Cancel Meeting; held after all: Reinstate Meeting). Make the meeting pack (Meeting &gt;
Meeting Pack): the agenda and every paper tabled, in one PDF; the restricted
version adds the chair's brief. Members volunteer to review papers on the
Papers page.</li>
<li><b>In the room: the register and the live minutes.</b> Mark who is present,
who sent apologies, who chairs and who deputises for whom in the Register tab.
Record each item's points, decisions and actions with their owners as they are
agreed, in the Live tab (Meeting &gt; Live).</li>
<li><b>Circulate the draft minutes.</b> In the Minutes tab the notes become
minutes in the house style, marked DRAFT: print them for the chair and
circulate them.</li>
<li><b>Approve them at the next meeting.</b> The next meeting agrees the
minutes under "minutes of the last meeting"; once approved they are final.</li>
<li><b>Follow up the actions.</b> The Actions page lists who is to do what, by
when; chase them, and review them at the next meeting as matters arising.</li>
</ol>
"""


class _HelpDialog(QDialog):
    """A Help window: its content above a Close button."""

    def __init__(self, title: str, content: QWidget, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(content)
        layout.addWidget(buttons)


# The keys a meeting's tabs handle themselves, besides those their modules
# declare (read by ``meeting_keys``): (tab, what the key does, keys).
TAB_KEYS = [
    ("Live", "Record the line typed", "Enter"),
    ("Live", "Next item, previous item", "PageDown, PageUp"),
    ("Agenda", "Move the chosen item up, down", "Ctrl+Up, Ctrl+Down"),
    ("Agenda", "Make it a sub-item, a main item again", "Ctrl+Right, Ctrl+Left"),
    ("Agenda", "Add an item", "Insert"),
    ("Agenda", "Remove the chosen item", "Delete"),
    ("Register", "Put the chosen member in the chair", "C"),
    ("Minutes", "Record the lines typed", "Ctrl+Enter"),
    ("Minutes", "Change the chosen line", "F2"),
    ("Minutes", "Delete the chosen line", "Delete"),
    ("Minutes", "Move the chosen line up, down", "Ctrl+Up, Ctrl+Down"),
]


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


def meeting_keys() -> list[tuple[str, str, str]]:
    """The keys of a meeting's tabs, from the tabs' own declarations and ``TAB_KEYS``."""
    from .. import item_status
    from ..pages.live import CLOCK_KEY, KINDS
    from ..pages.register import KEYS

    rows = [("Live, Minutes", f"Mark the item {item_status.WORDS[status]}", key)
            for status, key in item_status.KEYS.items()]
    rows += [("Live", f"Record {_a(label.lower())}", key) for label, key, _, _ in KINDS.values()]
    rows.append(("Live", "Start or pause the clock", CLOCK_KEY))
    marks: dict[str, list[str]] = {}
    for key, status in KEYS.items():
        marks.setdefault(status, []).append(QKeySequence(key).toString())
    rows += [("Register", f"Mark {status}", ", ".join(keys)) for status, keys in marks.items()]
    return rows + TAB_KEYS


class ShortcutsDialog(_HelpDialog):
    """Every menu command and its keys, from the menus' own declarations; then
    the keys of a meeting's tabs, from theirs."""

    def __init__(self, parent: QWidget | None = None):
        rows = listing([name for name, _ in PAGES]) + meeting_keys()
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()  # one line each, not the style's taller default
        super().__init__("Keyboard Shortcuts", self.table, parent)
        self.resize(self._width_for_every_column(), 620)

    def _width_for_every_column(self) -> int:
        """The width showing each column whole beside the vertical scroll bar (as
        far as the screen allows)."""
        table = self.table
        inside = (table.horizontalHeader().length() + 2 * table.frameWidth()
                  + table.verticalScrollBar().sizeHint().width())
        margins = self.layout().contentsMargins()
        wanted = inside + margins.left() + margins.right()
        screen = self.screen().availableGeometry().width()
        return min(wanted, screen)

    def rows(self) -> list[tuple[str, ...]]:
        return [tuple(self.table.item(r, c).text() for c in range(3))
                for r in range(self.table.rowCount())]


class CycleDialog(_HelpDialog):
    def __init__(self, parent: QWidget | None = None):
        self.guide = QLabel(CYCLE)
        self.guide.setWordWrap(True)
        self.guide.setTextFormat(Qt.TextFormat.RichText)
        self.guide.setAccessibleName("A meeting's cycle")
        self.guide.setMinimumWidth(520)
        super().__init__("A Meeting's Cycle", self.guide, parent)


def version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "not installed (run from its source)"


def about_text(window) -> str:
    session = window.session
    open_file = str(session.tf.path) if session is not None else "none"
    return (f"{APP_NAME} {version()}\n\n"
            "Agendas, the register, minutes, actions, papers and the register of interests "
            "for the secretariat of an advisory taskforce or board.\n\n"
            f"Open file: {open_file}\n"
            f"Data folder: {data_dir()}\n"
            f"Log of unexpected errors: {log_path()}")


def show_shortcuts(window) -> None:
    ShortcutsDialog(window).exec()


def show_cycle(window) -> None:
    CycleDialog(window).exec()


def show_about(window) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, f"About {APP_NAME}", about_text(window),
                      QMessageBox.StandardButton.Ok, window)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # paths to copy
    box.setAccessibleName(f"About {APP_NAME}")
    box.exec()
