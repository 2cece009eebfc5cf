"""The minutes as a Word document, measured against its floor: python-docx
alone writing the same text.

    python tests/benchmarks/formats.py [--runs 9] [--workdir DIR]

Builds the sample and writes the minutes of 26 May 2011 with the command
(``minutes --format docx``); reads their text back in order (paragraphs, and
tables as rows of cells) and has ``bare_docx.py`` write that text with
python-docx alone. Each is then run in turn as a process, as the minutes
command is measured in ``run.py``, and in this process (our renderer given the
minutes as gathered, the bare writer given their text). Prints the medians,
the ratios and the budget (under 2 × the floor), with the PDF command of the
same minutes for comparison. Not part of the test run: nothing here asserts a
time.
"""

import argparse
import io
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import Figure, Bench, median, run_command, table, timed  # noqa: E402

import bare_docx  # noqa: E402

DAY = "2011-05-26"


def blocks_of(path: Path) -> list:
    """The document's text in order: a paragraph as a string, a table as rows of cells."""
    import docx
    from docx.text.paragraph import Paragraph

    found = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, Paragraph):
            found.append(block.text)
        else:
            found.append([[cell.text for cell in row.cells] for row in block.rows])
    return found


def in_turn(runs: int, ours, floor) -> tuple[float, float]:
    """The medians of ``ours`` and ``floor``, each timed ``runs`` times, in turn."""
    pairs = [(timed(ours), timed(floor)) for _ in range(runs)]
    return median([a for a, _ in pairs]), median([b for _, b in pairs])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each figure (9)")
    parser.add_argument("--workdir", type=Path, help="where the files go (kept)")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="secretariat-formats-"))
    workdir.mkdir(parents=True, exist_ok=True)
    bench = Bench(workdir, max(1, args.runs))
    bench.build_sample()
    ours = workdir / "minutes.docx"
    command = ["-m", "secretariat", "minutes", str(bench.sample), "--meeting", DAY,
               "--format", "docx", "-o", str(ours)]
    run_command(command, bench.home)  # unmeasured: bytecode compiled, the file read once
    blocks = blocks_of(ours)
    text = workdir / "minutes.json"
    text.write_text(json.dumps(blocks, ensure_ascii=False), encoding="utf-8")
    bare = [str(HERE / "bare_docx.py"), str(text), str(workdir / "bare.docx")]
    run_command(bare, bench.home)
    pdf = command[:-4] + ["-o", str(workdir / "minutes.pdf")]
    run_command(pdf, bench.home)

    figures = []
    value, floor = in_turn(bench.runs, lambda: run_command(command, bench.home),
                           lambda: run_command(bare, bench.home))
    figures.append(Figure(f"Word minutes command, sample {DAY}", "≤ 2 × bare python-docx",
                          value, floor=floor, floor_name="bare python-docx script, same text",
                          limit=2))
    pdf_ms = median([run_command(pdf, bench.home) for _ in range(bench.runs)])
    figures.append(Figure(f"PDF minutes command, sample {DAY}", "for comparison", pdf_ms,
                          floor=value, floor_name="the Word command"))

    from secretariat.documents import minutes_docx
    from secretariat.meeting import minutes_content
    from secretariat.taskforce import Taskforce

    with Taskforce.open(bench.sample, reading=True) as tf:
        doc = minutes_content.build(tf, tf.meetings.find_one(DAY).id)
    minutes_docx.render(doc)
    bare_docx.write(blocks, io.BytesIO())  # both once, unmeasured
    value, floor = in_turn(bench.runs, lambda: minutes_docx.render(doc),
                           lambda: bare_docx.write(blocks, io.BytesIO()))
    figures.append(Figure("Word minutes, rendered in process", "≤ 2 × bare python-docx",
                          value, floor=floor, floor_name="bare python-docx, same text",
                          limit=2, note=f"{len(blocks)} paragraphs and tables"))
    print(table(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
