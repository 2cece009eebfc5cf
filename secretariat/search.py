"""Searching the whole file: agenda items, minutes, actions, papers, people,
interests, recommendations and suggested items, ranked by relevance and grouped by kind.

Whatever the official types is turned into a well-formed FTS5 query here
(``fts_query``), so no query syntax error ever reaches them. Matching words
come back marked (``Marked.runs``), never as markup: each view decides how
to show them and escapes the text itself.
"""

import contextlib
import datetime as dt
import re
import sqlite3

from .frozen import record
from .storage import Store
from .storage.connect import sqlite
from .storage.schema.s07_search import BLOCK, TOKENIZER
from .storage.schema.s20_forward_plan import (KIND_CODES, SOURCES, drop_trigger_statements,
                                              rebuild_statements, trigger_statements)
from .storage.search_queue import PENDING
from .values import day_month_year, parse_date

# Each kind's group heading, in the order the groups are shown.
LABELS = {
    "agenda_item": "Agenda items",
    "decision": "Decisions",
    "action": "Actions",
    "point": "Minutes points",
    "paper": "Papers",
    "person": "People",
    "interest": "Interests",
    "recommendation": "Recommendations",
    "suggestion": "Suggested items",
}
_ORDER = {kind: n for n, kind in enumerate(LABELS)}

# Title matches count for more than matches in the rest of the text.
_WEIGHTS = "bm25(hits, 4.0, 1.0)"
_START, _END = "\x02", "\x03"  # marks around matched words, inside SQLite only
_SNIPPET_WORDS = 14
_AUTO_PREFIX_MIN = 3  # as-you-type: the last word is a prefix once this long
# Of a kind's matches, only the newest this many are ranked: each is indexed
# afresh to be ranked (see ``_ranked``), and the best of the newest is what
# an official in a meeting is after.
_CANDIDATES = 200
# And only those among its newest this many entries, unless fewer than a
# screenful match there: a search then reads as much of a large file as of
# a small one, however sparse the matches.
_RECENT = 150_000
_NO_BODY = ("person", "interest")  # kinds that belong to no one body
_PREFIX_MIN = 2  # the shortest prefix the index holds (schema s10): shorter is a word


# -- the query --------------------------------------------------------------

_TOKEN = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)"?(?P<star>\*?)|(?P<word>[^\s"]+)')
_WORD = re.compile(r"\w+")


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _term(text: str, prefix: bool) -> str | None:
    words = [w.replace("_", " ") for w in _WORD.findall(text)]
    if not words:
        return None
    prefix = prefix and len(words[-1]) >= _PREFIX_MIN
    return _phrase(" ".join(words)) + ("*" if prefix else "")


def fts_query(words: str, as_you_type: bool = False) -> str | None:
    """The FTS5 query for what was typed; None when nothing can be searched.

    Words must all match; ``"a phrase"`` matches the words together; a
    trailing ``*`` matches the beginning of words; ``-word`` or ``NOT word``
    leaves out records holding it; ``OR`` between words matches either side.
    Everything else is taken as plain words, so stray quotes and symbols are
    harmless. ``as_you_type`` treats an unfinished last word as a beginning.
    """
    clauses: list[list[str]] = [[]]
    excluded: list[str] = []
    negate_next = False
    last_bare = None  # (clause, index, typed) when the last thing typed is a plain word
    for match in _TOKEN.finditer(words):
        last_bare = None
        raw = match.group("word")
        if raw in ("OR", "AND", "NOT"):
            if raw == "OR" and clauses[-1]:
                clauses.append([])
            negate_next = raw == "NOT"
            continue
        if raw is not None:
            negative = raw.startswith("-") and len(raw) > 1
            term = _term(raw, prefix=raw.endswith("*"))
        else:
            negative = bool(match.group("neg"))
            term = _term(match.group("phrase"), prefix=bool(match.group("star")))
        negative, negate_next = negative or negate_next, False
        if term is None:
            continue
        if negative:
            excluded.append(term)
        else:
            clauses[-1].append(term)
            bare = raw is not None and not raw.endswith("*")
            last_bare = (clauses[-1], len(clauses[-1]) - 1, raw) if bare else None
    if as_you_type and last_bare and not words[-1:].isspace():
        clause, index, raw = last_bare
        if len(_WORD.findall(raw)[-1]) >= _AUTO_PREFIX_MIN:
            clause[index] += "*"
    wanted = [" AND ".join(c) for c in clauses if c]
    if not wanted:
        return None
    query = " OR ".join(f"({w})" for w in wanted)
    if excluded:
        query = f"({query}) NOT ({' OR '.join(excluded)})"
    return query


# -- results ----------------------------------------------------------------


