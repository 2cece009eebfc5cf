"""The bodies a file holds: a taskforce, and perhaps its working groups."""


from ..changes import Changes, Kind
from ..frozen import record
from ..records import Manager, choice, require_text, stripped

MARKINGS = {"OFFICIAL": "OFFICIAL", "OFFICIAL-SENSITIVE": "OFFICIAL-SENSITIVE"}


@record
class Body:
    id: str
    name: str
    short_name: str
    parent_department: str
    default_venue: str
    default_marking: str
    parent_body_id: str | None
    secretariat_email: str = ""  # the organiser of its meetings' invitations (s19)


class Bodies(Manager[Body]):
    table = "bodies"
    kind = Kind.BODY
    record_type = Body
    label = "body"

    def _clean(self, values, current):
        cleaned = stripped(values)
        if "name" in cleaned:
            cleaned["name"] = require_text(cleaned["name"], "body's name")
        if "default_marking" in cleaned:
            cleaned["default_marking"] = choice(cleaned["default_marking"], MARKINGS,
                                                "protective marking")
        return cleaned

    def create(self, name: str, short_name: str = "", parent_department: str = "",
               default_venue: str = "", default_marking: str = "OFFICIAL",
               parent_body_id: str | None = None) -> tuple[str, Changes]:
        return self._create(dict(name=name, short_name=short_name,
                                 parent_department=parent_department,
                                 default_venue=default_venue,
                                 default_marking=default_marking,
                                 parent_body_id=parent_body_id))

    def all(self) -> list[Body]:
        rows = self._store.rows(
            "SELECT * FROM bodies ORDER BY parent_body_id IS NOT NULL, name")
        return [self._from_row(r) for r in rows]
