import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from secretariat import sample
from secretariat.taskforce import Taskforce


@pytest.fixture
def file_path(tmp_path):
    """Where a new taskforce file goes (not created yet)."""
    return tmp_path / "mtf.taskforce"


@pytest.fixture
def tf(file_path):
    """A new, empty taskforce file, open."""
    with Taskforce.open(file_path, create=True) as opened:
        yield opened


@pytest.fixture
def sample_path(tmp_path):
    """A closed file holding the sample taskforce."""
    path = tmp_path / "sample.taskforce"
    with Taskforce.open(path, create=True) as opened:
        sample.build(opened)
    return path


@pytest.fixture
def sample_tf(sample_path):
    with Taskforce.open(sample_path) as opened:
        yield opened
