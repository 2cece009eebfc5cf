"""Rows of buttons wrap onto more lines in a narrow pane instead of widening it."""

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets import button_row

LABELS = ["Add item", "Add sub-item", "Remove", "Link paper…"]


def _pane(qtbot):
    pane = QWidget()
    column = QVBoxLayout(pane)
    column.addLayout(button_row([(label, lambda: None, "") for label in LABELS]))
    column.addWidget(QLabel("Below the buttons"))
    column.addStretch()
    qtbot.addWidget(pane)
    return pane, pane.findChildren(QPushButton)


def _lines(buttons) -> int:
    return len({b.geometry().top() for b in buttons})


def test_a_wide_pane_shows_the_buttons_on_one_line_in_order(qtbot):
    pane, buttons = _pane(qtbot)
    pane.resize(pane.sizeHint().width() + 100, 200)
    pane.show()
    qtbot.waitExposed(pane)
    assert _lines(buttons) == 1
    lefts = [b.geometry().left() for b in buttons]
    assert lefts == sorted(lefts) and lefts[0] < 20  # left-aligned, in the order given


def test_a_narrow_pane_wraps_the_row_and_keeps_every_button_whole_and_apart(qtbot):
    pane, buttons = _pane(qtbot)
    widest = max(b.sizeHint().width() for b in buttons)
    all_in_a_line = sum(b.sizeHint().width() for b in buttons)
    assert pane.minimumSizeHint().width() < all_in_a_line  # it asks only for room to wrap
    pane.resize(widest * 2 + 40, 300)
    pane.show()
    qtbot.waitExposed(pane)
    assert _lines(buttons) >= 2
    for n, one in enumerate(buttons):
        assert pane.rect().contains(one.geometry())  # nothing cut off at the right
        assert one.width() >= one.sizeHint().width()  # nor squeezed
        for other in buttons[n + 1:]:
            assert not one.geometry().intersects(other.geometry())
    # The second line pushes what follows down rather than overlapping it.
    assert pane.findChild(QLabel).geometry().top() > max(b.geometry().bottom() for b in buttons)


def test_a_hidden_button_leaves_no_gap(qtbot):
    pane, buttons = _pane(qtbot)
    pane.resize(pane.sizeHint().width() + 100, 200)
    buttons[1].hide()
    pane.show()
    qtbot.waitExposed(pane)
    gap = buttons[2].geometry().left() - buttons[0].geometry().right()
    assert 0 < gap < 20
