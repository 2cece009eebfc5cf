"""File > Export Calendar…: the shown body's meetings as an .ics file."""

from pathlib import Path

from secretariat.errors import UserFacingError
from secretariat.files.output_files import CALENDAR, write_private
from secretariat.letters.calendar import body_calendar

from ..exports import ask_output


def export_calendar(window) -> Path | None:
    """Write the meetings where the official chooses, for their calendar program
    to import; the written file, or None when cancelled or refused."""
    session = window.session
    suggestion = Path.home() / f"{session.tf.path.stem} meetings.ics"
    path = ask_output(window, "Export Calendar", str(suggestion), CALENDAR)
    if not path:
        return None
    try:
        data, count = body_calendar(session.tf, session.body_id)
        write_private(path, data)
    except UserFacingError as error:
        session.report(error)
        return None
    window.statusBar().showMessage(f"Exported {count} meetings to {Path(path).name}", 5000)
    return Path(path)
