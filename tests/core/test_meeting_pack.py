"""The meeting pack, read back as a member's PDF reader reads it: a cover with
the contents, the agenda, each paper tabled in agenda order (its own pages, or
a page saying it is to follow or why it could not be included), a bookmark
for every part and "Page x of y" on every page. A paper's file is a received
file: whatever it holds, the pack is made."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DictionaryObject, NameObject, RectangleObject,
                           TextStringObject)
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from secretariat.__main__ import main
from secretariat.documents import agenda_pdf, meeting_pack, pack_papers
from secretariat.meeting import agenda_content
from secretariat.errors import Cancelled

DAY = "2012-01-12"  # the sample meeting whose Chair's Update tables the Teckal paper


def paper_pdf(path, pages: int = 1, size=A4, rotate: int = 0):
    """A small real PDF whose pages say whose they are."""
    canvas = Canvas(str(path), pagesize=size)
    for n in range(1, pages + 1):
        canvas.drawString(72, size[1] - 90, f"{path.stem} own page {n}")
        canvas.showPage()
    canvas.save()
    if rotate:
        writer = PdfWriter(clone_from=str(path))
        for page in writer.pages:
            page.rotate(rotate)
        writer.write(str(path))
    return path


def table(tf, title: str, path="", item: str | None = None) -> str:
    """Table a new paper for the meeting, under the item whose title starts so."""
    meeting = tf.meetings.find_one(DAY)
    paper_id, _ = tf.papers.create(meeting.body_id, title, document_path=str(path))
    item_id = next(i.id for i in tf.agenda.of_meeting(meeting.id)
                   if i.title.startswith(item)) if item else None
    tf.papers.link(paper_id, meeting.id, item_id)
    return paper_id


def make(tf, restricted=False) -> tuple[meeting_pack.Pack, PdfReader]:
    doc = meeting_pack.build(tf, tf.meetings.find_one(DAY).id, restricted=restricted)
    pack = meeting_pack.render(doc)
    return pack, PdfReader(io.BytesIO(pack.pdf))


def texts(reader: PdfReader) -> list[str]:
    """Each page's text, its lines (and a table's cells) run into one line."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def bookmarks(reader: PdfReader) -> list[tuple[str, int]]:
    """Each bookmark's title and the page (from 1) it opens."""
    return [(item.title, reader.get_destination_page_number(item) + 1)
            for item in reader.outline]


def agenda_pages(tf) -> int:
    doc = agenda_content.build(tf, tf.meetings.find_one(DAY).id)
    return len(PdfReader(io.BytesIO(agenda_pdf.render(doc))).pages)


def test_cover_agenda_then_the_papers_in_agenda_order_each_bookmarked(sample_tf, tmp_path):
    table(sample_tf, "Finance paper", paper_pdf(tmp_path / "finance.pdf", 2), "Action Plan")
    table(sample_tf, "Options paper", paper_pdf(tmp_path / "options.pdf"), "Update from the")
    table(sample_tf, "Background note", paper_pdf(tmp_path / "note.pdf"))  # under no item
    agenda = agenda_pages(sample_tf)

    pack, reader = make(sample_tf)

    assert pack.pages == len(reader.pages) == 1 + agenda + 1 + 1 + 2 + 1
    first = 2 + agenda  # the first paper's page
    assert bookmarks(reader) == [
        ("Cover and contents", 1), ("Agenda", 2), ("Teckal paper (to follow)", first),
        ("Options paper", first + 1), ("Finance paper", first + 2),
        ("Background note", first + 4)]
    pages = texts(reader)
    cover = pages[0]
    for words in ("MUTUALS TASKFORCE", "MEETING PACK", "Thursday 12 January 2012",
                  "22 Whitehall", "OFFICIAL", "Contents"):
        assert words in cover
    # The contents give each part's first page, as the bookmarks open it.
    for line in ("Agenda 2", f"2 Teckal paper (to follow) {first}",
                 f"6 Options paper {first + 1}", f"7 Finance paper {first + 2}",
                 f"Background note {first + 4}"):
        assert line in cover
    assert "AGENDA" in pages[1]
    assert "TO FOLLOW" in pages[first - 1] and "Agenda item 2" in pages[first - 1]
    assert "options own page 1" in pages[first]
    assert ["finance own page 1" in pages[first + 1], "finance own page 2" in pages[first + 2]] \
        == [True, True]
    assert "note own page 1" in pages[first + 3]


