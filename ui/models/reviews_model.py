"""Papers and their reviews as tables: coverage, a paper's reviewers, each member's load."""


from PySide6.QtGui import QBrush

from secretariat.review import reviews
from secretariat.frozen import record

from .. import palette
from ..widgets import day_text
from .records import ColouredModel, Column, RecordTableModel


def _names(cover, role: str) -> str:
    return ", ".join(r.person_name for r in cover.by_role(role))


class CoverageModel(ColouredModel):
    """Rows are ``PaperCoverage``s."""

    columns = (
        Column("Paper", lambda c: c.paper.label),
        Column("Status", lambda c: c.paper.status_label),
        Column("Deadline", lambda c: day_text(c.paper.review_deadline)),
        Column("Needs attention", lambda c: "; ".join(
            c.marks + ([f"{len(c.flags)} conflict flag(s)"] if c.flags else []))),
        Column("Technical", lambda c: _names(c, "technical")),
        Column("Lay", lambda c: _names(c, "lay")),
        Column("Wave", lambda c: c.paper.wave),
    )

    @staticmethod
    def _id(record) -> str:
        return record.paper.id

    def colour(self, record) -> QBrush | None:
        return palette.warning() if record.marks or record.flags else None


@record
class ReviewRow:
    review: reviews.Review
    flag: str  # the conflict flag, if the reviewer's interest touches the paper

    @property
    def id(self) -> str:
        return self.review.id


class ReviewersModel(ColouredModel):
    columns = (
        Column("Role", lambda r: r.review.role_label),
        Column("Reviewer", lambda r: r.review.person_name),
        Column("In their words", lambda r: r.review.role_words),
        Column("Status", lambda r: r.review.status_label),
        Column("Nominated", lambda r: day_text(r.review.nominated_on)),
        Column("Conflict flag", lambda r: r.flag),
    )

    def colour(self, record) -> QBrush | None:
        return palette.warning() if record.flag else None


class LoadModel(RecordTableModel):
    columns = (Column("Member", lambda x: x.name), Column("In hand", lambda x: str(x.in_hand)),
               Column("Done", lambda x: str(x.done)))

    @staticmethod
    def _id(record) -> str:
        return record.person_id
