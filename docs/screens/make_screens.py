"""Pictures of every page and every meeting tab at laptop sizes, for checking
by eye that nothing is cut off. Run from the project's root folder:

    QT_QPA_PLATFORM=offscreen python docs/screens/make_screens.py

It builds the sample taskforce in a temporary folder (settings there too, so
the window opens at the size asked, whatever your own settings say) and saves
``<width>x<height>-<page>.png`` and ``<width>x<height>-meeting-<tab>.png``
beside this script.
"""

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from PySide6.QtCore import QSettings, QStandardPaths  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from secretariat.files import sample  # noqa: E402
from secretariat.taskforce import Taskforce  # noqa: E402
from ui.app import create_application  # noqa: E402

SIZES = [(1100, 700), (1280, 720)]
MEETING = "2012-01-12"  # the sample's meeting with draft minutes: every tab has something
PREVIEW_MS = 300


def slug(text: str) -> str:
    return text.lower().replace(" ", "-")


def save(window, name: str) -> None:
    QTest.qWait(PREVIEW_MS)  # the PDF preview draws its pages a moment later
    # Offscreen grabs are flat colours: 256 of them keep each file small.
    image = window.grab().toImage().convertToFormat(QImage.Format.Format_Indexed8)
    image.save(str(HERE / f"{name}.png"))


def shoot(window, size: tuple[int, int]) -> None:
    from ui.pages import PAGES
    from ui.pages.meeting import MEETING_TABS

    prefix = "x".join(map(str, size))
    window.resize(*size)
    workspace = window.centralWidget()
    for index, (name, _) in enumerate(PAGES):
        workspace.show_page(index)
        save(window, f"{prefix}-{slug(name)}")
    workspace.show_page(0)
    meetings = workspace.page("Meetings")
    meetings.show_meeting(window.session.tf.meetings.find_one(MEETING).id)
    for index, (title, _) in enumerate(MEETING_TABS):
        meetings.meeting_page.setCurrentIndex(index)
        save(window, f"{prefix}-meeting-{slug(title)}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        create_application(sys.argv)
        QStandardPaths.setTestModeEnabled(True)
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        path = Path(folder) / "sample.taskforce"
        with Taskforce.open(path, create=True) as tf:
            sample.build(tf)

        from ui.main_window import MainWindow

        window = MainWindow()
        window.open_path(path)
        window.show()
        for size in SIZES:
            shoot(window, size)
        window.close()


if __name__ == "__main__":
    main()
