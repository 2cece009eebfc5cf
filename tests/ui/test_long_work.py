"""Long work runs on a worker thread behind a progress dialog with a Cancel button."""

import threading
from types import SimpleNamespace

import pytest
from pypdf import PdfReader
from sqlite_utils import Database
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui import file_dialogs
from secretariat.files import exchange as core_exchange
from secretariat.errors import FileProblem
from secretariat.taskforce import Taskforce
from secretariat.storage import schema
from secretariat.storage import backups
from secretariat.storage.backups import backup_dir_for
from secretariat.storage.opening import APPLICATION_ID
from secretariat.files.travel import take_travel_copy
from ui.dialogs import exchange, travel
from ui.edits import command
from ui.long_work import LongWork, _Worker
from ui.pages.actions import ActionsPage


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_work_runs_off_the_gui_thread_and_its_result_comes_back_on_it(parent, qtbot):
    threads, results = [], []
    release = threading.Event()

    def work(progress):
        threads.append(threading.get_ident())
        progress(3, 4)
        release.wait()
        return "the result"

    job = LongWork(parent, "Working…", work,
                   lambda result: results.append((result, threading.get_ident())))
    qtbot.waitUntil(lambda: job.dialog.value() == 3)
    assert job.dialog.isVisible() and job.dialog.isModal() and job.dialog.maximum() == 4
    with qtbot.waitSignal(job.ended) as ended:
        release.set()
    assert ended.args == ["done"]
    assert results == [("the result", threading.get_ident())]
    assert threads and threads != [threading.get_ident()]
    assert not job.dialog.isVisible()


def test_cancel_stops_the_work_at_its_next_report_and_hands_nothing_back(parent, qtbot):
    results, reached = [], []
    release = threading.Event()

    def work(progress):
        progress(1, 10)
        release.wait()
        progress(2, 10)
        reached.append("after cancel")
        return "never"

    job = LongWork(parent, "Working…", work, results.append)
    qtbot.waitUntil(lambda: job.dialog.value() == 1)
    job.cancel_button.click()
    assert job.dialog.isVisible() and not job.cancel_button.isEnabled()
    with qtbot.waitSignal(job.ended) as ended:
        release.set()
    assert ended.args == ["cancelled"] and results == reached == []
    assert not job.dialog.isVisible()


def test_a_problem_the_user_can_act_on_is_shown(parent, qtbot, dialogs_shown):
    def work(progress):
        raise FileProblem("The disk is full.")

    job = LongWork(parent, "Working…", work)
    with qtbot.waitSignal(job.ended) as ended:
        pass
    assert ended.args == ["failed"] and dialogs_shown == [("Cannot open the file",
                                                           "The disk is full.")]


# -- the three pieces of long work, from the window ---------------------------


@pytest.fixture
def held(monkeypatch):
    """The worker's first report of progress waits for ``release``: the test can
    look at the dialog, and press Cancel, while the work is under way."""
    release, threads = threading.Event(), []
    real = _Worker._progress

    def report(worker, done, total):
        real(worker, done, total)
        if not threads:
            threads.append(threading.get_ident())
            release.wait()

    monkeypatch.setattr(_Worker, "_progress", report)
    return SimpleNamespace(release=release, threads=threads)


def press_cancel(job, held, qtbot) -> str:
    """Cancel the work while it is held; how it ended."""
    qtbot.waitUntil(lambda: job.dialog.maximum() > 0)  # the first report has arrived
    assert job.dialog.isVisible() and job.dialog.isModal()
    job.cancel_button.click()
    with qtbot.waitSignal(job.ended) as ended:
        held.release.set()
    assert held.threads and held.threads != [threading.get_ident()]  # not the GUI thread
    return ended.args[0]


def save_pdf(page, replies, out):
    """Click Save as PDF… and choose ``out``; the printing started."""
    replies.save_to(out)
    QTest.mouseClick(next(b for b in page.findChildren(QPushButton)
                          if b.text() == "Save as P&DF…"), Qt.MouseButton.LeftButton)
    return page.printing


def test_the_action_log_prints_on_a_worker_and_cancel_writes_no_pdf(
        session, qtbot, tmp_path, held, replies, files_opened):
    page = ActionsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.status.setCurrentIndex(page.status.findData(None))  # every action
    out = tmp_path / "log.pdf"

    assert press_cancel(save_pdf(page, replies, out), held, qtbot) == "cancelled"
    assert not out.exists()

    job = save_pdf(page, replies, out)
    with qtbot.waitSignal(job.ended) as ended:
        pass
    assert ended.args == ["done"]
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    first = session.tf.actions.log(body_id=session.body_id)[0]
    assert "ACTION LOG" in text and " ".join(first.text.split()[:3]) in " ".join(text.split())


def test_an_export_cancelled_leaves_no_file_and_the_window_carries_on(
        sample_window, tmp_path, monkeypatch, qtbot, held):
    out = tmp_path / "exports" / "everything.json"
    out.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "get_save_file_name", lambda *a, **k: (str(out), ""))

    assert press_cancel(exchange.export_file(sample_window), held, qtbot) == "cancelled"

    assert list(out.parent.iterdir()) == []
    tf = sample_window.session.tf
    person = tf.store.row("SELECT id FROM people WHERE name <> ''")["id"]
    assert command.update(sample_window.session, tf.people, person, "Rename",
                          name="After The Export")
    assert tf.people.get(person).name == "After The Export"


