import os
import shutil

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from secretariat.files import sample
from secretariat.storage.backups import backup_dir_for
from secretariat.taskforce import Taskforce


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory):
    """Caches (the parsed fonts) go to a folder of the test run, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture
def file_path(tmp_path):
    """Where a new taskforce file goes (not created yet)."""
    return tmp_path / "mtf.taskforce"


@pytest.fixture
def tf(file_path):
    """A new, empty taskforce file, open."""
    with Taskforce.open(file_path, create=True) as opened:
        yield opened


@pytest.fixture(scope="session")
def _sample_template(tmp_path_factory):
    """The sample built once (with the backup its first closing made)."""
    path = tmp_path_factory.mktemp("template") / "sample.taskforce"
    with Taskforce.open(path, create=True) as opened:
        sample.build(opened)
    return path


@pytest.fixture
def sample_path(tmp_path, _sample_template):
    """A closed file holding the sample taskforce, a fresh copy for each test."""
    path = tmp_path / _sample_template.name
    shutil.copy2(_sample_template, path)  # closed: no -wal to miss; keeps mode 0600
    shutil.copytree(backup_dir_for(_sample_template), backup_dir_for(path))
    return path


@pytest.fixture
def sample_tf(sample_path):
    with Taskforce.open(sample_path) as opened:
        yield opened
