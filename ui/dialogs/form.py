"""The shape every form dialog shares: labelled rows, then OK and Cancel."""

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from ..widgets import add_row, choice_box


class FormDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def row(self, label: str, widget):
        return add_row(self.form, label, widget)

    def choice(self, label: str, choices: dict[str, str], current: str) -> QComboBox:
        combo = choice_box(choices)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        return self.row(label, combo)
