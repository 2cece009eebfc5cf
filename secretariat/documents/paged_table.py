"""A long table made and laid out a page at a time.

A ReportLab table holds every row's paragraphs from the moment it is made,
and each page it fills leaves a copy of the rows still to come. For the
action log of a large file (50,000 rows, 2,000 pages) that held 800 MB and
made each page cost more than twice what a page of a short log does, the
cycle collector walking ever more objects. Here a table is made only of the
rows the next page can take (and a few more, to know where the page ends);
what does not fit goes on as the next piece.
"""

from collections.abc import Callable, Sequence

from reportlab.platypus import Flowable, Table

ROWS_AT_A_TIME = 40  # rows a first page may take, before one has been filled


class PagedTable(Flowable):
    """``make(carried, rows)`` builds the table of some rows, its header first:
    ``carried`` are ready rows (the part of a row a page break cut, and rows
    made but not yet placed), ``rows`` are rows to make."""

    def __init__(self, make: Callable[[list, Sequence], Table], rows: Sequence,
                 carried: Sequence = (), expected: int = ROWS_AT_A_TIME, start: int = 0):
        super().__init__()
        self._make = make
        self._rows = rows
        self._start = start  # the first of ``rows`` still to make (the list is shared)
        self._carried = list(carried)
        self._expected = expected  # rows a page takes: as many as the last one took, and some
        self._piece: tuple[Table, int] | None = None  # made, and how many of ``rows`` it holds
        self._measured: tuple = ()  # (width, height) given, (width, height) it took

    def _fill(self, width: float, height: float) -> tuple[Table, int]:
        """The table of the next rows: all of them, or enough to overfill ``height``.
        Made once, and again with more rows only when a taller page needs them
        (the frame tries the rest of a page, often a line's height, before a new
        one). ReportLab measures a table afresh at each wrap and split, so the
        last measure is kept: a split right after its wrap measures only once."""
        if self._piece is None:
            count = max(0, self._expected - len(self._carried))
            self._piece = (self._make(self._carried, self._next(count)), count)
        while True:
            table, count = self._piece
            if self._measured[:2] != (width, height):
                self._measured = (width, height, *table.wrap(width, height))
            if self._measured[3] > height or count >= self._left():
                return table, count
            count = max(2 * count, 8)
            self._piece = (self._make(self._carried, self._next(count)), count)
            self._measured = ()

    def wrap(self, availWidth, availHeight):
        self._fill(availWidth, availHeight)
        self.width, self.height = self._measured[2:]
        return self.width, self.height

    def drawOn(self, canvas, x, y, _sW=0):
        """Drawn whole only when every row fitted (otherwise the frame splits it)."""
        assert self._piece is not None, "drawn before it was laid out"
        self._piece[0].drawOn(canvas, x, y, _sW)

    def split(self, availWidth, availHeight):
        table, count = self._fill(availWidth, availHeight)
        self._measured = ()  # the split measures it again, as it needs
        parts = table.split(availWidth, availHeight)
        if len(parts) < 2 or count >= self._left():
            return parts
        first, rest = parts
        carried = rest._cellvalues[table.repeatRows:]  # the header is made again
        placed = len(first._cellvalues) - table.repeatRows
        return [first, PagedTable(self._make, self._rows, carried, placed * 5 // 4 + 2,
                                  self._start + count)]

    def _next(self, count: int) -> Sequence:
        return self._rows[self._start:self._start + count]

    def _left(self) -> int:
        return len(self._rows) - self._start
