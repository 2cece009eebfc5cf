"""Meeting > Meeting Invitation… and Meeting > Cancel Meeting…: the chosen
meeting's invitation, or its cancellation, as an e-mail draft carrying the
meeting for the members' calendars (``letters.meeting_invitation``)."""

from PySide6.QtWidgets import QMessageBox

from secretariat.letters import meeting_invitation
from secretariat.values import long_date

from .edits import meetings
from .exports import save_email_draft
from .meeting_commands import chosen_meeting

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def invite(window) -> str | None:
    """Save the invitation draft and note that it was made (from then on a new
    time or place raises the meeting's sequence); the draft's path, or None."""
    chosen = chosen_meeting(window, "to invite to")
    if chosen is None:
        return None
    session, meeting_id = window.session, chosen.meeting_id
    written = save_email_draft(window, session,
                               lambda: meeting_invitation.invitation(session.tf, meeting_id))
    if written:
        meetings.record_invitation(session, meeting_id)
    return written


def cancel(window) -> bool:
    """Cancel the chosen meeting once the official confirms it, then offer the
    draft that tells those invited; whether it was cancelled."""
    chosen = chosen_meeting(window, "to cancel")
    if chosen is None:
        return False
    session, meeting_id = window.session, chosen.meeting_id
    day = long_date(session.tf.meetings.get(meeting_id).date)
    if QMessageBox.question(
            window, "Cancel Meeting",
            f"Cancel the meeting of {day}? It stays in the list, marked cancelled "
            "(Undo stands it again).", YES | NO, NO) != YES:
        return False
    if not meetings.cancel_meeting(session, meeting_id):
        return False
    if QMessageBox.question(
            window, "Cancel Meeting",
            "Make an e-mail draft telling those invited, with the cancellation for their "
            "calendars?", YES | NO, YES) == YES:
        save_email_draft(window, session,
                         lambda: meeting_invitation.cancellation(session.tf, meeting_id))
    return True
