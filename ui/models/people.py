"""The people one body has known, with their membership."""

from secretariat.values import abbreviated_date

from .records import Column, RecordTableModel


def _date(value) -> str:
    return abbreviated_date(value) if value else ""


class PeopleModel(RecordTableModel):
    """Rows are ``BodyPerson``s: a person and their membership of the body."""

    columns = (
        Column("Name", lambda bp: bp.person.name),
        Column("Role title", lambda bp: bp.person.role_title),
        Column("Role", lambda bp: bp.role_label),
        Column("Organisation", lambda bp: bp.person.organisation),
        Column("E-mail", lambda bp: bp.person.email),
        Column("Joined", lambda bp: _date(bp.membership.joined_on)),
        Column("Left", lambda bp: _date(bp.membership.left_on)),
    )

    @staticmethod
    def _id(record) -> str:
        return record.person.id
