"""What a write changed, so each open view can decide whether to refresh."""

from dataclasses import field
from enum import StrEnum

from .frozen import record


class Kind(StrEnum):
    """The areas of the record a write can change (each manager has one)."""

    BODY = "body"
    PERSON = "person"
    MEETING = "meeting"
    AGENDA = "agenda"
    ATTENDANCE = "attendance"
    MINUTES = "minutes"
    ACTION = "action"
    PAPER = "paper"
    REVIEW = "review"
    TAG = "tag"
    INTEREST = "interest"
    SUGGESTION = "suggestion"
    RECOMMENDATION = "recommendation"  # a report, its recommendations and their progress
    ALL = "*"  # a change that may touch any area


@record
class Changes:
    kinds: frozenset[Kind] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: Kind, *ids: str) -> "Changes":
        return cls(frozenset({Kind(kind)}), frozenset(i for i in ids if i))

    @classmethod
    def everything(cls, *ids: str) -> "Changes":
        """A change that may touch any area (a delete that cascades, its undo)."""
        return cls(frozenset({Kind.ALL}), frozenset(i for i in ids if i))

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    def concerns(self, *kinds: Kind) -> bool:
        """Whether any of these areas changed; a name that is no area is an
        error, not a silent 'no'."""
        return Kind.ALL in self.kinds or bool(self.kinds.intersection(map(Kind, kinds)))
