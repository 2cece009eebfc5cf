"""Every page and meeting tab fits a laptop's window: no button or label is
cut shorter than its text, no button lies beyond the window's edge or
behind the edge of the pane that holds it, no table's heading or cell
shows less than its whole text, no column is cut by the right edge of its
table, and no line of a list shows less than its whole text."""

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QListView, QPushButton, QTableView,
                               QTreeView, QWidget)

from ui.pages import PAGES
from ui.tables import cell_text_cut, text_cut, text_margins
from ui.pages.meeting import MEETING_TABS

SIZES = [(1100, 700), (1280, 720)]
MEETING = "2012-01-12"  # the sample's meeting with draft minutes: every tab has something


def _name(widget) -> str:
    return f"{type(widget).__name__} {widget.text()!r}"


def drawn_width(label: QLabel) -> int:
    """The width a one-line label's text takes as drawn: a mnemonic's underline
    splits the text in pieces drawn without kerning between them ("To" drawn
    as "T" then "o" is a pixel wider than "To" measured, and shows as "Tc")."""
    metrics, text = label.fontMetrics(), label.text()
    at = text.find("&")
    pieces = [text[:at], text[at + 1], text[at + 2:]] if 0 <= at < len(text) - 1 else [text]
    margins = label.contentsMargins()
    return (sum(metrics.horizontalAdvance(p) for p in pieces) + 2 * label.margin()
            + margins.left() + margins.right())


def cut_short(root: QWidget) -> list[str]:
    """Buttons and one-line labels of ``root`` on screen narrower than their text."""
    found = []
    for widget in root.findChildren(QPushButton) + root.findChildren(QLabel):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            continue
        needed = widget.sizeHint().width()
        if isinstance(widget, QLabel) and "<" not in widget.text():  # plain text
            needed = max(needed, drawn_width(widget))
        if widget.width() < needed:
            found.append(f"{_name(widget)}: {widget.width()} < {needed}")
    return found


def out_of_sight(window: QWidget, root: QWidget) -> list[str]:
    """Buttons of ``root`` not wholly inside the window and inside every pane around them."""
    found = []
    for button in root.findChildren(QPushButton):
        if not button.isVisible():
            continue
        place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not window.rect().contains(place):
            found.append(f"{_name(button)} beyond the window at {place}")
        elif button.visibleRegion().boundingRect() != button.rect():
            found.append(f"{_name(button)} partly hidden: {button.visibleRegion().boundingRect()}")
    return found


def tables_cut(root: QWidget) -> list[str]:
    """Headings narrower than their text, and cells on screen whose text does
    not wholly show (wrapped taller than the row, or a word cut with "…")."""
    found = []
    for view in root.findChildren(QTableView):
        if not view.isVisible():
            continue
        header, model = view.horizontalHeader(), view.model()
        for column in range(header.count()):
            heading = model.headerData(column, Qt.Orientation.Horizontal)
            if header.sectionSize(column) < header.sectionSizeHint(column):
                found.append(f"{view.accessibleName()}: heading {heading!r} cut")
            for row in range(model.rowCount()):
                if view.rowViewportPosition(row) > view.viewport().height():
                    break
                text = model.index(row, column).data()
                if isinstance(text, str) and cell_text_cut(view, text, column, row):
                    found.append(f"{view.accessibleName()}: {heading} {text!r} cut")
    return found


def _shown(root: QWidget, kind) -> list[QAbstractItemView]:
    return [view for view in root.findChildren(kind) if view.isVisible()]


def columns_cut(root: QWidget) -> list[str]:
    """Columns of a table or tree begun in view but ending past its right edge
    ("Minutes circul…"): a column shows whole, or lies wholly beyond the
    edge for the scroll bar to bring into view."""
    found = []
    for view in _shown(root, QTableView) + _shown(root, QTreeView):
        header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
        edge = view.viewport().width()
        for column in range(header.count()):
            left = header.sectionViewportPosition(column)
            right = left + header.sectionSize(column)
            if not header.isSectionHidden(column) and 0 <= left < edge < right:
                heading = view.model().headerData(column, Qt.Orientation.Horizontal)
                found.append(f"{view.accessibleName()}: column {heading!r} cut at {edge} < {right}")
    return found


def lines_cut(root: QWidget) -> list[str]:
    """Lines of a list in view whose text does not wholly show: running past
    the list's right edge, or cut short with "…" (a line is drawn no wider
    than the list less its spacing either side); and lines with an empty gap
    under them, laid out taller than they are drawn."""
    found = []
    for view in _shown(root, QListView):
        edge, bottom = view.viewport().width() - view.spacing(), view.viewport().height()
        for row in range(view.model().rowCount()):
            index = view.model().index(row, 0)
            place, text = view.visualRect(index), index.data()
            if place.top() >= bottom or place.bottom() < 0 or not text:
                continue
            room = min(place.right() + 1, edge) - place.left() - text_margins(view)
            if text_cut(view.fontMetrics(), text, room, place.height(), view.wordWrap()):
                found.append(f"{view.accessibleName()}: {text!r} cut")
            below = view.model().index(row + 1, 0)
            if below.isValid() and (view.visualRect(below).top() - place.bottom() - 1
                                    > 2 * view.spacing()):
                found.append(f"{view.accessibleName()}: {text!r} with a gap under it")
    return found


