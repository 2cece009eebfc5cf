"""No command ever writes over a record: every file a command writes, pointed
at the file it reads, at another taskforce file, at something read-only or at
what lies beside a taskforce file, is refused before anything is written.

The commands and their arguments come from the parser itself, so a command
added later is tried too (and fails here until its arguments are classified).
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import secretariat
from secretariat.__main__ import build_parser, main
from secretariat.cli import COMMANDS

SOURCE = str(Path(secretariat.__file__).parent.parent)

# Each argument that names a file the command writes, with a whole command
# line: {file} is the taskforce file read, {out} the target tried, and any
# other output goes to a harmless new file.
WRITES = {
    ("agenda", "output"): "agenda {file} --meeting 2012-01-12 -o {out}",
    ("pack", "output"): "pack {file} --meeting 2012-01-12 -o {out}",
    ("attendance", "output"): "attendance {file} -o {out}",
    ("forward-plan", "output"): "forward-plan {file} --from 2011-06-01 -o {out}",
    ("brief", "output"): "brief {file} --meeting 2012-01-12 -o {out}",
    ("register", "output"): "register {file} -o {out}",
    ("reviews", "output"): "reviews {file} -o {out}",
    ("actions", "output"): "actions {file} -o {out}",
    ("recommendations", "output"): "recommendations {file} -o {out}",
    ("minutes", "output"): "minutes {file} --meeting 2011-05-26 -o {out} --email {new}",
    ("minutes", "email"): "minutes {file} --meeting 2011-05-26 -o {new} --email {out}",
    ("export", "output"): "export {file} -o {out}",
    ("calendar", "output"): "calendar {file} -o {out}",
    ("invite", "output"): "invite {file} --meeting 2012-01-12 -o {out}",
    ("sample", "path"): "sample {out}",
    ("travel take", "copy"): "travel take {file} {out}",
}
# Every other argument: what it reads, or chooses.
READS = {"path", "meeting", "body", "publication", "format", "status", "owner", "start", "end",
         "as_of", "marking", "repair", "words", "limit", "source", "copy", "keep", "step",
         "restricted", "by", "addressee", "cancel", "response", "rag", "overdue"}


def commands(parser: argparse.ArgumentParser, prefix: str = ""):
    """(name, parser) of every command, through the steps of commands like ``travel``."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                full = f"{prefix} {name}".strip()
                if not any(isinstance(a, argparse._SubParsersAction) for a in sub._actions):
                    yield full, sub
                yield from commands(sub, full)


def arguments():
    for name, cmd in commands(build_parser()):
        for action in cmd._actions:
            if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
                yield name, action


def test_every_argument_naming_a_file_written_is_checked_and_tried_here():
    marked = {(name, a.dest) for name, a in arguments() if getattr(a, "writes", False)}
    assert marked == set(WRITES)
    unclassified = {(name, a.dest) for name, a in arguments()
                    if (name, a.dest) not in WRITES and a.dest not in READS}
    assert not unclassified, "say whether each of these reads or writes a file"


