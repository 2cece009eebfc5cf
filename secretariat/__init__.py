"""Taskforce Secretariat: the core library. No Qt anywhere in this package."""

__version__ = "0.1.0"
