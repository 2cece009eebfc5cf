import datetime as dt
import io
import subprocess
import sys

import pytest
from papers_setup import panel
from pypdf import PdfReader

from secretariat.interest import conflicts
from secretariat.review import reviews
from secretariat.documents import chairs_brief_pdf, interests_pdf, reviews_pdf
from secretariat.interest.interests import interests_document


def text_of(data: bytes) -> str:
    """The words printed, with table cells' line breaks closed up."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def title_of(data: bytes) -> str:
    return PdfReader(io.BytesIO(data)).metadata.title


@pytest.fixture
def world(tf):
    p = panel(tf)
    holbrook = p.people["Peter Holbrook"]
    old, _ = tf.interests.declare(holbrook, "Trustee <b>", "Old & Co", "directorship",
                                  declared_on="2011-02-01")
    tf.interests.end(old, "2011-10-01")
    tf.interests.declare(holbrook, "Chief Executive", "Social Enterprise UK", "employment",
                         declared_on="2011-02-01")
    forms, _ = tf.interests.send_forms(p.body, "2012-01-04",
                                       [holbrook, p.people["Ed Mayo"]])
    tf.interests.mark_returned(forms[0], "2012-01-06")
    return p


def test_the_register_prints_current_or_as_on_a_date(tf, world):
    now = text_of(interests_pdf.render(interests_document(tf, world.body)))
    assert "REGISTER OF MEMBERS' INTERESTS" in now and "Current on" in now
    assert "Chief Executive" in now and "Trustee" not in now
    then = interests_pdf.render(interests_document(tf, world.body, "2011-06-01"))
    text = text_of(then)
    assert "As it stood on Wednesday 1 June 2011" in text
    assert "Trustee <b>" in text and "Old & Co" in text  # user text printed literally
    assert "No declaration form sent." in text


def test_the_register_is_official_sensitive_with_forms_not_returned(tf, world):
    data = interests_pdf.render(interests_document(tf, world.body, "2012-01-12"))
    text = text_of(data)
    assert text.count("OFFICIAL-SENSITIVE") >= 2
    assert "returned Friday 6 January 2012" in text
    assert "Declaration forms not returned Ed Mayo." in text
    assert title_of(data) == "Register of members' interests"  # no names in the metadata


def test_the_coverage_view_prints_marks_flags_and_load(tf, world):
    paper_id, _ = tf.papers.create(world.body, "Social enterprise and procurement", "SE paper",
                                   status="out_for_review", review_deadline="2012-01-20")
    tf.papers.tags.add("Social Enterprise UK", "organisation", paper_id=paper_id)
    tf.reviews.nominate(paper_id, world.people["Peter Holbrook"], "technical")
    tf.reviews.suggest(paper_id, "A. Academic", "Procurement law", "via the LSE",
                       world.people["Ed Mayo"])
    doc = reviews.coverage_document(tf, world.body, dt.date(2012, 1, 16))
    text = text_of(reviews_pdf.render(doc))
    assert "No lay reviewer" in text
    assert "Deadline in 4 day(s) with 1 review(s) outstanding" in text
    assert "Technical expertise" in text and "Peter Holbrook" in text
    assert "Conflict flags" in text and "Social Enterprise UK" in text
    assert "A. Academic" in text and "Review load" in text
    assert doc.marking == "OFFICIAL-SENSITIVE"  # the flags quote the register


def test_the_coverage_view_shows_a_sign_off_and_its_conditions(tf, world):
    paper_id, _ = tf.papers.create(world.body, "Assets", status="revised")
    tf.papers.sign_off(paper_id, world.people["Julian Le Grand"], "2011-07-14",
                       "VAT section to be checked")
    text = text_of(reviews_pdf.render(reviews.coverage_document(tf, world.body)))
    assert "Signed off Thursday 14 July 2011. Conditions: VAT section to be checked." in text


def test_the_chairs_brief_lists_each_flag(tf, world):
    tf.papers.tags.add("Social Enterprise UK", "organisation",
                       agenda_item_id=world.items["Update from SEUK"])
    tf.papers.tags.add("MIS", agenda_item_id=world.items["Chair's update"])
    text = text_of(chairs_brief_pdf.render(conflicts.brief_document(tf, world.meeting)))
    assert "CHAIR'S BRIEF" in text and "Thursday 12 January 2012" in text
    assert "Peter Holbrook" in text and "Item: Update from SEUK" in text
    assert "Chair's update" in text.split("Items touching the MIS or MSP")[1][:20]
    assert "Ed Mayo." in text  # form not returned


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "secretariat", *map(str, args)],
                          capture_output=True, text=True)


def test_the_commands_print_the_sample(sample_path, tmp_path):
    out = tmp_path / "register.pdf"
    done = run_cli("register", sample_path, "--as-of", "2012-01-12", "-o", out)
    assert done.returncode == 0, done.stderr
    text = text_of(out.read_bytes())
    assert "Social Enterprise UK" in text and "Carole Leslie, Patrick Lewis." in text
    done = run_cli("reviews", sample_path, "-o", tmp_path / "reviews.pdf")
    assert done.returncode == 0, done.stderr
    assert "Teckal paper" in text_of((tmp_path / "reviews.pdf").read_bytes())
    done = run_cli("brief", sample_path, "--meeting", "12 January 2012", "-o",
                   tmp_path / "brief.pdf")
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("args, message", [
    (["register", "{file}", "--as-of", "2012-13-01"], "is not a date"),
    (["brief", "{file}", "--meeting", "2012-01-13"], "no meeting on 2012-01-13"),
    (["reviews", "{folder}/missing.taskforce"], "no taskforce file"),
])
def test_bad_input_is_one_line_and_exit_1(sample_path, tmp_path, args, message):
    args = [a.format(file=sample_path, folder=tmp_path) for a in args]
    done = run_cli(*args, "-o", tmp_path / "out.pdf")
    assert done.returncode == 1
    assert message in done.stderr and done.stderr.count("\n") == 1
    assert not (tmp_path / "out.pdf").exists()


def test_declarations_print_in_the_minutes(tf, world):
    from secretariat.meeting import minutes_content
    from secretariat.documents import minutes_pdf

    tf.interests.declare_at_meeting(world.meeting, world.people["Peter Holbrook"],
                                    "Chief Executive of Social Enterprise UK",
                                    world.items["Update from SEUK"])
    text = text_of(minutes_pdf.render(minutes_content.build(tf, world.meeting)))
    section = text.split("Declarations of interest")[1]
    assert "Peter Holbrook: Chief Executive of Social Enterprise UK (item: Update from SEUK)" \
        in section.split("1. Chair's update")[0]


def test_declarations_go_under_the_standing_item_when_there_is_one(tf, world):
    from secretariat.meeting import minutes_content

    tf.store.insert("agenda_items", dict(
        meeting_id=world.meeting, position=0, title="Declarations of interest",
        standing_kind="interests"))
    tf.interests.declare_at_meeting(world.meeting, world.people["Ed Mayo"],
                                    "Secretary General, Co-operatives UK")
    doc = minutes_content.build(tf, world.meeting)
    [under] = [i for i in doc.items if i.title == "Declarations of interest"]
    assert [e.text for e in under.entries] == ["Ed Mayo: Secretary General, Co-operatives UK"]
    assert doc.declarations == ()
