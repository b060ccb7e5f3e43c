"""Corpus tables as Parquet (``pip install communique[parquet]``), for DuckDB, pandas, Spark.

One file per table, with the columns of :data:`communique.corpus.rows.COLUMNS` and fixed
Arrow types, whether it comes from an SQLite corpus (:meth:`Corpus.to_parquet`) or from a
partition of a distributed run (:func:`write_partition`, used by :mod:`communique.dask`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from communique.corpus.linking import LinkRule, link_key
from communique.corpus.rows import (
    COLUMNS,
    TABLES,
    EntityIndex,
    Row,
    article_rows,
    entity_counts,
)
from communique.models import Article

try:
    import pyarrow as pa
    import pyarrow.parquet as pq
except ImportError as exc:  # pragma: no cover - depends on the optional extra
    raise ImportError("Parquet output needs pyarrow: pip install 'communique[parquet]'") from exc

_INTEGER = frozenset(
    {
        "id",
        "entity_id",
        "n_actors",
        "n_quotes",
        "n_agreements",
        "n_problems",
        "mentions",
        "start",
        "end",
        "negated",
        "agreement",
        "position",
        "articles",
        "quotes",
    }
)


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a corpus table: integers, ``confidence`` as a float, else text.

    Example:
        >>> str(arrow_schema("agreement_parties").field("agreement").type)
        'int64'
    """
    fields = []
    for column in COLUMNS[table]:
        if column == "id" and table == "articles":
            kind = pa.string()
        elif column in _INTEGER:
            kind = pa.int64()
        elif column == "confidence":
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields)


def write_tables(tables: Mapping[str, Iterable[Row]], directory: Path) -> list[Path]:
    """Write each table's rows as ``directory/<table>.parquet``; return the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        schema = arrow_schema(table)
        rows = list(tables.get(table, ()))
        data = pa.Table.from_pylist(rows, schema=schema)
        path = directory / f"{table}.parquet"
        pq.write_table(data, path)
        written.append(path)
    return written


def partition_rows(articles: Iterable[Article], link: LinkRule = link_key) -> dict[str, list[Row]]:
    """The rows of every table for a partition of Articles; entities deduplicated by id."""
    index = EntityIndex(link)
    tables: dict[str, list[Row]] = {table: [] for table in TABLES}
    entities: dict[int, Row] = {}
    names: dict[tuple[int, str], Row] = {}
    for article in articles:
        for table, rows in article_rows(article, index).items():
            if table == "entities":
                for row in rows:
                    kept = entities.setdefault(row["id"], row)
                    for column in ("country", "sector", "kb_id"):
                        kept[column] = kept[column] or row[column]
            elif table == "entity_names":
                for row in rows:
                    names.setdefault((row["entity_id"], row["name"]), row)
            else:
                tables[table].extend(rows)
    for entity_id, (n_articles, n_quotes) in entity_counts(tables).items():
        entities[entity_id].update(articles=n_articles, quotes=n_quotes)
    tables["entities"] = list(entities.values())
    tables["entity_names"] = list(names.values())
    return tables


def write_partition(
    articles: Iterable[Article | Mapping[str, Any]], directory: str | Path, index: int
) -> list[Path]:
    """Write one partition's tables as ``directory/<table>/part-<index>.parquet``.

    Each table is a folder of parts, which DuckDB, pandas and Spark read as one table
    (``read_parquet('out/quotes/*.parquet')``). Entities are linked within the partition; an
    entity's id is the stable id of its link key and first known country, so an entity
    has the same id in every partition that agrees on its country (``GROUP BY id`` over
    ``entities`` gives one row each; ``GROUP BY key`` merges further).
    """
    loaded = [a if isinstance(a, Article) else Article.model_validate(a) for a in articles]
    tables = partition_rows(loaded)
    root = Path(directory)
    written = []
    for table in TABLES:
        folder = root / table
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"part-{index:05d}.parquet"
        pq.write_table(pa.Table.from_pylist(tables[table], schema=arrow_schema(table)), path)
        written.append(path)
    return written


__all__ = ["arrow_schema", "partition_rows", "write_partition", "write_tables"]
