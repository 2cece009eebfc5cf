"""Colours that carry meaning read on a light and on a dark theme alike."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from ui import palette
from ui.models.register_model import RegisterModel

THEMES = {"light": ("#ffffff", "#000000", "#308cc6"), "dark": ("#1e1e1e", "#e0e0e0", "#2a82da")}


@pytest.fixture(params=THEMES)
def theme(request, qapp):
    base, text, highlight = (QColor(c) for c in THEMES[request.param])
    chosen = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, base), (QPalette.ColorRole.Window, base),
                         (QPalette.ColorRole.Text, text),
                         (QPalette.ColorRole.WindowText, text),
                         (QPalette.ColorRole.Highlight, highlight)):
        chosen.setColor(role, colour)
    before = QApplication.palette()
    QApplication.setPalette(chosen)
    yield base
    QApplication.setPalette(before)


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    def luminance(c: QColor) -> float:
        linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
                  for v in (c.redF(), c.greenF(), c.blueF())]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_an_unmarked_member_stands_out_on_the_theme(theme, sample_tf):
    model = RegisterModel()
    meeting, _ = sample_tf.meetings.create(sample_tf.bodies.all()[0].id, "2012-02-09")
    sample_tf.attendance.mark(meeting, sample_tf.attendance.register(meeting).lines[0].person.id,
                              "present")
    model.set_records(sample_tf.attendance.register(meeting).lines)
    unmarked = [model.index(r, 0).data(Qt.ItemDataRole.ForegroundRole)
                for r in range(model.rowCount())]
    assert unmarked[0] is None  # marked: the theme's own text colour
    assert unmarked[1] is not None and contrast(unmarked[1].color(), theme) >= 4.5


def test_ended_and_bar_colours_stay_readable_but_quieter_than_text(theme):
    text = QApplication.palette().color(QPalette.ColorRole.Text)
    assert 3 <= contrast(palette.muted().color(), theme) < contrast(text, theme)
    assert contrast(text, palette.highlight()) >= 4.5  # the rate written over its bar


def test_a_warning_label_is_bold_in_the_warning_colour(theme, qtbot):
    label = QLabel("Planned to run past the meeting's end")
    qtbot.addWidget(label)
    palette.show_as_warning(label)
    assert label.font().bold()
    shown = label.palette().color(QPalette.ColorRole.WindowText)
    assert shown == palette.warning().color() and contrast(shown, theme) >= 4.5


def test_a_deferred_item_reads_in_its_own_colour_on_the_theme(theme):
    text = QApplication.palette().color(QPalette.ColorRole.Text)
    notice = palette.notice().color()
    assert contrast(notice, theme) >= 4.5
    assert notice not in (text, palette.muted().color(), palette.warning().color())
