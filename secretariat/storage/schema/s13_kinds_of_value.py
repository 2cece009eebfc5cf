"""Numbers are numbers and dates are dates, in the file itself.

SQLite stores whatever it is given: "three" in a position, "soon" in a
date. The program checks each value where it comes in (``fields``); these
triggers make the file refuse such a value from any path at all, so a
document can never meet one. (STRICT tables would need every table
rebuilt; a trigger per table does the same for the columns that matter.)
An older value is left alone until its column is written (``check`` lists
it).
"""

from ...errors import WRONG_KIND
from ..migrations import Migrations

migrations = Migrations("secretariat.kinds_of_value")

NUMBERS = {
    "standing_items": ("position", "minutes_allocated"),
    "interests": ("concerns_mis_msp",),
    "agenda_items": ("position", "minutes_allocated", "restricted"),
    "minutes_entries": ("position",),
    "actions": ("position",),
    "action_owners": ("position",),
}
DATES = {
    "memberships": ("joined_on", "left_on"),
    "meetings": ("date",),
    "papers": ("review_deadline", "signed_off_on"),
    "interests": ("declared_on", "ended_on"),
    "declaration_forms": ("sent_on", "returned_on"),
    "agenda_items": ("offer_dropped_on",),
    "reviews": ("nominated_on",),
    "agenda_suggestions": ("suggested_on",),
    "actions": ("due_date",),
    "action_updates": ("made_on",),
    "minutes_lifecycle": ("circulated_on",),
    "minutes_reopenings": ("reopened_on",),
}


def _wrong(numbers: tuple[str, ...], dates: tuple[str, ...], months: tuple[str, ...]) -> str:
    tests = [f"typeof(NEW.{c}) <> 'integer'" for c in numbers]
    # ('+0 days' makes SQLite carry an impossible day over: 2012-02-30 is not a date)
    tests += [f"(NEW.{c} IS NOT NULL AND NEW.{c} IS NOT date(NEW.{c}, '+0 days'))"
              for c in dates]
    tests += [f"(NEW.{c} IS NOT NULL AND NEW.{c} IS NOT strftime('%Y-%m', NEW.{c} || '-01'))"
              for c in months]  # a month: 2012-12
    return " OR ".join(tests)


def trigger_statements(numbers: dict[str, tuple[str, ...]] = NUMBERS,
                       dates: dict[str, tuple[str, ...]] = DATES,
                       months: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """The triggers holding each table's columns of ``numbers``, ``dates`` and
    ``months`` to their kind (a later area passes its own)."""
    months = months or {}
    statements = []
    for table in sorted(set(numbers) | set(dates) | set(months)):
        kinds = (numbers.get(table, ()), dates.get(table, ()), months.get(table, ()))
        columns = [c for kind in kinds for c in kind]
        for event, on in (("insert", "INSERT"), ("update", f"UPDATE OF {', '.join(columns)}")):
            statements.append(
                f"CREATE TRIGGER kinds_{table}_{event} BEFORE {on} ON {table} "
                f"WHEN {_wrong(*kinds)} BEGIN SELECT RAISE(ABORT, '{WRONG_KIND}'); END")
    return statements


@migrations()
def m001_numbers_and_dates(db):
    db.executescript(";\n".join(trigger_statements()) + ";")
