"""The Qt models pass Qt's own model checks, empty and full."""

from ui.models.meetings import MeetingsModel
from ui.models.people import PeopleModel


def test_meetings_model(qtmodeltester, sample_tf):
    model = MeetingsModel()
    qtmodeltester.check(model)
    model.set_records(sample_tf.meetings.of_body(sample_tf.bodies.all()[0].id))
    qtmodeltester.check(model)
    assert model.index(1, 0).data() == "Thu 26 May 2011"
    assert model.index(1, 2).data() == "15.30 – 17.30"


def test_people_model(qtmodeltester, sample_tf):
    model = PeopleModel()
    model.set_records(sample_tf.people.in_body(sample_tf.bodies.all()[0].id))
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Julian Le Grand"
    assert model.index(0, 2).data() == "Chair"
