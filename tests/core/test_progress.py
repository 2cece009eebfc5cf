"""Long work reports its progress and, cancelled, leaves nothing half-written."""

import datetime as dt
import json
import stat

import pytest

from secretariat.files import exchange
from secretariat.documents import actions_pdf
from secretariat.errors import Cancelled
from secretariat.progress import in_batches
from secretariat.storage import Store
from secretariat.taskforce import Taskforce
from secretariat.files.travel import merge, take_travel_copy


class Watcher:
    """A progress callback that records what it hears and cancels after ``stop_after`` calls."""

    def __init__(self, stop_after: int | None = None):
        self.heard: list[tuple[int, int]] = []
        self.stop_after = stop_after

    def __call__(self, done: int, total: int) -> None:
        if self.stop_after is not None and len(self.heard) >= self.stop_after:
            raise Cancelled()
        self.heard.append((done, total))

    @property
    def finished(self) -> bool:
        done, total = self.heard[-1]
        return done == total > 0


def dump(path) -> str:
    with Taskforce.open(path) as tf:
        return exchange.export_json(tf.store)


def test_an_export_reports_every_row_and_reads_through_a_second_connection(sample_tf, tmp_path):
    """The window keeps the file open; a reader on another connection exports it."""
    watcher = Watcher()
    out = tmp_path / "everything.json"
    with Taskforce(Store.reader(sample_tf.path)) as reader:
        exchange.export_file(reader.store, out, watcher)
    text = out.read_text(encoding="utf-8")
    assert text == exchange.export_json(sample_tf.store)
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    rows = sum(len(rows) for rows in json.loads(text)["tables"].values())
    assert watcher.heard[0] == (0, rows) and watcher.heard[-1] == (rows, rows)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_cancelled_export_leaves_no_file_and_an_old_one_as_it_was(sample_tf, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / "everything.json"
    with pytest.raises(Cancelled):
        exchange.export_file(sample_tf.store, out, Watcher(stop_after=3))
    assert list(folder.iterdir()) == []
    out.write_text("last week's export")
    with pytest.raises(Cancelled):
        exchange.export_file(sample_tf.store, out, Watcher(stop_after=3))
    assert [p.name for p in folder.iterdir()] == [out.name]
    assert out.read_text() == "last week's export"


def test_the_action_log_is_read_in_batches_and_laid_out_with_progress(sample_tf):
    body = sample_tf.bodies.all()[0]
    loading, laying_out = Watcher(), Watcher()
    ids = sample_tf.actions.log_ids(body_id=body.id)
    # Deleted after the ids were listed (one of a meeting not yet approved): left
    # out, the rest still read.
    gone = next(i for i in ids[8:] if sample_tf.actions.get(i).meeting_id
                not in sample_tf.store.column("SELECT meeting_id FROM approved_minutes"))
    sample_tf.store.delete("actions", gone)
    actions = in_batches(ids, sample_tf.actions.many, loading, size=7)
    assert [a.id for a in actions] == [i for i in ids if i != gone]
    assert len(loading.heard) == 2 + (len(ids) - 1) // 7 and loading.finished
    doc = actions_pdf.ActionLogDocument(body.name, "All actions", dt.date(2012, 1, 1),
                                        tuple(actions))
    assert actions_pdf.render(doc, laying_out).startswith(b"%PDF")
    assert laying_out.finished
    with pytest.raises(Cancelled):
        actions_pdf.render(doc, Watcher(stop_after=2))


@pytest.fixture
def away(sample_path, tmp_path):
    """A travel copy of the sample with someone added away; both files closed."""
    target = tmp_path / "laptop.taskforce"
    with Taskforce.open(sample_path) as tf:
        take_travel_copy(tf.store, target)
        body_id = tf.bodies.all()[0].id
    with Taskforce.open(target) as tf:
        tf.people.create(body_id, "Met Away")
    return target


def test_a_merge_reports_progress_to_the_end(sample_path, away):
    watcher = Watcher()
    report = merge(sample_path, away, progress=watcher)
    assert report.merged and watcher.finished
    assert [done for done, _ in watcher.heard] == sorted(done for done, _ in watcher.heard)
    assert "Met Away" in dump(sample_path)


@pytest.mark.parametrize("stop_at", [0, 300, 600, 1000])  # comparing, trying, applying, committing
def test_a_cancelled_merge_leaves_the_home_file_as_it_was(sample_path, away, stop_at):
    before = dump(sample_path)

    def cancel_at(done, total):
        if done >= stop_at * total / 1000:
            raise Cancelled()
    with pytest.raises(Cancelled):
        merge(sample_path, away, progress=cancel_at)
    assert dump(sample_path) == before
    assert merge(sample_path, away).merged  # and it can be merged later
    assert "Met Away" in dump(sample_path)
