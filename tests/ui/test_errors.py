"""An unexpected exception in a slot is logged and shown; the window stays open."""

import logging
import os
import stat
import sys

import pytest
from PySide6.QtWidgets import QPushButton

from ui import errors


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_logged_and_shown(sample_window, dialogs_shown, caplog,
                                                  monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install_excepthook()

    def broken():
        raise RuntimeError("the printer caught fire")

    push = QPushButton("Print", sample_window)
    push.clicked.connect(broken)
    with caplog.at_level(logging.ERROR, logger="secretariat"):
        push.click()
    assert dialogs_shown[-1][0] == "Something went wrong"
    assert "the printer caught fire" in dialogs_shown[-1][1]
    assert "the printer caught fire" in caplog.text
    assert sample_window.isVisible() and sample_window.session is not None


def _log_one_error(message: str):
    """Start logging as the application does, log one error; the log file."""
    from ui.app import setup_logging

    log_file = setup_logging()
    logger = logging.getLogger("secretariat")
    try:
        logging.getLogger("secretariat.ui").error(message)
    finally:
        for handler in logger.handlers[:]:
            handler.close()
            logger.removeHandler(handler)
    return log_file


def test_the_log_is_kept_in_the_data_folder():
    from ui.app import data_dir

    log_file = _log_one_error("something broke")
    assert log_file.parent == data_dir()
    assert "something broke" in log_file.read_text(encoding="utf-8")


def test_a_long_log_moves_aside_at_the_next_start():
    from ui.app import LOG_LIMIT, data_dir

    (data_dir() / "secretariat.log").write_text("x" * (LOG_LIMIT + 1), encoding="utf-8")
    log_file = _log_one_error("after the move")
    assert log_file.read_text(encoding="utf-8").strip().endswith("after the move")
    assert (data_dir() / "secretariat.log.1").stat().st_size == LOG_LIMIT + 1


def test_the_log_is_readable_by_its_owner_only():
    log_file = _log_one_error("the chair's address could not be read")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    os.chmod(log_file, 0o644)  # as an earlier version left it
    _log_one_error("again")
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
