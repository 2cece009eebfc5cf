"""What the window shows of an open file: a read-only banner, the navigation
list and the pages of ``ui.pages.PAGES``, each built when first shown."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QStackedWidget, QVBoxLayout,
                               QWidget)

from .pages import PAGES
from .session import Session
from .widgets import Deferred, build_when_current


def read_only_banner(file_name: str) -> QLabel:
    banner = QLabel(f"<b>{file_name} is read-only.</b> You can read and print it, "
                    "but changes cannot be saved. Save a copy to work on it.")
    banner.setWordWrap(True)
    banner.setAccessibleName("Read-only file")
    # Tooltip colours are the palette's own "note" colours, light or dark.
    banner.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
    banner.setForegroundRole(QPalette.ColorRole.ToolTipText)
    banner.setAutoFillBackground(True)
    banner.setMargin(8)
    return banner


class Workspace(QWidget):
    def __init__(self, session: Session):
        super().__init__()
        self.session = session
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Sections")
        self.navigation.setSpacing(3)
        self.pages = QStackedWidget()
        build_when_current(self.pages)
        self._names = [name for name, _ in PAGES]
        for name, factory in PAGES:
            self.navigation.addItem(name)
            self.pages.addWidget(Deferred(lambda f=factory: f(session), name))
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0) + 48)
        self.navigation.currentRowChanged.connect(self._turn_to)
        self.navigation.setCurrentRow(0)

        row = QHBoxLayout()
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        self.banner = read_only_banner(session.tf.path.name) if session.tf.read_only else None
        if self.banner:
            layout.addWidget(self.banner)
        layout.addLayout(row)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        self.current_page().setFocus()

    def show_named(self, name: str) -> QWidget:
        """Turn to the page of that name; the page."""
        self.show_page(self._names.index(name))
        return self.current_page()

    def _turn_to(self, index: int) -> None:
        if index >= 0:
            self.pages.setCurrentIndex(index)

    def page(self, name: str) -> QWidget:
        """The page, built the first time it is wanted: opening a file builds only
        the first page, whatever the file holds."""
        return self.pages.widget(self._names.index(name)).content()

    def current_page(self) -> QWidget:
        return self.pages.currentWidget().content()
