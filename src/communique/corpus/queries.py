"""The corpus questions as SQL: quotes, agreements and entities, with their filters.

Each function takes an open connection and returns plain dicts, so the same rows serve the
Python API, the ``communique query`` command (table, JSON Lines, CSV) and tests. Dates are
ISO 8601 strings compared as text; ``until`` given as a day includes that whole day.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from typing import Any

Row = dict[str, Any]
When = dt.date | dt.datetime | str | None


def _bounds(since: When, until: When, column: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    if since is not None:
        where.append(f"{column} >= ?")
        args.append(_iso(since))
    if until is not None:
        text = _iso(until)
        if len(text) == 10:  # a day: everything up to its end, times included
            where.append(f"substr({column}, 1, 10) <= ?")
        else:
            where.append(f"{column} <= ?")
        args.append(text)
    return where, args


def _iso(value: dt.date | dt.datetime | str) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _named(column: str) -> str:
    """SQL matching ``column`` (an entity id) against a name or alias, case-insensitively."""
    return f"{column} IN (SELECT entity_id FROM entity_names WHERE folded = ?)"


def fts_phrase(contains: str) -> str:
    """An FTS5 query matching quotes holding every word of ``contains``, in any order.

    Each word is quoted, so FTS5 operators and punctuation in user text are taken literally.

    Example:
        >>> fts_phrase('truce "now" OR')
        '"truce" "now" "OR"'
    """
    words = [word.replace('"', "") for word in contains.split()]
    return " ".join(f'"{word}"' for word in words if word)


def quotes(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    contains: str | None = None,
    since: When = None,
    until: When = None,
    kind: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Quotes with their speaker entity, oldest first (then by article and position)."""
    where, args = _bounds(since, until, "q.published")
    if speaker is not None:
        where.append(_named("q.entity_id"))
        args.append(speaker.casefold())
    if kind is not None:
        where.append("q.kind = ?")
        args.append(kind)
    source = "quotes q"
    probe = speaker is not None or (
        limit is not None and contains is not None and _common(conn, contains)
    )
    if contains is not None and probe:  # walk quotes in order, probing each: stops early
        where.append(
            "EXISTS (SELECT 1 FROM quotes_fts f WHERE quotes_fts MATCH ? AND f.rowid = q.id)"
        )
        args.append(fts_phrase(contains) or '""')
    elif contains is not None:  # start from the full-text matches: cost follows their number
        source = "quotes_fts f JOIN quotes q ON q.id = f.rowid"
        where.insert(0, "quotes_fts MATCH ?")
        args.insert(0, fts_phrase(contains) or '""')
    sql = (
        "SELECT q.article_id, q.published, e.name AS speaker, q.entity_id, q.kind, q.text, "
        f"q.cue, q.quote_id FROM {source} LEFT JOIN entities e ON e.id = q.entity_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY q.published, q.article_id, q.start"
        + (" LIMIT ?" if limit is not None else "")
    )
    if limit is not None:
        args.append(limit)
    return [dict(row) for row in conn.execute(sql, args)]


def _common(conn: sqlite3.Connection, contains: str) -> bool:
    """True when ``contains`` is in so many quotes that walking the quotes in date order and
    probing each is cheaper than sorting every match.

    A probe costs about 28 times a sorted row (measured on 100,000 quotes), which puts the
    break-even near one quote in six; the share is read from the word counts of the
    full-text index (``quotes_vocab``), so deciding costs one lookup per word.
    """
    words = re.findall(r"\w+", contains.casefold())
    total = int(conn.execute("SELECT COUNT(*) FROM quotes").fetchone()[0])
    if not words or not total:
        return False
    marks = ",".join("?" * len(words))
    counts = conn.execute(
        f"SELECT term, doc FROM quotes_vocab WHERE term IN ({marks})", words
    ).fetchall()
    if len(counts) < len(set(words)):
        return False  # a word no quote holds: the full-text side is empty, hence cheap
    return min(int(doc) for _, doc in counts) * 6 > total


def agreements(
    conn: sqlite3.Connection,
    *,
    party: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    since: When = None,
    until: When = None,
    limit: int | None = None,
) -> list[Row]:
    """Agreements with their parties (entity names and roles), oldest report first."""
    where, args = _bounds(since, until, "a.published")
    if party is not None:
        where.append(
            "a.id IN (SELECT agreement FROM agreement_parties WHERE " + _named("entity_id") + ")"
        )
        args.append(party.casefold())
    for column, value in (("a.status", status), ("a.kind", kind)):
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    sql = (
        "SELECT a.id, a.article_id, a.published, a.kind, a.status, a.date, a.agreement_id "
        "FROM agreements a"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY a.published, a.article_id, a.agreement_id"
        + (" LIMIT ?" if limit is not None else "")
    )
    if limit is not None:
        args.append(limit)
    rows = [dict(row) for row in conn.execute(sql, args)]
    parties = _parties(conn, [row["id"] for row in rows])
    for row in rows:
        row["parties"] = parties.get(row.pop("id"), [])
    return rows


def _parties(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[Row]]:
    found: dict[int, list[Row]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        sql = (
            "SELECT p.agreement, COALESCE(e.name, ac.name, p.actor_id) AS name, p.role, "
            "p.entity_id FROM agreement_parties p "
            "LEFT JOIN entities e ON e.id = p.entity_id "
            "LEFT JOIN actors ac ON ac.article_id = p.article_id AND ac.actor_id = p.actor_id "
            f"WHERE p.agreement IN ({marks}) ORDER BY p.agreement, p.position"
        )
        for row in conn.execute(sql, chunk):
            found.setdefault(row["agreement"], []).append(
                {"name": row["name"], "role": row["role"], "entity_id": row["entity_id"]}
            )
    return found


def entities(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int | None = None,
) -> list[Row]:
    """Entities with their aliases and how many articles and quotes they appear in,
    most quoted first."""
    where: list[str] = ["e.articles > 0"]
    args: list[Any] = []
    if name is not None:
        where.append(_named("e.id"))
        args.append(name.casefold())
    for column, value in (("e.kind", kind), ("e.country", country)):
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    sql = (
        "SELECT e.id, e.name, e.kind, e.country, e.sector, e.kb_id, e.articles, e.quotes "
        "FROM entities e WHERE " + " AND ".join(where) + " ORDER BY quotes DESC, articles DESC, "
        "e.name, e.id" + (" LIMIT ?" if limit is not None else "")
    )
    if limit is not None:
        args.append(limit)
    rows = [dict(row) for row in conn.execute(sql, args)]
    names: dict[int, list[str]] = {}
    ids = [row["id"] for row in rows]
    if len(ids) > 500:  # many entities: one pass over every name beats lookups in chunks
        chunks: list[list[int]] = [[]]
    else:
        chunks = [ids] if ids else []
    for chunk in chunks:
        clause = f"WHERE entity_id IN ({','.join('?' * len(chunk))}) " if chunk else ""
        found = conn.execute(
            f"SELECT entity_id, name FROM entity_names {clause}ORDER BY entity_id, name", chunk
        )
        for entity_id, name in found:
            names.setdefault(entity_id, []).append(name)
    for row in rows:
        row["aliases"] = [name for name in names.get(row["id"], []) if name != row["name"]]
    return [{**row, "articles": row.pop("articles"), "quotes": row.pop("quotes")} for row in rows]


__all__ = ["agreements", "entities", "fts_phrase", "quotes"]
