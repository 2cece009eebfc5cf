"""TrueType faces parsed once, then kept in the user's cache folder.

ReportLab reads a face's tables glyph by glyph in Python each time a process
loads it. The parsed faces are kept in one cache file, keyed by the ReportLab
and Python versions and each font file's size and time, and read back in a
few milliseconds: the sample's minutes command takes 182 ms with the cache
warm, 202 ms without (tests/benchmarks/work_arounds.py, 4 December 2026). A
cache that is missing, stale, damaged or cannot be written only means
parsing afresh.
"""

import operator
import os
import pickle
import sys
from functools import partial
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from ..errors import UserFacingError
from ..files.output_files import write_private

FORMAT = 2  # raised when what the file holds changes shape
CACHE_NAME = "fonts.pickle"


def cache_folder() -> Path:
    """The platform's folder for a user's caches, with a folder of ours in it."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "taskforce-secretariat"


def load(faces: dict[str, Path]) -> list[TTFont]:
    """A TTFont for each ``name: file``, from the cache when it still fits."""
    key = _key(faces)
    cached = _read(key, faces)
    if cached is not None:
        return cached
    fonts = [TTFont(name, str(path)) for name, path in faces.items()]
    _write(key, fonts)
    return fonts


class _FaceOnDemand:
    """Stands in for a cached face until ReportLab asks for more than its name,
    then becomes that face: minutes with nothing in italics never unpickle
    the italic faces. Registering a font reads only the face's name."""

    def __init__(self, name, stored: bytes, path: Path):
        self.name = name
        self._stored, self._path = stored, path

    def __getattr__(self, attribute: str):  # only for what the stand-in lacks
        stored, path = self.__dict__.pop("_stored"), self.__dict__.pop("_path")
        try:
            face = pickle.loads(stored)
        except Exception:  # noqa: BLE001 — a damaged entry: parse the file instead
            face = TTFontFace(str(path))
        self.__dict__.update(face.__dict__)
        self.__class__ = type(face)
        return getattr(self, attribute)


def _key(faces: dict[str, Path]) -> tuple:
    files = []
    for name, path in faces.items():
        stat = os.stat(path)
        files.append((name, str(path), stat.st_size, stat.st_mtime_ns))
    return FORMAT, reportlab.Version, sys.version_info[:2], tuple(files)


def _read(key: tuple, faces: dict[str, Path]) -> list[TTFont] | None:
    try:
        with open(cache_folder() / CACHE_NAME, "rb") as handle:
            stored_key, entries = pickle.load(handle)
        if stored_key != key:
            return None
        fonts = []
        for (state, face_name, stored), path in zip(entries, faces.values(), strict=True):
            font = TTFont.__new__(TTFont)
            font.__dict__.update(state)
            font.face = _FaceOnDemand(face_name, stored, path)
            font.state = WeakKeyDictionary()  # per-document subsets: none yet
            fonts.append(font)
        return fonts
    except Exception:  # noqa: BLE001 — any unreadable cache is parsed afresh
        return None


def _write(key: tuple, fonts: list[TTFont]) -> None:
    try:
        entries = []
        for font in fonts:
            face = font.face
            # ReportLab keeps its unit scale as a lambda, which pickle cannot
            # carry; the same scale as a partial can.
            face._pdfScale = partial(operator.mul, 1000 / face.unitsPerEm)
            state = {name: value for name, value in font.__dict__.items()
                     if name not in ("face", "state")}
            entries.append((state, face.name, pickle.dumps(face, protocol=5)))
        cache_folder().mkdir(parents=True, exist_ok=True)
        write_private(cache_folder() / CACHE_NAME, pickle.dumps((key, entries), protocol=5))
    except (OSError, UserFacingError, pickle.PicklingError):
        pass  # printing goes on; the next run parses again
