"""Storage: the only code that touches SQLite."""

from .database import Store, new_id, now_stamp
from .opening import UpgradeNeeded

__all__ = ["Store", "UpgradeNeeded", "new_id", "now_stamp"]