def test_every_page_says_page_x_of_y_the_papers_own_pages_too(sample_tf, tmp_path):
    table(sample_tf, "Long paper", paper_pdf(tmp_path / "long.pdf", 3), "Chair")
    table(sample_tf, "Wide paper", paper_pdf(tmp_path / "wide.pdf", size=landscape(A4)))
    table(sample_tf, "Turned paper", paper_pdf(tmp_path / "turned.pdf", rotate=90))

    pack, reader = make(sample_tf)

    total = len(reader.pages)
    for number, text in enumerate(texts(reader), start=1):
        assert f"Page {number} of {total}" in text
    assert reader.pages[total - 2].rotation == 90  # the turned paper keeps its turn


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext is not installed")
@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_the_number_stands_upright_at_the_top_right_however_a_page_is_turned(
        sample_tf, tmp_path, rotate):
    table(sample_tf, "Turned paper", paper_pdf(tmp_path / "turned.pdf", rotate=rotate))
    pack, reader = make(sample_tf)
    last = len(reader.pages)
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(last), "-l", str(last), "-", "-"],
                         input=pack.pdf, capture_output=True, check=True).stdout.decode()
    page = next(line for line in out.splitlines() if line.strip().startswith("<page "))
    width = float(page.split('width="')[1].split('"')[0])
    word = next(line for line in out.splitlines() if line.strip().endswith(">Page</word>"))
    box = {key: float(word.split(f'{key}="')[1].split('"')[0])
           for key in ("xMin", "yMin", "xMax", "yMax")}
    assert box["xMax"] - box["xMin"] > box["yMax"] - box["yMin"]  # read across, not down
    assert box["xMin"] > width * 0.7 and box["yMin"] < 40  # top right, as the page is shown


def damaged(path):
    path.write_bytes(paper_pdf(path, 2).read_bytes()[:500])
    return path


def encrypted(path):
    writer = PdfWriter(clone_from=str(paper_pdf(path)))
    writer.encrypt("secret")
    writer.write(str(path))
    return path


def word_document(path):
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00word/document.xml" + bytes(200))
    return path


def empty(path):
    path.write_bytes(b"")
    return path


def folder(path):
    path.mkdir()
    return path


@pytest.mark.parametrize("kind, why", [
    (damaged, "it is damaged"),
    (encrypted, "it is protected by a password"),
    (word_document, "it is not a PDF but looks like a Word or other office document"),
    (empty, "the file is empty"),
    (folder, "it is not a file"),
])
def test_a_file_that_is_not_a_readable_pdf_gets_a_page_saying_why_and_the_pack_is_made(
        sample_tf, tmp_path, kind, why):
    table(sample_tf, "Good paper", paper_pdf(tmp_path / "good.pdf"))
    bad = kind(tmp_path / "Assets paper v2.pdf")
    table(sample_tf, "Bad paper", bad, "Action Plan")

    pack, reader = make(sample_tf)

    pages = texts(reader)
    [page] = [p for p in pages if "COULD NOT BE INCLUDED" in p]
    assert "Bad paper" in page and "Assets paper v2.pdf" in page and why in page
    assert ("Bad paper (not included)", pages.index(page) + 1) in bookmarks(reader)
    assert any("good own page 1" in p for p in pages)  # the others are in
    assert [line for line in pack.left_out if line.startswith("Bad paper")] == [
        f"Bad paper – not included: {why}" + pack.left_out[-1].split(why)[1]]
    assert str(bad) in pack.left_out[-1]


