"""Tables out: one flat row per article, quote, actor or agreement, for CSV, JSONL or pandas.

Every row starts with the article id and carries resolved names (the speaker's name, each
party's name and role) next to the ids, so a table can be read without the Article; the
``articles`` table (one row per article: its metadata and counts) joins the others on
``article_id``. Values are scalars only (``str``, ``int``, ``float`` or ``None``); lists are
joined with ``"; "`` and ``Article.metadata`` is one JSON cell. Every row of a table has the
same columns, in the order of :data:`COLUMNS`.

pandas is not a dependency: :func:`to_dataframe` uses it when it is installed
(``pip install 'communique[pandas]'``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, get_args

from communique.errors import MissingDependencyError
from communique.models import Actor, Agreement, Article, Quote

if TYPE_CHECKING:
    import pandas

Table = Literal["articles", "quotes", "actors", "agreements"]
"""The tables there are."""

Value = str | int | float | None
Record = dict[str, Value]

TABLES: tuple[Table, ...] = get_args(Table)

JOIN = "; "
"""Separator of list values inside one cell."""

COLUMNS: dict[Table, tuple[str, ...]] = {
    "articles": (
        "article_id",
        "title",
        "source",
        "url",
        "published",
        "language",
        "actors",
        "quotes",
        "agreements",
        "problems",
        "metadata",
    ),
    "quotes": (
        "article_id",
        "quote_id",
        "kind",
        "speaker_id",
        "speaker",
        "speaker_mention",
        "cue",
        "content",
        "parts",
        "start",
        "end",
        "confidence",
    ),
    "actors": (
        "article_id",
        "actor_id",
        "name",
        "kind",
        "country",
        "titles",
        "aliases",
        "affiliation_id",
        "affiliation",
        "mentions",
        "quotes",
    ),
    "agreements": (
        "article_id",
        "agreement_id",
        "kind",
        "status",
        "parties",
        "party_ids",
        "date",
        "date_granularity",
        "date_text",
        "location",
        "terms",
        "evidence",
        "mentions",
        "confidence",
    ),
}
"""The columns of each table, in order."""


def iter_records(articles: Article | Iterable[Article], table: Table) -> Iterator[Record]:
    """Stream the rows of ``table`` for one article or many, in article then item order.

    Raises:
        ValueError: ``table`` is not one of :data:`TABLES`.

    Example:
        >>> import csv, sys
        >>> from communique import Article
        >>> rows = iter_records([Article(text="Hi.", id="a")], "articles")
        >>> writer = csv.DictWriter(sys.stdout, COLUMNS["articles"], lineterminator="\\n")
        >>> writer.writeheader(), writer.writerows(rows)  # doctest: +ELLIPSIS
        article_id,title,source,url,published,language,actors,quotes,agreements,problems,metadata
        a,,,,,en,0,0,0,0,
        (...)
    """
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    for article in [articles] if isinstance(articles, Article) else articles:
        if table == "articles":
            yield article_record(article)
        else:
            row = _ROWS[table]
            for item in getattr(article, table):
                yield row(article, item)


def to_records(articles: Article | Iterable[Article], table: Table) -> list[Record]:
    """The rows of ``table`` for one article or many, as a list (see :func:`iter_records`).

    Example:
        >>> from communique import Article
        >>> article = Article(text="Kerry spoke.", id="a", metadata={"desk": "world"})
        >>> to_records(article, "quotes")
        []
        >>> row = to_records(article, "articles")[0]
        >>> row["article_id"], row["quotes"], row["metadata"]
        ('a', 0, '{"desk": "world"}')
    """
    return list(iter_records(articles, table))


def to_dataframe(articles: Article | Iterable[Article], table: Table) -> pandas.DataFrame:
    """The rows of ``table`` as a pandas DataFrame, with the table's columns in order.

    Raises:
        MissingDependencyError: pandas is not installed (``pip install 'communique[pandas]'``).

    Example (pandas is in the ``test`` extra, so this runs in CI):
        >>> from communique import Article
        >>> frame = to_dataframe(Article(text="Hi.", id="a"), "articles")
        >>> frame[["article_id", "quotes", "metadata"]]
          article_id  quotes metadata
        0          a       0     None
    """
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "to_dataframe needs pandas, which communique does not require: "
            "pip install 'communique[pandas]' (or pandas itself)",
            package="pandas",
        ) from None
    return pandas.DataFrame(to_records(articles, table), columns=list(COLUMNS[table]))


def article_record(article: Article) -> Record:
    """The row of one article: its metadata, how much was found, and its caller metadata."""
    return {
        "article_id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "actors": len(article.actors),
        "quotes": len(article.quotes),
        "agreements": len(article.agreements),
        "problems": len(article.problems),
        "metadata": (
            json.dumps(article.metadata, ensure_ascii=False, sort_keys=True)
            if article.metadata
            else None
        ),
    }


def quote_record(article: Article, quote: Quote) -> Record:
    """The row of one quote: who said it (id, resolved name, mention), cue and content."""
    speaker = _actor(article, quote.speaker_id)
    return {
        "article_id": article.id,
        "quote_id": quote.id,
        "kind": quote.kind.value,
        "speaker_id": quote.speaker_id,
        "speaker": speaker.name if speaker else None,
        "speaker_mention": quote.speaker_mention.text if quote.speaker_mention else None,
        "cue": quote.cue.text if quote.cue else None,
        "content": quote.content.text,
        "parts": JOIN.join(part.text for part in quote.parts) or None,
        "start": quote.content.start,
        "end": quote.content.end,
        "confidence": quote.confidence,
    }


def actor_record(article: Article, actor: Actor) -> Record:
    """The row of one actor, with its affiliation's name and its mention and quote counts."""
    affiliation = _actor(article, actor.affiliation_id)
    return {
        "article_id": article.id,
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "titles": JOIN.join(actor.titles) or None,
        "aliases": JOIN.join(actor.aliases) or None,
        "affiliation_id": actor.affiliation_id,
        "affiliation": affiliation.name if affiliation else None,
        "mentions": len(actor.mentions),
        "quotes": len(article.quotes_by(actor.id)),
    }


