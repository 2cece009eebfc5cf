"""Progress of long work (printing a long document, an export, a merge).

A long function takes ``progress(done, total)`` and calls it now and then. The
caller stops the work by raising ``Cancelled`` from that call; the function
then leaves nothing half-written (no partial file, no half-merged file).
"""

from typing import Callable, TypeVar

Progress = Callable[[int, int], None]
Row = TypeVar("Row")
SCALE = 1000  # the whole of a job made of parts, in parts per thousand
PAGE = 1000  # rows read per query when reading in pages


def ignore(done: int, total: int) -> None:
    """For work that nobody watches."""


def part(progress: Progress, start: float, end: float) -> Progress:
    """A part of the job: its own (done, total) reported as the share from
    ``start`` to ``end`` (fractions of the whole) of ``SCALE``."""
    def report(done: int, total: int) -> None:
        share = done / total if total else 1.0
        progress(round(SCALE * (start + (end - start) * min(share, 1.0))), SCALE)
    return report


def in_pages(fetch: Callable[[int, int], list[Row]], total: int,
             progress: Progress = ignore) -> list[Row]:
    """Every row of a paged source (``fetch(offset, limit)``), one page at a time."""
    rows: list[Row] = []
    progress(0, total)
    while True:
        page = fetch(len(rows), PAGE)
        rows += page
        progress(len(rows), max(total, len(rows)))
        if len(page) < PAGE:
            return rows
