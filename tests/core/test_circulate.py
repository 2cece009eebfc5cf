"""Circulating minutes: an .eml draft a mail program opens, with the PDF attached."""

import datetime as dt
from email import message_from_bytes
from email.policy import default

from minutes_setup import board
from secretariat.letters import circulate
from secretariat.__main__ import main
from secretariat.taskforce import Taskforce


def test_the_draft_goes_to_current_members_and_officials_with_the_pdf(tf):
    b = board(tf)
    tf.people.create(b.body, "Patrick Burns", email="pb@example.org",
                     joined_on="2011-01-01", left_on="2011-12-31")
    tf.people.create(b.body, "Ann Visitor", "guest", email="ann@example.org")
    pdf = b"%PDF-1.4 the minutes"
    made = circulate.draft(tf, b.meetings[0], pdf, on=dt.date(2012, 1, 5))

    message = message_from_bytes(made.eml, policy=default)
    to = [a.addr_spec for a in message["To"].addresses]
    assert sorted(to) == ["chair@example.org", "head@example.org", "lz@example.org",
                          "pm@example.org"]
    assert "Łukasz Żółć" in str(message["To"])
    assert message["Subject"] == ("Mutuals Taskforce: draft minutes for the meeting of "
                                  "Thursday 26 May 2011")
    assert message["X-Unsent"] == "1"
    attachment, = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "MTF draft minutes 2011-05-26.pdf"
    assert attachment.get_content() == pdf
    assert "draft minutes" in message.get_body(("plain",)).get_content()
    assert made.without_address == ("Ed Mayo",)


def test_the_command_line_writes_the_draft_beside_the_pdf(file_path, tmp_path, capsys):
    with Taskforce.open(file_path, create=True) as tf:
        board(tf)
    pdf, eml = tmp_path / "m.pdf", tmp_path / "m.eml"
    assert main(["minutes", str(file_path), "--meeting", "2011-05-26", "-o", str(pdf),
                 "--email", str(eml)]) == 0
    message = message_from_bytes(eml.read_bytes(), policy=default)
    attachment, = list(message.iter_attachments())
    assert attachment.get_content() == pdf.read_bytes()
    assert "no e-mail address for Ed Mayo" in capsys.readouterr().err