@record
class Marked:
    """Text with its matching words marked: a run of (text, matched) pairs."""

    runs: tuple[tuple[str, bool], ...]

    @classmethod
    def parse(cls, text: str) -> "Marked":
        runs, matched = [], False
        for piece in re.split(f"([{_START}{_END}])", " ".join((text or "").split())):
            if piece in (_START, _END):
                matched = piece == _START
            elif piece:
                runs.append((piece, matched))
        return cls(tuple(runs))

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.runs)

    @property
    def matched(self) -> list[str]:
        return [text for text, matched in self.runs if matched]

    def __bool__(self) -> bool:
        return bool(self.runs)


@record
class Hit:
    kind: str
    record_id: str
    meeting_id: str | None
    body_id: str | None
    text: Marked  # the title, or for minutes the passage that matched
    detail: Marked  # the matching passage of the rest, if the title is the text
    context: str  # where it is: meeting and body, or whose interest
    score: float  # lower is more relevant (bm25)


@record
class Group:
    kind: str
    label: str
    hits: tuple[Hit, ...]


@record
class Results:
    words: str
    groups: tuple[Group, ...] = ()

    @property
    def hits(self) -> list[Hit]:
        return [hit for group in self.groups for hit in group.hits]

    def __bool__(self) -> bool:
        return bool(self.groups)


# -- searching --------------------------------------------------------------


def search(store: Store, words: str, body_id: str | None = None, limit: int = 20,
           as_you_type: bool = False) -> Results:
    """The best ``limit`` hits of each kind for ``words``, best first.

    Ranking is among each kind's newest matches (all of them unless a word
    is common; see ``_CANDIDATES`` and ``_RECENT``). With ``body_id``,
    records of other bodies are left out (people and their interests belong
    to no one body and always count).
    """
    query = fts_query(words, as_you_type)
    if query is None:
        return Results(words)
    best = _ranked(_newest(store, query, body_id, limit), query, limit)
    if not best:
        return Results(words)
    contexts = _contexts(store, best)
    by_kind: dict[str, list[Hit]] = {}
    for row in best:
        title, passage = Marked.parse(row["marked_title"]), Marked.parse(row["passage"])
        by_kind.setdefault(row["kind"], []).append(Hit(
            row["kind"], row["record_id"], row["meeting_id"], row["body_id"],
            title or passage, passage if title else Marked(()),
            contexts.get(row["record_id"], ""), row["score"]))
    groups = tuple(
        Group(kind, LABELS.get(kind, kind), tuple(sorted(hits, key=lambda h: h.score)))
        for kind, hits in sorted(by_kind.items(), key=lambda kv: _ORDER.get(kv[0], 99)))
    return Results(words, groups)


def _newest(store: Store, query: str, body_id: str | None, limit: int) -> list[dict]:
    """Each kind's newest matches (their ``search_docs`` rows), read by rowid from
    the end of its block: among its ``_RECENT`` latest entries, or all of
    them if fewer than ``limit`` match there."""
    words = f"{{title body}} : ({query})"  # not the body_id column
    in_body = f"{words} AND body_id : {_phrase(body_id)}" if body_id else words
    found = []
    for kind in LABELS:
        first = KIND_CODES[kind] * BLOCK  # the kind's block of rowids
        end = first + BLOCK
        latest = f"(SELECT max(doc_id) FROM search_docs WHERE doc_id < {end}) - {_RECENT}"
        for since in (f"max({first}, {latest})", first):
            docs = store.rows(
                f"""SELECT rowid FROM search WHERE search MATCH ? AND rowid >= {since}
                    AND rowid < {end} ORDER BY rowid DESC LIMIT {_CANDIDATES}""",
                (words if kind in _NO_BODY else in_body,))
            if len(docs) >= limit:
                break
        found += docs
    if not found:
        return []
    listed = ",".join(str(doc["rowid"]) for doc in found)
    return store.rows(f"SELECT doc_id, title, body, kind, record_id, meeting_id, body_id "
                      f"FROM search_docs WHERE doc_id IN ({listed})")


def _ranked(docs: list[dict], query: str, limit: int) -> list[dict]:
    """The best ``limit`` of each kind of ``docs``, scored and marked.

    bm25 in the file's index would first count every match of each word in
    the whole file (for its weight), a cost growing with the file. So the
    newest matches are indexed afresh in a small index in memory, ranked
    there against each other, and the best marked there. (Not in the file
    connection's temporary schema: writing there counts as a change, and a
    changed file is backed up whole when closed.)
    """
    if not docs:
        return []
    with contextlib.closing(sqlite(":memory:")) as scratch:
        scratch.execute(f"CREATE VIRTUAL TABLE hits USING fts5(title, body, "
                        f"tokenize = '{TOKENIZER}')")
        scratch.executemany("INSERT INTO hits(rowid, title, body) VALUES (?, ?, ?)",
                            ((d["doc_id"], d["title"], d["body"]) for d in docs))
        best = scratch.execute(
            f"""WITH scored AS MATERIALIZED (
                    SELECT rowid AS doc, {_WEIGHTS} AS score FROM hits WHERE hits MATCH ?)
                SELECT doc, score FROM (
                    SELECT doc, score, row_number() OVER (
                        PARTITION BY doc / {BLOCK} ORDER BY score) AS place FROM scored)
                WHERE place <= ?""", (query, limit)).fetchall()
        # +rowid: one pass over the matches, not the query run again per hit.
        marked = scratch.execute(
            f"""SELECT rowid, highlight(hits, 0, '{_START}', '{_END}'),
                       snippet(hits, 1, '{_START}', '{_END}', '…', {_SNIPPET_WORDS})
                FROM hits WHERE hits MATCH ?
                AND +rowid IN ({",".join(str(doc) for doc, _ in best)})""", (query,))
        marks = {doc: (title, passage) for doc, title, passage in marked}
    by_doc = {d["doc_id"]: d for d in docs}
    return [{**by_doc[doc], "score": score, "marked_title": marks[doc][0],
             "passage": marks[doc][1]} for doc, score in best]


