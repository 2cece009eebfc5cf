"""Meeting > Meeting Invitation…, Cancel Meeting… and Reinstate Meeting…: the
chosen meeting's invitation, or its cancellation, as an e-mail draft carrying
the meeting for the members' calendars (``letters.meeting_invitation``)."""

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
    return None if chosen is None else _invitation(window, chosen.meeting_id)


def _invitation(window, meeting_id: str) -> str | None:
    session = window.session
    written = save_email_draft(window, session,
                               lambda: meeting_invitation.invitation(session.tf, meeting_id))
    if written:
        meetings.record_invitation(session, meeting_id)
    return written


def _confirmed(window, title: str, meeting_id: str, question: str, edit, offer: str,
               draft) -> bool:
    """Ask ``question`` (No by default), make the ``edit``, then offer the
    e-mail draft (Yes by default) that tells those invited; whether it was made."""
    session = window.session
    if QMessageBox.question(window, title, question, YES | NO, NO) != YES:
        return False
    if not edit(session, meeting_id):
        return False
    if QMessageBox.question(window, title, offer, YES | NO, YES) == YES:
        draft()
    return True


def cancel(window) -> bool:
    """Cancel the chosen meeting once the official confirms it, then offer the
    draft that tells those invited; whether it was cancelled."""
    chosen = chosen_meeting(window, "to cancel")
    if chosen is None:
        return False
    session, meeting_id = window.session, chosen.meeting_id
    day = long_date(session.tf.meetings.get(meeting_id).date)
    return _confirmed(
        window, "Cancel Meeting", meeting_id,
        f"Cancel the meeting of {day}? It stays in the list, marked cancelled "
        "(Undo stands it again).", meetings.cancel_meeting,
        "Make an e-mail draft telling those invited, with the cancellation for their "
        "calendars?",
        lambda: save_email_draft(window, session,
                                 lambda: meeting_invitation.cancellation(session.tf, meeting_id)))


def reinstate(window) -> bool:
    """Hold the chosen cancelled meeting after all, once the official confirms
    it, then offer the invitation that puts it back in the calendars."""
    chosen = chosen_meeting(window, "to reinstate")
    if chosen is None:
        return False
    meeting_id = chosen.meeting_id  # cancelled: the command is offered for no other
    day = long_date(window.session.tf.meetings.get(meeting_id).date)
    return _confirmed(
        window, "Reinstate Meeting", meeting_id,
        f"Hold the meeting of {day} after all? It is planned again (Undo cancels it again).",
        meetings.reinstate_meeting,
        "Make an e-mail draft inviting them again, which puts the meeting back in their "
        "calendars?", lambda: _invitation(window, meeting_id))
