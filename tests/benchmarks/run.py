"""The performance goals, measured: one command, one table.

    python tests/benchmarks/run.py [--runs 5] [--scales 1,10,100] [--workdir DIR]

Builds the sample at 1 ×, 10 × and 100 × its size through the core
(``scaled.py``), measures each figure several times on each and prints its
median (or p95) at every scale beside the goal, which is either absolute or
a ratio between scales (a cost that must not grow with the file). Two
figures are ratios to a floor measured in the same run: start-up against a
bare Qt window, and the minutes command against bare ReportLab laying out
the same text. Windows are shown on Qt's offscreen platform unless
QT_QPA_PLATFORM says otherwise. Not part of the test run: nothing here
asserts a time.
"""

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import scaled  # noqa: E402
from in_process import LISTS, in_process  # noqa: E402

SCALES = (1, 10, 100)


@dataclass
class Figure:
    what: str
    goal: str
    met: Callable[[dict[int, float]], bool] | None = None
    unit: str = "ms"
    values: dict[int, float] = field(default_factory=dict)  # by scale
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.met is None or not self.values:
            return ""
        try:
            return "ok" if self.met(self.values) else "MISSED"
        except KeyError:  # a scale the goal compares was not measured
            return ""


def at_most(limit: float, scale: int = SCALES[-1]):
    return lambda v: v[scale] <= limit


def flat(times: float = 1.5, base: int = 1):
    """No more at the largest scale than ``times`` its value at ``base`` ×."""
    return lambda v: v[max(v)] <= times * v[base]


def at_pages(pages: Figure, count: int, limit: float):
    """At most ``limit`` for a document of ``count`` pages, read off the line
    between the two largest scales measured (a file of exactly that many pages
    would be one more to build)."""
    def met(v: dict[int, float]) -> bool:
        (a, b) = sorted(v)[-2:]
        pa, pb = pages.values[a], pages.values[b]
        return v[a] + (v[b] - v[a]) * (count - pa) / (pb - pa) <= limit
    return met


def all_of(*goals):
    return lambda v: all(goal(v) for goal in goals)


def linear(v: dict[int, float]) -> bool:
    """Ten times the data costs at most ten times as much (and a fifth more)."""
    scales = sorted(v)
    return all(v[b] <= 1.2 * (b / a) * v[a] for a, b in itertools.pairwise(scales))


def median(samples: list[float]) -> float:
    return statistics.median(samples)


# -- child processes ----------------------------------------------------------------


def _child_env(home: Path) -> dict:
    """A home of its own, so settings, recent files and caches of the benchmark
    stay apart; and compiled bytecode kept there, as an installed copy has it
    (pip compiles at install), while the floors' libraries come compiled."""
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache"),
           "PYTHONPYCACHEPREFIX": str(home / "bytecode"),
           "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def show_window(target: str, home: Path, via: tuple[str, ...] = ()) -> tuple[float, int]:
    """Milliseconds from process start to the window shown, and peak memory (KB);
    ``via``: a launcher and its arguments to run window.py through."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, *via, str(HERE / "window.py"), target],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=_child_env(home))
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    process.wait()
    if not line.startswith("shown"):
        raise RuntimeError(f"the window did not show: {process.stderr.read()[-500:]}")
    return elapsed, int(line.split()[1])


def run_command(args: list[str], home: Path) -> tuple[float, str]:
    """Milliseconds the command took, start to exit, and what it printed."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], check=True, capture_output=True, text=True,
                          env=_child_env(home), cwd=ROOT)
    return (time.perf_counter() - started) * 1000, done.stdout


def read_through(path: Path) -> None:
    """Read the whole file once, unmeasured, so the system holds its pages in
    memory as it does for a file in use that day (otherwise a figure's first
    runs wait on the disk, more or less as the system happened to keep it)."""
    with open(path, "rb") as handle:
        while handle.read(1 << 20):
            pass


# -- measurements -----------------------------------------------------------------


