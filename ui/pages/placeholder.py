"""A page for an area still to come, so the navigation is complete meanwhile."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingPage(QWidget):
    def __init__(self, name: str, purpose: str):
        super().__init__()
        label = QLabel(f"<h2>{name}</h2><p>{purpose}</p><p><i>Coming soon.</i></p>")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setAccessibleName(f"{name}: coming soon")
        layout = QVBoxLayout(self)
        layout.addWidget(label)


def coming(name: str, purpose: str):
    """A page factory for ``PAGES`` that shows a 'coming' note."""
    return lambda session: ComingPage(name, purpose)
