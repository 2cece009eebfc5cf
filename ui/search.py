"""Edit > Find… (Ctrl+F or Ctrl+K, anywhere in the program) opens the search box.

The box (``ui.search_box``) is imported the first time it is wanted, so
start-up does not pay for it.
"""


def start(window) -> None:
    """Open the search box on the window's open file (one box per file)."""
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
