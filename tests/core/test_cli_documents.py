"""Every PDF command warns, in one line, of characters the font cannot print."""

import pytest

from secretariat.__main__ import main
from secretariat.taskforce import Taskforce

CLEF = "𝄞"  # beyond U+FFFF
KANJI = "漢"  # not in the shipped font


@pytest.mark.parametrize("argv", [
    ["register"], ["reviews"], ["brief", "--meeting", "2012-01-12"],
    ["agenda", "--meeting", "2012-01-12"], ["minutes", "--meeting", "2012-01-12"],
    ["pack", "--meeting", "2012-01-12"],
    ["attendance"], ["actions"], ["recommendations"], ["forward-plan", "--from", "2011-06-01"]])
def test_a_character_the_font_lacks_is_warned_of_and_the_pdf_still_written(
        sample_path, tmp_path, capsys, argv):
    with Taskforce.open(sample_path) as tf:
        with tf.store.transaction() as db:
            db.execute("UPDATE bodies SET name = name || ' ' || ?", (KANJI + CLEF,))
    out = tmp_path / "out.pdf"
    assert main([argv[0], str(sample_path), *argv[1:], "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert (f"warning: the font has no glyph for {KANJI} {CLEF}; they will print as boxes "
            "(those beyond U+FFFF as their codes, such as [U+1D11E])") in err
    assert out.read_bytes().startswith(b"%PDF")
