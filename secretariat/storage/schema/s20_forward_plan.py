"""The forward plan: a suggested agenda item kept with the meeting where it
was raised and aimed at a coming meeting or month, and found by the search.

- ``raised_at_id``: the meeting where it was raised. A suggestion recorded
  before this step takes the body's meeting held on the day it was made,
  where there is one (the minutes of that day are where it was asked for).
- ``aimed_at_id``: the coming meeting it is meant for; or, while no meeting
  is arranged, ``aimed_month``: the first day of the month it is meant for
  ("perhaps next month"). The file refuses any other day there.
- Suggestions are indexed as their own kind (their title; details and
  reasons as the rest), in a block of rowids after those of s07.

As in s07 and s11, what is indexed is frozen with this step: the functions
here build its statements, and the live code (``search``) uses them as they
are.
"""

from ...errors import WRONG_KIND
from ..migrations import Migrations
from . import s07_search, s11_search_queue
from .s07_search import Source

migrations = Migrations("secretariat.forward_plan")

KIND_CODES = {**s07_search.KIND_CODES, "suggestion": 8}
SUGGESTIONS = Source("agenda_suggestions", "'suggestion'", "r.title",
                     s07_search._joined("r.details", "r.reason"), "NULL", "r.body_id",
                     ("title", "details", "reason", "body_id"), KIND_CODES["suggestion"])
SOURCES = (*s07_search.SOURCES, SUGGESTIONS)


def kind_range(kind: str) -> tuple[int, int]:
    return s07_search.kind_range(kind, KIND_CODES)


def _suggestion_triggers() -> list[str]:
    return s07_search._triggers(SUGGESTIONS, s11_search_queue._reindex,
                                s11_search_queue._unindex)


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements for every trigger that keeps ``search_docs`` current."""
    return s11_search_queue.trigger_statements() + _suggestion_triggers()


def drop_trigger_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {t.split()[2]}" for t in trigger_statements()]


def rebuild_statements() -> list[str]:
    """Fill the index afresh from the records (``check --repair``). Each kind
    numbers the entries of its own block, so the new kind's go in first."""
    first, *rest = s11_search_queue.rebuild_statements()
    return [first, f"INSERT INTO search_docs({s11_search_queue._DOC_COLUMNS}) "
                   f"{SUGGESTIONS.select('1', True)}", *rest]


def _month_check(event: str, on: str) -> str:
    return (f"CREATE TRIGGER kinds_agenda_suggestions_month_{event} BEFORE {on} "
            "ON agenda_suggestions WHEN NEW.aimed_month IS NOT NULL AND "
            "NEW.aimed_month IS NOT date(NEW.aimed_month, 'start of month') "
            f"BEGIN SELECT RAISE(ABORT, '{WRONG_KIND}'); END")


@migrations()
def m001_raised_and_aimed(db):
    db.executescript(f"""
        ALTER TABLE agenda_suggestions
            ADD COLUMN raised_at_id TEXT REFERENCES meetings(id) ON DELETE SET NULL;
        ALTER TABLE agenda_suggestions
            ADD COLUMN aimed_at_id TEXT REFERENCES meetings(id) ON DELETE SET NULL;
        ALTER TABLE agenda_suggestions ADD COLUMN aimed_month TEXT;
        CREATE INDEX agenda_suggestions_raised_at ON agenda_suggestions(raised_at_id);
        CREATE INDEX agenda_suggestions_aimed_at ON agenda_suggestions(aimed_at_id);
        UPDATE agenda_suggestions SET raised_at_id = (
            SELECT m.id FROM meetings m WHERE m.body_id = agenda_suggestions.body_id
            AND m.date = agenda_suggestions.suggested_on ORDER BY m.start_time LIMIT 1);
        {_month_check("insert", "INSERT")};
        {_month_check("update", "UPDATE OF aimed_month")};
    """)


@migrations()
def m002_suggestions_searched(db):
    db.executescript(f"""
        {";".join(_suggestion_triggers())};
        INSERT INTO search_docs({s11_search_queue._DOC_COLUMNS})
            {SUGGESTIONS.select("1", True)};
    """)
