"""The printed font is parsed once and read back from the user's cache after:
the same glyphs and widths, whatever happened to the cache in between."""

import os
import pickle
import shutil

import pytest

import resources
from secretariat.documents import fonts, parsed_fonts


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "taskforce-secretariat" / parsed_fonts.CACHE_NAME


@pytest.fixture
def faces(tmp_path):
    folder = tmp_path / "fonts"
    folder.mkdir()
    names = (fonts.REGULAR, fonts.BOLD)
    for name in names:
        shutil.copy2(resources.path("fonts", f"{name}.ttf"), folder)
    return {name: folder / f"{name}.ttf" for name in names}


@pytest.fixture
def parses(monkeypatch):
    """How many faces were parsed from their font file."""
    made = []

    class Counted(parsed_fonts.TTFont):
        def __init__(self, *args, **kwargs):
            made.append(args[0])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parsed_fonts, "TTFont", Counted)
    return made


def _same_face(one, other):
    text = "Łukasz Żółć, Ελένη, Ирина & Julian Le Grand"
    assert one.fontName == other.fontName
    assert one.stringWidth(text, 10) == other.stringWidth(text, 10)
    assert one.face.charToGlyph == other.face.charToGlyph
    glyphs = sorted({ord(char) for char in text})
    assert one.face.makeSubset(glyphs) == other.face.makeSubset(glyphs)  # what the PDF embeds


def test_faces_are_parsed_once_then_read_back_the_same(cache, faces, parses):
    fresh = parsed_fonts.load(faces)
    assert cache.exists() and parses == list(faces)
    again = parsed_fonts.load(faces)
    assert parses == list(faces)  # nothing parsed the second time
    for one, other in zip(fresh, again, strict=True):
        _same_face(one, other)


def test_a_changed_font_file_is_parsed_again(cache, faces, parses):
    parsed_fonts.load(faces)
    regular = faces[fonts.REGULAR]
    os.utime(regular, ns=(0, regular.stat().st_mtime_ns + 10**9))
    parsed_fonts.load(faces)
    assert parses == list(faces) * 2


@pytest.mark.parametrize("damage", [b"", b"not a cache at all", None])
def test_a_damaged_cache_is_parsed_afresh_and_replaced(cache, faces, parses, damage):
    good = parsed_fonts.load(faces)
    if damage is None:  # cut short, as by a full disk
        cache.write_bytes(cache.read_bytes()[:1000])
    else:
        cache.write_bytes(damage)
    for one, other in zip(good, parsed_fonts.load(faces), strict=True):
        _same_face(one, other)
    assert len(parses) == 2 * len(faces)
    parsed_fonts.load(faces)
    assert len(parses) == 2 * len(faces)  # the cache was written whole again


def test_fonts_load_when_the_cache_cannot_be_written(tmp_path, monkeypatch, faces, parses):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert [font.fontName for font in parsed_fonts.load(faces)] == list(faces)
    assert [font.fontName for font in parsed_fonts.load(faces)] == list(faces)
    assert len(parses) == 2 * len(faces)


def test_a_damaged_face_in_the_cache_is_read_from_its_font_file(cache, faces):
    fresh = parsed_fonts.load(faces)
    key, entries = pickle.loads(cache.read_bytes())
    entries = [(state, name, stored[:500]) for state, name, stored in entries]
    cache.write_bytes(pickle.dumps((key, entries)))
    for one, other in zip(fresh, parsed_fonts.load(faces), strict=True):
        _same_face(one, other)
