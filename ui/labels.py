"""The words an official uses for the file's fields and their values, where the
window shows whole records as the file holds them (a travel merge's records
changed on both sides): "Due", not "due_text"; a person's name, not an id."""

import datetime as dt

from .widgets import field_date_text

# Fields no official needs to see: the file's own bookkeeping.
HIDDEN = frozenset({"id", "created_at", "updated_at"})

FIELDS = {
    "name": "Name", "short_name": "Short name", "parent_department": "Parent department",
    "default_venue": "Default venue", "default_marking": "Default protective marking",
    "parent_body_id": "Part of", "role_title": "Role", "organisation": "Organisation",
    "email": "E-mail", "notes": "Notes", "namesake_ok": "Another person of the same name",
    "body_id": "Body", "person_id": "Person", "role": "Role", "joined_on": "Joined",
    "left_on": "Left", "date": "Date", "start_time": "Starts", "end_time": "Ends",
    "venue": "Venue", "kind": "Kind", "status": "Status", "marking": "Protective marking",
    "title": "Title", "chair_person_id": "In the chair", "agenda_status": "Agenda",
    "meeting_id": "Meeting", "parent_id": "Under", "position": "Place in the order",
    "purpose": "Purpose", "lead_person_id": "Lead", "lead_text": "Lead",
    "minutes_allocated": "Minutes allowed", "standing_kind": "Standing item",
    "carried_from_id": "Carried over from", "restricted": "Restricted",
    "offer_dropped_on": "Offered to drop on", "suggested_by_id": "Suggested by",
    "suggested_on": "Suggested on", "details": "Details", "outcome": "Outcome",
    "placed_item_id": "Placed as", "reason": "Reason", "capacity": "Attending as",
    "deputising_for_id": "Deputising for", "arrived_item_id": "Arrived at",
    "left_item_id": "Left at", "note": "Note", "attendance_id": "Register entry",
    "item_id": "Agenda item", "text": "Text", "due_date": "Due date", "due_text": "Due",
    "action_id": "Action", "group_name": "Owner", "made_on": "Made on",
    "circulated_on": "Circulated on", "approved_at_meeting_id": "Approved at",
    "approval_entry_id": "Approved by", "made_at_meeting_id": "Made at",
    "decision_entry_id": "Decision", "paper_id": "Paper", "owner_person_id": "Owner",
    "owner_text": "Owner", "wave": "Wave", "review_deadline": "Review deadline",
    "document_path": "Document", "signed_off_by_id": "Signed off by",
    "signed_off_on": "Signed off on", "sign_off_conditions": "Sign-off conditions",
    "agenda_item_id": "Agenda item", "role_words": "Role, in their words",
    "nominated_on": "Nominated on", "expertise": "Expertise", "contact": "Contact",
    "description": "Interest", "concerns_mis_msp": "Concerns MIS or MSP",
    "declared_on": "Declared on", "ended_on": "Ended on", "sent_on": "Sent on",
    "returned_on": "Returned on", "interest_id": "Interest", "document": "Document",
    "publication": "Version for publication", "reopened_on": "Reopened on",
}
_YES_NO = frozenset({"restricted", "namesake_ok", "concerns_mis_msp"})
_CODES = frozenset({"kind", "status", "capacity", "standing_kind", "agenda_status", "outcome",
                    "role"})  # short words of the program's own, like "minutes_circulated"


def field_label(name: str) -> str:
    """What an official calls the field; a field added since, in plain words."""
    return FIELDS.get(name) or name.removesuffix("_id").replace("_", " ").capitalize()


def label_text(label: str) -> str:
    """A record's label (``travel.label_of``) as read: a meeting's date as a date."""
    try:
        return field_date_text(dt.date.fromisoformat(label))
    except ValueError:
        return label


def value_text(name: str, value, names: dict[str, str]) -> str:
    """A field's value as an official reads it; ``names`` names the records it refers to."""
    if value is None or value == "":
        return ""
    if name.endswith("_id"):
        return label_text(names[value]) if value in names else "(a record no longer there)"
    if name in _YES_NO:
        return "Yes" if value else "No"
    if name in _CODES:
        return str(value).replace("_", " ").capitalize()
    if name.endswith(("_on", "date", "deadline")):
        try:
            return field_date_text(dt.date.fromisoformat(str(value)))
        except ValueError:
            pass
    return str(value)
