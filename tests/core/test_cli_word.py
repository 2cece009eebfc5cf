"""python -m secretariat minutes / agenda --format docx: a Word document,
through the same checks as the PDF, readable by its owner only."""

import hashlib
import subprocess
import sys

import docx
import pytest

from secretariat.__main__ import main


@pytest.mark.parametrize("command, day, title", [
    ("minutes", "2011-05-26", "MINUTES"), ("agenda", "2012-01-12", "AGENDA")])
def test_each_writes_a_word_document_readable_by_its_owner_only(sample_path, tmp_path, capsys,
                                                                command, day, title):
    out = tmp_path / f"{command}.docx"
    assert main([command, str(sample_path), "--meeting", day, "--format", "docx",
                 "-o", str(out)]) == 0
    assert f"Wrote the {command} of " in capsys.readouterr().out
    document = docx.Document(str(out))
    assert ("Title", title) in [(p.style.name, p.text) for p in document.paragraphs]
    assert [p.text for p in document.sections[0].header.paragraphs] == ["OFFICIAL"]
    assert out.stat().st_mode & 0o777 == 0o600


def test_pdf_stays_the_default(sample_path, tmp_path):
    out = tmp_path / "minutes"
    assert main(["minutes", str(sample_path), "--meeting", "2011-05-26", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command, day", [("minutes", "2011-05-26"), ("agenda", "2012-01-12")])
@pytest.mark.parametrize("form, name, said", [
    ("docx", "out.pdf", "out.pdf is named as a PDF, but --format docx writes a Word document"),
    ("docx", "out.PDF", "out.PDF is named as a PDF, but --format docx writes a Word document"),
    ("pdf", "out.docx", "out.docx is named as a Word document, but the command writes a PDF"),
    ("pdf", "out.doc", "out.doc is named as a Word document, but the command writes a PDF"),
])
def test_an_output_named_for_the_other_format_is_refused(sample_path, tmp_path, capsys,
                                                          command, day, form, name, said):
    out = tmp_path / name
    assert main([command, str(sample_path), "--meeting", day, "--format", form,
                 "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {said}") and err.count("\n") == 1
    assert not out.exists()


@pytest.mark.parametrize("form, name", [("docx", "out"), ("pdf", "out.txt"), ("pdf", "out")])
def test_an_output_named_for_neither_format_is_written_as_asked(sample_path, tmp_path,
                                                                form, name):
    out = tmp_path / name
    assert main(["agenda", str(sample_path), "--meeting", "2012-01-12", "--format", form,
                 "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF" if form == "pdf" else b"PK")


def test_the_word_document_never_goes_over_the_file_it_reads(sample_path, capsys):
    before = hashlib.sha256(sample_path.read_bytes()).hexdigest()
    assert main(["agenda", str(sample_path), "--meeting", "2012-01-12", "--format", "docx",
                 "-o", str(sample_path)]) == 1
    assert capsys.readouterr().err.startswith("error: ")
    assert hashlib.sha256(sample_path.read_bytes()).hexdigest() == before


def test_an_email_draft_needs_the_pdf(sample_path, tmp_path, capsys):
    out, eml = tmp_path / "minutes.docx", tmp_path / "minutes.eml"
    assert main(["minutes", str(sample_path), "--meeting", "2011-05-26", "--format", "docx",
                 "-o", str(out), "--email", str(eml)]) == 1
    assert "The e-mail draft attaches the PDF" in capsys.readouterr().err
    assert not out.exists() and not eml.exists()


def test_a_word_document_loads_no_reportlab(sample_path, tmp_path):
    probe = (
        "import sys\n"
        "from secretariat.__main__ import main\n"
        f"code = main(['minutes', {str(sample_path)!r}, '--meeting', '2011-05-26',"
        f" '--format', 'docx', '-o', {str(tmp_path / 'm.docx')!r}])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab'))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "0 []", done.stderr
