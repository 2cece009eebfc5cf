"""Progress of long work (printing a long document, an export, a merge).

A long function takes ``progress(done, total)`` and calls it now and then. The
caller stops the work by raising ``Cancelled`` from that call; the function
then leaves nothing half-written (no partial file, no half-merged file).
"""

from typing import Callable, Sequence, TypeVar

Progress = Callable[[int, int], None]
Row = TypeVar("Row")
SCALE = 1000  # the whole of a job made of parts, in parts per thousand
BATCH = 1000  # records read per query when reading in batches


def ignore(done: int, total: int) -> None:
    """For work that nobody watches."""


def part(progress: Progress, start: float, end: float) -> Progress:
    """A part of the job: its own (done, total) reported as the share from
    ``start`` to ``end`` (fractions of the whole) of ``SCALE``."""
    def report(done: int, total: int) -> None:
        share = done / total if total else 1.0
        progress(round(SCALE * (start + (end - start) * min(share, 1.0))), SCALE)
    return report


def in_batches(ids: Sequence[str], read: Callable[[Sequence[str]], list[Row]],
               progress: Progress = ignore, size: int = BATCH) -> list[Row]:
    """The records of ``ids``, in order, read ``size`` at a time by ``read(batch)``
    (which leaves out any deleted since the ids were listed)."""
    rows: list[Row] = []
    progress(0, len(ids))
    for start in range(0, len(ids), size):
        rows += read(ids[start:start + size])
        progress(min(start + size, len(ids)), len(ids))
    return rows
