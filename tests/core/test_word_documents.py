"""The minutes and the agenda as Word documents, read back with python-docx:
the house style in Word's own styles, the marking and page numbers on every
page, DRAFT until approved, and any text as typed."""

import dataclasses
import io
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn

from agenda_setup import carried_forward
from minutes_setup import add_item, board
from secretariat.documents import agenda_docx, minutes_docx
from secretariat.meeting import agenda_content, minutes_content

HOSTILE = [
    "<b>&amp;</b> <img src='/etc/passwd'/> ]]> &lt; \"quoted\"",
    "commas, and; semicolons; a, b, c",
    "a first line\nand a second\n\nafter an empty one",
    "שלום עולם: the Hebrew first",
    "مرحبا بالعالم، ثم English",
    "an emoji 😀 and a clef 𝄞, which Word holds as typed",
    "tabbed\tin, and   spaced   out",
]
LONG = ("a hundred thousand characters " * 3334)[:99_999] + "."


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def styled(document) -> list[tuple[str, str]]:
    """Each paragraph of the body, outside tables: (its style, its text)."""
    return [(p.style.name, p.text) for p in document.paragraphs]


def minutes_of(tf, day: str, publication: bool = False):
    doc = minutes_content.build(tf, tf.meetings.find_one(day).id, publication)
    return doc, read(minutes_docx.render(doc))


def agenda_of(tf, day: str):
    doc = agenda_content.build(tf, tf.meetings.find_one(day).id)
    return doc, read(agenda_docx.render(doc))


def furniture(document) -> tuple[str, str]:
    """The XML of the header and the footer of the document's pages."""
    section = document.sections[0]
    return section.header._element.xml, section.footer._element.xml


def test_the_minutes_are_in_word_styles_in_the_house_order(sample_tf):
    doc, document = minutes_of(sample_tf, "2011-05-26")
    paragraphs = styled(document)
    order = [("Title", "MUTUALS TASKFORCE MEETING"), ("Centred", "Thursday 26 May 2011"),
             ("Centred", "22 Whitehall"), ("Centred", "15.30 – 17.30"), ("Title", "MINUTES"),
             ("Heading 2", "Attendees"), ("Heading 2", "Officials"),
             ("Table text", "Head of Mutuals Programme"), ("Heading 2", "Apologies"),
             ("Heading 1", "1. Welcome and introductions"), ("Heading 1", "3. Update"),
             ("Decision", doc.items[2].entries[0].text), ("Heading 3", "Actions"),
             ("Heading 1", "4. Cross cutting issues"),
             ("Heading 2", "i) Papers; review and signing off process"),
             ("Heading 2", "ii) Assets"), ("List Bullet", "The discussion centred on:"),
             ("List Bullet 2", "the move from contestable to competitive markets")]
    positions = [paragraphs.index(entry) for entry in order]
    assert positions == sorted(positions)
    attendees = document.tables[0]
    assert attendees.cell(0, 0).text == "Chair: Julian Le Grand"
    assert attendees.style.name == "Normal Table"  # names in columns, not a ruled table


def test_actions_are_ruled_tables_with_a_heading_row_on_every_page(sample_tf):
    doc, document = minutes_of(sample_tf, "2011-05-26")
    ruled = [t for t in document.tables if t.style.name == "Ruled table"]
    expected = [item.action_rows for item in doc.items if item.actions]
    assert [[[c.text for c in row.cells] for row in t.rows[1:]] for t in ruled] == expected
    for table in ruled:
        heading = table.rows[0]
        assert [c.text for c in heading.cells] == ["Who", "Action", "When"]
        assert heading._tr.trPr.find(qn("w:tblHeader")) is not None
        assert heading.cells[0].paragraphs[0].style.name == "Table heading"


def test_every_page_carries_the_marking_and_word_counts_the_pages(sample_tf):
    _, document = minutes_of(sample_tf, "2011-05-26")
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["OFFICIAL"]
    assert [p.text for p in section.footer.paragraphs] == ["Page 1 of 1", "OFFICIAL"]
    header, footer = furniture(document)
    codes = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"]
    assert footer.count('w:fldCharType="begin"') == 2
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    properties = document.core_properties
    assert properties.title == "Mutuals Taskforce meeting Thursday 26 May 2011: minutes"
    assert properties.author == "Taskforce Secretariat" and properties.comments == ""


def test_draft_minutes_say_draft_on_every_page_and_approved_ones_do_not(sample_tf):
    approved, draft = "2011-05-26", "2012-01-12"
    assert minutes_content.build(sample_tf, sample_tf.meetings.find_one(draft).id).draft
    header, footer = furniture(minutes_of(sample_tf, draft)[1])
    assert 'string="DRAFT"' in header  # Word's watermark, in the header of every page
    header, footer = furniture(minutes_of(sample_tf, approved)[1])
    assert "DRAFT" not in header + footer


def test_restricted_items_mark_every_page_and_are_withheld_for_publication(tf):
    b = board(tf)
    pensions = add_item(tf, b.meetings[0], 3, "Pensions", restricted=True)
    tf.minutes.capture(pensions, "- Pension fund position\nDecision: Sell")
    _, document = minutes_of(tf, "2011-05-26")
    header, footer = furniture(document)
    assert "OFFICIAL-SENSITIVE" in header and "OFFICIAL-SENSITIVE" in footer
    assert ("Note", "OFFICIAL-SENSITIVE: not for publication") in styled(document)
    _, published = minutes_of(tf, "2011-05-26", publication=True)
    texts = [text for _, text in styled(published)]
    assert "3. Item withheld" in texts and "Version for publication" in texts
    assert not any("Pension" in text or "Sell" in text for text in texts)


