"""The PySide6 window: pages, dialogs, Qt models, undoable edits, menus."""
