"""Step 9, link: link actors to knowledge-base entries (``kb_id``, sector, country).

An actor whose canonical name or an alias names exactly one entry of the knowledge base
(valid on the article's date) takes the entry's ``kb_id`` and ``sector``, and its country
when the text gave none. Two candidate entries are ambiguous and link nothing: a wrong
link is worse than none.
"""

from __future__ import annotations

import datetime as dt

from communique.knowledge import ActorDictionary, ActorEntry
from communique.models import Actor, CountrySource


def link_actors(actors: tuple[Actor, ...], dictionary: ActorDictionary,
                published: dt.date | None) -> tuple[Actor, ...]:
    """``actors`` with those that name one dictionary entry linked to it."""
    if not len(dictionary):
        return actors
    return tuple(_link(actor, dictionary, published) for actor in actors)


def _link(actor: Actor, dictionary: ActorDictionary, published: dt.date | None) -> Actor:
    found: dict[str, ActorEntry] = {}
    for name in (actor.name, *actor.aliases):
        for entry in dictionary.lookup(name, on=published):
            if entry.kind is actor.kind:
                found.setdefault(entry.kb_id, entry)
    if len(found) != 1:
        return actor
    entry = next(iter(found.values()))
    update: dict[str, object] = {"kb_id": entry.kb_id}
    if entry.sector is not None and actor.sector is None:
        update["sector"] = entry.sector
    if entry.country is not None and actor.country is None:
        update["country"] = entry.country
        update["country_source"] = CountrySource.KNOWLEDGE
    return actor.model_copy(update=update)


__all__ = ["link_actors"]
