"""Files the application ships: fonts (with their licence), icons, sample data."""

from pathlib import Path

# Installed as package data beside this module, never zipped: a plain path is
# enough, and spares every start importlib.resources and zipfile.
_HERE = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """A shipped resource file, wherever the package is installed."""
    return _HERE.joinpath(*parts)
