"""A long list opens with its first screen, read at once whatever the file
holds, and holds every row once it is painted: the rows the official sees are
those of the whole list read at once, in its order."""

import datetime as dt

import pytest

from secretariat.review import reviews
from ui.pages.attendance_stats import AttendanceStatsPage
from ui.pages.interests import InterestsPage
from ui.pages.meetings import MeetingsPage
from ui.pages.papers import PapersPage
from ui.pages.people import PeoplePage
from ui.pages.register import RegisterPage
from ui.tables import FIRST_SCREEN

MORE = FIRST_SCREEN + 20  # members and meetings added to the sample's


@pytest.fixture
def long_lists(session):
    """The sample with more members than a first screen (named to sort after its
    own) and more meetings; the last meeting's register taken, its last member
    present. The session, and the last meeting's id."""
    tf, body = session.tf, session.body_id
    with tf.store.transaction():
        people = [tf.people.create(body, f"Zed Member {n:03}", "member",
                                   joined_on="2011-01-01")[0] for n in range(MORE)]
        meetings = [tf.meetings.create(body, (dt.date(2013, 1, 7) + dt.timedelta(days=7 * n))
                                       .isoformat(), "10:00", "12:00")[0]
                    for n in range(MORE)]
        tf.attendance.mark(meetings[-1], people[-1], "present")
        tf.attendance.mark(meetings[-1], people[0], "apologies")
        tf.interests.send_forms(body, "2013-01-01", [people[-1]])
    return session, meetings[-1]


def shown(view) -> list[list[str]]:
    model = view.model()
    return [[model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())]


def read_whole(view, records) -> list[list[str]]:
    """The rows the list shows of ``records`` handed to it whole."""
    return [[column.text(record) for column in view.model().columns] for record in records]


PAGES = {  # page, its long list, and the list read whole through the core
    "People": (PeoplePage, "view", lambda tf, body, _: tf.people.in_body(body)),
    "Meetings": (MeetingsPage, "view", lambda tf, body, _: tf.meetings.of_body(body)),
    "Interests": (InterestsPage, "view", lambda tf, body, _: tf.interests.of_members(body)),
    "Attendance": (AttendanceStatsPage, "view",
                   lambda tf, body, _: tf.attendance.over_period(body)),
    "Review load": (PapersPage, "load_view", lambda tf, body, _: reviews.load(tf, body)),
    "Register": (lambda session, meeting: RegisterPage(session, meeting), "members",
                 lambda tf, _, meeting: tf.attendance.register(meeting).members),
}


@pytest.mark.parametrize("name", PAGES)
def test_a_long_list_shows_its_first_screen_then_every_row(name, long_lists, qtbot):
    session, meeting = long_lists
    make, listed, whole = PAGES[name]
    page = make(session, meeting) if name == "Register" else make(session)
    qtbot.addWidget(page)
    view = getattr(page, listed)
    expected = read_whole(view, whole(session.tf, session.body_id, meeting))
    assert len(expected) > FIRST_SCREEN
    assert shown(view) == expected[:FIRST_SCREEN]  # built, not yet painted
    page.show()
    qtbot.waitUntil(lambda: view.model().rowCount() == len(expected))
    assert shown(view) == expected


def test_a_person_past_the_first_screen_is_found(long_lists, qtbot):
    session, _ = long_lists
    page = PeoplePage(session)
    qtbot.addWidget(page)
    last = session.tf.people.in_body(session.body_id)[-1].person
    page.show_record(last.id)
    assert page.chosen().person == last


def test_the_register_counts_every_member_from_its_first_screen(long_lists, qtbot):
    session, meeting = long_lists
    page = RegisterPage(session, meeting)
    qtbot.addWidget(page)
    members = session.tf.attendance.register(meeting).members
    assert page.members_model.rowCount() == FIRST_SCREEN
    assert page.summary.text() == (f"1 present, 1 apologies, 0 absent, "
                                   f"{len(members) - 2} not marked")
    assert [page.chair.itemText(n) for n in range(page.chair.count())] == [
        "(nobody yet)", members[-1].person.display_name]  # the last member, not yet listed


def test_forms_not_returned_are_named_from_the_first_screen(long_lists, qtbot):
    session, _ = long_lists
    page = InterestsPage(session)
    qtbot.addWidget(page)
    assert page.model.rowCount() == FIRST_SCREEN
    assert f"Zed Member {MORE - 1:03}" in page.outstanding.text()
