"""Articles as relational rows: the one mapping shared by the SQLite store and Parquet.

:func:`article_rows` turns one :class:`~communique.models.Article` into the rows of every
corpus table, resolving each actor to a cross-article entity through an
:class:`EntityIndex`. The SQLite store (:class:`communique.corpus.Corpus`) and the Parquet
partition writer (:mod:`communique.corpus.parquet`, used by :mod:`communique.dask`) both
call it, so their tables have the same columns with the same meaning.

Quote, agreement and entity ids are stable 63-bit integers derived from what they identify
(:func:`stable_id`), so the same article gives the same ids in every store and partition.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from communique.corpus.linking import LinkKey, LinkRule, link_key, normalise_name
from communique.models import Actor, Article

Row = dict[str, Any]

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "title",
        "source",
        "url",
        "published",
        "language",
        "metadata",
        "n_actors",
        "n_quotes",
        "n_agreements",
        "n_problems",
        "record",
    ),
    "entities": (
        "id",
        "key",
        "name",
        "kind",
        "country",
        "sector",
        "kb_id",
        "articles",
        "quotes",
    ),
    "entity_names": ("entity_id", "name", "folded"),
    "actors": (
        "article_id",
        "actor_id",
        "entity_id",
        "name",
        "kind",
        "country",
        "sector",
        "kb_id",
        "country_source",
        "titles",
        "aliases",
        "affiliation_id",
        "mentions",
    ),
    "quotes": (
        "id",
        "article_id",
        "quote_id",
        "published",
        "kind",
        "speaker_id",
        "entity_id",
        "speaker_mention",
        "cue",
        "text",
        "start",
        "end",
        "negated",
        "confidence",
    ),
    "agreements": (
        "id",
        "article_id",
        "agreement_id",
        "published",
        "kind",
        "status",
        "date",
        "date_granularity",
        "location",
        "confidence",
    ),
    "agreement_parties": (
        "agreement",
        "position",
        "article_id",
        "actor_id",
        "entity_id",
        "role",
    ),
}
"""Every table's columns, in the order they are written (SQLite and Parquet alike)."""

TABLES = tuple(COLUMNS)
"""The tables, parents before children (the order to insert them in)."""


def stable_id(*parts: str) -> int:
    """A positive 63-bit integer id derived from ``parts`` (the same on every machine).

    Example:
        >>> stable_id("a", "quote-1") == stable_id("a", "quote-1") != stable_id("b", "quote-1")
        True
    """
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@dataclass
class _Entity:
    id: int
    country: str | None
    names: set[str] = field(default_factory=set)


class EntityIndex:
    """Which entity each actor belongs to, by a linking rule (see :mod:`.linking`).

    Entities sharing a key are told apart by country: an actor joins the entity with its
    own country, else one whose country is unknown; an actor of unknown country joins the
    entity with its key and the lowest id. When no entity has the key, an actor without a
    ``kb_id`` joins the one entity of its kind that already goes by its canonical name (so
    "Kerry", in an article that never gives his first name, joins "John Kerry", who was
    called Kerry before); when several do, it is not guessed. A new entity's id is
    :func:`stable_id` of its key and country.

    Example:
        >>> from communique.models import ActorKind
        >>> index = EntityIndex()
        >>> a = index.resolve(
        ...     Actor(id="actor-1", name="John Kerry", kind=ActorKind.PERSON, aliases=("Kerry",))
        ... )
        >>> index.resolve(Actor(id="actor-9", name="JOHN KERRY", kind=ActorKind.PERSON)) == a
        True
        >>> index.resolve(Actor(id="actor-3", name="Kerry", kind=ActorKind.PERSON)) == a
        True
    """

    def __init__(self, rule: LinkRule = link_key) -> None:
        self.rule = rule
        self._by_key: dict[str, list[_Entity]] = {}
        self._by_id: dict[int, _Entity] = {}
        self._by_name: dict[tuple[str, str], set[int]] = {}

    def load(self, rows: Iterable[tuple[int, str, str | None]]) -> None:
        """Add known entities, as ``(id, key, country)``."""
        for entity_id, key, country in rows:
            entity = _Entity(entity_id, country)
            self._by_key.setdefault(key, []).append(entity)
            self._by_id[entity_id] = entity

    def load_names(self, rows: Iterable[tuple[int, str, str]]) -> None:
        """Add the names known entities go by, as ``(entity id, kind, name)``."""
        for entity_id, kind, name in rows:
            self._by_name.setdefault((kind, normalise_name(name)), set()).add(entity_id)

    def resolve(self, actor: Actor) -> int:
        """The id of ``actor``'s entity, creating it when no known entity fits."""
        return self._resolve(actor, self.rule(actor)).id

    def _resolve(self, actor: Actor, link: LinkKey) -> _Entity:
        candidates = self._by_key.setdefault(link.key, [])
        chosen = _choose(candidates, link.country)
        if chosen is None and not candidates and actor.kb_id is None:
            chosen = self._by_alias(actor, link.country)
            if chosen is not None:
                candidates.append(chosen)
        if chosen is None:
            chosen = _Entity(stable_id("entity", link.key, link.country or ""), link.country)
            candidates.append(chosen)
            self._by_id[chosen.id] = chosen
        elif chosen.country is None and link.country is not None:
            chosen.country = link.country
        for name in (actor.name, *actor.aliases):
            self._by_name.setdefault((actor.kind.value, normalise_name(name)), set()).add(chosen.id)
        return chosen

    def _by_alias(self, actor: Actor, country: str | None) -> _Entity | None:
        # The canonical name only: "Jane Smith", also called "Smith", is not John Smith.
        found = set(self._by_name.get((actor.kind.value, normalise_name(actor.name)), ()))
        if len(found) != 1:
            return None
        entity = self._by_id.get(found.pop())
        if entity is None or (country and entity.country and entity.country != country):
            return None
        return entity

    def rows(self, actor: Actor) -> tuple[int, Row]:
        """The entity id of ``actor`` and the entity row to upsert (first values win)."""
        link = self.rule(actor)
        entity = self._resolve(actor, link)
        row = {
            "id": entity.id,
            "key": link.key,
            "name": actor.name,
            "kind": actor.kind.value,
            "country": entity.country,
            "sector": actor.sector,
            "kb_id": actor.kb_id,
            "articles": 0,  # counted by the store (or the partition writer), not per actor
            "quotes": 0,
        }
        return entity.id, row


