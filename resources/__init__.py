"""Files the application ships: fonts (with their licence), icons, sample data."""

from importlib import resources
from pathlib import Path


def path(*parts: str) -> Path:
    """A shipped resource file, wherever the package is installed."""
    return Path(str(resources.files(__name__).joinpath(*parts)))