def agreement_record(article: Article, agreement: Agreement) -> Record:
    """The row of one agreement; ``parties`` reads like ``"Russia (party); UN (broker)"``."""
    return {
        "article_id": article.id,
        "agreement_id": agreement.id,
        "kind": agreement.kind.value,
        "status": agreement.status.value,
        "parties": JOIN.join(party_labels(article, agreement)) or None,
        "party_ids": JOIN.join(p.actor_id for p in agreement.parties) or None,
        "date": agreement.date.isoformat() if agreement.date else None,
        "date_granularity": (
            agreement.date_granularity.value if agreement.date_granularity else None
        ),
        "date_text": agreement.date_text.text if agreement.date_text else None,
        "location": agreement.location,
        "terms": JOIN.join(term.text for term in agreement.terms) or None,
        "evidence": JOIN.join(span.text for span in agreement.evidence) or None,
        "mentions": len(agreement.evidence),
        "confidence": agreement.confidence,
    }


def party_labels(article: Article, agreement: Agreement) -> list[str]:
    """Each party as ``"name (role)"``, in the agreement's order."""
    labels = []
    for party in agreement.parties:
        actor = _actor(article, party.actor_id)
        labels.append(f"{actor.name if actor else party.actor_id} ({party.role.value})")
    return labels


_ROWS: dict[str, Callable[[Article, Any], Record]] = {
    "quotes": quote_record,
    "actors": actor_record,
    "agreements": agreement_record,
}


def _actor(article: Article, actor_id: str | None) -> Actor | None:
    if actor_id is None:
        return None
    try:
        return article.actor(actor_id)
    except KeyError:  # a validated Article has none, but be lenient with model_construct
        return None


__all__ = [
    "COLUMNS",
    "JOIN",
    "TABLES",
    "Record",
    "Table",
    "Value",
    "actor_record",
    "agreement_record",
    "article_record",
    "iter_records",
    "party_labels",
    "quote_record",
    "to_dataframe",
    "to_records",
]
