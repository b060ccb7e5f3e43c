"""Step 9, link: link actors to knowledge-base entries (``kb_id``, sector, country).

Two sources, matched on the parsed text with spaCy's ``PhraseMatcher``: the OEDA
dictionaries (date ranges read against the publication date: "President Bush" in 1990 and
in 2005 are two people) and the users' own entries (:attr:`KnowledgeBase.actors`, e.g. a CSV
loaded in the knowledge hook; one entry valid on the date, else no link).

* A match that overlaps an actor's name enriches it: ``kb_id`` and ``sector`` when it has
  none; its country when it has none, or whatever the text gave when the match covers the
  whole name (the knowledge knows "Democratic People's Republic of Korea" better than a
  country-name guess). A country entry covering a name makes the actor a country, whatever
  spaCy's label ("Sri Lanka has established…" tagged PERSON); a person entry covering a
  lone family name names the actor ("President Bush" in 2007 is George W. Bush).
* A person, organisation or group match that no actor covers becomes an actor ("the
  Taliban", "Hezbollah" missed by NER). Country entries never create actors here (their
  lower-case matches, "north", are noise; the country table finds real ones), nor do
  family names alone (a weak link, used only to enrich a person).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from communique.extractors.actors.edits import add_mention, make_actor, mention, overlapping
from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource, MentionForm
from communique.parse import ParseView

__all__ = ["KnowledgeHit", "knowledge_hits", "link_actors"]


@dataclass(frozen=True)
class KnowledgeHit:
    """One knowledge-base match, whichever source it came from."""

    start: int
    end: int
    kb_id: str
    name: str
    kind: ActorKind
    country: str | None
    sector: str | None
    weak: bool = False
    """A family name alone: enriches a person, never creates an actor."""


def knowledge_hits(
    view: ParseView, knowledge: KnowledgeBase, published: dt.date | None
) -> list[KnowledgeHit]:
    """Users' entries first (they win on overlap), then the OEDA matches, in text order."""
    hits: list[KnowledgeHit] = []
    taken: set[int] = set()
    for found in knowledge.actor_matcher(view.doc, published):
        if len(found.entries) != 1:
            continue  # two entries share the name on that date: a wrong link is worse
        entry = found.entries[0]
        start, end = view.idx[found.token_start], view.end[found.token_end - 1]
        hits.append(
            KnowledgeHit(
                start, end, entry.kb_id, entry.name, entry.kind, entry.country, entry.sector
            )
        )
        taken.update(range(found.token_start, found.token_end))
    if knowledge.oeda is not None:
        for match in knowledge.oeda.match(view.doc, published):
            if not match.text[:1].isupper() or not taken.isdisjoint(
                range(match.token_start, match.token_end)
            ):
                continue
            code = match.code
            hits.append(
                KnowledgeHit(
                    match.start,
                    match.end,
                    match.entry.kb_id,
                    match.entry.name,
                    ActorKind(match.entry.kind),
                    code.country if code else None,
                    code.sector if code else None,
                    weak=match.by_surname,
                )
            )
    return sorted(hits, key=lambda h: (h.start, h.end))


def link_actors(
    actors: tuple[Actor, ...], view: ParseView, knowledge: KnowledgeBase, published: dt.date | None
) -> list[Actor]:
    """``actors`` enriched by the knowledge base, plus the known actors NER missed."""
    out = list(actors)
    dateline = view.dateline.span if view.dateline is not None else None
    for hit in knowledge_hits(view, knowledge, published):
        if dateline is not None and hit.start < dateline.end and dateline.start < hit.end:
            continue
        names = [
            (a, m) for a, m in overlapping(out, hit.start, hit.end) if m.form is MentionForm.NAME
        ]
        if names:
            actor, named = names[0]
            out[out.index(actor)] = _enrich(actor, hit, named.span.start, named.span.end)
        elif (
            not hit.weak
            and hit.kind is not ActorKind.COUNTRY
            and not overlapping(out, hit.start, hit.end)
        ):
            out.append(_known_actor(out, view.text, hit))
    return out


def _known_actor(actors: list[Actor], text: str, hit: KnowledgeHit) -> Actor:
    """A new actor for a match, or a new mention of the actor this entry already made."""
    for k, actor in enumerate(actors):
        if actor.kb_id == hit.kb_id:
            actors.pop(k)
            return add_mention(actor, mention(text, hit.start, hit.end))
    source = CountrySource.KNOWLEDGE if hit.country else None
    return make_actor(
        text,
        hit.start,
        hit.end,
        hit.kind,
        name=hit.name,
        kb_id=hit.kb_id,
        country=hit.country,
        country_source=source,
        sector=hit.sector,
    )


_GOVERNMENTS = frozenset({"administration", "government", "cabinet"})


def _other_person(actor: Actor, hit: KnowledgeHit) -> bool:
    """A family-name match on someone the text names with another given name ("Darnell
    Hughes" is not the dictionary's Hubert Hughes): the link would bring a stranger's
    country, and a wrong country spreads to the whole article as its dominant one."""
    given = {
        m.span.text.split()[0].casefold()
        for m in actor.mentions
        if m.form is MentionForm.NAME and len(m.span.text.split()) > 1
    }
    return bool(given) and hit.name.split()[0].casefold() not in given


def _enrich(actor: Actor, hit: KnowledgeHit, start: int, end: int) -> Actor:
    if hit.weak and actor.kind is ActorKind.PERSON and _other_person(actor, hit):
        return actor
    if hit.weak and actor.kind is not ActorKind.PERSON:
        if (
            actor.country is None
            and hit.country
            and hit.sector == "GOV"
            and actor.name.split()[-1].casefold() in _GOVERNMENTS
        ):
            # "the Bush administration": the leader's government
            return actor.model_copy(
                update={
                    "country": hit.country,
                    "sector": "GOV",
                    "country_source": CountrySource.KNOWLEDGE,
                }
            )
        return actor
    covers = hit.start <= start and end <= hit.end
    same = covers or (hit.kind is actor.kind and hit.kind is not ActorKind.COUNTRY)
    update: dict[str, object] = {}
    if actor.kb_id is None and same:
        update["kb_id"] = hit.kb_id
    if actor.sector is None and hit.sector and same:
        update["sector"] = hit.sector
    strong = covers and not hit.weak  # a family name alone never overrides the text
    if hit.country and (actor.country is None or (strong and actor.country != hit.country)):
        update["country"] = hit.country
        update["country_source"] = CountrySource.KNOWLEDGE
    if (
        covers
        and hit.kind is ActorKind.PERSON
        and actor.kind is ActorKind.PERSON
        and not hit.weak
        and len(actor.name.split()) == 1
    ):
        # "President Bush" in 2007: the entry's full name, the surname kept as an alias
        update["name"] = hit.name
    if (
        covers
        and hit.kind is ActorKind.COUNTRY
        and actor.kind is not ActorKind.COUNTRY
        and len(actor.mentions) == 1
    ):
        update["kind"] = ActorKind.COUNTRY
    return actor.model_copy(update=update) if update else actor