def problems(window, root, where: str) -> list[str]:
    return [f"{where}: {p}"
            for p in cut_short(root) + out_of_sight(window, root) + tables_cut(root)
            + columns_cut(root) + lines_cut(root)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_page_and_meeting_tab_fits_a_laptop(sample_window, qtbot, size):
    sample_window.resize(*size)
    workspace = sample_window.centralWidget()
    found = []
    for index, (name, _) in enumerate(PAGES):
        workspace.show_page(index)
        qtbot.wait(1)
        found += problems(sample_window, workspace.page(name), name)
    workspace.show_page(0)
    meetings = workspace.page("Meetings")
    meetings.show_meeting(sample_window.session.tf.meetings.find_one(MEETING).id)
    for index, (title, _) in enumerate(MEETING_TABS):
        meetings.meeting_page.setCurrentIndex(index)
        qtbot.wait(1)
        found += problems(sample_window, meetings.meeting_page.tab(title), f"meeting {title}")
    assert not found, "\n".join(found)


def test_a_new_files_first_meeting_fits_a_laptop(window, file_path, qtbot):
    """The meetings list takes only the room its dates and statuses need, in a new
    file as in the sample: the meeting beside it has the rest, whatever its tab."""
    window.resize(1100, 700)
    assert window.open_path(file_path, create=True)
    window.show()
    meetings = window.centralWidget().page("Meetings")
    new = next(push for push in meetings.findChildren(QPushButton)
               if push.text() == "&New Meeting")
    qtbot.mouseClick(new, Qt.MouseButton.LeftButton)
    found = []
    for index, (title, _) in enumerate(MEETING_TABS):
        meetings.meeting_page.setCurrentIndex(index)
        qtbot.wait(1)
        found += problems(window, meetings.meeting_page.tab(title), f"meeting {title}")
    assert not found, "\n".join(found)
    assert meetings.list_pane.width() == meetings.list_pane.minimumWidth()


def _hint(view) -> QLabel:
    return next(label for label in view.viewport().findChildren(QLabel)
                if label.accessibleName() == "What to do first")


def test_a_new_file_says_what_to_do_first(window, file_path, qtbot):
    assert window.open_path(file_path, create=True)
    window.show()
    workspace = window.centralWidget()
    workspace.show_page([name for name, _ in PAGES].index("People"))
    people = workspace.page("People")
    hint = _hint(people.view)
    assert hint.isVisible() and "Add Person" in hint.text()


def test_the_hint_goes_once_someone_is_there(sample_window):
    workspace = sample_window.centralWidget()
    workspace.show_page([name for name, _ in PAGES].index("People"))
    assert not _hint(workspace.page("People").view).isVisible()


def test_the_minutes_preview_zooms(sample_window, qtbot):
    workspace = sample_window.centralWidget()
    meetings = workspace.page("Meetings")
    meetings.show_meeting(sample_window.session.tf.meetings.find_one(MEETING).id)
    meetings.meeting_page.setCurrentIndex([t for t, _ in MEETING_TABS].index("Minutes"))
    preview = meetings.meeting_page.tab("Minutes").preview
    pushes = {b.text().replace("&", ""): b for b in preview.findChildren(QPushButton)}
    scroll = preview.view.horizontalScrollBar()
    assert scroll.maximum() == 0  # the page as wide as the pane
    qtbot.mouseClick(pushes["+"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pushes["+"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scroll.maximum() > 0)  # wider than the pane: it scrolls
    qtbot.mouseClick(pushes["Fit Width"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: scroll.maximum() == 0)


def _meeting_tab(window, title: str):
    meetings = window.centralWidget().page("Meetings")
    meetings.show_meeting(window.session.tf.meetings.find_one(MEETING).id)
    meetings.meeting_page.setCurrentIndex([t for t, _ in MEETING_TABS].index(title))
    return meetings.meeting_page.tab(title)


def test_the_minutes_outline_and_matters_arising_share_the_height(sample_window, qtbot):
    sample_window.resize(1100, 700)
    tab = _meeting_tab(sample_window, "Minutes")
    qtbot.wait(1)
    rows = tab.tree.sizeHintForRow(0)
    assert tab.tree.viewport().height() >= 8 * rows  # the outline shows eight lines or more
    # Below it, the first matter arising shows whole and the next begins.
    arising = tab.arising.view
    line = arising.fontMetrics().lineSpacing()
    assert arising.viewport().height() >= arising.rowViewportPosition(1) + line
