"""Corpus tables as Parquet: from an SQLite corpus and from Dask partitions, one schema."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import Article
from communique.corpus import Corpus
from communique.corpus.rows import COLUMNS
from test_corpus import PERSON, said

pq = pytest.importorskip("pyarrow.parquet")


def test_to_parquet_writes_every_table(tmp_path: Path, seed_article: Article) -> None:
    from communique.corpus.parquet import arrow_schema

    with Corpus(tmp_path / "c.db") as corpus:
        corpus.add([seed_article, said("b", [("John Kerry", PERSON, "USA", None, "more")])])
        written = corpus.to_parquet(tmp_path / "out")
        kerry = corpus.entities(name="John Kerry")[0]
    assert sorted(p.name for p in written) == sorted(f"{t}.parquet" for t in COLUMNS)
    for path in written:
        table = pq.read_table(path)
        assert table.schema.equals(arrow_schema(path.stem)), path.stem
    quotes = pq.read_table(tmp_path / "out" / "quotes.parquet").to_pylist()
    assert len(quotes) == len(seed_article.quotes) + 1
    assert sum(row["entity_id"] == kerry["id"] for row in quotes) == kerry["quotes"]
    articles = pq.read_table(tmp_path / "out" / "articles.parquet").to_pylist()
    assert Article.model_validate_json(articles[0]["record"]) == seed_article


def test_dask_partitions_have_the_same_schema(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    import dask.bag as db

    from communique.corpus.parquet import arrow_schema
    from communique.dask import write_parquet

    texts = [
        {"id": "p1", "text": "John Kerry said the truce would hold."},
        {"id": "p2", "text": "John Kerry said Russia agreed."},
        {"id": "p3", "text": "Sergei Lavrov said nothing."},
    ]
    written = write_parquet(db.from_sequence(texts, npartitions=2), tmp_path / "out")
    assert len(written) == 2 * len(COLUMNS)
    for table in COLUMNS:
        parts = sorted((tmp_path / "out" / table).glob("*.parquet"))
        assert len(parts) == 2
        for part in parts:
            assert pq.read_table(part).schema.equals(arrow_schema(table))
    duckdb = pytest.importorskip("duckdb")
    rows = duckdb.sql(
        f"SELECT e.name, COUNT(*) FROM read_parquet('{tmp_path}/out/quotes/*.parquet') q "
        f"JOIN (SELECT DISTINCT id, name FROM read_parquet('{tmp_path}/out/entities/*.parquet')) e "
        "ON e.id = q.entity_id GROUP BY e.name ORDER BY e.name"
    ).fetchall()
    assert ("John Kerry", 2) in rows
