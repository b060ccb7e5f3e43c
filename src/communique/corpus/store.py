"""``Corpus``: many Articles in one SQLite file, linked across articles, ready to query.

The file is the whole store: no server, opened by the standard library's ``sqlite3``, and
safe against a killed process. Every write is one transaction over whole articles (write-
ahead log, foreign keys on), so a crash loses at most the batch in flight, never leaves
half an article, and a re-run skips what is already stored.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from communique.corpus import queries
from communique.corpus.linking import LinkRule, link_key
from communique.corpus.rows import (
    COLUMNS,
    TABLES,
    EntityIndex,
    Row,
    article_rows,
    entity_counts,
)
from communique.corpus.schema import migrate
from communique.models import Article, document_id

if TYPE_CHECKING:
    from communique.pipeline import InputItem, Pipeline


@dataclass
class IngestReport:
    """What an ingest did: articles stored (new or replaced), skipped as already stored,
    and inputs that failed (unreadable input; not stored)."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0

    @property
    def seen(self) -> int:
        """Every input accounted for."""
        return self.stored + self.skipped + self.failed


_UPSERT_ENTITY = (
    "INSERT INTO entities (id, key, name, kind, country, sector, kb_id) "
    "VALUES (:id, :key, :name, :kind, :country, :sector, :kb_id) "
    "ON CONFLICT (id) DO UPDATE SET country = COALESCE(entities.country, excluded.country), "
    "sector = COALESCE(entities.sector, excluded.sector), "
    "kb_id = COALESCE(entities.kb_id, excluded.kb_id)"
)


def _insert(table: str) -> str:
    columns = COLUMNS[table]
    quoted = ", ".join(f'"{c}"' for c in columns)
    verb = "INSERT OR IGNORE" if table == "entity_names" else "INSERT"
    return f"{verb} INTO {table} ({quoted}) VALUES ({', '.join(':' + c for c in columns)})"


def input_id(item: Any) -> str | None:
    """The id an input will get (its own, else derived from its text); None if unknown.

    Example:
        >>> input_id({"text": "Kerry spoke.", "id": "a1"}), input_id(3)
        ('a1', None)
    """
    if isinstance(item, str):
        return document_id(item)
    record = item.as_record() if hasattr(item, "as_record") else item
    if not isinstance(record, dict):
        return None
    given, text = record.get("id"), record.get("text")
    if isinstance(given, str) and given:
        return given
    return document_id(text) if isinstance(text, str) else None


