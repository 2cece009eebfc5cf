"""Dialogs: each a form that returns typed values; the caller makes the undoable edit."""
