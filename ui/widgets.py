"""Small helpers every page and dialog uses to stay keyboard- and reader-friendly."""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QPlainTextEdit, QPushButton, QScrollArea,
                               QWidget)


def add_row(form: QFormLayout, label: str, widget: QWidget) -> QWidget:
    """A labelled form row; the label (with its &-mnemonic) names the control for readers."""
    widget.setAccessibleName(label.replace("&", ""))
    form.addRow(label, widget)
    return widget


def button(text: str, slot, tip: str = "") -> QPushButton:
    push = QPushButton(text)
    push.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        push.setToolTip(tip)
    push.clicked.connect(slot)
    return push


class NotesEdit(QPlainTextEdit):
    """A text box that says when the user has finished with it (focus leaves)."""

    editingFinished = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def set_quietly(widget: QObject, setter, value) -> None:
    """Show a stored value without it counting as an edit."""
    blocked = widget.blockSignals(True)
    try:
        setter(value)
    finally:
        widget.blockSignals(blocked)


def scrollable(widget: QWidget, name: str) -> QScrollArea:
    """Let a wide page scroll on a small screen instead of widening the window."""
    widget.setAccessibleName(name)
    area = QScrollArea()
    area.setAccessibleName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