class Corpus:
    """Articles stored in an SQLite file, with entities linked across them.

    Example:
        >>> import tempfile, pathlib
        >>> from communique import Article
        >>> with Corpus(pathlib.Path(tempfile.mkdtemp()) / "c.db") as corpus:
        ...     corpus.add([Article(text="Kerry spoke.", id="a")]), len(corpus)
        (1, 1)
    """

    def __init__(self, path: str | Path, *, link: LinkRule = link_key) -> None:
        self.path = Path(path)
        self._conn = sqlite3.connect(self.path, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._conn.execute("PRAGMA foreign_keys = ON")
        self._conn.execute("PRAGMA busy_timeout = 10000")
        # 64 MB of page cache (SQLite's default is 2 MB) and sorts in memory: quote ids are
        # hashes, so inserts land all over the B-tree and a bigger cache keeps them cheap.
        self._conn.execute("PRAGMA cache_size = -65536")
        self._conn.execute("PRAGMA temp_store = MEMORY")
        self.link = link
        self._entities: EntityIndex | None = None
        self._seen_version = -1
        try:
            if migrate(self._conn) == 1:
                self._relink()
        except BaseException:
            self._conn.close()
            raise

    # -- context and size ------------------------------------------------------------------

    def close(self) -> None:
        """Close the file (every write is already committed)."""
        self._conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def __contains__(self, article_id: object) -> bool:
        found = self._conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,))
        return found.fetchone() is not None

    def __repr__(self) -> str:
        return f"<Corpus {str(self.path)!r}: {len(self)} articles>"

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for your own SQL (rows are ``sqlite3.Row``)."""
        return self._conn

    # -- writing ---------------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, replace: bool = False) -> int:
        """Store Articles, one transaction per 256; return how many were new.

        An article whose id is stored already is skipped, or replaced when ``replace``.
        """
        new = 0
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= 256:
                new += self._write(batch, replace)[0]
                batch = []
        if batch:
            new += self._write(batch, replace)[0]
        return new

    def ingest(
        self,
        inputs: Iterable[InputItem],
        pipeline: Pipeline | None = None,
        *,
        n_process: int = 1,
        batch_size: int = 32,
        replace: bool = False,
        progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        """Extract and store every input, committing each ``batch_size`` articles at once.

        Inputs whose id is stored already are skipped before extraction (unless
        ``replace``), so re-running a killed ingest only extracts what is missing. Inputs
        that cannot be read are counted as failed and not stored. ``progress`` is called
        with the running report after every input.
        """
        if pipeline is None:
            from communique.pipeline import default_pipeline

            pipeline = default_pipeline()
        report = IngestReport()
        tick = progress or (lambda _report: None)

        def todo() -> Iterator[InputItem]:
            for item in inputs:
                known = None if replace else input_id(item)
                if known is not None and known in self:
                    report.skipped += 1
                    tick(report)
                    continue
                yield item

        batch: list[Article] = []
        extracted = pipeline.extract_many(todo(), batch_size=batch_size, n_process=n_process)
        for article in extracted:
            if any(problem.kind == "input" for problem in article.problems):
                report.failed += 1
            else:
                batch.append(article)
            if len(batch) >= batch_size:
                self._count(self._write(batch, replace), report)
                batch = []
            tick(report)
        if batch:
            self._count(self._write(batch, replace), report)
            tick(report)
        return report

    @staticmethod
    def _count(written: tuple[int, int, int], report: IngestReport) -> None:
        new, replaced, skipped = written
        report.stored += new + replaced
        report.skipped += skipped

    def _write(self, articles: list[Article], replace: bool) -> tuple[int, int, int]:
        """Store a batch in one transaction; return (new, replaced, skipped)."""
        conn = self._conn
        unique: dict[str, Article] = {}
        for article in articles:  # one copy of an id repeated within the batch
            if replace or article.id not in unique:
                unique[article.id] = article
        skipped = len(articles) - len(unique)
        conn.execute("BEGIN IMMEDIATE")
        try:
            entities = self._index()
            new = replaced = 0
            touched: set[int] = set()
            searchable: list[tuple[int, str]] = []
            for article in unique.values():
                if article.id in self:
                    if not replace:
                        skipped += 1
                        continue
                    touched |= self._delete(article.id)
                    replaced += 1
                else:
                    new += 1
                tables = article_rows(article, entities)
                self._insert(tables)
                self._count_entities(entity_counts(tables), +1)
                searchable += ((row["id"], row["text"]) for row in tables["quotes"])
            conn.executemany(
                "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)", sorted(searchable)
            )
            if touched:
                self._tidy_entities(touched)
        except BaseException:
            conn.execute("ROLLBACK")
            self._entities = None  # it may hold entities that were rolled back
            raise
        conn.execute("COMMIT")
        self._seen_version = self._data_version()
        return new, replaced, skipped

    def _insert(self, tables: dict[str, list[Row]]) -> None:
        for table in TABLES:
            rows = tables[table]
            if rows:
                sql = _UPSERT_ENTITY if table == "entities" else _insert(table)
                self._conn.executemany(sql, rows)

    def _count_entities(self, counts: dict[int, tuple[int, int]], sign: int) -> None:
        self._conn.executemany(
            "UPDATE entities SET articles = articles + ?, quotes = quotes + ? WHERE id = ?",
            [
                (sign * n_articles, sign * n_quotes, key)
                for key, (n_articles, n_quotes) in counts.items()
            ],
        )

    def _delete(self, article_id: str) -> set[int]:
        """Remove a stored article and its rows; return the entities it touched."""
        found = self._conn.execute(
            "SELECT entity_id, 1, (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.article_id "
            "AND q.entity_id = a.entity_id) FROM actors a WHERE article_id = ? "
            "AND entity_id IS NOT NULL GROUP BY entity_id",
            (article_id,),
        ).fetchall()
        self._count_entities({row[0]: (row[1], row[2]) for row in found}, -1)
        touched = {row[0] for row in found}
        self._conn.execute(
            "DELETE FROM agreement_parties WHERE agreement IN "
            "(SELECT id FROM agreements WHERE article_id = ?)",
            (article_id,),
        )
        for table in ("agreements", "quotes", "actors"):
            self._conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        return touched

    def _tidy_entities(self, touched: set[int]) -> None:
        """Rebuild the names of entities whose actors changed; drop entities left empty."""
        for entity_id in sorted(touched):
            self._conn.execute("DELETE FROM entity_names WHERE entity_id = ?", (entity_id,))
            found = self._conn.execute(
                "SELECT name, aliases FROM actors WHERE entity_id = ? ORDER BY rowid",
                (entity_id,),
            ).fetchall()
            if not found:
                self._conn.execute("DELETE FROM entities WHERE id = ?", (entity_id,))
                continue
            names = dict.fromkeys(
                n for name, aliases in found for n in (name, *json.loads(aliases))
            )
            self._conn.executemany(
                "INSERT INTO entity_names (entity_id, name, folded) VALUES (?, ?, ?)",
                [(entity_id, name, name.casefold()) for name in names],
            )
        self._entities = None

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def _index(self) -> EntityIndex:
        """The entity index, reloaded when another connection has written since."""
        if self._entities is None or self._data_version() != self._seen_version:
            index = EntityIndex(self.link)
            rows = self._conn.execute("SELECT id, key, country FROM entities ORDER BY rowid")
            index.load((row[0], row[1], row[2]) for row in rows)
            names = self._conn.execute(
                "SELECT n.entity_id, e.kind, n.name FROM entity_names n "
                "JOIN entities e ON e.id = n.entity_id"
            )
            index.load_names((row[0], row[1], row[2]) for row in names)
            self._entities = index
        return self._entities

    def _relink(self) -> None:
        """After the migration to entities: store every article again, now linked."""
        ids = [row[0] for row in self._conn.execute("SELECT id FROM articles ORDER BY rowid")]
        for start in range(0, len(ids), 256):
            self._write([self.article(i) for i in ids[start : start + 256]], replace=True)

    # -- reading ---------------------------------------------------------------------------

    def article(self, article_id: str) -> Article:
        """The stored Article, equal field for field to the one stored; ``KeyError`` if none."""
        row = self._conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,))
        found = row.fetchone()
        if found is None:
            raise KeyError(article_id)
        return Article.model_validate_json(found[0])

    def articles(self) -> Iterator[Article]:
        """Every stored Article, in the order they were stored."""
        for (record,) in self._conn.execute("SELECT record FROM articles ORDER BY rowid"):
            yield Article.model_validate_json(record)

    def entities(
        self,
        name: str | None = None,
        kind: str | None = None,
        country: str | None = None,
        *,
        limit: int | None = None,
    ) -> list[Row]:
        """Entities (an actor linked across articles): ``id``, ``name``, ``kind``,
        ``country``, ``sector``, ``kb_id``, ``aliases``, ``articles`` and ``quotes`` counts.

        ``name`` matches the name or an alias, case-insensitively.
        """
        return queries.entities(self._conn, name=name, kind=kind, country=country, limit=limit)

    def quotes(
        self,
        speaker: str | None = None,
        contains: str | None = None,
        since: queries.When = None,
        until: queries.When = None,
        kind: str | None = None,
        *,
        limit: int | None = None,
    ) -> list[Row]:
        """Quotes: ``article_id``, ``published``, ``speaker`` (entity name), ``entity_id``,
        ``kind``, ``text``, ``cue`` (and ``quote_id``), oldest first.

        ``speaker`` matches an entity's name or alias, case-insensitively; ``contains``
        finds quotes holding every word given (full-text search over quote text).
        """
        return queries.quotes(
            self._conn,
            speaker=speaker,
            contains=contains,
            since=since,
            until=until,
            kind=kind,
            limit=limit,
        )

    def agreements(
        self,
        party: str | None = None,
        status: str | None = None,
        kind: str | None = None,
        since: queries.When = None,
        until: queries.When = None,
        *,
        limit: int | None = None,
    ) -> list[Row]:
        """Agreements: ``article_id``, ``published``, ``kind``, ``status``, ``date`` and
        ``parties`` (each ``{"name", "role", "entity_id"}``), oldest report first."""
        return queries.agreements(
            self._conn,
            party=party,
            status=status,
            kind=kind,
            since=since,
            until=until,
            limit=limit,
        )

    def to_parquet(self, directory: str | Path) -> list[Path]:
        """Write one Parquet file per table into ``directory`` (needs pyarrow); return them."""
        from communique.corpus.parquet import write_tables

        def rows(table: str) -> Iterator[Row]:
            columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
            for row in self._conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid"):
                yield dict(row)

        return write_tables({table: rows(table) for table in TABLES}, Path(directory))


__all__ = ["Corpus", "IngestReport", "input_id"]
