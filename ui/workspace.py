"""What the window shows of an open file: banners for a read-only file and a
travel copy, the navigation list and the pages of ``ui.pages.PAGES``, each
built when first shown."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QStackedWidget, QVBoxLayout,
                               QWidget)

from secretariat.taskforce import TravelOrigin

from .pages import PAGES
from .session import Session
from .widgets import Deferred, build_when_current, field_date_text


def escape(text: str) -> str:
    """Text shown as is in a rich-text label (the html module costs ms of start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def banner(text: str, name: str) -> QLabel:
    """A note across the top of the window about the file as a whole."""
    note = QLabel(text)
    note.setWordWrap(True)
    note.setAccessibleName(name)
    # Tooltip colours are the palette's own "note" colours, light or dark.
    note.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
    note.setForegroundRole(QPalette.ColorRole.ToolTipText)
    note.setAutoFillBackground(True)
    note.setMargin(8)
    return note


def read_only_banner(file_name: str) -> QLabel:
    return banner(f"<b>{escape(file_name)} is read-only.</b> You can read and print it, "
                  "but changes cannot be saved. Save a copy to work on it.", "Read-only file")


def travel_copy_banner(file_name: str, origin: TravelOrigin) -> QLabel:
    home = escape(origin.home_name)
    return banner(f"<b>{escape(file_name)} is a travel copy</b> of {home}, taken on "
                  f"{field_date_text(origin.taken_on)}. Work in it as usual; back at the "
                  f"office, bring its changes home with File &gt; Merge a Travel Copy… in "
                  f"{home}'s window.", "Travel copy")


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
        # As wide as its longest word: the meetings list and the meeting have the rest.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setFixedWidth(self.navigation.sizeHintForColumn(0)
                                      + 2 * self.navigation.frameWidth() + 8)
        self.navigation.currentRowChanged.connect(self._turn_to)
        self.navigation.setCurrentRow(0)

        row = QHBoxLayout()
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        name = session.tf.path.name
        self.banner = read_only_banner(name) if session.tf.read_only else None
        self.travel_banner = (travel_copy_banner(name, session.travel_origin)
                              if session.travel_origin else None)
        for note in (self.banner, self.travel_banner):
            if note:
                layout.addWidget(note)
        layout.addLayout(row)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        self.current_page().setFocus()

    def show_named(self, name: str) -> QWidget:
        """Turn to the page of that name; the page."""
        self.show_page(self._names.index(name))
        return self.current_page()

    def names(self) -> list[str]:
        return list(self._names)

    def current_name(self) -> str:
        return self._names[self.pages.currentIndex()]

    def _turn_to(self, index: int) -> None:
        if index >= 0:
            self.pages.setCurrentIndex(index)

    def page(self, name: str) -> QWidget:
        """The page, built the first time it is wanted: opening a file builds only
        the first page, whatever the file holds."""
        return self.pages.widget(self._names.index(name)).content()

    def current_page(self) -> QWidget:
        return self.pages.currentWidget().content()
