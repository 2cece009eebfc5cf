"""Meeting > Meeting Pack…: the chosen meeting's cover, agenda and papers as one
PDF, for members or, restricted, with the chair's brief.

The file is read here, on the GUI thread; the papers' files are read and the
pack laid out on a worker thread, with progress and Cancel.
"""

from PySide6.QtWidgets import QInputDialog

from secretariat.files.output_files import PDF
from secretariat.values import long_date

from .errors import show_error
from .exports import ask_output, missing_glyphs_ok, open_in_its_program, write_file
from .long_work import LongWork
from .meeting_commands import chosen_meeting

FOR_MEMBERS = "For members"
RESTRICTED = "Restricted, for the chair and officials: with the chair's brief"


def make_pack(window) -> LongWork | None:
    """Ask which version and where, then make the pack and open it."""
    from secretariat.documents import meeting_pack

    chosen = chosen_meeting(window, "to make a pack for")
    if chosen is None:
        return None
    session = window.session
    meeting = session.tf.meetings.get(chosen.meeting_id)
    version, ok = QInputDialog.getItem(
        window, "Meeting Pack", f"The pack for the meeting of {long_date(meeting.date)}:",
        [FOR_MEMBERS, RESTRICTED], 0, False)
    if not ok:
        return None
    doc = meeting_pack.build(session.tf, meeting.id, restricted=version == RESTRICTED)
    if not missing_glyphs_ok(window, meeting_pack.warnings(doc)):
        return None
    name = f"{'restricted ' if doc.restricted else ''}meeting pack {meeting.date}.pdf"
    path = ask_output(window, "Save the meeting pack as PDF", name, PDF)
    if not path:  # asked before the work, not after it
        return None

    def done(pack) -> None:
        if not write_file(window, path, pack.pdf):
            return
        if pack.left_out:
            show_error(window, "The pack was saved, but these papers are not in it:\n\n"
                       + "\n".join(f"• {line}" for line in pack.left_out),
                       "Papers not in the pack")
        open_in_its_program(session, path, saved=True)

    return LongWork(window, "Making the meeting pack…",
                    lambda progress: meeting_pack.render(doc, progress), done)
