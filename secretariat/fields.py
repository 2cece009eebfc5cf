"""What a stored value may be, checked once, where it comes in.

Every way a value reaches the file goes through ``checked`` (or ``check``):
the managers' writes (``Store`` calls it for every insert and update the
window or the command line makes), an import, each record a travel merge
brings. So a value that would break a document months later (a name with
a line break, two addresses in one e-mail field, text in a number) is
refused at the door, naming the field, and nothing is written.

- Every text: no NUL, no lone surrogate, and not longer than its kind allows.
- A line (names, titles, places, roles: most fields): no line breaks and no
  control characters.
- Text (notes, details, minutes): line breaks and tabs, no other control
  characters.
- An e-mail address: exactly one, as the ``email`` package reads it, stored
  bare.
- A number column: a whole number, in its range (a yes/no field 0 or 1).
- A time: as stored, 15:30. A month: as stored, 2012-12.
- A name: text, with something visible in it, and no marks that reorder the
  text around it.
- Text that must say something (a title, an action, a minute): not empty,
  nor only spaces of any kind (non-breaking ones too), nor only what cannot
  be seen.
- A record as a whole (``check_record``, for what an import brings): a meeting
  ends after it starts, a membership ends after it began, a person has a
  name or a role, kept approved minutes can be read back.
"""

import functools
import re
import unicodedata

from .errors import FieldError, ValidationError, quoted, visible
from .frozen import record

NAME_LONGEST = 200
LINE_LONGEST = 2_000
TEXT_LONGEST = 1_000_000

# Fields that hold text of several lines; every other text field is one line.
MULTILINE = frozenset({
    ("people", "notes"), ("meetings", "notes"), ("papers", "notes"),
    ("papers", "sign_off_conditions"), ("interests", "notes"), ("reviews", "notes"),
    ("suggested_reviewers", "notes"), ("agenda_suggestions", "details"),
    ("agenda_suggestions", "reason"), ("attendance", "note"), ("minutes_reopenings", "reason"),
    ("minutes_entries", "text"), ("meeting_declarations", "text"), ("action_updates", "text"),
    ("minutes_corrections", "text"), ("reports", "notes"), ("recommendations", "text"),
    ("recommendations", "sub_points"), ("recommendations", "response_text"),
    ("recommendation_updates", "text"),
})
# Kept whole, as the program wrote them (the approved minutes, as JSON).
UNCHECKED = frozenset({("approved_minutes", "document"), ("approved_minutes", "publication")})
# Text that must say something (the file's own CHECK (trim(...) <> '') agrees,
# but knows only plain spaces): a title of non-breaking spaces prints as nothing.
REQUIRED = frozenset({
    ("actions", "text"), ("agenda_items", "title"), ("agenda_suggestions", "title"),
    ("bodies", "name"), ("interests", "description"), ("meeting_declarations", "text"),
    ("minutes_corrections", "text"), ("minutes_entries", "text"),
    ("minutes_reopenings", "reason"), ("papers", "title"), ("standing_items", "title"),
    ("suggested_reviewers", "name"), ("tags", "name"), ("reports", "title"),
    ("report_chapters", "title"), ("recommendations", "number"), ("recommendations", "text"),
    ("recommendation_updates", "text"),
})
NAMES = frozenset({("people", "name"), ("bodies", "name"), ("bodies", "short_name"),
                   ("suggested_reviewers", "name"), ("tags", "name")})
EMAILS = frozenset({("people", "email"), ("bodies", "secretariat_email")})
TIMES = frozenset({("meetings", "start_time"), ("meetings", "end_time")})
YES_NO = frozenset({("agenda_items", "restricted"), ("interests", "concerns_mis_msp"),
                    ("people", "namesake_ok")})
# Whole numbers the file holds to by a CHECK of their own (s19), not by s13's triggers.
COUNTS = frozenset({("meetings", "calendar_sequence")})
# Whole numbers with a range: (least, most); a calendar's SEQUENCE is a 32-bit integer.
RANGES = {"position": (0, 100_000), "minutes_allocated": (0, 24 * 60),
          "calendar_sequence": (0, 2**31 - 1)}
