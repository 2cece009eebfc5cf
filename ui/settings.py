"""Every setting the window keeps, declared once (QSettings, per user)."""

import json
from pathlib import Path

from PySide6.QtCore import QSettings

GEOMETRY = "window/geometry"
SPLITTERS = "window/splitters"  # one state per splitter, under its name
RECENT_FILES = "files/recent"
MAX_RECENT = 8
LAST_FOLDER = "files/last_folder"  # where the official last saved or opened a file
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


def start_at(suggestion) -> str:
    """Where a file dialog opens: the suggested name in the folder last saved to
    or opened from, while that folder is there; else the suggestion itself (a
    bare name in the home folder)."""
    suggestion = Path.home() / suggestion
    folder = QSettings().value(LAST_FOLDER, "")
    if not folder or not Path(folder).is_dir():
        return str(suggestion)
    return folder if suggestion.is_dir() else str(Path(folder) / suggestion.name)


def remember_folder(chosen: str) -> str:
    """Note the folder of a file the official chose (nothing when they cancelled); ``chosen``."""
    if chosen:
        QSettings().setValue(LAST_FOLDER, str(Path(chosen).parent))
    return chosen


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
