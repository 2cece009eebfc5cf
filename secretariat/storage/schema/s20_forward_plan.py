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
from . import s18_recommendations as s18
from .s07_search import BLOCK, Source, _joined, source_triggers
from .s11_search_queue import _DOC_COLUMNS, reindex_docs, unindex_docs
from .s11_search_queue import rebuild_statements as rebuild_from

migrations = Migrations("secretariat.forward_plan")

KIND_CODES = {**s18.KIND_CODES, "suggestion": 9}


class _OwnBlock(Source):
    """A kind added after s07: its block is named by its code, not looked up."""

    def block(self) -> str:
        return f"({KIND_CODES['suggestion']} * {BLOCK})"


SUGGESTIONS = _OwnBlock("agenda_suggestions", "'suggestion'", "r.title",
                        _joined("r.details", "r.reason"), "NULL", "r.body_id",
                        ("title", "details", "reason", "body_id"))
SOURCES = (*s18.SOURCES, SUGGESTIONS)


def _suggestion_triggers() -> list[str]:
    return source_triggers(SUGGESTIONS, reindex_docs, unindex_docs)


def trigger_statements() -> list[str]:
    """CREATE TRIGGER statements for every trigger that keeps ``search_docs`` current."""
    return s18.trigger_statements() + _suggestion_triggers()


def drop_trigger_statements() -> list[str]:
    return s18.drop_trigger_statements() + [
        f"DROP TRIGGER IF EXISTS {t.split()[2]}" for t in _suggestion_triggers()]


def rebuild_statements() -> list[str]:
    """Fill the index afresh from the records of every kind (``check --repair``)."""
    return rebuild_from(SOURCES)


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
        INSERT INTO search_docs({_DOC_COLUMNS})
            {SUGGESTIONS.select("1", True)};
    """)
