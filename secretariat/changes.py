"""What a write changed, so each open view can decide whether to refresh."""

from dataclasses import field

from .frozen import record

ALL = "*"


@record
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, kind: str, *ids: str) -> "Changes":
        return cls(frozenset({kind}), frozenset(i for i in ids if i))

    @classmethod
    def everything(cls, *ids: str) -> "Changes":
        """A change that may touch any area (a delete that cascades, its undo)."""
        return cls(frozenset({ALL}), frozenset(i for i in ids if i))

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.kinds | other.kinds, self.ids | other.ids)

    def concerns(self, *kinds: str) -> bool:
        return ALL in self.kinds or bool(self.kinds.intersection(kinds))
