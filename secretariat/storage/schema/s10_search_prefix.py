"""The full-text index again, made for searching large files as one types.

Two changes to the FTS table of s07, so its queries read only what they
return, whatever the size of the file:

- prefix indexes for words begun with 2 to 10 letters: without one, a
  prefix such as ``soci*`` makes FTS5 merge the entries of every word so
  beginning, across the whole file, at each keystroke;
- ``body_id`` indexed (as a token), so a search kept to one body asks the
  index for that body's entries instead of reading each match's row.

The triggers that move entries to another meeting or body now update the
index too (see ``s07_search._moved``), so they are re-created here.
"""

from ..migrations import Migrations

from .s07_search import OPTIMIZE, TOKENIZER, drop_trigger_statements, trigger_statements

migrations = Migrations("secretariat.search_prefix")

PREFIXES = "2 3 4 5 6 7 8 9 10"  # the shortest is search._PREFIX_MIN


@migrations()
def m001_prefixes_and_body(db):
    db.executescript(
        f"""
        {";".join(drop_trigger_statements())};
        DROP TABLE search;
        CREATE VIRTUAL TABLE search USING fts5(
            title, body, kind UNINDEXED, record_id UNINDEXED, meeting_id UNINDEXED, body_id,
            content = 'search_docs', content_rowid = 'doc_id',
            tokenize = '{TOKENIZER}', prefix = '{PREFIXES}'
        );
        {";".join(trigger_statements())};
        INSERT INTO search(search) VALUES ('rebuild');
        {OPTIMIZE};
        """
    )
