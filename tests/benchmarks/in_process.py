"""The figures measured inside the benchmark's own process: edits, marking the
register, search, the first screen of each of the window's lists, and the
action log's filter and scrolling."""

import statistics
import time
from pathlib import Path

SEARCHES = ("pension", "Okafor", "draft pension report", '"social value framework"',
            "Kowalski trust", "Circulate", "tender*", "members -pension", "library OR leisure")
TYPED = "social value"  # searched keystroke by keystroke, as the search box does


def p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def in_process(path: Path, runs: int) -> dict[str, float]:
    from secretariat import search
    from secretariat.taskforce import Taskforce

    found = {}
    with Taskforce.open(path) as tf:
        people = [bp.person.id for bp in tf.people.in_body(tf.bodies.all()[0].id)[:50]]
        # The p95 of one stretch of edits swings twofold between runs on a busy
        # machine (the scheduler's tail, a WAL checkpoint every ~70 edits); the
        # median of the p95s of several stretches of 100 holds still.
        stretches = [[timed(lambda p=p, n=n: tf.people.update(p, notes=f"Edit {n}"))
                      for n, p in enumerate(people * 2, start=100 * stretch)]
                     for stretch in range(2 * runs)]
        found["edit"] = statistics.median([p95(edits) for edits in stretches])
        found["mark"] = _marking(tf, runs)
        found["search"] = p95([timed(lambda q=q: search.search(tf.store, q))
                               for q in SEARCHES for _ in range(runs)])
        found["typed"] = p95([timed(lambda q=TYPED[:n]: search.search(tf.store, q,
                                                                      as_you_type=True))
                              for n in range(1, len(TYPED) + 1) for _ in range(runs)])
    found.update(_window(path, runs))
    return found


def _marking(tf, runs: int) -> float:
    """A press of P, A or X in the last meeting's register, for its body's last
    40 members in turn, each marked present, then apologies, then absent."""
    meeting = max(tf.meetings.of_body(tf.bodies.all()[0].id), key=lambda m: m.date)
    members = [p.person.id for p in tf.people.members_on(meeting.body_id, meeting.date)
               if p.membership.role == "member"][-40:]  # (a Chair marked present takes the chair)
    return statistics.median([
        timed(lambda p=person, s=status: tf.attendance.mark(meeting.id, p, s))
        for _ in range(runs) for status in ("present", "apologies", "absent")
        for person in members])


class _FirstPaint:
    """When a widget is next painted: the moment the official sees what changed."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Watch(QObject):
            def eventFilter(watch, _obj, event):
                if event.type() == QEvent.Type.Paint and self.at is None:
                    self.at = time.perf_counter()
                return False

        self.at: float | None = None
        self._watch = Watch()
        widget.installEventFilter(self._watch)

    def since(self, started: float) -> float:
        assert self.at is not None, "never painted"
        return (self.at - started) * 1000


# The window's lists: each page (or the Register tab of the body's latest
# meeting) and the accessible name of the list whose rows it shows first.
LISTS = {"Meetings": "Meetings", "People": "People", "Actions": "Actions",
         "Papers": "Papers", "Interests": "Register of interests",
         "Attendance": "Attendance of each member", "Register": "Members",
         "Suggestions": "Suggested agenda items", "Recommendations": "Recommendations"}


def _factory(session, name: str):
    """How the window builds the page: a page of the navigation list with the
    body shown, or a meeting's tab for the body's latest meeting."""
    from ui.pages import PAGES
    from ui.pages.meeting import MEETING_TABS

    if name in dict(PAGES):
        return dict(PAGES)[name]
    latest = session.tf.meetings.of_body(session.body_id)[0]  # newest first
    return lambda s: dict(MEETING_TABS)[name](s, latest.id)


def _shown(app, session, name: str):
    """The page built and shown, and the milliseconds until its list's rows
    are painted; then what it leaves until after that is done, uncounted, as
    it is before an official could click (the rest of a long list, the action
    log's counts by owner), so that it is not counted in what is timed next."""
    from PySide6.QtWidgets import QAbstractItemView

    build = _factory(session, name)
    started = time.perf_counter()
    page = build(session)
    listed = next(v for v in page.findChildren(QAbstractItemView)
                  if v.accessibleName() == LISTS[name])
    painted = _FirstPaint(listed.viewport())
    page.resize(1100, 700)
    page.show()
    app.processEvents()
    ms = painted.since(started)
    app.processEvents()
    return page, ms


def _closed(app, page) -> None:
    page.close()
    page.deleteLater()
    app.processEvents()


def _window(path: Path, runs: int) -> dict[str, float]:
    """Each list's first screen, and the action log's filter and scrolling."""
    from PySide6.QtWidgets import QApplication

    from secretariat.taskforce import Taskforce
    from ui.session import Session

    app = QApplication.instance() or QApplication([])
    session = Session(Taskforce.open(path))  # closed as the window closes it
    try:
        found = {}
        for name in LISTS:
            first = []
            for _ in range(runs):
                page, ms = _shown(app, session, name)
                first.append(ms)
                _closed(app, page)
            found[f"first screen: {name}"] = statistics.median(first)
        return found | _action_log(app, session, runs)
    finally:
        session.close()


def _action_log(app, session, runs: int) -> dict[str, float]:
    """Until the log's rows are painted after each change of the status filter
    (work the page leaves until after that, the whole order of a long log and
    the counts by owner, is not counted), and the longest stall scrolling it
    from top to bottom, every row there from the start (after the pause in
    which the page reads the whole order: 40 ms at 100 ×)."""
    from ui.pages.actions import UNFOLD_AFTER_MS

    changes, stalls = [], []
    for _ in range(runs):
        page, _ = _shown(app, session, "Actions")
        status = page.status
        for index in range(status.count()):
            painted = _FirstPaint(page.table.view.viewport())
            started = time.perf_counter()
            status.setCurrentIndex(index)
            app.processEvents()
            changes.append(painted.since(started))
        status.setCurrentIndex(status.findData(None))  # all actions
        _pause(app, 2 * UNFOLD_AFTER_MS)  # the whole order read, as in the official's pause
        stalls.append(_longest_scroll_step(app, page.table.view))
        _closed(app, page)
    return {"filter": p95(changes), "scroll": statistics.median(stalls)}


def _pause(app, ms: int) -> None:
    """Events handled as they come for ``ms`` milliseconds, as while the official pauses."""
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)


def _longest_scroll_step(app, view) -> float:
    """Through the whole log a page at a time, or in 200 strides where it is
    longer than 200 pages (as the scroll bar is dragged)."""
    bar = view.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    stride = max(bar.pageStep(), bar.maximum() // 200)
    return max((timed(lambda v=value: (bar.setValue(v), app.processEvents()))
                for value in range(stride, bar.maximum() + stride, stride)), default=0.0)
