"""File > Export Calendar…: the shown body's meetings, saved where the official
chooses, for their calendar program to import."""

import stat

import vobject

from test_commands import menu_action


def test_export_calendar_writes_the_sample_s_meetings(sample_window, replies, tmp_path):
    out = tmp_path / "mtf"
    replies.save_to(out)

    menu_action(sample_window, "File", "Export Calendar").trigger()

    saved = tmp_path / "mtf.ics"  # the extension added when none was typed
    assert replies.suggested[-1].endswith("sample meetings.ics")
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    found = vobject.readOne(saved.read_text(encoding="utf-8")).vevent_list
    assert [(e.dtstart.value.date().isoformat(), e.location.value) for e in found] == [
        ("2011-05-26", "22 Whitehall"), ("2012-01-12", "22 Whitehall")]
    assert "Exported 2 meetings to mtf.ics" in sample_window.statusBar().currentMessage()


def test_cancelling_the_save_dialog_writes_nothing(sample_window, replies, tmp_path):
    menu_action(sample_window, "File", "Export Calendar").trigger()
    assert replies.asked == [("save", "Export Calendar")]
    assert list(tmp_path.glob("**/*.ics")) == []


def test_a_calendar_is_never_written_over_the_taskforce_file(sample_window, replies,
                                                            dialogs_shown):
    home = sample_window.session.tf.path
    before = home.read_bytes()
    replies.save_to(home)

    menu_action(sample_window, "File", "Export Calendar").trigger()

    assert dialogs_shown and "nothing is ever written over one" in dialogs_shown[-1][1]
    assert home.read_bytes() == before
