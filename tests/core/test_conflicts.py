import datetime as dt

from papers_setup import panel

from secretariat.interest import conflicts
from secretariat.review import reviews


def interest(**values):
    base = dict(organisation="", description="", concerns_mis_msp=False)
    return type("Interest", (), {**base, **values})()


def test_matching_by_organisation_ignores_case_and_spacing():
    seuk = interest(organisation="Social Enterprise UK", description="Chief Executive")
    assert conflicts.matches(seuk, "social  enterprise uk")
    assert not conflicts.matches(seuk, "Co-operatives UK")


def test_a_topic_matches_whole_words_only():
    schools = interest(organisation="New Schools Network", description="Director")
    assert conflicts.matches(schools, "schools")
    assert not conflicts.matches(schools, "school")
    assert not conflicts.matches(schools, "")


def test_mis_and_msp_tags_match_interests_flagged_as_concerning_them():
    supplier = interest(organisation="Acme Advisers", description="Partner",
                        concerns_mis_msp=True)
    unrelated = interest(organisation="Acme Advisers", description="Partner")
    assert conflicts.matches(supplier, "MSP")
    assert conflicts.matches(supplier, "Mutuals Information Service")
    assert not conflicts.matches(unrelated, "MSP")
    assert not conflicts.matches(supplier, "Procurement")


def test_the_agenda_flags_current_members_with_matching_interests(tf):
    p = panel(tf)
    tf.papers.tags.add("Social Enterprise UK", "organisation",
                       agenda_item_id=p.items["Update from SEUK"])
    tf.papers.tags.add("MIS", agenda_item_id=p.items["Chair's update"])
    tf.interests.declare(p.people["Peter Holbrook"], "Chief Executive",
                         "Social Enterprise UK", "employment", declared_on="2011-02-01")
    tf.interests.declare(p.people["Ed Mayo"], "Supplier of support", "Acme", "mis_msp",
                         declared_on="2011-02-01")
    ended, _ = tf.interests.declare(p.people["Peter Marsh"], "Adviser",
                                    "Social Enterprise UK", declared_on="2011-02-01")
    tf.interests.end(ended, "2011-12-01")
    # Patrick Burns left the body before the meeting: no flag for him.
    tf.interests.declare(p.people["Patrick Burns"], "Trustee", "Social Enterprise UK",
                         declared_on="2011-02-01")
    flags = conflicts.for_agenda(tf, p.meeting)
    assert sorted((f.person_name, f.subject_title, f.tag) for f in flags) == [
        ("Ed Mayo", "Chair's update", "MIS"),
        ("Peter Holbrook", "Update from SEUK", "Social Enterprise UK")]
    assert all(f.subject == "item" for f in flags)


def test_a_nomination_touching_an_interest_is_flagged_not_refused(tf):
    p = panel(tf)
    paper_id, _ = tf.papers.create(p.body, "Social enterprise and procurement",
                                   status="out_for_review")
    tf.papers.tags.add("Social Enterprise UK", "organisation", paper_id=paper_id)
    holbrook = p.people["Peter Holbrook"]
    tf.interests.declare(holbrook, "Chief Executive", "Social Enterprise UK",
                         declared_on="2011-02-01")
    review_id, _ = tf.reviews.nominate(paper_id, holbrook, "technical")
    assert tf.reviews.get(review_id).status == "nominated"
    [flag] = conflicts.for_nomination(tf, paper_id, holbrook, dt.date(2012, 1, 1))
    assert "Social Enterprise UK" in flag.line and flag.subject == "paper"
    assert conflicts.for_nomination(tf, paper_id, p.people["Ed Mayo"], dt.date(2012, 1, 1)) == []
    [cover] = reviews.coverage(tf, p.body, dt.date(2012, 1, 1))
    assert [f.person_name for f in cover.flags] == ["Peter Holbrook"]


def test_the_chairs_brief_lists_agenda_and_paper_flags(tf):
    p = panel(tf)
    tf.papers.tags.add("Social Enterprise UK", "organisation",
                       agenda_item_id=p.items["Update from SEUK"])
    paper_id, _ = tf.papers.create(p.body, "Support programme review")
    tf.papers.tags.add("MSP", paper_id=paper_id)
    tf.papers.link(paper_id, p.meeting)
    tf.interests.declare(p.people["Peter Holbrook"], "Chief Executive",
                         "Social Enterprise UK", declared_on="2011-02-01",
                         concerns_mis_msp=True)
    doc = conflicts.brief_document(tf, p.meeting)
    assert [(c.subject, c.subject_title) for c in doc.conflicts] == [
        ("item", "Update from SEUK"), ("paper", "Support programme review")]
    assert doc.mis_msp_subjects == ["Support programme review"]
    assert doc.marking == "OFFICIAL-SENSITIVE"
