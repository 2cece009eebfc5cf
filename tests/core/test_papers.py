import datetime as dt

import pytest
from papers_setup import panel

from secretariat.errors import ValidationError

WAVE = "First wave of cross-cutting issues papers"


def test_a_paper_keeps_what_the_secretariat_records(tf, tmp_path):
    p = panel(tf)
    document = tmp_path / "teckal v3.docx"
    paper_id, changes = tf.papers.create(
        p.body, "Teckal and public service mutuals", "Teckal paper",
        owner_person_id=p.people["Peter Marsh"], wave=WAVE, status="Out for review",
        review_deadline="9 February 2012", document_path=document)
    paper = tf.papers.get(paper_id)
    assert changes.concerns("paper")
    assert paper.label == "Teckal paper"
    assert paper.status == "out_for_review"
    assert paper.review_deadline == dt.date(2012, 2, 9)
    assert paper.document_path == str(document)
    assert not document.exists()  # the file is linked, never copied or made
    assert tf.papers.owner_name(paper) == "Peter Marsh"


def test_bad_input_is_refused_and_nothing_is_written(tf):
    p = panel(tf)
    with pytest.raises(ValidationError, match="title"):
        tf.papers.create(p.body, "   ")
    with pytest.raises(ValidationError, match="not one of"):
        tf.papers.create(p.body, "Assets", status="lost")
    with pytest.raises(ValidationError, match="not a date"):
        tf.papers.create(p.body, "Assets", review_deadline="next week")
    assert tf.papers.of_body(p.body) == []


def test_sign_off_records_who_when_and_conditions(tf):
    p = panel(tf)
    paper_id, _ = tf.papers.create(p.body, "Assets")
    tf.papers.sign_off(paper_id, p.people["Julian Le Grand"], "2011-07-14",
                       "Subject to the VAT section being checked")
    paper = tf.papers.get(paper_id)
    assert (paper.status, paper.signed_off_by_id, paper.signed_off_on) == (
        "signed_off", p.people["Julian Le Grand"], dt.date(2011, 7, 14))
    assert paper.sign_off_conditions == "Subject to the VAT section being checked"
    with pytest.raises(ValidationError, match="date"):
        tf.papers.sign_off(paper_id, None, "")


def test_waves_list_and_filter_papers(tf):
    p = panel(tf)
    tf.papers.create(p.body, "Teckal paper")
    tf.papers.create(p.body, "Procurement", wave=WAVE)
    tf.papers.create(p.body, "Assets", wave=WAVE)
    assert [x.title for x in tf.papers.of_body(p.body, WAVE)] == ["Assets", "Procurement"]
    assert [x.title for x in tf.papers.of_body(p.body)] == ["Assets", "Procurement",
                                                           "Teckal paper"]
    assert tf.papers.waves(p.body) == [WAVE]


def test_a_paper_goes_to_a_meeting_under_an_item(tf):
    p = panel(tf)
    paper_id, _ = tf.papers.create(p.body, "Teckal paper")
    tf.papers.link(paper_id, p.meeting, p.items["Chair's update"])
    [link] = tf.papers.links(paper_id)
    assert (link.meeting_date, link.item_title) == (dt.date(2012, 1, 12), "Chair's update")
    assert [x.id for x in tf.papers.for_meeting(p.meeting)] == [paper_id]
    with pytest.raises(ValidationError, match="already"):
        tf.papers.link(paper_id, p.meeting, p.items["Chair's update"])
    other, _ = tf.meetings.create(p.body, "2012-02-09")
    with pytest.raises(ValidationError, match="another meeting"):
        tf.papers.link(paper_id, other, p.items["Chair's update"])
    tf.papers.unlink(link.id)
    assert tf.papers.links(paper_id) == []


def test_deleting_a_paper_can_be_undone_with_its_reviews_and_tags(tf):
    p = panel(tf)
    paper_id, _ = tf.papers.create(p.body, "Assets")
    tf.papers.tags.add("Asset locks", paper_id=paper_id)
    tf.reviews.nominate(paper_id, p.people["Ed Mayo"], "technical")
    _, removed = tf.papers.delete(paper_id)
    assert tf.papers.of_body(p.body) == []
    tf.restore_rows(removed)
    assert [t.name for t in tf.papers.tags.of_paper(paper_id)] == ["Asset locks"]
    assert [r.person_name for r in tf.reviews.of_paper(paper_id)] == ["Ed Mayo"]


def test_tags_name_the_mis_and_msp_one_way_and_are_not_doubled(tf):
    p = panel(tf)
    paper_id, _ = tf.papers.create(p.body, "Support for spin-outs")
    tf.papers.tags.add("Mutuals Support Programme", paper_id=paper_id)
    with pytest.raises(ValidationError, match="already tagged MSP"):
        tf.papers.tags.add("msp", paper_id=paper_id)
    tf.papers.tags.add("Social Enterprise UK", "organisation",
                       agenda_item_id=p.items["Update from SEUK"])
    assert [t.name for t in tf.papers.tags.of_paper(paper_id)] == ["MSP"]
    [tag] = tf.papers.tags.of_item(p.items["Update from SEUK"])
    assert (tag.kind, tag.name) == ("organisation", "Social Enterprise UK")


def test_the_sample_holds_the_papers_the_record_names(sample_tf):
    body = sample_tf.bodies.all()[0].id
    papers = {x.label: x for x in sample_tf.papers.of_body(body)}
    assert {"Assets paper", "Procurement paper", "Teckal paper", "Evidence paper"} <= set(papers)
    assert papers["Evidence paper"].title == "Our Mutual Friends"
    assert papers["Assets paper"].wave == WAVE
    teckal = papers["Teckal paper"]
    assert sample_tf.papers.owner_name(teckal) == "Peter Marsh"
    assert [link.meeting_date for link in sample_tf.papers.links(teckal.id)] == [
        dt.date(2012, 1, 12)]
