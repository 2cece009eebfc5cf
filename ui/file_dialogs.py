"""The file dialogs: each opens in the folder the official last saved to or
opened from (``settings.start_at``), not always the home folder, and
remembers the folder chosen. Each returns the chosen path, empty on Cancel."""

from PySide6.QtWidgets import QWidget

from . import settings


def save_name(parent: QWidget, title: str, suggestion, kind: str) -> str:
    from PySide6.QtWidgets import QFileDialog  # dialogs' classes are made when first wanted

    return settings.remember_folder(QFileDialog.getSaveFileName(
        parent, title, settings.start_at(suggestion), kind)[0])


def open_name(parent: QWidget, title: str, suggestion, kind: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return settings.remember_folder(QFileDialog.getOpenFileName(
        parent, title, settings.start_at(suggestion), kind)[0])