class Bench:
    def __init__(self, workdir: Path, runs: int):
        self.workdir = workdir
        self.runs = runs
        self.home = workdir / "home"
        self.home.mkdir(exist_ok=True)

    @classmethod
    def from_arguments(cls, parser: argparse.ArgumentParser, argv, runs: int
                       ) -> tuple[argparse.Namespace, "Bench"]:
        """The options every benchmark takes (--runs, --workdir) added to
        ``parser``, the arguments parsed, and a bench in the folder they name
        (a new one when none)."""
        parser.add_argument("--runs", type=int, default=runs,
                            help=f"runs of each figure ({runs})")
        parser.add_argument("--workdir", type=Path,
                            help="where the files go (kept, and reused by the next run)")
        args = parser.parse_args(argv)
        workdir = args.workdir or Path(tempfile.mkdtemp(prefix="secretariat-bench-"))
        workdir.mkdir(parents=True, exist_ok=True)
        return args, cls(workdir, max(1, args.runs))

    def file(self, scale: int) -> tuple[Path, float | None]:
        """The file at ``scale``, and the seconds building it took (None: kept
        from an earlier run)."""
        path = self.workdir / f"sample-{scale}x.taskforce"
        if path.exists():
            return path, None
        started = time.perf_counter()
        scaled.build(path, scale)
        return path, time.perf_counter() - started

    def warm_up(self, sample: Path) -> None:
        """Windows shown and closed, unmeasured, until start-up times settle: the
        first few Qt processes after a quiet spell start markedly slower."""
        for _ in range(3):
            show_window("--bare", self.home)
            show_window(str(sample), self.home)

    def against_floors(self, sample: Path) -> list[tuple[str, float, str, float, float]]:
        """(what, ours, floor's name, floor, goal as a ratio), each pair in turn."""
        windows = [(show_window(str(sample), self.home)[0], show_window("--bare", self.home)[0])
                   for _ in range(self.runs)]
        text = self._minutes_text(sample)
        ours = ["-m", "secretariat", "minutes", str(sample), "--meeting", "2011-05-26",
                "-o", str(self.workdir / "minutes.pdf")]
        bare = [str(HERE / "bare_reportlab.py"), str(text), str(self.workdir / "bare.pdf")]
        run_command(bare, self.home)  # unmeasured, as ours was in _minutes_text
        minutes = [(run_command(ours, self.home)[0], run_command(bare, self.home)[0])
                   for _ in range(self.runs)]
        return [("start to main window, sample file", median([a for a, _ in windows]),
                 "bare PySide6 window", median([b for _, b in windows]), 2.0),
                ("minutes command, sample 26 May 2011", median([a for a, _ in minutes]),
                 "bare ReportLab, same text", median([b for _, b in minutes]), 1.3)]

    def _minutes_text(self, sample: Path) -> Path:
        from pypdf import PdfReader

        out, text = self.workdir / "minutes.pdf", self.workdir / "minutes.txt"
        run_command(["-m", "secretariat", "minutes", str(sample), "--meeting", "2011-05-26",
                     "-o", str(out)], self.home)
        text.write_text("\n".join(page.extract_text() for page in PdfReader(out).pages),
                        encoding="utf-8")
        return text

    def whole_file(self, path: Path) -> dict[str, float]:
        """Start-up, its memory, and the commands that read the whole file."""
        show_window(str(path), self.home)  # opened once before, as an official's file was
        shown = [show_window(str(path), self.home) for _ in range(self.runs)]
        check = [run_command(["-m", "secretariat", "check", str(path)], self.home)[0]
                 for _ in range(self.runs)]
        out = self.workdir / "export.json"
        export = []
        for _ in range(self.runs):
            out.unlink(missing_ok=True)
            export.append(run_command(["-m", "secretariat", "export", str(path), "-o", str(out)],
                                      self.home)[0])
        return {"start": median([ms for ms, _ in shown]),
                "window memory": max(kb for _, kb in shown) / 1024,
                "check": median(check), "export": median(export)}

    def printed(self, path: Path, scale: int) -> dict[str, float]:
        """The action log and the last meeting's minutes, each in its own process."""
        found = {}
        for kind, extra in (("actions", []), ("minutes", [scaled.last_meeting(scale)])):
            runs = []
            for _ in range(max(1, self.runs // 2) if scale == SCALES[-1] else self.runs):
                _, said = run_command([str(HERE / "printed.py"), kind, str(path), *extra],
                                      self.home)
                ms, pages, kb = said.split()
                runs.append((float(ms), int(pages), int(kb)))
            found[f"{kind} ms"] = median([ms for ms, _, _ in runs])
            found[f"{kind} pages"] = runs[0][1]
            found[f"{kind} page"] = found[f"{kind} ms"] / runs[0][1]
            found[f"{kind} memory"] = max(kb for _, _, kb in runs) / 1024
        return found


# -- the table --------------------------------------------------------------------


def figures() -> dict[str, Figure]:
    """Every figure, by the key its measurement reports it under."""
    found = {
        "built": Figure("built through the core", "≤ 60 s at 100 ×", at_most(60), "s"),
        "start": Figure("start to main window", "≤ 1.2 × at 1 ×", flat(1.2)),
        "window memory": Figure("peak memory, window open", "≤ 250 MB", at_most(250), "MB"),
        "check": Figure("open and check (check command)", "linear", linear),
        "export": Figure("export (export command)", "linear", linear),
        "edit": Figure("a single edit written to disk (p95)", "≤ 10 ms", at_most(10)),
        "mark": Figure("marking the register, a press (median)", "≤ 1.5 × at 1 ×", flat()),
        "search": Figure("search (p95)", "≤ 30 ms", at_most(30)),
        "typed": Figure("search as you type (p95)", "≤ 30 ms", at_most(30)),
    }
    # The window's lists: painted as soon, whatever the file holds. Set against
    # 10 ×, the first size at which every list fills its screen (the sample's
    # hold 2 to 25 rows, and a full screen costs more to lay out and paint).
    for name in LISTS:
        found[f"first screen: {name}"] = Figure(f"first screen: {name}",
                                                "≤ 1.5 × at 10 ×, ≤ 100 ms at 100 ×",
                                                all_of(flat(base=10), at_most(100)))
    found |= {
        "filter": Figure("action log: changing a filter (p95)", "≤ 50 ms", at_most(50)),
        "scroll": Figure("longest stall scrolling the action log", "≤ 50 ms", at_most(50)),
    }
    for kind, what in (("actions", "action log printed"), ("minutes", "last meeting's minutes")):
        pages = found[f"{kind} pages"] = Figure(f"{what}: pages", "", unit="pages")
        found[f"{kind} page"] = Figure(f"{what}: a page", "≤ 1.5 × at 1 ×", flat())
        found[f"{kind} memory"] = Figure(f"{what}: peak memory", "≤ 150 MB at 1,000 pages",
                                         at_pages(pages, 1000, 150), "MB")
    return found


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "pages":
        return f"{value:,.0f}"
    return f"{value:,.0f} {unit}" if value >= 100 else f"{value:.1f} {unit}"


def table(found: dict[str, Figure], scales, floors) -> str:
    lines = ["| what | " + " | ".join(f"{s} ×" for s in scales) + " | goal | |",
             "| --- | " + " | ".join("---:" for _ in scales) + " | --- | --- |"]
    for f in found.values():
        cells = " | ".join(_number(f.values.get(s), f.unit) for s in scales)
        lines.append(f"| {f.what} | {cells} | {f.goal} | {f.verdict} {f.note}".rstrip() + " |")
    return "\n".join([*lines, "", floor_table(floors)])


def floor_table(floors) -> str:
    """Each pair measured in turn: ours, the bare library's, their ratio."""
    lines = ["| against a floor | ours | floor | ratio | goal | |",
             "| --- | ---: | --- | ---: | --- | --- |"]
    for what, ours, name, floor, limit in floors:
        ratio = ours / floor
        lines.append(f"| {what} | {ours:,.0f} ms | {name}: {floor:,.0f} ms | {ratio:.2f} × | "
                     f"≤ {limit:g} × | {'ok' if ratio <= limit else 'MISSED'} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="sizes to measure (1,10,100)")
    args, bench = Bench.from_arguments(parser, argv, runs=5)
    scales = sorted({int(s) for s in args.scales.split(",")} | {1})
    files = {}
    found = figures()
    for scale in scales:
        files[scale], seconds = bench.file(scale)
        if seconds is not None:
            found["built"].values[scale] = seconds
        print(f"{files[scale].name} ready", file=sys.stderr)
    bench.warm_up(files[1])
    floors = bench.against_floors(files[1])
    # This process stands in for the window's: settled as the window settles
    # itself a second after it is up (sqlite-utils loaded, its objects frozen).
    from ui.main_window import warm_up
    warm_up().join()
    for scale in scales:
        read_through(files[scale])
        measured = {**bench.whole_file(files[scale]), **bench.printed(files[scale], scale),
                    **in_process(files[scale], bench.runs)}
        for key, value in measured.items():
            if key in found:
                found[key].values[scale] = value
        print(f"measured {scale} ×", file=sys.stderr)
    print(table(found, scales, floors), flush=True)
    os._exit(0)  # at once: Qt's objects need no tidying on the way out


if __name__ == "__main__":
    sys.exit(main())