def fingerprints(folder: Path) -> dict:
    return {str(p.relative_to(folder)): (p.is_symlink(), hashlib.sha256(p.read_bytes()).digest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def place(tmp_path, sample_path):
    """The file read, and beside it everything a target may wrongly name."""
    other = tmp_path / "other.taskforce"
    shutil.copy(sample_path, other)
    locked = tmp_path / "locked.taskforce"
    shutil.copy(sample_path, locked)
    locked.chmod(0o444)
    old_pdf = tmp_path / "old minutes.pdf"
    old_pdf.write_bytes(b"%PDF-1.4 last year's")
    old_pdf.chmod(0o444)
    (tmp_path / "link.pdf").symlink_to(sample_path)
    (tmp_path / "bk").symlink_to(tmp_path / f"{sample_path.name}.backups")
    (tmp_path / "wal.pdf").symlink_to(sample_path.with_name(sample_path.name + "-wal"))
    os.link(sample_path, tmp_path / "second name.pdf")
    yield tmp_path
    for path in (locked, old_pdf):
        path.chmod(0o600)


TARGETS = {
    "the file read": lambda folder, read: read,
    "another taskforce file": lambda folder, read: folder / "other.taskforce",
    "a read-only taskforce file": lambda folder, read: folder / "locked.taskforce",
    "a read-only PDF": lambda folder, read: folder / "old minutes.pdf",
    "a symlink to the file read": lambda folder, read: folder / "link.pdf",
    "a second name (hard link) of the file read": lambda folder, read: folder / "second name.pdf",
    "the file read's -wal": lambda folder, read: read.with_name(read.name + "-wal"),
    "the file read's lock": lambda folder, read: read.with_name(read.name + ".lock"),
    "its backups folder": lambda folder, read: folder / f"{read.name}.backups" / "copy.pdf",
    "its backups folder by a symlink": lambda folder, read: folder / "bk" / "copy.pdf",
    "a symlink to its -wal": lambda folder, read: folder / "wal.pdf",
}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("argument", WRITES, ids=" ".join)
def test_a_target_that_could_lose_a_record_is_refused_before_anything_is_written(
        place, sample_path, argument, target, capsys):
    out = TARGETS[target](place, sample_path)
    before = fingerprints(place)
    places = {"{file}": str(sample_path), "{out}": str(out), "{new}": str(place / "new.out")}
    argv = [places.get(word, word) for word in WRITES[argument].split()]

    assert main(argv) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert captured.out == "" and len(lines) == 1 and lines[0].startswith("error: "), captured
    assert "unexpected" not in lines[0]
    assert fingerprints(place) == before  # nothing written, not even the harmless output


# The suffix of what each argument of WRITES writes, where it is not a PDF.
WRITTEN_AS = {("minutes", "email"): ".eml", ("export", "output"): ".json",
              ("calendar", "output"): ".ics", ("invite", "output"): ".eml",
              ("sample", "path"): ".taskforce", ("travel take", "copy"): ".taskforce"}


@pytest.mark.parametrize("argument", WRITES, ids=" ".join)
def test_an_output_named_as_another_kind_of_file_is_refused_before_anything_is_written(
        place, sample_path, argument, capsys):
    name = "out.docx" if argument not in WRITTEN_AS else "out.pdf"
    before = fingerprints(place)
    places = {"{file}": str(sample_path), "{out}": str(place / name),
              "{new}": str(place / "new.out")}
    assert main([places.get(word, word) for word in WRITES[argument].split()]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1, captured
    assert captured.err.startswith(f"error: {name} is named as a")
    assert fingerprints(place) == before


@pytest.mark.parametrize("argv, said", [
    ("recommendations {file} -o rec.docx",
     "rec.docx is named as a Word document, but the command writes a PDF: name it .pdf."),
    ("pack {file} --meeting 2012-01-12 -o pk.docx",
     "pk.docx is named as a Word document, but the command writes a PDF: name it .pdf."),
    ("forward-plan {file} -o fp.doc",
     "fp.doc is named as a Word document, but the command writes a PDF: name it .pdf."),
    ("calendar {file} -o cal.pdf",
     "cal.pdf is named as a PDF, but the command writes a calendar file: name it .ics."),
    ("export {file} -o all.ics",
     "all.ics is named as a calendar file, but the command writes a JSON export: "
     "name it .json."),
])
def test_each_refusal_says_what_the_command_writes(sample_path, tmp_path, monkeypatch, capsys,
                                                   argv, said):
    monkeypatch.chdir(tmp_path)
    assert main(argv.replace("{file}", str(sample_path)).split()) == 1
    assert capsys.readouterr().err == f"error: {said}\n"
    assert [p.name for p in tmp_path.iterdir()] == [sample_path.name, f"{sample_path.name}.backups"]


@pytest.mark.parametrize("argv", ["calendar {file} -o meetings", "export {file} -o all.txt"])
def test_an_output_of_no_known_kind_is_written_as_asked(sample_path, tmp_path, argv):
    out = tmp_path / argv.split()[-1]
    assert main(argv.replace("{file}", str(sample_path)).replace(out.name, str(out)).split()) == 0
    assert out.stat().st_size > 0


def test_two_outputs_of_one_command_may_not_be_the_same_file(sample_path, tmp_path, capsys):
    out = tmp_path / "minutes.pdf"
    assert main(["minutes", str(sample_path), "--meeting", "2011-05-26", "-o", str(out),
                 "--email", str(out)]) == 1
    assert "named for two outputs" in capsys.readouterr().err
    assert not out.exists()


def test_an_e_mail_draft_to_a_missing_folder_writes_no_pdf_either(sample_path, tmp_path, capsys):
    pdf = tmp_path / "minutes.pdf"
    assert main(["minutes", str(sample_path), "--meeting", "2011-05-26", "-o", str(pdf),
                 "--email", str(tmp_path / "missing" / "draft.eml")]) == 1
    assert "folder for draft.eml does not exist" in capsys.readouterr().err
    assert not pdf.exists()


def test_from_a_terminal_the_minutes_over_their_own_file_are_refused(sample_path):
    """As a new user would type it, in a process of its own."""
    before = sample_path.read_bytes()
    env = {**os.environ, "PYTHONPATH": SOURCE}
    result = subprocess.run([sys.executable, "-m", "secretariat", "minutes", str(sample_path),
                             "--meeting", "2011-05-26", "-o", str(sample_path)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 1 and result.stdout == ""
    assert "is a taskforce file" in result.stderr and "left as it is" in result.stderr
    assert sample_path.read_bytes() == before


def test_an_ordinary_output_is_still_written_and_replaces_an_older_one(sample_path, tmp_path,
                                                                      capsys):
    out = tmp_path / "agenda.pdf"
    out.write_bytes(b"%PDF last week's agenda")
    assert main(["agenda", str(sample_path), "--meeting", "2012-01-12", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-") and b"last week" not in out.read_bytes()


@pytest.mark.parametrize("where", ["the -wal", "the backups folder", "a symlink to it"])
def test_an_import_never_makes_a_file_where_a_taskforce_file_keeps_its_own(
        place, sample_path, where, capsys):
    source = place / "all.json"
    assert main(["export", str(sample_path), "-o", str(source)]) == 0
    target = {"the -wal": sample_path.with_name(sample_path.name + "-wal"),
              "the backups folder": place / f"{sample_path.name}.backups" / "new.taskforce",
              "a symlink to it": place / "bk" / "new.taskforce"}[where]
    before = fingerprints(place)
    capsys.readouterr()
    assert main(["import", str(target), str(source)]) == 1
    assert "choose another name or folder" in capsys.readouterr().err
    assert fingerprints(place) == before


def test_a_command_is_built_from_its_module_alone_and_help_from_them_all():
    whole = build_parser().commands
    assert set(COMMANDS) == set(whole)
    for name in whole:
        assert list(build_parser(name).commands) == [
            other for other in whole if COMMANDS[other] == COMMANDS[name]]
    # Running one imports no other command's module.
    imported = subprocess.run(
        [sys.executable, "-c", "import sys; from secretariat.__main__ import build_parser; "
         "build_parser('minutes'); print(sorted(m for m in sys.modules if 'cli.' in m))"],
        capture_output=True, text=True, check=True).stdout
    assert imported.strip() == "['secretariat.cli.minutes']"
