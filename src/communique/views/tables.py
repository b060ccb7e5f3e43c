"""Tables out: one flat row per quote, actor or agreement, ready for CSV, JSONL or pandas.

Every row starts with the article id and carries resolved names (the speaker's name, each
party's name and role) next to the ids, so a table can be read without the Article. Values
are scalars only (``str``, ``int``, ``float`` or ``None``); lists are joined with ``"; "``.
Every row of a table has the same columns, in the order of :data:`COLUMNS`.

Example (pandas is not a dependency; the rows are ready for it)::

    import pandas as pd
    frame = pd.DataFrame(to_records(articles, "quotes"), columns=COLUMNS["quotes"])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, get_args

from communique.models import Actor, Agreement, Article, Quote

Table = Literal["quotes", "actors", "agreements"]
"""The tables there are."""

Value = str | int | float | None
Record = dict[str, Value]

TABLES: tuple[Table, ...] = get_args(Table)

JOIN = "; "
"""Separator of list values inside one cell."""

COLUMNS: dict[Table, tuple[str, ...]] = {
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


def iter_records(articles: Iterable[Article], table: Table) -> Iterator[Record]:
    """Stream the rows of ``table`` for every article, in article then item order.

    Raises:
        ValueError: ``table`` is not one of :data:`TABLES`.

    Example:
        >>> import csv, sys
        >>> rows = iter_records(pipeline.extract_many(texts), "quotes")  # doctest: +SKIP
        >>> writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS["quotes"])  # doctest: +SKIP
        >>> writer.writerows(rows)  # doctest: +SKIP
    """
    if table not in COLUMNS:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    for article in articles:
        if table == "quotes":
            for quote in article.quotes:
                yield quote_record(article, quote)
        elif table == "actors":
            for actor in article.actors:
                yield actor_record(article, actor)
        else:
            for agreement in article.agreements:
                yield agreement_record(article, agreement)


def to_records(articles: Iterable[Article], table: Table) -> list[Record]:
    """The rows of ``table`` for every article, as a list (see :func:`iter_records`).

    Example:
        >>> from communique import Article
        >>> to_records([Article(text="Kerry spoke.", id="a")], "quotes")
        []
    """
    return list(iter_records(articles, table))


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
    "iter_records",
    "party_labels",
    "quote_record",
    "to_records",
]
