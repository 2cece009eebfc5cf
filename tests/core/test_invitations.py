import datetime as dt
import email
from email import policy

import pytest
from papers_setup import panel

from secretariat.letters import invitations
from secretariat.files.output_files import write_private
from secretariat.errors import ValidationError

WAVE = "First wave of cross-cutting issues papers"


@pytest.fixture
def world(tf):
    p = panel(tf)
    p.assets, _ = tf.papers.create(p.body, "Cross-cutting issues: assets", "Assets paper",
                                   wave=WAVE, status="out_for_review",
                                   review_deadline="2011-06-30",
                                   owner_person_id=p.people["Peter Marsh"])
    p.procurement, _ = tf.papers.create(p.body, "Procurement options", wave=WAVE,
                                        review_deadline="2011-06-23")
    tf.papers.create(p.body, "Teckal paper", wave="Second wave")
    tf.papers.create(p.body, "Dropped paper", wave=WAVE, status="withdrawn")
    return p


def parse(draft, tmp_path):
    path = tmp_path / draft.file_name
    write_private(path, draft.eml)
    with open(path, "rb") as handle:
        return email.message_from_binary_file(handle, policy=policy.default)


def test_the_invitation_goes_to_current_members_with_email(tf, world, tmp_path):
    draft = invitations.invite_self_nominations(tf, world.body, WAVE,
                                                today=dt.date(2011, 6, 1))
    message = parse(draft, tmp_path)
    recipients = {a.addr_spec for a in message["To"].addresses}
    assert recipients == {"chair@example.org", "pm@example.org", "ph@example.org",
                          "pb@example.org"}  # Patrick Burns had not yet left
    assert draft.without_email == ["Ed Mayo"]
    assert "head@example.org" not in recipients  # officials are not asked
    assert message["X-Unsent"] == "1"
    assert WAVE in message["Subject"]


def test_the_invitation_lists_the_wave_and_the_deadline(tf, world, tmp_path):
    message = parse(invitations.invite_self_nominations(tf, world.body, WAVE,
                                                        today=dt.date(2011, 6, 1)), tmp_path)
    body = message.get_body(("plain",)).get_content()
    assert "- Cross-cutting issues: assets (Assets paper); lead: Peter Marsh; " \
           "comments by 30 June 2011" in body
    assert "- Procurement options; comments by 23 June 2011" in body
    assert "Teckal" not in body and "Dropped" not in body
    assert "reply by Thursday 23 June 2011" in body  # the earliest deadline of the wave
    assert "technical expertise" in body and "lay perspective" in body


def test_a_paper_already_signed_off_or_published_is_not_offered_for_review(tf, world,
                                                                        tmp_path):
    tf.papers.create(world.body, "Published guidance", wave=WAVE, status="published")
    tf.papers.create(world.body, "Signed-off note", wave=WAVE, status="signed_off")
    body = parse(invitations.invite_self_nominations(tf, world.body, WAVE,
                                                     today=dt.date(2011, 6, 1)),
                 tmp_path).get_body(("plain",)).get_content()
    assert "Procurement options" in body
    assert "Published guidance" not in body and "Signed-off note" not in body


def test_members_who_have_left_are_not_invited(tf, world, tmp_path):
    message = parse(invitations.invite_self_nominations(tf, world.body, WAVE,
                                                        today=dt.date(2012, 1, 12)), tmp_path)
    assert "pb@example.org" not in {a.addr_spec for a in message["To"].addresses}


def test_an_empty_wave_is_refused(tf, world):
    with pytest.raises(ValidationError, match="no papers"):
        invitations.invite_self_nominations(tf, world.body, "Third wave")


def test_the_chaser_goes_to_reviewers_with_overdue_reviews(tf, world, tmp_path):
    tf.reviews.nominate(world.assets, world.people["Peter Holbrook"], "technical")
    done, _ = tf.reviews.nominate(world.assets, world.people["Julian Le Grand"], "lay")
    tf.reviews.set_status(done, "done")
    with pytest.raises(ValidationError, match="No reviews are overdue"):
        invitations.chase_overdue(tf, world.body, dt.date(2011, 6, 30))
    message = parse(invitations.chase_overdue(tf, world.body, dt.date(2011, 7, 1)), tmp_path)
    assert [a.addr_spec for a in message["To"].addresses] == ["ph@example.org"]
    body = message.get_body(("plain",)).get_content()
    assert "- Assets paper, due 30 June 2011: Peter Holbrook (technical expertise)" in body
    assert "Julian Le Grand" not in body
