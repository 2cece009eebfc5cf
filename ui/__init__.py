"""The PySide6 window: pages, dialogs, Qt models, undoable edits, menus."""

from .compat import protect_refcounts

protect_refcounts()
