"""The data folder is the program's name once (~/.local/share/Taskforce Secretariat
on Linux), and what earlier versions kept in the doubled folder moves there."""

import shutil
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from secretariat.storage.backups import backup_dir_for, list_backups
from secretariat.taskforce import Taskforce
from ui import settings
from ui.app import APP_NAME, data_dir

Location = QStandardPaths.StandardLocation


def doubled_folder() -> Path:
    """Where earlier versions kept their files: Qt's AppDataLocation, which adds
    the organisation's name and the application's (both the program's name)."""
    return Path(QStandardPaths.writableLocation(Location.AppDataLocation))


def test_the_data_folder_names_the_program_once():
    folder = data_dir()
    assert folder == Path(QStandardPaths.writableLocation(Location.GenericDataLocation)) / APP_NAME
    assert folder.parts.count(APP_NAME) == 1


def test_an_earlier_versions_files_move_and_the_next_start_opens_the_last_one(
        window, sample_path):
    old = doubled_folder()
    old.mkdir(parents=True)
    kept = old / sample_path.name  # its backups are named after it
    shutil.copy2(sample_path, kept)
    shutil.copytree(backup_dir_for(sample_path), backup_dir_for(kept))
    (old / "secretariat.log").write_text("an earlier error\n", encoding="utf-8")
    settings.remember_file(kept)  # what the earlier version left in Open Recent

    window.start(None)

    moved = data_dir() / kept.name
    assert window.session.tf.path == moved
    assert settings.recent_files()[0] == str(moved)
    assert len(list_backups(moved)) >= 1
    assert (data_dir() / "secretariat.log").read_text(encoding="utf-8") == "an earlier error\n"
    assert not old.exists()


def test_a_file_an_earlier_version_still_has_open_stays_until_it_is_closed(sample_path):
    old = doubled_folder()
    old.mkdir(parents=True)
    kept = old / "mutuals.taskforce"
    shutil.copy2(sample_path, kept)

    with Taskforce.open(kept):  # as the earlier version, still running
        assert not (data_dir() / kept.name).exists() and kept.exists()

    assert (data_dir() / kept.name).exists() and not old.exists()