def test_a_paper_with_no_file_yet_or_its_file_gone_is_to_follow(sample_tf, tmp_path):
    table(sample_tf, "Gone paper", tmp_path / "moved away.pdf", "Action Plan")
    pack, reader = make(sample_tf)
    pages = texts(reader)
    follow = [p for p in pages if "TO FOLLOW" in p]
    assert len(follow) == 2  # the sample's Teckal paper has no file either
    assert "Gone paper" in follow[1] and "Agenda item 7" in follow[1]
    assert "could not" not in "".join(pages).lower()
    assert pack.left_out == (
        "Teckal paper – to follow: no file is recorded for it",
        f"Gone paper – to follow: its file is not there. File: {tmp_path / 'moved away.pdf'}")


def test_a_paper_longer_than_a_pack_takes_is_left_out_before_its_pages_are_read(
        sample_tf, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_papers, "MAX_PAGES", 3)
    table(sample_tf, "Huge paper", paper_pdf(tmp_path / "huge.pdf", 4))
    pack, reader = make(sample_tf)
    assert "it has 4 pages, more than the 3 a pack takes from one paper" in texts(reader)[-1]
    assert len(reader.pages) == 1 + agenda_pages(sample_tf) + 2


def test_a_paper_larger_than_a_pack_reads_is_left_out(sample_tf, tmp_path, monkeypatch):
    monkeypatch.setattr(pack_papers, "MAX_BYTES", 1000)
    table(sample_tf, "Heavy paper", paper_pdf(tmp_path / "heavy.pdf", 3))
    _, reader = make(sample_tf)
    assert "could not be included in this pack: it is larger than" in texts(reader)[-1]


def test_what_a_paper_would_run_when_opened_is_not_carried_into_the_pack(sample_tf, tmp_path):
    writer = PdfWriter(clone_from=str(paper_pdf(tmp_path / "active.pdf")))
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1);")})
    writer.root_object[NameObject("/OpenAction")] = script
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): script})
    web = DictionaryObject({NameObject("/S"): NameObject("/URI"),
                            NameObject("/URI"): TextStringObject("https://example.org/"),
                            NameObject("/Next"): script})
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Annot"), NameObject("/Subtype"): NameObject("/Link"),
        NameObject("/Rect"): RectangleObject([0, 0, 100, 100]), NameObject("/A"): action}))
        for action in (script, web)])
    writer.write(str(tmp_path / "active.pdf"))
    table(sample_tf, "Active paper", tmp_path / "active.pdf")

    pack, reader = make(sample_tf)

    assert "active own page 1" in texts(reader)[-1]
    assert b"JavaScript" not in pack.pdf and b"app.alert" not in pack.pdf
    [link] = [a.get_object() for a in reader.pages[-1]["/Annots"] if "/A" in a.get_object()]
    assert link["/A"]["/URI"] == "https://example.org/"  # a link to the web still works


def test_the_restricted_version_adds_the_chairs_brief_after_the_agenda(sample_tf):
    _, members = make(sample_tf)
    _, restricted = make(sample_tf, restricted=True)

    assert not any("CHAIR'S BRIEF" in page for page in texts(members))
    assert "RESTRICTED" not in texts(members)[0]
    pages = texts(restricted)
    brief = 1 + agenda_pages(sample_tf) + 1
    assert [title for title, _ in bookmarks(restricted)][:3] == [
        "Cover and contents", "Agenda", "Chair's brief on interests (restricted)"]
    assert "CHAIR'S BRIEF: INTERESTS" in pages[brief - 1]
    assert "RESTRICTED VERSION" in pages[0] and "OFFICIAL-SENSITIVE" in pages[0]
    assert len(restricted.pages) == len(members.pages) + 1


