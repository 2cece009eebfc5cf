"""Ctrl+F and Ctrl+K, anywhere in the window, open the search box.

The box (``ui.search_box``) is imported the first time it is wanted, so
start-up does not pay for it.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut


def install(window) -> None:
    """Add the shortcuts to the main window; the box searches its open file."""
    def start() -> None:
        session = window.session
        if session is None:
            return
        from .search_box import SearchBox, open_hit

        box = getattr(window, "search_box", None)
        if box is None or box.session is not session:
            if box is not None:
                box.deleteLater()
            box = SearchBox(session, window)
            box.open_record.connect(lambda *hit: open_hit(window, *hit))
            window.search_box = box
        box.start()

    for keys in (QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")):
        shortcut = QShortcut(keys, window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(start)
