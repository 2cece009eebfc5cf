"""A body's reports, their recommendations, and what became of each.

A report (its title, when it was published: a day or a month) has chapters;
a recommendation has its number and place in the report, its text and
sub-points (a line each), the organisations or people it is addressed to,
a deadline (a day, or a month such as December 2012: kept as the month),
the Government's response, an owner, a RAG status and when it was done.
Its progress is a list of dated updates, and it may be linked to the
actions, papers and meetings (or agenda items) that touch it.

A month is stored as 2012-12; a day as 2011-05-26. The file holds each to
its kind, as s13 does for the older tables, and indexes recommendations for
search (their updates and addressees with them) in their own block of the
index, as s07 and s11 do for the other kinds.
"""

from ..migrations import Migrations
from . import s13_kinds_of_value
from .s07_search import BLOCK, KIND_CODES as EARLIER_CODES, Source, child_triggers, source_triggers
from .s07_search import SOURCES as EARLIER_SOURCES
from .s11_search_queue import reindex_docs, unindex_docs
from .s11_search_queue import drop_trigger_statements as earlier_drops
from .s11_search_queue import rebuild_statements as rebuild_from
from .s11_search_queue import trigger_statements as earlier_triggers

migrations = Migrations("secretariat.recommendations")

NUMBERS: dict[str, tuple[str, ...]] = {
    "report_chapters": ("position",),
    "recommendations": ("position",),
    "recommendation_addressees": ("position",),
}
DATES: dict[str, tuple[str, ...]] = {
    "reports": ("published_on",),
    "recommendations": ("deadline_on", "response_on", "completed_on"),
    "recommendation_updates": ("made_on",),
}
MONTHS: dict[str, tuple[str, ...]] = {
    "reports": ("published_month",),
    "recommendations": ("deadline_month",),
}
RAG = "('', 'red', 'amber', 'green')"

KIND_CODES = {**EARLIER_CODES, "recommendation": 8}


class _OwnBlock(Source):
    """A kind added after s07: its block is named by its code, not looked up."""

    def block(self) -> str:
        return f"({KIND_CODES['recommendation']} * {BLOCK})"


def _joined(*expressions: str) -> str:
    return " || ' ' || ".join(f"coalesce({e}, '')" for e in expressions)


RECOMMENDATIONS = _OwnBlock(
    "recommendations", "'recommendation'", "r.text",
    _joined("r.sub_points", "r.response_text", "r.owner_text",
            "(SELECT group_concat(a.organisation, ' ') FROM recommendation_addressees a"
            " WHERE a.recommendation_id = r.id)",
            "(SELECT group_concat(u.text, ' ') FROM recommendation_updates u"
            " WHERE u.recommendation_id = r.id)"),
    "NULL", "(SELECT body_id FROM reports WHERE id = r.report_id)",
    ("text", "sub_points", "response_text", "owner_text", "report_id"))
SOURCES = (*EARLIER_SOURCES, RECOMMENDATIONS)

# Where a recommendation opens follows its report's body.
_MOVES = [
    "CREATE TRIGGER search_reports_body AFTER UPDATE OF body_id ON reports BEGIN\n"
    "UPDATE search_docs SET body_id = new.body_id WHERE record_id IN "
    "(SELECT id FROM recommendations WHERE report_id = new.id);\nEND",
]


def _own_triggers() -> list[str]:
    return (source_triggers(RECOMMENDATIONS, reindex_docs, unindex_docs)
            + child_triggers(RECOMMENDATIONS, "recommendation_updates", "recommendation_id",
                             reindex_docs)
            + child_triggers(RECOMMENDATIONS, "recommendation_addressees",
                             "recommendation_id", reindex_docs)
            + _MOVES)


def trigger_statements() -> list[str]:
    """Every trigger keeping ``search_docs`` current, from here on."""
    return earlier_triggers() + _own_triggers()


def drop_trigger_statements() -> list[str]:
    return earlier_drops() + [f"DROP TRIGGER IF EXISTS {t.split()[2]}" for t in _own_triggers()]


def rebuild_statements() -> list[str]:
    """Fill the index afresh from the records of every kind (``check --repair``)."""
    return rebuild_from(SOURCES)


