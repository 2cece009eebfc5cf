"""The PySide6 window: pages, dialogs, Qt models, undoable edits, menus."""

from .compat import drop_feature_import_hook

drop_feature_import_hook()  # first: it slows every import after it
