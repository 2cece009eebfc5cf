"""Whether the application's work-arounds still pay: each measured with and without.

    python tests/benchmarks/work_arounds.py [--runs 9] [--workdir DIR]

Every figure is taken in child processes, the application as shipped and the
application with one work-around taken away (``without.py``, which patches
it away before the application is imported), in turn, the first of each pair
alternating, and the medians are set side by side. A work-around that buys
more than 10 ms or 10 MB on some figure is worth keeping, one that buys that
on none is not worth its fragility (issue 18), and one that also costs as
much on another figure is to be weighed. Prints a markdown table.
Not part of the test run: nothing here asserts a time.
"""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from run import HERE, Bench, median, run_command, show_window

WITHOUT = str(HERE / "without.py")
RESPONSIVE = str(HERE / "responsive.py")
SHIPPED = "nothing"  # without.py's name for taking nothing away
WORTH = 10.0  # ms or MB


@dataclass
class Row:
    what: str
    unit: str
    shipped: float
    without: float

    @property
    def bought(self) -> float:
        return self.without - self.shipped

    def line(self) -> str:
        verdict = ("buys" if self.bought > WORTH else "costs" if self.bought < -WORTH
                   else "within 10")
        return (f"| {self.what} | {self.shipped:,.1f} {self.unit} | {self.without:,.1f} "
                f"{self.unit} | {self.bought:+,.1f} {self.unit} | {verdict} |")


def verdict(found: list[Row]) -> str:
    """Keep a work-around that buys more than 10 on some figure and costs as much
    on none; one that does both is for the reader to weigh."""
    buys = any(row.bought > WORTH for row in found)
    costs = any(row.bought < -WORTH for row in found)
    return "weigh" if buys and costs else "keep" if buys else "remove"


def in_turn(measure: Callable[[str], tuple[float, ...]], work_around: str,
            runs: int) -> tuple[list[float], list[float]]:
    """The median of each figure ``measure`` returns, as shipped and without."""
    taken: dict[str, list[tuple[float, ...]]] = {SHIPPED: [], work_around: []}
    for run in range(runs):
        for which in (SHIPPED, work_around)[:: 1 if run % 2 == 0 else -1]:
            taken[which].append(measure(which))
    return ([median(list(figure)) for figure in zip(*taken[SHIPPED], strict=True)],
            [median(list(figure)) for figure in zip(*taken[work_around], strict=True)])


def child(bench: Bench, *command: str) -> Callable[[str], tuple[float, ...]]:
    """A child through ``without.py`` that prints its figures on one line."""
    return lambda which: tuple(float(figure) for figure in
                               run_command([WITHOUT, which, *command], bench.home)[1].split())


def rows(figures: list[tuple[str, str, int]], shipped, without) -> list[Row]:
    """``figures``: (what, unit, index) of the figures a child printed."""
    return [Row(what, unit, shipped[index], without[index]) for what, unit, index in figures]


def import_hook(bench: Bench, files: dict[int, Path]) -> list[Row]:
    def start(which: str) -> tuple[float, float]:
        ms, kb = show_window(str(files[1]), bench.home, via=(WITHOUT, which))
        return ms, kb / 1024

    return rows([("start to main window, 1 ×", "ms", 0),
                 ("peak memory, window up, 1 ×", "MB", 1)],
                *in_turn(start, "import-hook", bench.runs))


def gc_freeze(bench: Bench, files: dict[int, Path]) -> list[Row]:
    found = []
    for scale, path in files.items():
        found += rows([(f"longest full collection, every page and the log scrolled, {scale} ×",
                        "ms", 0),
                       (f"a full collection, window in use, {scale} ×", "ms", 2),
                       (f"longest scroll step, action log, {scale} ×", "ms", 3)],
                      *in_turn(child(bench, RESPONSIVE, str(path)), "gc-freeze",
                               bench.runs))
    return found


def minutes_command(bench: Bench, sample: Path) -> list[str]:
    return ["-m", "secretariat", "minutes", str(sample), "--meeting", "2011-05-26",
            "-o", str(bench.workdir / "minutes.pdf")]


def minutes_without(work_around: str):
    def measure(bench: Bench, files: dict[int, Path]) -> list[Row]:
        minutes = minutes_command(bench, files[1])
        return rows([("minutes command, sample 26 May 2011", "ms", 0)],
                    *in_turn(lambda which: (run_command([WITHOUT, which, *minutes],
                                                        bench.home)[0],), work_around,
                             bench.runs))
    measure.__name__ = work_around
    return measure


def warm_up(bench: Bench, sample: Path) -> None:
    """Each kind of child run once, unmeasured, after run.py's windows: its
    bytecode is then compiled and the font cache filled, as after a first print."""
    bench.warm_up(sample)
    for command in (minutes_command(bench, sample), [RESPONSIVE, str(sample)]):
        run_command([WITHOUT, SHIPPED, *command], bench.home)


WORK_AROUNDS = {"PySide's import hook set aside (ui/compat.py)": import_hook,
                "gc.freeze after start-up (ui/main_window.py)": gc_freeze,
                "parsed fonts kept in a cache (documents/parsed_fonts.py)":
                    minutes_without("font-cache"),
                "gc.freeze as the command line exits (secretariat/__main__.py)":
                    minutes_without("exit-freeze")}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    _, bench = Bench.from_arguments(parser, argv, runs=9)
    files = {scale: bench.file(scale)[0] for scale in (1, 100)}
    warm_up(bench, files[1])
    lines = ["| what | with | without | difference | verdict |",
             "| --- | ---: | ---: | ---: | --- |"]
    for name, measure in WORK_AROUNDS.items():
        found = measure(bench, files)
        lines += [f"| **{name}** | | | | **{verdict(found)}** |", *(row.line() for row in found)]
        print(f"measured {measure.__name__}", file=sys.stderr)
    print("\n".join(lines), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
