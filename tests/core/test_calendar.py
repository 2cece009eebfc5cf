"""A body's meetings as an .ics file, read back by a second, independent parser
(vobject) and held to the rules of RFC 5545 a calendar program checks."""

import datetime as dt
import stat

import pytest
import vobject

from secretariat.__main__ import main
from secretariat.errors import ValidationError
from secretariat.letters.calendar import LONDON, body_calendar, calendar, uid
from secretariat.meeting.meetings import Meeting
from secretariat.membership.bodies import Body

UTC = dt.UTC


def events(data: bytes) -> list:
    return vobject.readOne(data.decode("utf-8")).vevent_list


def sample_body(tf) -> str:
    return tf.bodies.all()[0].id


def test_the_sample_s_two_meetings_with_their_times_in_london(sample_path, tmp_path, capsys):
    out = tmp_path / "meetings.ics"
    assert main(["calendar", str(sample_path), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"Wrote 2 meetings of Mutuals Taskforce to {out}")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    found = events(out.read_bytes())
    # In the zone's own rules, as the file gives them: summer time in May, not in January.
    assert [(e.dtstart.value.astimezone(UTC), e.dtend.value.astimezone(UTC)) for e in found] == [
        (dt.datetime(2011, 5, 26, 14, 30, tzinfo=UTC), dt.datetime(2011, 5, 26, 16, 30, tzinfo=UTC)),
        (dt.datetime(2012, 1, 12, 16, 0, tzinfo=UTC), dt.datetime(2012, 1, 12, 17, 30, tzinfo=UTC))]
    assert b"DTSTART;TZID=Europe/London:20110526T153000\r\n" in out.read_bytes()
    assert [(e.location.value, e.summary.value, e.status.value, e.sequence.value)
            for e in found] == [("22 Whitehall", "Mutuals Taskforce: Regular meeting",
                                 "CONFIRMED", "0")] * 2
    assert b"BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n" in out.read_bytes()


def test_each_meeting_keeps_its_uid_from_one_export_to_the_next(sample_tf):
    body = sample_body(sample_tf)
    first, _ = body_calendar(sample_tf, body, dt.datetime(2024, 1, 1, tzinfo=UTC))
    meeting = sample_tf.meetings.of_body(body)[0]  # January 2012's, its minutes not approved
    sample_tf.meetings.update(meeting.id, venue="Admiralty Arch", start_time="10:00")
    again, _ = body_calendar(sample_tf, body, dt.datetime(2024, 2, 1, tzinfo=UTC))

    before, after = events(first), events(again)
    assert [e.uid.value for e in before] == [e.uid.value for e in after]
    assert len({e.uid.value for e in before}) == 2
    assert f"{meeting.id}@taskforce-secretariat" in [e.uid.value for e in after]
    assert [e.dtstamp.value for e in after] == [dt.datetime(2024, 2, 1, tzinfo=UTC)] * 2
    assert "Admiralty Arch" in [e.location.value for e in after]


def a_meeting(**values) -> Meeting:
    made = dict(id="m1", body_id="b1", date=dt.date(2011, 5, 26), start_time=dt.time(15, 30),
                end_time=dt.time(17, 30), venue="22 Whitehall", kind="regular",
                status="planned", marking="OFFICIAL", title="", notes="")
    return Meeting(**{**made, **values})


BODY = Body(id="b1", name="Mutuals Taskforce", short_name="MTF", parent_department="",
            default_venue="", default_marking="OFFICIAL", parent_body_id=None)


def written(*meetings: Meeting) -> bytes:
    return calendar(list(meetings), BODY).to_ical()


def test_every_meeting_is_at_london_s_hour_summer_and_winter():
    # The first of each month and the days either side of each change of the clocks.
    days = [dt.date(year, month, 1) for year in range(1996, 2041) for month in range(1, 13)]
    days += [day + dt.timedelta(days=shift) for year in range(2011, 2031)
             for day in (dt.date(year, 3, 31), dt.date(year, 10, 31))
             for shift in range(-7, 2)]
    meetings = [a_meeting(id=str(n), date=day, start_time=dt.time(9), end_time=dt.time(10))
                for n, day in enumerate(days)]
    found = {e.uid.value: e.dtstart.value for e in events(written(*meetings))}
    wrong = [(m.date, found[uid(m)].utcoffset()) for m in meetings
             if found[uid(m)].astimezone(UTC) != dt.datetime.combine(
                 m.date, m.start_time, LONDON).astimezone(UTC)]
    assert wrong == []


def test_a_meeting_without_a_time_is_the_whole_day():
    [found] = events(written(a_meeting(start_time=None, end_time=None)))
    assert (found.dtstart.value, found.dtend.value) == (dt.date(2011, 5, 26), dt.date(2011, 5, 27))


def test_a_venue_with_commas_semicolons_and_a_line_break_reads_back_as_it_was():
    venue = "Room 4, 22 Whitehall; London\nSW1A 2WH \\ side door"
    data = written(a_meeting(venue=venue, title="Assets; procurement, and VAT"))
    assert b"LOCATION:Room 4\\, 22 Whitehall\\; London\\nSW1A 2WH \\\\ side door\r\n" in data
    [found] = events(data)
    assert found.location.value == venue
    assert found.summary.value == "Mutuals Taskforce: Assets; procurement, and VAT"


def test_a_venue_typed_into_the_file_reads_back_as_it_was(sample_tf):
    body = sample_body(sample_tf)
    venue = "Conference Room B, 70 Whitehall; by the Horse Guards entrance"
    for meeting in sample_tf.meetings.of_body(body):
        if meeting.status != "approved":  # approved minutes hold their meeting still
            sample_tf.meetings.update(meeting.id, venue=venue)
    data, count = body_calendar(sample_tf, body)
    assert count == 2 and [e.location.value for e in events(data)] == ["22 Whitehall", venue]


def test_lines_are_folded_at_75_octets_and_never_inside_a_character():
    title = "Gwasanaethau cyhoeddus — é日本😀" * 60
    data = written(a_meeting(title=title, venue="Tŷ Hywel, Caerdydd; " * 40))
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(len(line) > 70 for line in lines)
    for line in lines:
        line.decode("utf-8")  # each line whole characters: no sequence cut in two
    assert events(data)[0].summary.value == f"Mutuals Taskforce: {title}"


def test_hostile_text_stays_text():
    title = ("<script>alert(1)</script> &amp; \"quoted\", ;\\ \u202eشكرا\u202c\r\n"
             "END:VEVENT\nBEGIN:VEVENT\nUID:forged\n") * 1_500
    venue = "<b>Room</b>;,\n" * 7_200
    assert len(title) > 100_000 and len(venue) > 100_000
    data = written(a_meeting(title=title, venue=venue))
    [found] = events(data)
    # A line break is a line break (RFC 5545 has no carriage return in text).
    assert found.summary.value == f"Mutuals Taskforce: {title}".replace("\r\n", "\n")
    assert found.location.value == venue
    assert found.uid.value == "m1@taskforce-secretariat"
    assert max(len(line) for line in data.split(b"\r\n")) <= 75


def test_a_body_without_meetings_has_no_calendar(tf):
    body, _ = tf.bodies.create("Expert Panel")
    with pytest.raises(ValidationError, match="Expert Panel has no meetings"):
        body_calendar(tf, body)


def test_the_body_is_chosen_by_name_when_the_file_holds_several(sample_path, tmp_path, capsys):
    from secretariat.taskforce import Taskforce

    with Taskforce.open(sample_path) as tf:
        other, _ = tf.bodies.create("Expert Panel", short_name="EP")
        tf.meetings.create(other, "2011-06-02", venue="Admiralty House")
    out = tmp_path / "panel.ics"
    assert main(["calendar", str(sample_path), "-o", str(out)]) == 1
    assert "name one with --body" in capsys.readouterr().err and not out.exists()

    assert main(["calendar", str(sample_path), "--body", "EP", "-o", str(out)]) == 0
    [found] = events(out.read_bytes())
    assert (found.summary.value, found.location.value) == (
        "Expert Panel: Regular meeting", "Admiralty House")