def _contexts(store: Store, rows: list[dict]) -> dict[str, str]:
    """Where each hit is, in words: '26 May 2011, MTF'; whose interest it is;
    which recommendation of which report; who suggested an item, and when."""
    found = {}
    meetings = {r["meeting_id"] for r in rows if r["meeting_id"]}
    bodies = {r["body_id"] for r in rows if r["body_id"]}
    interests = [r["record_id"] for r in rows if r["kind"] == "interest"]
    recommendations = [r["record_id"] for r in rows if r["kind"] == "recommendation"]
    suggestions = [r["record_id"] for r in rows if r["kind"] == "suggestion"]
    names = {b["id"]: b["short_name"] or b["name"] for b in _by_ids(
        store, "SELECT id, short_name, name FROM bodies", bodies)}
    dates = {m["id"]: day_month_year(dt.date.fromisoformat(m["date"])) for m in _by_ids(
        store, "SELECT id, date FROM meetings", meetings)}
    for row in rows:
        parts = [dates.get(row["meeting_id"]), names.get(row["body_id"])]
        found[row["record_id"]] = ", ".join(p for p in parts if p)
    for interest in _by_ids(store, "SELECT i.id, p.name, p.role_title FROM interests i "
                                   "JOIN people p ON p.id = i.person_id", interests, "i.id"):
        found[interest["id"]] = interest["name"] or interest["role_title"]
    for made in _by_ids(store, "SELECT r.id, r.number, p.title FROM recommendations r "
                               "JOIN reports p ON p.id = r.report_id", recommendations, "r.id"):
        found[made["id"]] = f"Recommendation {made['number']}, {made['title']}"
    for suggested in _by_ids(
            store, "SELECT s.id, s.suggested_on, s.body_id, coalesce(nullif(p.name, ''), "
                   "p.role_title) AS by_name FROM agenda_suggestions s "
                   "LEFT JOIN people p ON p.id = s.suggested_by_id", suggestions, "s.id"):
        parts = [suggested["by_name"], day_month_year(parse_date(suggested["suggested_on"])),
                 names.get(suggested["body_id"])]
        found[suggested["id"]] = ", ".join(p for p in parts if p)
    return found


def _by_ids(store: Store, select: str, ids, column: str = "id") -> list[dict]:
    ids = list(ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return store.rows(f"{select} WHERE {column} IN ({marks})", ids)


# -- upkeep ---------------------------------------------------------------


def problems(store: Store) -> list[str]:
    """What is wrong with the index; an empty list when it matches the records."""
    # Both counts in one statement: one snapshot, though another program writes.
    counts = " + ".join(f"(SELECT count(*) FROM {s.table})" for s in SOURCES)
    expected, indexed = store.conn.execute(
        f"SELECT {counts}, (SELECT count(*) FROM search_docs)").fetchone()
    if indexed != expected:
        return [f"search index: {indexed} entries for {expected} records "
                "(repair with check --repair)"]
    if store.scalar(PENDING):  # written by something other than this program
        return ["search index: changes not yet indexed (repair with check --repair)"]
    # FTS5's own check is asked for as a write, though it writes nothing.
    started = not store.conn.in_transaction
    try:
        store.conn.execute("INSERT INTO search(search, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as error:
        if "readonly" in str(error):  # a reader of a file it cannot write: not asked
            return []
        return ["search index: it does not match the records (repair with check --repair)"]
    finally:
        if started and store.conn.in_transaction:
            store.conn.rollback()
    return []


def rebuild(store: Store) -> int:
    """Build the index afresh from the records; returns how many it holds."""
    with store.transaction() as db:
        _fill(db)
    return store.scalar("SELECT count(*) FROM search_docs")


def _fill(db) -> None:
    for statement in rebuild_statements():
        db.execute(statement)


@contextlib.contextmanager
def bulk_load(store: Store):
    """One transaction for writing many records, indexed once at the end.

    The index triggers cost more per row than the writes themselves, so
    they are dropped for the load, then put back and the index rebuilt, all
    in the same write.
    """
    with store.transaction() as db:
        for statement in drop_trigger_statements():
            db.execute(statement)
        yield db
        for statement in trigger_statements():
            db.execute(statement)
        _fill(db)
