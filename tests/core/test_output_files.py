"""Files written for the official: private, and whole or not there at all."""

import pytest

from secretariat.errors import UserFacingError
from secretariat.files.output_files import private_output, write_private


def test_an_output_replaces_an_older_file_whole_and_privately(tmp_path):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"last week's minutes")
    out.chmod(0o644)
    write_private(out, b"%PDF this week's")
    assert out.read_bytes() == b"%PDF this week's"
    assert out.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


def test_a_write_that_fails_halfway_leaves_the_older_file_and_no_scraps(tmp_path):
    out = tmp_path / "export.json"
    out.write_text("last week's export")
    with pytest.raises(RuntimeError):
        with private_output(out, text=True) as half:
            half.write('{"format": ')
            raise RuntimeError("the work stopped")
    assert out.read_text() == "last week's export"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


@pytest.mark.parametrize("where, message", [
    ("folder", "is a folder; name a file to write"),
    ("missing/out.pdf", "The folder for out.pdf does not exist"),
])
def test_a_place_that_cannot_take_the_file_is_named(tmp_path, where, message):
    (tmp_path / "folder").mkdir()
    with pytest.raises(UserFacingError, match=message):
        write_private(tmp_path / where, b"%PDF")
