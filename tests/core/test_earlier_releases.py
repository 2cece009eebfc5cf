"""Files written by earlier releases keep opening: upgraded (a backup first),
their schema found to be what those releases made, and checked sound."""

import datetime as dt
import gzip
import shutil
from pathlib import Path

import pytest

from secretariat import search
from secretariat.meeting.actions import due_by_problems
from secretariat.storage.backups import list_backups
from secretariat.taskforce import Taskforce

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("release", sorted(p.name for p in FIXTURES.glob("*.taskforce.gz")))
def test_a_file_from_an_earlier_release_opens_upgraded_and_sound(release, tmp_path):
    path = tmp_path / release.removesuffix(".gz")
    with gzip.open(FIXTURES / release) as packed, open(path, "wb") as out:
        shutil.copyfileobj(packed, out)
    with Taskforce.open(path) as tf:
        assert tf.store.check() == [] and search.problems(tf.store) == []
        assert [m.date.isoformat() for m in tf.meetings.of_body(tf.bodies.all()[0].id)] == [
            "2012-01-12", "2011-05-26"]
        body = tf.bodies.all()[0].id
        # Its suggestions are kept with the meeting of the day they were made, and searched.
        assert [(v.suggestion.title, v.raised_at) for v in tf.suggestions.of_body(body)] == [
            ("Communications strategy", dt.date(2011, 5, 26)),
            ("Society legal models for Co-ops and Mutuals", dt.date(2012, 1, 12))]
        assert "suggestion" in {hit.kind for hit in search.search(tf.store, "legal models").hits}
        # The action log by due date, kept by the file from the upgrade on.
        assert due_by_problems(tf.store) == []
        tf.meetings.create(body, "2012-02-16")
        assert {a.due_by for a in tf.actions.log(body, sort="due")[:2]} == {dt.date(2012, 2, 16)}
        tf.people.create(body, "Ophelia Quarrender")  # written, and found, after the upgrade
        assert search.search(tf.store, "quarrender").hits
        assert search.problems(tf.store) == []
    assert "before-upgrade" in [b.reason for b in list_backups(path)]
