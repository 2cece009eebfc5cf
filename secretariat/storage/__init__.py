"""Storage: the only code that touches SQLite."""

from .database import Store, UpgradeNeeded, new_id, now_stamp

__all__ = ["Store", "UpgradeNeeded", "new_id", "now_stamp"]
