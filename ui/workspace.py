"""What the window shows of an open file: a read-only banner, the navigation
list and the pages of ``ui.pages.PAGES``, each built when first shown."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QStackedWidget, QVBoxLayout,
                               QWidget)

from .pages import PAGES
from .session import Session
from .widgets import scrollable


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
        self._names = [name for name, _ in PAGES]
        self._pages: dict[str, QWidget] = {}
        for name in self._names:
            self.navigation.addItem(name)
            self.pages.addWidget(QWidget())  # stands in until the page is first wanted
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

    def _turn_to(self, index: int) -> None:
        if index >= 0:
            self.page(self._names[index])
            self.pages.setCurrentIndex(index)

    def page(self, name: str) -> QWidget:
        """The page, built the first time it is wanted: opening a file builds only
        the first page, whatever the file holds."""
        if name not in self._pages:
            index = self._names.index(name)
            self._pages[name] = dict(PAGES)[name](self.session)
            stand_in = self.pages.widget(index)
            self.pages.insertWidget(index, scrollable(self._pages[name], name))
            self.pages.removeWidget(stand_in)
            stand_in.deleteLater()
        return self._pages[name]

    def current_page(self) -> QWidget:
        return self.page(self._names[self.pages.currentIndex()])
