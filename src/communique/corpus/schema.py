"""The corpus database schema: tables, indexes, full-text search and migrations.

The schema is plain SQLite so the file opens with the standard library's ``sqlite3``, the
``sqlite3`` shell, Datasette or DuckDB. Each migration is a list of SQL statements that
takes the database from one version to the next; :func:`migrate` applies the missing ones in
one transaction and records each in ``schema_version``, so a file made by an older
communique is upgraded in place when it is opened.

Version 1 held articles, actors, quotes and agreements; version 2 added cross-article
entities (``entities``, ``entity_names``, ``actors.entity_id``, ``quotes.entity_id``,
``agreement_parties.entity_id``) and full-text search over quote text (``quotes_fts``).

``quotes_fts`` is an external-content FTS5 index of ``quotes.text``. A trigger removes the
entries of deleted quotes; :class:`~communique.corpus.Corpus` adds the entries of new ones
itself, once per transaction in rowid order, because FTS5 flushes its buffer whenever a
rowid arrives out of order, and quote ids are hashes (a per-row trigger made storing twice
as slow). Code inserting quotes with its own SQL must insert into ``quotes_fts`` too.
"""

from __future__ import annotations

import sqlite3

V1: tuple[str, ...] = (
    """CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        title TEXT,
        source TEXT,
        url TEXT,
        published TEXT,
        language TEXT NOT NULL,
        metadata TEXT NOT NULL,
        n_actors INTEGER NOT NULL,
        n_quotes INTEGER NOT NULL,
        n_agreements INTEGER NOT NULL,
        n_problems INTEGER NOT NULL,
        record TEXT NOT NULL
    )""",
    "CREATE INDEX articles_published ON articles (published)",
    """CREATE TABLE actors (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        actor_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        kb_id TEXT,
        country_source TEXT,
        titles TEXT,
        aliases TEXT,
        affiliation_id TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, actor_id)
    )""",
    """CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        quote_id TEXT NOT NULL,
        published TEXT,
        kind TEXT NOT NULL,
        speaker_id TEXT,
        speaker_mention TEXT,
        cue TEXT,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        negated INTEGER NOT NULL,
        confidence REAL NOT NULL,
        UNIQUE (article_id, quote_id),
        FOREIGN KEY (article_id, speaker_id) REFERENCES actors (article_id, actor_id)
    )""",
    "CREATE INDEX quotes_published ON quotes (published)",
    """CREATE TABLE agreements (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        agreement_id TEXT NOT NULL,
        published TEXT,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        date TEXT,
        date_granularity TEXT,
        location TEXT,
        confidence REAL NOT NULL,
        UNIQUE (article_id, agreement_id)
    )""",
    "CREATE INDEX agreements_published ON agreements (published)",
    """CREATE TABLE agreement_parties (
        agreement INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        article_id TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        role TEXT NOT NULL,
        PRIMARY KEY (agreement, position),
        FOREIGN KEY (article_id, actor_id) REFERENCES actors (article_id, actor_id)
    )""",
)
"""The first schema: one row per article, actor, quote, agreement and party."""

V2: tuple[str, ...] = (
    """CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        kb_id TEXT,
        articles INTEGER NOT NULL DEFAULT 0,
        quotes INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX entities_key ON entities (key)",
    "CREATE INDEX entities_quoted ON entities (quotes DESC, articles DESC)",
    """CREATE TABLE entity_names (
        entity_id INTEGER NOT NULL REFERENCES entities (id),
        name TEXT NOT NULL,
        folded TEXT NOT NULL,
        PRIMARY KEY (entity_id, name)
    )""",
    "CREATE INDEX entity_names_folded ON entity_names (folded, entity_id)",
    "ALTER TABLE actors ADD COLUMN entity_id INTEGER REFERENCES entities (id)",
    "ALTER TABLE quotes ADD COLUMN entity_id INTEGER REFERENCES entities (id)",
    "ALTER TABLE agreement_parties ADD COLUMN entity_id INTEGER REFERENCES entities (id)",
    "CREATE INDEX actors_entity ON actors (entity_id, article_id)",
    "CREATE INDEX quotes_entity ON quotes (entity_id, published)",
    "CREATE INDEX agreement_parties_entity ON agreement_parties (entity_id, agreement)",
    "CREATE INDEX agreements_status ON agreements (status, kind)",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5 (
        text, content='quotes', content_rowid='id'
    )""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')",
)
"""Cross-article entities and full-text search over quote text."""

V3: tuple[str, ...] = (
    "CREATE INDEX quotes_order ON quotes (published, article_id, start)",
    "CREATE VIRTUAL TABLE quotes_vocab USING fts5vocab (quotes_fts, 'row')",
)
"""Quotes in the order queries return them, and how many quotes hold each word, so that a
search for a common word walks the quotes in order and stops early."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (V1, V2, V3)
"""``MIGRATIONS[n]`` takes the database from version ``n`` to ``n + 1``."""

VERSION = len(MIGRATIONS)
"""The schema version this communique writes."""


def version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database; 0 for an empty file."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if found is None:
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to :data:`VERSION` in one transaction; return the version before.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that the schema
    changes, which ``sqlite3`` would otherwise commit one by one, share one transaction.

    Raises:
        RuntimeError: the file was written by a newer communique (a newer schema).
    """
    before = version(conn)
    if before > VERSION:
        raise RuntimeError(
            f"the corpus has schema version {before}; this communique reads up to {VERSION}"
        )
    if before == VERSION:
        return before
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_version ("
            "version INTEGER PRIMARY KEY, description TEXT NOT NULL)"
        )
        for number in range(before, VERSION):
            for statement in MIGRATIONS[number]:
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, description) VALUES (?, ?)",
                (number + 1, _DESCRIPTIONS[number]),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return before


_DESCRIPTIONS = (
    "articles, actors, quotes, agreements, agreement_parties",
    "entities, entity_names, entity ids, quotes_fts",
    "quotes_order index, quotes_vocab",
)

__all__ = ["MIGRATIONS", "V1", "V2", "V3", "VERSION", "migrate", "version"]
