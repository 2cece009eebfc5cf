"""The register of a meeting and attendance over a period."""

import pytest

from secretariat.errors import ValidationError


@pytest.fixture
def board(tf):
    body, _ = tf.bodies.create("Mutuals Taskforce")
    people = {}
    for name, role, joined, left in (
            ("Julian Le Grand", "chair", "2011-02-01", None),
            ("Peter Marsh", "vice_chair", "2011-02-01", None),
            ("Rachel Wolf", "member", "2011-02-01", None),
            ("Patrick Burns", "member", "2011-02-01", "2011-12-31"),
            ("Carole Leslie", "member", "2011-09-01", None)):
        people[name], _ = tf.people.create(body, name, role, joined_on=joined, left_on=left)
    for title in ("Director of Commercial", "Crown Commercial Lead"):
        people[title], _ = tf.people.create(body, role="official", role_title=title)
    people["Visiting expert"], _ = tf.people.create(body, "Ann Expert", "guest")
    meetings = {day: tf.meetings.create(body, day, "15:30", "17:30")[0]
                for day in ("2011-05-26", "2012-01-12", "2012-03-08")}
    return body, people, meetings


def names(lines):
    return [line.label for line in lines]


def test_the_register_lists_every_member_on_the_date(tf, board):
    _, people, meetings = board
    may = tf.attendance.register(meetings["2011-05-26"])
    assert names(may.members) == ["Julian Le Grand", "Peter Marsh", "Patrick Burns",
                                  "Rachel Wolf"]
    january = tf.attendance.register(meetings["2012-01-12"])
    assert names(january.members) == ["Julian Le Grand", "Peter Marsh", "Carole Leslie",
                                      "Rachel Wolf"]
    assert {line.status for line in january.members} == {""}  # not marked yet


