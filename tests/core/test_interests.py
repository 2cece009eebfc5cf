import datetime as dt

import pytest
from papers_setup import panel

from secretariat.errors import ValidationError
from secretariat.interest.interests import declarations_for_meeting


def test_an_ended_interest_stays_in_the_history(tf):
    p = panel(tf)
    ed = p.people["Ed Mayo"]
    old, _ = tf.interests.declare(ed, "Trustee", "Old Charity", "directorship",
                                  declared_on="2011-02-01")
    tf.interests.declare(ed, "Secretary General", "Co-operatives UK", "employment",
                         declared_on="2011-02-01")
    tf.interests.end(old, "2011-09-30")
    history = tf.interests.of_person(ed)
    assert {i.description for i in history} == {"Trustee", "Secretary General"}
    assert tf.interests.get(old).ended_on == dt.date(2011, 9, 30)
    assert [i.description for i in
            tf.interests.current_by_person([ed], dt.date(2011, 10, 1))[ed]] == [
        "Secretary General"]


def test_the_register_as_it_stood_on_a_date(tf):
    p = panel(tf)
    ed = p.people["Ed Mayo"]
    trustee, _ = tf.interests.declare(ed, "Trustee", "Old Charity", "directorship",
                                      declared_on="2011-02-01")
    tf.interests.end(trustee, "2011-09-30")
    tf.interests.declare(ed, "Adviser", "MSP supplier", "mis_msp", declared_on="2011-11-01")

    def interests_on(day):
        entries = {e.person.display_name: e for e in tf.interests.of_members(p.body, day)}
        return [i.description for i in entries["Ed Mayo"].interests], set(entries)

    assert interests_on("2011-06-01")[0] == ["Trustee"]
    assert interests_on("2011-10-15")[0] == []
    assert interests_on("2011-12-01")[0] == ["Adviser"]
    # Patrick Burns left at the end of 2011: on the register then, not after.
    assert "Patrick Burns" in interests_on("2011-12-01")[1]
    assert "Patrick Burns" not in interests_on("2012-01-12")[1]
    assert "Head of Mutuals Programme" not in interests_on("2012-01-12")[1]


def test_an_mis_or_msp_kind_is_always_flagged_as_concerning_them(tf):
    p = panel(tf)
    interest_id, _ = tf.interests.declare(p.people["Ed Mayo"], "Supplier", "Acme",
                                          "MIS or MSP funding or services")
    assert tf.interests.get(interest_id).concerns_mis_msp


def test_bad_interests_are_refused_and_nothing_is_written(tf):
    p = panel(tf)
    ed = p.people["Ed Mayo"]
    with pytest.raises(ValidationError, match="description"):
        tf.interests.declare(ed, " ", declared_on="2011-02-01")
    with pytest.raises(ValidationError, match="not one of"):
        tf.interests.declare(ed, "Friend", kind="friendship")
    interest_id, _ = tf.interests.declare(ed, "Member", declared_on="2011-02-01")
    with pytest.raises(ValidationError, match="before"):
        tf.interests.end(interest_id, "2011-01-01")
    assert tf.interests.get(interest_id).ended_on is None


def test_there_is_no_way_to_delete_a_declared_interest(tf):
    p = panel(tf)
    interest_id, _ = tf.interests.declare(p.people["Ed Mayo"], "Member", "Co-operatives UK")
    assert not hasattr(tf.interests, "delete")
    tf.interests.declare_at_meeting(p.meeting, p.people["Ed Mayo"], "Declared his role",
                                    interest_id=interest_id)
    with pytest.raises(ValidationError, match="stays in the register"):
        tf.interests.take_back(interest_id)
    assert tf.interests.get(interest_id)


def test_forms_not_returned(tf):
    p = panel(tf)
    members = [p.people[n] for n in ("Julian Le Grand", "Peter Marsh", "Ed Mayo")]
    form_ids, _ = tf.interests.send_forms(p.body, "2012-01-04", members)
    tf.interests.mark_returned(form_ids[0], "2012-01-05")
    tf.interests.mark_returned(form_ids[2], "2012-01-20")

    def names(day):
        return [x.display_name for x in tf.interests.not_returned(p.body, day)]

    assert names("2012-01-12") == ["Peter Marsh", "Ed Mayo"]
    assert names("2012-01-21") == ["Peter Marsh"]
    assert names("2012-01-03") == []  # nothing sent yet
    with pytest.raises(ValidationError, match="before it was sent"):
        tf.interests.mark_returned(form_ids[1], "2012-01-01")


def test_a_fresh_form_replaces_the_last_one(tf):
    p = panel(tf)
    ed = p.people["Ed Mayo"]
    [first], _ = tf.interests.send_forms(p.body, "2011-02-01", [ed])
    tf.interests.mark_returned(first, "2011-02-10")
    tf.interests.send_forms(p.body, "2012-01-04", [ed])
    assert [x.display_name for x in tf.interests.not_returned(p.body, "2012-01-12")] == [
        "Ed Mayo"]
    assert tf.interests.not_returned(p.body, "2011-06-01") == []


def test_declarations_at_a_meeting_come_in_agenda_order(tf):
    p = panel(tf)
    tf.interests.declare_at_meeting(p.meeting, p.people["Peter Holbrook"],
                                    "Chief Executive of Social Enterprise UK",
                                    p.items["Update from SEUK"])
    tf.interests.declare_at_meeting(p.meeting, p.people["Ed Mayo"], "Member of a co-op",
                                    p.items["Chair's update"])
    lines = [d.line for d in declarations_for_meeting(tf, p.meeting)]
    assert lines == ["Ed Mayo: Member of a co-op (item: Chair's update)",
                     "Peter Holbrook: Chief Executive of Social Enterprise UK "
                     "(item: Update from SEUK)"]
    assert declarations_for_meeting(tf.store, p.meeting)[0].person_name == "Ed Mayo"
    other, _ = tf.meetings.create(p.body, "2012-02-09")
    with pytest.raises(ValidationError, match="agenda"):
        tf.interests.declare_at_meeting(other, p.people["Ed Mayo"], "x",
                                        p.items["Chair's update"])


def test_the_sample_register_holds_only_what_the_report_states(sample_tf):
    body = sample_tf.bodies.all()[0].id
    entries = {e.person.display_name: e for e in sample_tf.interests.of_members(body, "2012-01-12")}
    [holbrook] = entries["Peter Holbrook"].interests
    assert (holbrook.description, holbrook.organisation) == ("Chief Executive",
                                                             "Social Enterprise UK")
    assert entries["Carole Leslie"].interests == []  # the report says nothing of her
    assert all(len(e.interests) <= 1 for e in entries.values())
    assert not any(i.concerns_mis_msp for e in entries.values() for i in e.interests)
    waiting = sample_tf.interests.not_returned(body, "2012-01-12")
    assert 0 < len(waiting) < len(entries) / 2  # "most have come back"
    assert {e.form.sent_on for e in entries.values()} == {dt.date(2012, 1, 4)}
