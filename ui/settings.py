"""Every setting the window keeps, declared once (QSettings, per user)."""

from pathlib import Path

from PySide6.QtCore import QSettings

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
SPLITTERS = "window/splitters"  # one state per splitter, under its name
RECENT_FILES = "files/recent"
MAX_RECENT = 8


def recent_files() -> list[str]:
    value = QSettings().value(RECENT_FILES, [])
    return [value] if isinstance(value, str) else list(value or [])


def remember_file(path: Path) -> None:
    """Put a file at the top of Open Recent."""
    text = str(path)
    QSettings().setValue(RECENT_FILES, [text] + [p for p in recent_files() if p != text][
        :MAX_RECENT - 1])


def forget_file(path: str) -> None:
    QSettings().setValue(RECENT_FILES, [p for p in recent_files() if p != path])