def test_present_and_apologies_exclude_each_other(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    tf.attendance.mark(meeting, people["Rachel Wolf"], "present")
    tf.attendance.mark(meeting, people["Rachel Wolf"], "apologies")
    register = tf.attendance.register(meeting)
    assert names(register.with_status("apologies")) == ["Rachel Wolf"]
    assert names(register.with_status("present")) == []
    with pytest.raises(ValidationError, match="not one of"):
        tf.attendance.mark(meeting, people["Rachel Wolf"], "late")


def test_the_same_person_twice_is_refused_with_their_name(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    tf.attendance.add(meeting, people["Rachel Wolf"], "present")
    with pytest.raises(ValidationError, match="Rachel Wolf is already in the register"):
        tf.attendance.add(meeting, people["Rachel Wolf"], "apologies")
    assert len(tf.attendance.of_meeting(meeting)) == 1


def test_the_chair_present_takes_the_chair(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    tf.attendance.mark(meeting, people["Peter Marsh"], "present")
    tf.attendance.mark(meeting, people["Julian Le Grand"], "present")
    register = tf.attendance.register(meeting)
    assert register.chair_person_id == people["Julian Le Grand"]
    assert register.chair_heading == "Chair"
    with pytest.raises(ValidationError, match="the Chair, is present"):
        tf.attendance.set_chair(meeting, people["Peter Marsh"])


def test_vice_chair_or_another_member_chairs_when_the_chair_sent_apologies(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    tf.attendance.mark(meeting, people["Julian Le Grand"], "apologies")
    tf.attendance.mark(meeting, people["Peter Marsh"], "present")
    tf.attendance.mark(meeting, people["Rachel Wolf"], "present")
    tf.attendance.set_chair(meeting, people["Peter Marsh"])
    assert tf.attendance.register(meeting).chair_heading == "Vice-Chair"
    tf.attendance.set_chair(meeting, people["Rachel Wolf"])
    assert tf.attendance.register(meeting).chair_heading == "In the chair"


def test_who_is_in_the_chair_is_named_as_the_minutes_name_them(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    assert tf.attendance.register(meeting).in_the_chair is None
    tf.attendance.mark(meeting, people["Julian Le Grand"], "apologies")
    tf.attendance.mark(meeting, people["Peter Marsh"], "present")
    heading, line = tf.attendance.register(meeting).in_the_chair
    assert (heading, line.label) == ("Vice-Chair", "Peter Marsh")  # not put there, but there
    tf.attendance.mark(meeting, people["Rachel Wolf"], "present")
    tf.attendance.set_chair(meeting, people["Rachel Wolf"])
    heading, line = tf.attendance.register(meeting).in_the_chair
    assert (heading, line.label) == ("In the chair", "Rachel Wolf")


def test_the_chair_must_be_present_and_a_member(tf, board):
    _, people, meetings = board
    meeting = meetings["2011-05-26"]
    tf.attendance.mark(meeting, people["Julian Le Grand"], "apologies")
    tf.attendance.mark(meeting, people["Peter Marsh"], "apologies")
    with pytest.raises(ValidationError, match="Peter Marsh is not marked present"):
        tf.attendance.set_chair(meeting, people["Peter Marsh"])
    tf.attendance.add(meeting, people["Director of Commercial"], capacity="official")
    with pytest.raises(ValidationError, match="not a member"):
        tf.attendance.set_chair(meeting, people["Director of Commercial"])
    tf.attendance.mark(meeting, people["Rachel Wolf"], "present")
    tf.attendance.set_chair(meeting, people["Rachel Wolf"])
    with pytest.raises(ValidationError, match="Rachel Wolf is in the chair"):
        tf.attendance.mark(meeting, people["Rachel Wolf"], "absent")
    assert tf.attendance.entry(meeting, people["Rachel Wolf"]).status == "present"


def test_officials_by_role_and_someone_deputising(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    tf.attendance.add(meeting, people["Crown Commercial Lead"], capacity="official",
                      deputising_for_id=people["Director of Commercial"])
    officials = tf.attendance.register(meeting).with_status("present", "official")
    assert names(officials) == ["Crown Commercial Lead deputising for Director of Commercial"]
    with pytest.raises(ValidationError, match="cannot deputise for themselves"):
        tf.attendance.add(meeting, people["Director of Commercial"],
                          deputising_for_id=people["Director of Commercial"])


def test_nobody_deputises_for_someone_present(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    tf.attendance.add(meeting, people["Director of Commercial"], capacity="official")
    with pytest.raises(ValidationError, match="Director of Commercial is present"):
        tf.attendance.add(meeting, people["Crown Commercial Lead"], capacity="official",
                          deputising_for_id=people["Director of Commercial"])


def test_guests_and_presenters_with_their_items(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    talk, _ = tf.agenda.add(meeting, "Society legal models")
    elsewhere, _ = tf.agenda.add(meetings["2011-05-26"], "Assets")
    attendance, _ = tf.attendance.add(meeting, people["Visiting expert"],
                                      capacity="presenter", item_ids=(talk,))
    line, = tf.attendance.register(meeting).others
    assert (line.label, line.role, line.items) == ("Ann Expert", "presenter",
                                                   ("Society legal models",))
    with pytest.raises(ValidationError, match="another meeting"):
        tf.attendance.set_items(attendance, (elsewhere,))
    assert tf.attendance.register(meeting).others[0].items == ("Society legal models",)


def test_late_arrival_and_early_departure_against_an_item(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    first, _ = tf.agenda.add(meeting, "Welcome")
    second, _ = tf.agenda.add(meeting, "Update")
    tf.attendance.mark(meeting, people["Rachel Wolf"], "present")
    entry = tf.attendance.entry(meeting, people["Rachel Wolf"])
    tf.attendance.note_times(entry.id, arrived_item_id=second)
    assert tf.attendance.get(entry.id).arrived_item_id == second
    with pytest.raises(ValidationError, match="cannot leave before"):
        tf.attendance.note_times(entry.id, arrived_item_id=second, left_item_id=first)
    tf.attendance.mark(meeting, people["Peter Marsh"], "apologies")
    away = tf.attendance.entry(meeting, people["Peter Marsh"])
    with pytest.raises(ValidationError, match="Peter Marsh is not marked present"):
        tf.attendance.note_times(away.id, left_item_id=first)


def test_removing_an_entry_can_be_undone(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    talk, _ = tf.agenda.add(meeting, "Talk")
    entry, _ = tf.attendance.add(meeting, people["Visiting expert"], capacity="guest",
                                 item_ids=(talk,))
    _, removed = tf.attendance.remove(entry)
    assert tf.attendance.register(meeting).others == []
    tf.restore_rows(removed)
    assert tf.attendance.register(meeting).others[0].items == ("Talk",)


def test_attendance_over_a_period(tf, board):
    _, people, meetings = board
    body = board[0]
    for day, marks in (("2011-05-26", {"Julian Le Grand": "present", "Peter Marsh": "apologies",
                                       "Patrick Burns": "present"}),
                       ("2012-01-12", {"Julian Le Grand": "present", "Peter Marsh": "present",
                                       "Carole Leslie": "absent"})):
        for name, status in marks.items():
            tf.attendance.mark(meetings[day], people[name], status)
    records = {r.person.name: r for r in tf.attendance.over_period(body)}
    marsh = records["Peter Marsh"]
    assert (marsh.could_attend, marsh.attended, marsh.apologies, marsh.absent) == (2, 1, 1, 0)
    assert marsh.rate_text == "50%"
    # Not marked at a meeting whose register was taken: absent.
    wolf = records["Rachel Wolf"]
    assert (wolf.could_attend, wolf.absent, wolf.rate_text) == (2, 2, "0%")
    # Only the meetings while they were a member; 8 March has no register yet.
    assert records["Carole Leslie"].could_attend == 1
    assert records["Patrick Burns"].could_attend == 1
    later = {r.person.name: r for r in tf.attendance.over_period(body, "2012-01-01", "2012-12-31")}
    assert "Patrick Burns" not in later
    assert later["Peter Marsh"].rate_text == "100%"
    with pytest.raises(ValidationError, match="must end on or after"):
        tf.attendance.over_period(body, "2012-01-01", "2011-01-01")


def test_a_first_screen_of_attendance_is_the_start_of_the_whole(tf, board):
    """A member with no register taken while they were one is left out, first
    screen or not; what is listed counts as in the whole list."""
    body, people, meetings = board
    tf.attendance.mark(meetings["2012-01-12"], people["Carole Leslie"], "present")
    tf.attendance.mark(meetings["2011-05-26"], people["Patrick Burns"], "apologies")
    whole = tf.attendance.over_period(body)
    assert [r.person.name for r in whole] == [
        "Julian Le Grand", "Peter Marsh", "Carole Leslie", "Patrick Burns", "Rachel Wolf"]
    for limit in (1, 2, 3, 5):
        assert tf.attendance.over_period(body, limit=limit) == whole[:limit]
    later = tf.attendance.over_period(body, "2012-01-01")  # read on past Patrick Burns
    assert [r.person.name for r in later] == [
        "Julian Le Grand", "Peter Marsh", "Carole Leslie", "Rachel Wolf"]
    assert tf.attendance.over_period(body, "2012-01-01", limit=4) == later


def test_a_first_screen_of_the_register_counts_every_member(tf, board):
    body, people, meetings = board
    day = meetings["2012-01-12"]
    tf.attendance.mark(day, people["Rachel Wolf"], "present")
    tf.attendance.mark(day, people["Director of Commercial"], "present")
    whole = tf.attendance.register(day)
    first = tf.attendance.register(day, limit=2)
    assert names(first.members) == names(whole.members)[:2] == [
        "Julian Le Grand", "Peter Marsh"]
    assert names(first.marked) == names(whole.marked) == ["Rachel Wolf"]
    assert (first.member_count, whole.member_count) == (4, 4)
    assert names(first.others) == names(whole.others) == ["Director of Commercial"]


def test_the_sample_register_is_as_the_minutes_record_it(sample_tf):
    may = sample_tf.attendance.register(sample_tf.meetings.find_one("2011-05-26").id)
    assert names(may.with_status("present", "member")) == [
        "Julian Le Grand", "Nita Clarke", "Patrick Burns", "Rachel Wolf"]
    assert sorted(names(may.with_status("apologies"))) == [
        "Donna Fallows", "Ed Mayo", "Jo Pritchard", "Patrick Lewis", "Peter Holbrook",
        "Peter Marsh"]
    january = sample_tf.attendance.register(sample_tf.meetings.find_one("2012-01-12").id)
    assert "Stephen Kelly" in names(january.with_status("present", "member"))
    assert names(january.with_status("present", "official")) == [  # as the minutes list them
        "Head of Mutuals Programme", "Officials from OCS",
        "Crown Commercial Lead deputising for Director of Commercial"]
    assert sorted(names(january.with_status("apologies"))) == [
        "Carole Leslie", "Nita Clarke", "Patrick Lewis"]
    assert january.chair_heading == "Chair"


def test_a_snapshot_puts_back_an_entry_and_the_chair(tf, board):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    talk, _ = tf.agenda.add(meeting, "Talk")
    julian = people["Julian Le Grand"]
    before = tf.attendance.snapshot(meeting, julian)
    tf.attendance.mark(meeting, julian, "present")  # takes the chair too
    tf.attendance.put_back(before)
    assert tf.attendance.entry(meeting, julian) is None
    assert tf.attendance.chair_of(meeting) is None
    guest = people["Visiting expert"]
    tf.attendance.add(meeting, guest, capacity="presenter", item_ids=(talk,))
    kept = tf.attendance.snapshot(meeting, guest)
    tf.attendance.remove(tf.attendance.entry(meeting, guest).id)
    tf.attendance.put_back(kept)
    assert tf.attendance.register(meeting).others[0].items == ("Talk",)


def test_officials_are_listed_in_the_order_they_were_recorded(tf, board, monkeypatch):
    _, people, meetings = board
    meeting = meetings["2012-01-12"]
    # Recorded within the same millisecond: the order of recording still decides.
    monkeypatch.setattr("secretariat.storage.database.now_stamp",
                        lambda: "2012-01-12T15:30:00.000+00:00")
    for title in ("Director of Commercial", "Crown Commercial Lead"):
        tf.attendance.add(meeting, people[title], capacity="official")
    assert names(tf.attendance.register(meeting).others) == [
        "Director of Commercial", "Crown Commercial Lead"]