def test_any_text_survives_as_typed(tf):
    b = board(tf)
    item = b.items[(0, "Update")]
    for text in HOSTILE + [LONG]:
        point, _ = tf.minutes.add(item, text)
        tf.minutes.add(item, text, parent_id=point)
    tf.minutes.add(item, HOSTILE[0], kind="decision")
    tf.actions.create(item, HOSTILE[1] + " " + HOSTILE[3], ["Ed Mayo"], HOSTILE[4])
    _, document = minutes_of(tf, "2011-05-26")
    paragraphs = styled(document)
    for text in HOSTILE + [LONG]:
        assert ("List Bullet", text) in paragraphs and ("List Bullet 2", text) in paragraphs
    assert ("Decision", HOSTILE[0]) in paragraphs
    action = document.tables[-1].rows[1].cells
    assert action[1].text == HOSTILE[1] + " " + HOSTILE[3]
    assert action[2].text == HOSTILE[4]


def test_right_to_left_points_are_right_to_left_paragraphs(tf):
    b = board(tf)
    for text in HOSTILE[2:5]:
        tf.minutes.add(b.items[(0, "Update")], text)
    _, document = minutes_of(tf, "2011-05-26")
    right_to_left = {p.text: p._p.pPr.find(qn("w:bidi")) is not None
                     for p in document.paragraphs if p.style.name == "List Bullet"}
    assert right_to_left == {HOSTILE[2]: False, HOSTILE[3]: True, HOSTILE[4]: True}


def test_characters_xml_cannot_hold_are_left_out_not_fatal(sample_tf):
    # The file refuses them at the door; a document is made from plain data all the same.
    doc = minutes_content.build(sample_tf, sample_tf.meetings.find_one("2011-05-26").id)
    odd = "bell\x07, null\x00, \ufffe and a lone \ud800 gone"
    doc = dataclasses.replace(doc, items=(minutes_content.ItemMinutes(
        "1.", odd, 0, entries=(minutes_content.EntryLine("point", odd),)),))
    paragraphs = styled(read(minutes_docx.render(doc)))
    assert ("Heading 1", "1. bell, null,  and a lone  gone") in paragraphs
    assert ("List Bullet", "bell, null,  and a lone  gone") in paragraphs


def test_the_agenda_in_word_has_its_numbered_items_in_a_table(sample_tf):
    doc, document = agenda_of(sample_tf, "2012-01-12")
    assert [text for style, text in styled(document) if style == "Title"] == [
        "MUTUALS TASKFORCE MEETING", "AGENDA"]
    table, = document.tables
    assert table.style.name == "Ruled table"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["No.", "Item", "Lead", "Papers", "Time"]
    assert rows[2] == ["2", "Chair's Update", "Julian Le Grand", "Teckal paper", "16.05–16.20"]
    assert table.rows[2].cells[1].paragraphs[0].runs[0].style.name == "Strong"
    assert "DRAFT" not in furniture(document)[0]  # the sample's agenda was agreed
    assert document.core_properties.title == doc.metadata_title


def test_sub_items_sit_under_their_item_with_their_numerals(sample_tf):
    _, document = agenda_of(sample_tf, "2011-05-26")
    cells = [row.cells[1].paragraphs[0] for row in document.tables[0].rows]
    subs = [(p.style.name, p.text) for p in cells if p.text.startswith(("i)", "ii)", "iii)"))]
    assert subs[0] == ("Table sub-item", "i)\u00a0\u00a0Papers; review and signing off process")
    assert ("Table sub-item", "iii)\u00a0\u00a0Case studies") in subs


def test_a_draft_agenda_says_draft_and_notes_purpose_and_where_items_came_from(sample_tf):
    january, _ = carried_forward(sample_tf, restricted=True, purpose="discussion")
    sample_tf.agenda.add(january, HOSTILE[0])
    sample_tf.agenda.set_agenda_status(january, "draft")
    _, document = agenda_of(sample_tf, "2012-01-12")
    assert 'string="DRAFT"' in furniture(document)[0]
    items = {row.cells[1].paragraphs[0].text: row.cells[1] for row in document.tables[0].rows}
    note = items["Presentation on legal models"].paragraphs[1]
    assert note.text == "For discussion; Restricted; Carried forward from Thursday 26 May 2011"
    assert note.runs[0].style.name == "Emphasis"
    assert HOSTILE[0] in items


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed")
def test_libreoffice_lays_the_minutes_out_on_pages(sample_tf, tmp_path):
    from pypdf import PdfReader

    source = tmp_path / "minutes.docx"
    source.write_bytes(minutes_docx.render(minutes_content.build(
        sample_tf, sample_tf.meetings.find_one("2012-01-12").id)))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    reader = PdfReader(tmp_path / "minutes.pdf")
    text = reader.pages[0].extract_text()
    assert len(reader.pages) >= 1 and "MINUTES" in text and "OFFICIAL" in text
    assert f"Page 1 of {len(reader.pages)}" in text
