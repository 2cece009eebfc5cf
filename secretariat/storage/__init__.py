"""Storage: the only code that touches SQLite."""

from .database import Store, new_id, now_stamp

__all__ = ["Store", "new_id", "now_stamp"]
