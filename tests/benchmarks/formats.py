"""The Word minutes and the calendar, each measured against its floor: the
bare library doing the same work.

    python tests/benchmarks/formats.py [--runs 9] [--scale 100] [--workdir DIR]

Word: the sample's minutes of 26 May 2011 written by the command (``minutes
--format docx``), their text read back in order (paragraphs, and tables as
rows of cells) and written again by ``bare_docx.py`` with python-docx alone;
then the same pair in this process (our renderer given the minutes as
gathered, the bare writer given their text). Calendar: every meeting of the
file at ``--scale`` (1,202 at 100 ×) written by the ``calendar`` command,
their events read back and written again by ``bare_icalendar.py`` with
icalendar alone. Each pair runs in turn, ours then the floor's, and the
medians are compared (goal: under 2 ×). ``run.py`` prints these rows in its
table of floors. Not part of the test run: nothing here asserts a time.
"""

import argparse
import datetime as dt
import io
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import Bench, floor_table, median, run_command  # noqa: E402

import bare_docx  # noqa: E402

DAY = "2011-05-26"
GOAL = 2.0  # times the bare library's time, doing the same work


def in_turn(runs: int, ours, floor) -> tuple[float, float]:
    """The medians in milliseconds of ``ours`` and ``floor``, each run ``runs``
    times, one after the other."""
    def ms(fn) -> float:
        started = time.perf_counter()
        fn()
        return (time.perf_counter() - started) * 1000

    pairs = [(ms(ours), ms(floor)) for _ in range(runs)]
    return median([a for a, _ in pairs]), median([b for _, b in pairs])


def docx_blocks(path: Path) -> list:
    """The document's text in order: a paragraph as a string, a table as rows of cells."""
    import docx
    from docx.text.paragraph import Paragraph

    return [block.text if isinstance(block, Paragraph)
            else [[cell.text for cell in row.cells] for row in block.rows]
            for block in docx.Document(str(path)).iter_inner_content()]


def ics_events(path: Path) -> list[dict]:
    """The events of a calendar file, as ``bare_icalendar.py`` takes them."""
    from icalendar import Calendar

    def when(value) -> str:
        return value.strftime("%Y-%m-%dT%H:%M:%S") if isinstance(value, dt.datetime) \
            else value.isoformat()

    return [{"uid": str(e["uid"]), "start": when(e.decoded("dtstart")),
             "end": when(e.decoded("dtend")) if "dtend" in e else "",
             "summary": str(e["summary"]), "location": str(e.get("location", "")),
             "status": str(e["status"]), "sequence": int(e["sequence"])}
            for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def commands_in_turn(bench: Bench, ours: list[str], out: Path, read_back, bare: str
                     ) -> tuple[float, float, list]:
    """Our command writing ``out``, and the bare script writing again what
    ``read_back`` finds in it: their medians, and what was found. Each runs once
    unmeasured first (bytecode compiled, the file read once)."""
    run_command(ours, bench.home)
    found = read_back(out)
    data = out.with_suffix(".json")
    data.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    floor = [str(HERE / bare), str(data), str(out.with_stem(f"bare-{out.stem}"))]
    run_command(floor, bench.home)
    value, floor_ms = in_turn(bench.runs, lambda: run_command(ours, bench.home),
                              lambda: run_command(floor, bench.home))
    return value, floor_ms, found


def word(bench: Bench, sample: Path) -> list[tuple[str, float, str, float, float]]:
    out = bench.workdir / "minutes.docx"
    value, floor, blocks = commands_in_turn(
        bench, ["-m", "secretariat", "minutes", str(sample), "--meeting", DAY,
                "--format", "docx", "-o", str(out)], out, docx_blocks, "bare_docx.py")

    from secretariat.documents import minutes_docx
    from secretariat.meeting import minutes_content
    from secretariat.taskforce import Taskforce

    with Taskforce.open(sample, reading=True) as tf:
        doc = minutes_content.build(tf, tf.meetings.find_one(DAY).id)
    minutes_docx.render(doc)  # both once, unmeasured
    bare_docx.write(blocks, io.BytesIO())
    rendered = in_turn(bench.runs, lambda: minutes_docx.render(doc),
                       lambda: bare_docx.write(blocks, io.BytesIO()))
    return [("Word minutes command, sample 26 May 2011", value,
             "bare python-docx, same text", floor, GOAL),
            (f"Word minutes rendered in process ({len(blocks)} paragraphs and tables)",
             rendered[0], "bare python-docx, same text", rendered[1], GOAL)]


def calendar(bench: Bench, path: Path) -> list[tuple[str, float, str, float, float]]:
    out = bench.workdir / "meetings.ics"
    value, floor, events = commands_in_turn(
        bench, ["-m", "secretariat", "calendar", str(path), "-o", str(out)], out, ics_events,
        "bare_icalendar.py")
    return [(f"calendar command, {len(events):,} meetings", value,
             "bare icalendar, same events", floor, GOAL)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=100,
                        help="size of the file whose meetings the calendar holds (100)")
    args, bench = Bench.from_arguments(parser, argv, runs=9)
    sample, large = bench.file(1)[0], bench.file(args.scale)[0]
    print(floor_table(word(bench, sample) + calendar(bench, large)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