def _choose(candidates: list[_Entity], country: str | None) -> _Entity | None:
    """The candidate to join; the lowest id first, so the choice never depends on the order
    entities were loaded or made in (a resumed ingest links as a single run does)."""
    ordered = sorted(candidates, key=lambda entity: entity.id)
    if not ordered:
        return None
    if country is None:
        return ordered[0]
    for wanted in (country, None):
        for entity in ordered:
            if entity.country == wanted:
                return entity
    return None


def entity_counts(tables: dict[str, list[Row]]) -> dict[int, tuple[int, int]]:
    """Per entity in these rows: the articles it appears in and the quotes it speaks."""
    articles: dict[int, set[str]] = {}
    for row in tables["actors"]:
        articles.setdefault(row["entity_id"], set()).add(row["article_id"])
    quotes: dict[int, int] = {}
    for row in tables["quotes"]:
        if row["entity_id"] is not None:
            quotes[row["entity_id"]] = quotes.get(row["entity_id"], 0) + 1
    return {key: (len(found), quotes.get(key, 0)) for key, found in articles.items()}


def article_rows(article: Article, entities: EntityIndex) -> dict[str, list[Row]]:
    """The rows of every table for one article (entity rows are upserts, names inserts)."""
    published = article.published.isoformat() if article.published else None
    tables: dict[str, list[Row]] = {name: [] for name in TABLES}
    tables["articles"].append(_article_row(article, published))
    entity_of: dict[str, int] = {}
    for actor in article.actors:
        entity_id, entity = entities.rows(actor)
        entity_of[actor.id] = entity_id
        tables["entities"].append(entity)
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            tables["entity_names"].append(
                {"entity_id": entity_id, "name": name, "folded": name.casefold()}
            )
        tables["actors"].append(_actor_row(article, actor, entity_id))
    for quote in article.quotes:
        tables["quotes"].append(
            {
                "id": stable_id(article.id, "quote", quote.id),
                "article_id": article.id,
                "quote_id": quote.id,
                "published": published,
                "kind": quote.kind.value,
                "speaker_id": quote.speaker_id,
                "entity_id": entity_of.get(quote.speaker_id or ""),
                "speaker_mention": quote.speaker_mention.text if quote.speaker_mention else None,
                "cue": quote.cue.text if quote.cue else None,
                "text": quote.text,
                "start": quote.content.start,
                "end": quote.content.end,
                "negated": int(quote.negated),
                "confidence": quote.confidence,
            }
        )
    for agreement in article.agreements:
        key = stable_id(article.id, "agreement", agreement.id)
        tables["agreements"].append(
            {
                "id": key,
                "article_id": article.id,
                "agreement_id": agreement.id,
                "published": published,
                "kind": agreement.kind.value,
                "status": agreement.status.value,
                "date": agreement.date.isoformat() if agreement.date else None,
                "date_granularity": (
                    agreement.date_granularity.value if agreement.date_granularity else None
                ),
                "location": agreement.location,
                "confidence": agreement.confidence,
            }
        )
        for position, party in enumerate(agreement.parties):
            tables["agreement_parties"].append(
                {
                    "agreement": key,
                    "position": position,
                    "article_id": article.id,
                    "actor_id": party.actor_id,
                    "entity_id": entity_of.get(party.actor_id),
                    "role": party.role.value,
                }
            )
    return tables


def _article_row(article: Article, published: str | None) -> Row:
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": published,
        "language": article.language,
        "metadata": json.dumps(article.metadata, ensure_ascii=False, sort_keys=True),
        "n_actors": len(article.actors),
        "n_quotes": len(article.quotes),
        "n_agreements": len(article.agreements),
        "n_problems": len(article.problems),
        "record": article.model_dump_json(),
    }


def _actor_row(article: Article, actor: Actor, entity_id: int) -> Row:
    return {
        "article_id": article.id,
        "actor_id": actor.id,
        "entity_id": entity_id,
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "sector": actor.sector,
        "kb_id": actor.kb_id,
        "country_source": actor.country_source.value if actor.country_source else None,
        "titles": json.dumps(list(actor.titles), ensure_ascii=False),
        "aliases": json.dumps(list(actor.aliases), ensure_ascii=False),
        "affiliation_id": actor.affiliation_id,
        "mentions": len(actor.mentions),
    }


__all__ = ["COLUMNS", "TABLES", "EntityIndex", "Row", "article_rows", "entity_counts", "stable_id"]
