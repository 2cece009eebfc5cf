"""Every setting the window keeps, declared once (QSettings, per user)."""

import json
from pathlib import Path

from PySide6.QtCore import QSettings

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
RECENT_FILES = "files/recent"
MAX_RECENT = 8
PLACES = "files/places"  # where each file of Open Recent was left: JSON, {path: place}


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


def _places() -> dict[str, dict]:
    try:
        found = json.loads(QSettings().value(PLACES, "{}"))
    except (TypeError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def place_of(path: Path) -> dict:
    """Where the file was left (``ui.places``), or {}."""
    found = _places().get(str(path))
    return found if isinstance(found, dict) else {}


def remember_place(path: Path, place: dict) -> None:
    """Keep where the file was left, for the files of Open Recent only."""
    kept = {p: where for p, where in _places().items() if p in recent_files()}
    kept[str(path)] = place
    QSettings().setValue(PLACES, json.dumps(kept))


def follow_moved_files(old_folder: Path, new_folder: Path) -> None:
    """Open Recent names the files of a folder moved elsewhere by their new place."""
    def moved(path: str) -> str:
        return str(new_folder / Path(path).name) if Path(path).parent == old_folder else path

    QSettings().setValue(RECENT_FILES, [moved(p) for p in recent_files()])
