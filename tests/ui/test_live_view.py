"""The live meeting view, driven from the keyboard only."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from secretariat.taskforce import Taskforce
from ui.edits import register
from ui.pages.live import LiveView
from ui.session import Session

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from minutes_setup import add_item, board  # noqa: E402


@pytest.fixture
def live(qtbot, file_path):
    tf = Taskforce.open(file_path, create=True)
    b = board(tf)
    meeting = b.meetings[0]
    tf.store.update("agenda_items", b.items[(0, "Update")], {"minutes_allocated": 10})
    add_item(tf, meeting, 1, "Slide pack", parent_id=b.items[(0, "Update")])
    tf.store.insert("attendance", dict(meeting_id=meeting, person_id=b.people["Ed Mayo"],
                                       status="present", capacity="member"))
    tf.store.insert("attendance", dict(meeting_id=meeting, person_id=b.people["Peter Marsh"],
                                       status="apologies", capacity="member"))
    session = Session(tf)
    view = LiveView(session, meeting)
    now = [0.0]
    view.clock = lambda: now[0]
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.line.setFocus()
    yield view, session, b, now
    session.close()


def _type(qtbot, view, text):
    qtbot.keyClicks(view.line, text)
    qtbot.keyClick(view.line, Qt.Key.Key_Return)


def test_points_decisions_and_actions_are_captured_from_the_keyboard(qtbot, live):
    view, session, b, _ = live
    assert view.title.text() == "1. Minutes of the last meeting and matters arising"
    assert "Present (1): Ed Mayo" in view.register.text()
    assert "Apologies (1): Peter Marsh" in view.register.text()
    assert not view.arising.isVisible()  # the first meeting has nothing arising

    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    assert view.title.text() == "2. Chair's update"
    _type(qtbot, view, "Updates will be tracked")
    qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "on every work stream")
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "Format approved")
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "Officials -- bring the slide pack -- by the next meeting")

    item = b.items[(0, "Update")]
    entries = session.tf.minutes.of_item(item)
    assert [(e.kind, e.text, bool(e.parent_id)) for e in entries] == [
        ("point", "Updates will be tracked", False), ("point", "on every work stream", True),
        ("decision", "Format approved", False)]
    action, = session.tf.actions.of_item(item)
    assert (action.owner_label, action.text, action.due_text) == (
        "Officials", "bring the slide pack", "by the next meeting")
    shown = [view.recorded.item(i).text() for i in range(view.recorded.count())]
    assert shown[-1] == "Action: Officials — bring the slide pack — by the next meeting"
    assert view.line.text() == "" and view.line.hasFocus()

    session.undo_stack.undo()
    assert session.tf.actions.of_item(item) == []


CLOCK = (Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_time_used_is_shown_against_time_allocated_and_kept_per_item(qtbot, live):
    view, _, _, now = live
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)  # Chair's update: 10 minutes
    qtbot.keyClick(view.line, *CLOCK)
    now[0] = 11 * 60 + 5
    view.tick()
    assert view.timer_label.text() == "Time used 11:05 of 10:00 — over by 1:05"
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    assert view.title.text() == "i) Slide pack"
    now[0] += 30
    qtbot.keyClick(view.line, Qt.Key.Key_PageUp)
    assert view.timer_label.text() == "Time used 11:05 of 10:00 — over by 1:05"


def test_the_clock_stands_still_until_the_official_starts_it(qtbot, live):
    view, _, _, now = live
    clock = next(push for push in view.findChildren(QPushButton) if "Clock" in push.text())
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)  # Chair's update: 10 minutes
    now[0] = 65
    view.tick()  # a second's tick, long after the tab opened
    assert view.timer_label.text() == "Time used 0:00 of 10:00"
    qtbot.mouseClick(clock, Qt.MouseButton.LeftButton)
    assert clock.text() == "Pause Clock (Ctrl+Shift+C)"
    now[0] += 30
    view.tick()
    assert view.timer_label.text() == "Time used 0:30 of 10:00"
    qtbot.keyClick(view.line, *CLOCK)  # paused: the item keeps its time
    assert clock.text() == "Start Clock (Ctrl+Shift+C)"
    now[0] += 600
    view.tick()
    assert view.timer_label.text() == "Time used 0:30 of 10:00"
    qtbot.keyClick(view.line, *CLOCK)
    now[0] += 15
    view.tick()
    assert view.timer_label.text() == "Time used 0:45 of 10:00"


def test_a_bad_action_keeps_the_text_to_fix(qtbot, live, monkeypatch):
    view, session, b, _ = live
    shown = []
    monkeypatch.setattr(session, "report", shown.append)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "bring the slide pack")
    assert view.line.text() == "bring the slide pack"
    assert "owner — what" in str(shown[0])


def test_a_cancelled_meeting_takes_no_minutes_and_keeps_what_was_typed(qtbot, live,
                                                                        monkeypatch):
    view, session, b, _ = live
    session.tf.meetings.cancel(b.meetings[0], "2011-05-20")
    shown = []
    monkeypatch.setattr(session, "report", shown.append)
    _type(qtbot, view, "Updates will be tracked")
    assert "was cancelled: there are no minutes to record" in str(shown[0])
    assert view.line.text() == "Updates will be tracked"
    assert [session.tf.minutes.of_item(b.items[(0, title)])
            for title in ("Minutes", "Update")] == [[], []]


def test_matters_arising_show_at_their_item_and_close_there(qtbot, live):
    view, session, b, _ = live
    second = b.meetings[1]
    earlier, _ = session.tf.actions.create(b.items[(0, "Update")], "Write", ["Ed Mayo"])
    next_view = LiveView(session, second)
    qtbot.addWidget(next_view)
    next_view.show()
    qtbot.waitExposed(next_view)
    next_view.activateWindow()
    next_view.line.setFocus()
    assert next_view.arising.isVisible()
    assert next_view.arising.model.record(0).id == earlier
    next_view.arising.view.selectRow(0)
    assert next_view.arising.quick("done")
    assert session.tf.actions.get(earlier).updates[0].meeting_id == second
    next_view.go(1)  # (PageDown, as the other tests show, in the active window)
    assert not next_view.arising.isVisible()


def _status(session, item_id):
    return session.tf.store.row("SELECT status FROM agenda_items WHERE id = ?",
                                (item_id,))["status"]


def _agenda(view):
    return [view.agenda.item(r).text() for r in range(view.agenda.count())]


def test_the_item_is_marked_taken_not_reached_or_dropped_from_the_keyboard(qtbot, live):
    view, session, b, _ = live
    minutes, update = b.items[(0, "Minutes")], b.items[(0, "Update")]
    qtbot.keyClick(view.line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert _status(session, minutes) == "taken"
    assert _agenda(view)[0] == "1. Minutes of the last meeting and matters arising — Taken"
    assert "Taken" in view.position.text()

    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    qtbot.keyClicks(view.line, "half typed")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.line, Qt.Key.Key_D, shift_ctrl)
    assert _status(session, update) == "deferred"
    assert view.line.text() == "half typed"  # the key typed nothing and lost nothing
    assert _agenda(view)[1] == "2. Chair's update — Deferred"
    assert view.agenda.item(1).foreground().color() != view.agenda.item(2).foreground().color()

    qtbot.keyClick(view.line, Qt.Key.Key_X, shift_ctrl)
    assert _status(session, update) == "dropped"
    assert view.title.text() == "Chair's update"  # still in view, no longer numbered
    assert view.agenda.item(1).font().strikeOut()
    assert not view.line.isEnabled()  # nothing is minuted under a dropped item

    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _status(session, update) == "planned"
    assert _agenda(view)[1] == "2. Chair's update"
    session.undo_stack.undo()
    assert _status(session, minutes) == "planned"


def test_the_status_buttons_and_the_hint_name_the_keys(qtbot, live):
    view, session, b, _ = live
    texts = {push.text(): push for push in view.status_buttons}
    assert set(texts) == {"Taken (Ctrl+T)", "Not reached (Ctrl+Shift+D)",
                          "Dropped (Ctrl+Shift+X)"}
    hints = [label.text() for label in view.findChildren(type(view.position))]
    assert any("Ctrl+T" in h and "Ctrl+Shift+D" in h and "Ctrl+Shift+X" in h for h in hints)
    qtbot.mouseClick(texts["Not reached (Ctrl+Shift+D)"], Qt.MouseButton.LeftButton)
    assert _status(session, b.items[(0, "Minutes")]) == "deferred"
    assert not texts["Not reached (Ctrl+Shift+D)"].isEnabled()
    assert view.line.hasFocus()


def test_who_is_in_the_chair_is_stated_and_follows_the_register(qtbot, live):
    view, session, b, _ = live
    assert view.chair.text() == "In the chair: nobody yet (mark the register)"

    def mark_present(name):  # on the Register tab
        register.mark(session, b.meetings[0], b.people[name], "present")

    mark_present("Peter Marsh")
    assert view.chair.text() == "In the chair: Peter Marsh, Vice-Chair"
    mark_present("Julian Le Grand")
    assert view.chair.text() == "In the chair: Julian Le Grand, Chair"


def test_a_line_typed_in_its_own_form_is_not_doubled(qtbot, live):
    view, session, b, _ = live
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "Action: Ed Mayo -- circulate the paper -- next week")
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "Decision: Format approved")
    item = b.items[(0, "Update")]
    action, = session.tf.actions.of_item(item)
    assert (action.owner_label, action.text) == ("Ed Mayo", "circulate the paper")
    assert [(e.kind, e.text) for e in session.tf.minutes.of_item(item)] == [
        ("decision", "Format approved")]


def test_dropping_an_item_with_minutes_asks_first(qtbot, live, replies):
    from PySide6.QtWidgets import QMessageBox

    view, session, b, _ = live
    update = b.items[(0, "Update")]
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    _type(qtbot, view, "Updates will be tracked")
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.line, Qt.Key.Key_X, shift_ctrl)  # No, by default
    assert "has 1 line of minutes" in replies.asked[-1][1]
    assert _status(session, update) == "planned"
    replies.answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.line, Qt.Key.Key_X, shift_ctrl)
    assert _status(session, update) == "dropped"


def test_circulated_minutes_changed_in_the_live_tab_ask_once(qtbot, live, replies):
    from PySide6.QtWidgets import QMessageBox

    view, session, b, _ = live
    session.tf.minutes.lifecycle.circulate(view.meeting_id, "2011-06-01")
    minutes = b.items[(0, "Minutes")]
    qtbot.keyClick(view.line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # No
    assert "have been circulated" in replies.asked[-1][1]
    assert _status(session, minutes) == "planned"
    replies.answer(QMessageBox.StandardButton.Yes)
    qtbot.keyClick(view.line, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, view, "Agreed as a true record")  # not asked again
    assert _status(session, minutes) == "taken"
    assert len([a for a in replies.asked if "circulated" in a[1]]) == 2
    assert session.tf.minutes.of_item(minutes)[0].text == "Agreed as a true record"


def test_item_n_of_m_counts_the_items_still_on_the_agenda(qtbot, live):
    view, session, b, _ = live
    on_agenda = view.agenda.count()
    assert view.position.text() == f"Item 1 of {on_agenda}"
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.line, Qt.Key.Key_X, shift_ctrl)  # drops the second item
    assert view.position.text() == f"Dropped · {on_agenda - 1} items on the agenda"
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    assert view.position.text() == f"Item 2 of {on_agenda - 1}"


def test_a_long_point_wraps_onto_more_lines(qtbot, live):
    view, session, b, _ = live
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    _type(qtbot, view, "Short point")
    _type(qtbot, view, " ".join(["the update covered every work stream in turn"] * 6))
    short, long = view.recorded.item(0), view.recorded.item(1)
    qtbot.waitUntil(lambda: view.recorded.visualItemRect(long).height()
                    > 2 * view.recorded.visualItemRect(short).height())
    assert view.recorded.visualItemRect(long).right() <= view.recorded.viewport().width()


def test_dropping_an_item_drops_its_open_actions_with_it_and_undo_brings_them_back(
        qtbot, live, replies):
    from PySide6.QtWidgets import QMessageBox

    view, session, b, _ = live
    update = b.items[(0, "Update")]
    qtbot.keyClick(view.line, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    _type(qtbot, view, "Ed Mayo -- circulate the paper -- next week")
    replies.answer(QMessageBox.StandardButton.Yes)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view.line, Qt.Key.Key_X, shift_ctrl)
    assert "Ed Mayo: circulate the paper" in replies.asked[-1][1]  # named before dropping
    action, = session.tf.actions.of_item(update)
    assert (_status(session, update), action.status) == ("dropped", "dropped")
    session.undo_stack.undo()  # one undo: the item and its action back as they were
    action, = session.tf.actions.of_item(update)
    assert (_status(session, update), action.status) == ("planned", "open")
    assert action.updates == ()