def test_every_page_of_the_restricted_version_carries_its_marking(sample_tf):
    pack, reader = make(sample_tf, restricted=True)

    for text in texts(reader):
        assert text.count("OFFICIAL-SENSITIVE") >= 2  # at the top and at the bottom
        assert not re.search(r"OFFICIAL(?!-SENSITIVE)", text)
    assert "restricted version" in reader.metadata.title
    assert "restricted" not in make(sample_tf)[1].metadata.title


def test_the_pack_numbers_its_agenda_and_brief_once_at_the_top(sample_tf):
    pack, reader = make(sample_tf, restricted=True)

    for number, text in enumerate(texts(reader), start=1):
        assert re.findall(r"page \d+ of \d+", text, re.IGNORECASE) == [
            f"Page {number} of {pack.pages}"]


def test_cancel_while_a_paper_is_read_stops_the_pack(sample_tf, tmp_path):
    table(sample_tf, "Long paper", paper_pdf(tmp_path / "long.pdf", 20))
    doc = meeting_pack.build(sample_tf, sample_tf.meetings.find_one(DAY).id)
    heard = []

    def progress(done, total):
        heard.append(done)
        if len(heard) > 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        meeting_pack.render(doc, progress)


# -- python -m secretariat pack ---------------------------------------------------

def test_the_command_writes_the_pack_and_warns_of_papers_left_out(sample_path, tmp_path,
                                                                   capsys):
    out = tmp_path / "pack.pdf"
    assert main(["pack", str(sample_path), "--meeting", "12 January 2012", "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == (
        f"Wrote the meeting pack of Thursday 12 January 2012 (3 pages, 0 of 1 papers) to {out}")
    assert captured.err.strip() == "warning: Teckal paper – to follow: no file is recorded for it"
    assert (out.stat().st_mode & 0o777) == 0o600
    reader = PdfReader(str(out))
    assert [t for t, _ in bookmarks(reader)] == ["Cover and contents", "Agenda",
                                                  "Teckal paper (to follow)"]


def test_the_command_makes_the_restricted_version(sample_path, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert main(["pack", str(sample_path), "--meeting", DAY, "--restricted",
                 "-o", str(out)]) == 0
    assert "Wrote the restricted meeting pack" in capsys.readouterr().out
    assert any("CHAIR'S BRIEF" in text for text in texts(PdfReader(str(out))))


def test_the_command_says_in_one_line_when_there_is_no_such_meeting(sample_path, tmp_path,
                                                                    capsys):
    out = tmp_path / "pack.pdf"
    assert main(["pack", str(sample_path), "--meeting", "2013-01-01", "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == "error: There is no meeting on 2013-01-01."
    assert not out.exists()


@pytest.mark.parametrize("restricted, marking", [(False, "OFFICIAL"),
                                                 (True, "OFFICIAL-SENSITIVE")])
def test_a_paper_s_own_pages_carry_the_pack_s_marking_top_and_foot(sample_tf, tmp_path,
                                                                  restricted, marking):
    table(sample_tf, "Long paper", paper_pdf(tmp_path / "long.pdf", 2), "Chair")
    pack, reader = make(sample_tf, restricted=restricted)

    own = [text for text in texts(reader) if "long own page" in text]
    assert len(own) == 2
    for text in own:
        assert re.findall(r"OFFICIAL(?:-SENSITIVE)?", text) == [marking, marking]


def test_the_cover_of_a_cancelled_meeting_s_pack_says_so(sample_tf):
    body = sample_tf.bodies.all()[0].id
    meeting, _ = sample_tf.agenda.create_meeting(body, "2012-02-09")
    sample_tf.meetings.cancel(meeting, "2012-01-05")
    pack = meeting_pack.render(meeting_pack.build(sample_tf, meeting))
    cover = texts(PdfReader(io.BytesIO(pack.pdf)))[0]
    assert "Thursday 9 February 2012" in cover
    assert "CANCELLED on Thursday 5 January 2012" in cover