# Marks that reorder the text around them (embeddings, overrides, isolates):
# a name holding one can print as something else.
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Characters with no width and no mark (zero-width space, word joiner, soft
# hyphen, byte-order mark): a name holding one looks like another's.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060-\u2064\ufeff]")
_ISO_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
_ISO_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_IN_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # all but \t and \n
_WHAT = {"name": "name", "short_name": "short name", "role_title": "role",
         "email": "e-mail address", "text": "text", "title": "title"}


def what(column: str) -> str:
    """A column in words, for a message: 'role_title' -> 'role'."""
    return _WHAT.get(column, column.replace("_", " "))


def check(table: str, column: str, value):
    """``value`` as it may be stored in ``table.column``; FieldError saying
    what is wrong with it, naming the field, if it may not."""
    try:
        return _checked(table, column, value)
    except ValidationError as error:
        raise FieldError(str(error), column) from None


def _checked(table: str, column: str, value):
    key = (table, column)
    if value is None or key in UNCHECKED:
        return value
    if column in _kinds().numbers.get(table, ()) or key in YES_NO or key in COUNTS:
        if isinstance(value, bool):
            return int(value)
        if not isinstance(value, int):
            raise ValidationError(f"The {what(column)} must be a whole number, not "
                                  f"{visible(repr(value))}.")
        least, most = (0, 1) if key in YES_NO else RANGES.get(column, (-2**63, 2**63 - 1))
        if not least <= value <= most:
            raise ValidationError(f"The {what(column)} must be from {least:,} to {most:,}, "
                                  f"not {value:,}.")
        return value
    if not isinstance(value, str):
        if key in NAMES or key in TIMES:
            raise ValidationError(f"The {what(column)} must be text, not "
                                  f"{visible(repr(value))}.")
        return value  # numbers into text columns are stored as SQLite stores them
    _check_text(column, value)
    if key in REQUIRED and not value.strip():  # str.strip knows every Unicode space
        raise ValidationError(f"The {what(column)} cannot be empty or only spaces.")
    if (key in REQUIRED or key in NAMES) and value.strip() and not any(
            unicodedata.category(c)[0] not in "CZ" for c in value):
        raise ValidationError(f"The {what(column)} holds nothing that can be seen.")
    if key in MULTILINE:
        value = value.replace("\r\n", "\n").replace("\r", "\n")  # one kind of line break
        if _CONTROL_IN_TEXT.search(value):
            raise ValidationError(f"The {what(column)} holds a control character; "
                                  "only line breaks and tabs may be typed there.")
        return value
    if "\n" in value or "\r" in value or "\u2028" in value or "\u2029" in value:
        raise ValidationError(f"The {what(column)} must be one line, without line breaks.")
    if _CONTROL.search(value):
        raise ValidationError(f"The {what(column)} holds a control character, which "
                              "cannot be printed.")
    if key in TIMES and value and not _ISO_TIME.fullmatch(value):
        raise ValidationError(f"The {what(column)} {quoted(value)} is not a time such as "
                              "15:30.")
    if column in _kinds().months.get(table, ()) and not _ISO_MONTH.fullmatch(value):
        raise ValidationError(f"The {what(column)} {quoted(value)} is not a month such as "
                              "2012-12.")
    if key in NAMES and _REORDERING.search(value):
        raise ValidationError(f"The {what(column)} holds a mark that reorders the text "
                              "around it, so it would print as something else.")
    if key in NAMES and (found := _INVISIBLE.search(value)):
        raise ValidationError(f"The {what(column)} holds an invisible character "
                              f"(U+{ord(found.group()):04X}), so it would look like "
                              "another name.")
    longest = NAME_LONGEST if key in NAMES else LINE_LONGEST
    if len(value) > longest:
        raise ValidationError(f"The {what(column)} is {len(value):,} characters long; "
                              f"at most {longest:,} fit there.")
    if key in EMAILS:
        return email_address(value)
    return value


def _check_text(column: str, value: str) -> None:
    if "\x00" in value:
        raise ValidationError(f"The {what(column)} holds a NUL character, which cannot be "
                              "stored.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"The {what(column)} holds a character that is not valid "
                              "text (a lone surrogate).") from None
    if len(value) > TEXT_LONGEST:
        raise ValidationError(f"The {what(column)} is {len(value):,} characters long; "
                              f"at most {TEXT_LONGEST:,} fit there.")


@record
class _Kinds:
    """The columns of each table the file itself holds to a kind of value."""

    numbers: dict[str, tuple[str, ...]]
    dates: dict[str, tuple[str, ...]]
    months: dict[str, tuple[str, ...]]


@functools.cache
def _kinds() -> _Kinds:
    from .storage.schema import s13_kinds_of_value as older, s18_recommendations as newer

    return _Kinds({**older.NUMBERS, **newer.NUMBERS}, {**older.DATES, **newer.DATES},
                  newer.MONTHS)


def email_address(value: str) -> str:
    """One e-mail address, bare ('ed@example.org'); empty stays empty."""
    # Imported here: the e-mail modules are slow to load, and opening a file needs none.
    from email.errors import HeaderParseError
    from email.headerregistry import Address
    from email.utils import getaddresses

    value = value.strip()
    if not value:
        return ""
    if sum("@" in part for part in re.split("[,;]", value)) > 1:  # two, as a list is written
        raise ValidationError(f"{quoted(value)} holds more than one e-mail address; give one.")
    found = getaddresses([value])
    address = None
    if len(found) == 1 and "," not in value and ";" not in value:
        try:
            address = Address(addr_spec=found[0][1])
        except (ValueError, HeaderParseError, IndexError):
            pass
    if address is None or not address.username or "." not in address.domain:
        raise ValidationError(f"{quoted(value)} is not an e-mail address such as "
                              "ed.mayo@example.org.")
    return address.addr_spec


def checked(table: str, values: dict) -> dict:
    """Every value of a row being written, as it may be stored."""
    return {column: check(table, column, value) for column, value in values.items()}


def check_record(table: str, row: dict) -> None:
    """The rules between the fields of one whole record (see the module's notes)."""
    if table == "meetings" and row.get("start_time") and row.get("end_time") \
            and row["end_time"] <= row["start_time"]:
        raise FieldError("The meeting must end after it starts.", "end_time")
    if table == "memberships" and row.get("joined_on") and row.get("left_on") \
            and row["left_on"] < row["joined_on"]:
        raise FieldError("Someone cannot leave a body before they joined it.", "left_on")
    if table == "people" and not str(row.get("name") or "").strip() \
            and not str(row.get("role_title") or "").strip():
        raise FieldError("A person needs a name, or a role for an official known by it.",
                         "name")
    if table == "approved_minutes":
        from .meeting.minutes_content import readable

        for column in ("document", "publication"):
            if not readable(row.get(column)):
                raise FieldError("The approved minutes kept here cannot be read back as "
                                 "minutes.", column)


def problems(store) -> list[str]:
    """Values already in a file that would be refused today (from older versions,
    or written by another program), for ``check``."""
    from .record_tables import record_tables
    from .storage.connect import identifier as q

    tests = {}
    kinds = _kinds()
    for table, columns in kinds.numbers.items():
        for c in columns:
            tests[table, c] = (f"typeof({q(c)}) NOT IN ('integer', 'null')", "a whole number")
    for table, columns in kinds.dates.items():
        for c in columns:
            tests[table, c] = (f"{q(c)} IS NOT NULL AND {q(c)} IS NOT date({q(c)}, '+0 days')",
                               "a date")
    for table, columns in kinds.months.items():
        for c in columns:
            tests[table, c] = (f"{q(c)} IS NOT NULL AND {q(c)} IS NOT "
                               f"strftime('%Y-%m', {q(c)} || '-01')", "a month")
    for record_table in record_tables(store.conn):
        for c in record_table.column_names:
            key = (record_table.name, c)
            if key not in tests and key not in MULTILINE and key not in UNCHECKED:
                tests[key] = (f"instr({q(c)}, char(10)) OR instr({q(c)}, char(13))", "one line")
    found = []
    for (table, column), (wrong, should) in tests.items():
        count = store.scalar(f"SELECT count(*) FROM {q(table)} WHERE {wrong}")
        if count:
            found.append(f"values: {count} {table}.{column} should be {should} and "
                         f"{'is' if count == 1 else 'are'} not")
    return found


@functools.lru_cache(maxsize=8192)  # a file's names, compared again at each new person
def same_name(name: str) -> str:
    """A name as two spellings of one person compare: case, accents, spacing and
    characters that cannot be seen aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)
                            and unicodedata.category(c) != "Cf").split())
