"""The file dialogs: each opens in the folder the official last saved to or
opened from (``settings.start_at``), not always the home folder, and
remembers the folder chosen. Each returns the chosen path, empty on Cancel.

A save dialog saves one kind of file (``OutputKind``): a name typed without
a suffix is given the kind's, as the filter shows it, and a name whose
suffix says another kind is refused (``check_named_for``). It may be given a
check of its own: a name that either refuses (the open file, a folder that
does not exist, a read-only file) is said on OK while the dialog stays open,
before Qt asks whether to replace a file; and said again, with nothing
written, should a dialog hand it back all the same.

They are Qt's own dialogs, told the kind of each file by its name alone. Qt's
usual provider (and a desktop's native dialog, run in this process) reads
the first bytes of every file in the folder shown to tell its kind, the open
taskforce file and its -wal among them; closing what it opened dropped the
locks SQLite holds on them (``secretariat/storage/held.py``), and a command
run beside the window then deleted the -wal the window was still writing.
"""

import functools
from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QWidget

from secretariat.errors import UserFacingError
from secretariat.files.output_files import OutputKind, check_named_for, kind_named

from . import settings

Check = Callable[[str], object]  # raises UserFacingError for a name it refuses


def with_suffix(path: str, suffix: str) -> str:
    """The name chosen, given ``suffix`` unless it ends in the suffix of a kind
    of file we write: a dated name ("actions 04.12.2026") gets one too."""
    return path + suffix if path and suffix and kind_named(path) is None else path


def save_name(parent: QWidget, title: str, suggestion, kind: OutputKind,
              check: Check | None = None) -> str:
    """Where to save a file of ``kind``: the name chosen, with its suffix, once
    neither ``check`` nor its suffix refuses it; "" when the official cancels,
    or is told why the name handed back is refused."""
    def named(chosen: str) -> str:
        path = with_suffix(chosen, kind.suffix)
        if check:
            check(path)
        check_named_for(path, kind, f"“{title}”")
        return path

    chosen = get_save_file_name(parent, title, settings.start_at(suggestion), kind,
                                check=named)[0]
    if not chosen:
        return ""
    try:
        path = named(chosen)  # again: something may have been put there since
    except UserFacingError as refused:
        from .errors import show_error

        show_error(parent, refused, "Not saved")
        return ""
    return settings.remember_folder(path)


def open_name(parent: QWidget, title: str, suggestion, kind: str) -> str:
    return settings.remember_folder(get_open_file_name(
        parent, title, settings.start_at(suggestion), kind)[0])


def get_save_file_name(parent: QWidget | None, title: str, start: str,
                       kind: OutputKind, check: Check | None = None) -> tuple[str, str]:
    """As ``QFileDialog.getSaveFileName`` for files of ``kind``, given its suffix
    when typed without one: (the path chosen or "", the filter chosen); a name
    ``check`` refuses is said, and another asked for."""
    from PySide6.QtWidgets import QFileDialog  # dialogs' classes are made when first wanted

    return _ask(parent, title, start, f"{kind.files} (*{kind.suffix})",
                QFileDialog.AcceptMode.AcceptSave, check, kind.suffix)


def get_open_file_name(parent: QWidget | None, title: str, start: str,
                       kind: str) -> tuple[str, str]:
    """As ``QFileDialog.getOpenFileName``."""
    from PySide6.QtWidgets import QFileDialog

    return _ask(parent, title, start, kind, QFileDialog.AcceptMode.AcceptOpen)


def _ask(parent, title: str, start: str, kind: str, mode,
         check: Check | None = None, suffix: str = "") -> tuple[str, str]:
    from PySide6.QtWidgets import QDialog, QFileDialog

    dialog = _checking_dialog()(parent, title, start, kind)
    dialog.check, dialog.suffix = check, suffix  # (``accept`` gives a name its suffix)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(_names_only())
    dialog.setAcceptMode(mode)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if mode == QFileDialog.AcceptMode.AcceptSave
                       else QFileDialog.FileMode.ExistingFile)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return "", ""
        return dialog.selectedFiles()[0], dialog.selectedNameFilter()
    finally:
        dialog.deleteLater()


@functools.cache
def _checking_dialog():
    """Qt's file dialog, refusing on OK a name its ``check`` refuses."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from .errors import show_error

    class CheckingDialog(QFileDialog):
        check: Check | None = None
        suffix = ""

        def accept(self) -> None:
            chosen = self.selectedFiles()
            if self.suffix and chosen and not Path(chosen[0]).is_dir():
                # Given here, before Qt asks about replacing a file, it is the
                # file Qt asks about and the check sees (Qt's own default suffix
                # goes only on a name without a dot: "actions 04.12.2026").
                named = with_suffix(chosen[0], self.suffix)
                if named != chosen[0]:  # (selectFile leaves a box with the focus as typed)
                    self.findChild(QLineEdit, "fileNameEdit").setText(Path(named).name)
                    chosen = [named]
            if self.check and chosen and not Path(chosen[0]).is_dir():  # a folder: go in
                try:
                    self.check(chosen[0])
                except UserFacingError as refused:
                    show_error(self, refused, "Choose another name")
                    return
            super().accept()

    return CheckingDialog


@functools.cache
def _names_only():
    """One provider for every dialog (a dialog does not own the one it is given)."""
    from PySide6.QtGui import QAbstractFileIconProvider
    from PySide6.QtWidgets import QFileIconProvider

    class NamesOnly(QAbstractFileIconProvider):
        def __init__(self):
            super().__init__()
            self._stock = QFileIconProvider()

        def icon(self, what):  # an IconType, or a file's QFileInfo
            if isinstance(what, QAbstractFileIconProvider.IconType):
                return self._stock.icon(what)
            return self._stock.icon(QAbstractFileIconProvider.IconType.Folder
                                    if what.isDir() else
                                    QAbstractFileIconProvider.IconType.File)

        def type(self, info) -> str:
            if info.isDir():
                return "Folder"
            return f"{info.suffix().upper()} file" if info.suffix() else "File"

    return NamesOnly()