@migrations()
def m001_reports_and_recommendations(db):
    db.executescript(
        f"""
        CREATE TABLE reports (
            id TEXT PRIMARY KEY,
            body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            published_on TEXT,
            published_month TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (published_on IS NULL OR published_month IS NULL)
        );
        CREATE INDEX reports_body ON reports(body_id);

        CREATE TABLE report_chapters (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            title TEXT NOT NULL CHECK (trim(title) <> ''),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX report_chapters_report ON report_chapters(report_id, position);

        -- The owner is a person (a member, an official) or named in words.
        CREATE TABLE recommendations (
            id TEXT PRIMARY KEY,
            report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
            chapter_id TEXT REFERENCES report_chapters(id) ON DELETE SET NULL,
            position INTEGER NOT NULL,
            number TEXT NOT NULL CHECK (trim(number) <> ''),
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            sub_points TEXT NOT NULL DEFAULT '',
            deadline_on TEXT,
            deadline_month TEXT,
            response TEXT NOT NULL DEFAULT 'awaiting'
                CHECK (response IN ('awaiting', 'accepted', 'accepted_in_part',
                                    'not_accepted')),
            response_on TEXT,
            response_text TEXT NOT NULL DEFAULT '',
            owner_person_id TEXT REFERENCES people(id),
            owner_text TEXT NOT NULL DEFAULT '',
            rag TEXT NOT NULL DEFAULT '' CHECK (rag IN {RAG}),
            completed_on TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK (deadline_on IS NULL OR deadline_month IS NULL)
        );
        CREATE INDEX recommendations_report ON recommendations(report_id, position);
        CREATE INDEX recommendations_chapter ON recommendations(chapter_id);
        CREATE INDEX recommendations_owner ON recommendations(owner_person_id);

        -- Addressed to a person of the body or an organisation in words, each once.
        CREATE TABLE recommendation_addressees (
            id TEXT PRIMARY KEY,
            recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            person_id TEXT REFERENCES people(id),
            organisation TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((person_id IS NULL) <> (trim(organisation) = ''))
        );
        CREATE INDEX recommendation_addressees_recommendation
            ON recommendation_addressees(recommendation_id, position);
        CREATE INDEX recommendation_addressees_person ON recommendation_addressees(person_id);
        CREATE UNIQUE INDEX recommendation_addressees_person_once
            ON recommendation_addressees(recommendation_id, person_id)
            WHERE person_id IS NOT NULL;
        CREATE UNIQUE INDEX recommendation_addressees_organisation_once
            ON recommendation_addressees(recommendation_id, lower(trim(organisation)))
            WHERE person_id IS NULL;

        -- Progress, dated; with the RAG status it gave, and the meeting where
        -- it was reported (none when it came between meetings).
        CREATE TABLE recommendation_updates (
            id TEXT PRIMARY KEY,
            recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
            made_on TEXT NOT NULL,
            text TEXT NOT NULL CHECK (trim(text) <> ''),
            rag TEXT NOT NULL DEFAULT '' CHECK (rag IN {RAG}),
            meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX recommendation_updates_recommendation
            ON recommendation_updates(recommendation_id, made_on);
        CREATE INDEX recommendation_updates_meeting ON recommendation_updates(meeting_id);

        -- What touches a recommendation: an action, a paper, or a meeting
        -- (perhaps one agenda item of it).
        CREATE TABLE recommendation_links (
            id TEXT PRIMARY KEY,
            recommendation_id TEXT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
            action_id TEXT REFERENCES actions(id) ON DELETE CASCADE,
            paper_id TEXT REFERENCES papers(id) ON DELETE CASCADE,
            meeting_id TEXT REFERENCES meetings(id) ON DELETE CASCADE,
            agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((action_id IS NOT NULL) + (paper_id IS NOT NULL)
                   + (meeting_id IS NOT NULL) = 1),
            CHECK (agenda_item_id IS NULL OR meeting_id IS NOT NULL)
        );
        CREATE INDEX recommendation_links_recommendation
            ON recommendation_links(recommendation_id);
        CREATE INDEX recommendation_links_action ON recommendation_links(action_id);
        CREATE INDEX recommendation_links_paper ON recommendation_links(paper_id);
        CREATE INDEX recommendation_links_meeting ON recommendation_links(meeting_id);
        CREATE INDEX recommendation_links_item ON recommendation_links(agenda_item_id);
        {";".join(s13_kinds_of_value.trigger_statements(NUMBERS, DATES, MONTHS))};
        {";".join(_own_triggers())};
        """
    )