def test_a_merge_cancelled_leaves_the_file_as_it_was_and_open_again(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot, held):
    away = tmp_path / "laptop.taskforce"
    take_travel_copy(sample_window.session.tf.store, away)
    with Taskforce.open(away) as tf:
        tf.store.insert("people", {"name": "Met On The Away Afternoon"})
    before = exchange_json(sample_window)
    monkeypatch.setattr(file_dialogs, "get_open_file_name", lambda *a, **k: (str(away), ""))

    merging = travel.merge_copy(sample_window)
    with qtbot.waitSignal(merging.finished) as finished:
        assert press_cancel(merging.job, held, qtbot) == "cancelled"

    assert finished.args == [None]
    assert sample_window.session.tf.path == sample_path
    assert exchange_json(sample_window) == before
    assert sample_window.session.tf.store.check() == []


def test_a_travel_copy_is_written_on_a_worker_and_cancel_leaves_none(
        sample_window, sample_path, tmp_path, monkeypatch, qtbot, held):
    away, told = tmp_path / "laptop.taskforce", []
    monkeypatch.setattr(travel, "ask_save_path", lambda *args: str(away))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(title))
    store = sample_window.session.tf.store
    snapshots = backup_dir_for(sample_path)

    def taken() -> list:
        return store.rows("SELECT path FROM travel_copies_taken")

    before = set(snapshots.iterdir()) if snapshots.exists() else set()
    assert press_cancel(travel.take_copy(sample_window), held, qtbot) == "cancelled"
    assert not away.exists() and taken() == []
    assert set(snapshots.iterdir()) == before  # no snapshot left either

    job = travel.take_copy(sample_window)
    with qtbot.waitSignal(job.ended) as ended:
        pass
    assert ended.args == ["done"]
    assert [row["path"] for row in taken()] == [str(away)]
    assert told == ["Travel Copy Taken"]
    with Taskforce.open(away) as copy:  # a whole file that knows where it came from
        assert copy.store.scalar("SELECT home_name FROM travel_origin") == sample_path.name
        assert copy.store.check() == []


@pytest.fixture
def older_file(file_path):
    """A file as the first release wrote it, with a body and a person in it."""
    backups.create_private_file(file_path)
    db = Database(file_path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    schema.migration_sets()[0].apply(db)
    db["bodies"].insert({"id": "b1", "name": "Mutuals Taskforce", "created_at": "2011-01-01",
                         "updated_at": "2011-01-01"})
    db["people"].insert({"id": "p1", "name": "Ada Gardener", "created_at": "2011-01-01",
                         "updated_at": "2011-01-01"})
    db.conn.commit()
    db.close()
    return file_path


def test_an_older_file_is_upgraded_on_a_worker_before_it_opens(window, older_file, qtbot, held):
    held.release.set()  # not held: the upgrade runs through
    assert window.open_path(older_file)

    assert held.threads and held.threads != [threading.get_ident()]  # the worker upgraded it
    assert window.session.tf.store.check() == []
    assert window.session.tf.people.get("p1").name == "Ada Gardener"
    assert [b.reason for b in backups.list_backups(older_file)] == ["before-upgrade"]


def test_an_upgrade_stopped_opens_nothing_and_carries_on_next_time(
        window, older_file, qtbot, held, monkeypatch, dialogs_shown):
    monkeypatch.setattr(LongWork, "__init__", _cancelled_at_once(LongWork.__init__, held))
    assert not window.open_path(older_file)
    assert window.session is None and dialogs_shown == []  # stopped, not refused

    monkeypatch.undo()
    held.release.set()
    assert window.open_path(older_file)
    assert window.session.tf.store.check() == []


def _cancelled_at_once(init, held):
    """LongWork as usual, but Cancel pressed as soon as the work has begun."""
    def start(job, *args, **kwargs):
        init(job, *args, **kwargs)
        job.worker.progressed.connect(lambda *_: (job.cancel_button.click(), held.release.set()))
    return start


def exchange_json(window) -> str:
    """Everything in the window's file, as the export writes it."""
    return core_exchange.export_json(window.session.tf.store)


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
def test_characters_that_print_as_boxes_are_asked_about_before_the_log_is_laid_out(
        session, qtbot, tmp_path, monkeypatch, answer, replies, files_opened):
    action = session.tf.actions.log(body_id=session.body_id, status="open")[0]
    session.tf.actions.record_update(action.id, "Wrote to 漢字 Ltd")
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: asked.append(a[2]) or answer)
    page = ActionsPage(session)
    qtbot.addWidget(page)
    page.show()
    out = tmp_path / "log.pdf"

    first = save_pdf(page, replies, out)
    with qtbot.waitSignal(first.ended):
        pass

    assert len(asked) == 1 and "漢" in asked[0]
    if answer == QMessageBox.StandardButton.No:
        assert page.printing is first and not out.exists()
        return
    with qtbot.waitSignal(page.printing.ended) as ended:
        pass
    assert ended.args == ["done"] and out.read_bytes().startswith(b"%PDF")
