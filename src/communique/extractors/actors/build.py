"""Step 8, build: freezing working entities into immutable :class:`~communique.models.Actor`
objects.

Actors are ordered by first mention and numbered in that order, mentions are sorted and
de-duplicated, and affiliation falls back to the country actor of the same code — so the
same text always yields the same actors with the same ids.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.actors.entities import Entity
from communique.extractors.actors.names import strip_article
from communique.knowledge.countries import CountryTable
from communique.models import Actor, ActorKind, Mention, MentionForm


def _collective_name(ent: Entity, table: CountryTable) -> str:
    """ "Syrian government" over "the Damascus regime"; else the fullest surface used."""
    code = ent.key[1] if len(ent.key) > 1 else ""
    best = ""
    best_score: tuple[bool, int] = (False, 0)
    for cand in ent.cands:
        if cand.form is MentionForm.PRONOUN:
            continue
        surface = strip_article(cand.text.replace("“", "").replace("”", "").replace('"', ""))
        score = (cand.country == code and bool(code), len(surface.split()))
        if not best or score > best_score:
            best, best_score = surface, score
    if (
        ent.key[0] == "gov"
        and code
        and table.demonym_of(code)
        and not best.casefold().endswith("government")
    ):
        demonym = table.demonym_of(code)
        return f"{demonym} government"
    return best or ent.key[0]


def freeze(
    entities: list[Entity], table: CountryTable, text: str, new_id: Any
) -> tuple[Actor, ...]:
    """Entities → Actors: ordered by first mention, mentions in text order, no duplicates."""
    live = [e for e in entities if e.cands]
    live.sort(key=lambda e: (e.first, e.key))
    ids = {id(e): str(new_id("actor")) for e in live}
    by_code = {e.country: e for e in live if e.kind is ActorKind.COUNTRY and e.country}
    actors = []
    for ent in live:
        if ent.key[0] in ("gov", "mil", "opp"):
            ent.name = _collective_name(ent, table)
            if len(ent.key) > 1 and ent.key[1]:
                ent.country = ent.key[1]
        if ent.kind is not ActorKind.COUNTRY and ent.country is None and ent.country_votes:
            ent.country = ent.country_votes.most_common(1)[0][0]
        seen: set[tuple[int, int]] = set()
        mentions = []
        for cand in sorted(ent.cands, key=lambda c: (c.cstart, c.cend)):
            if (cand.cstart, cand.cend) in seen:
                continue
            seen.add((cand.cstart, cand.cend))
            span_text = text[cand.cstart : cand.cend]
            mentions.append(
                Mention(
                    span={"start": cand.cstart, "end": cand.cend, "text": span_text}, form=cand.form
                )
            )
        aliases: list[str] = []
        for cand in sorted(ent.names(), key=lambda c: c.cstart):
            if cand.text not in aliases:
                aliases.append(cand.text)
        affiliation = ent.affiliation
        if affiliation is None or id(affiliation) not in ids or affiliation is ent:
            affiliation = None  # merged away or dropped: fall back to the country
        if affiliation is None and ent.country and ent.kind is not ActorKind.COUNTRY:
            affiliation = by_code.get(ent.country)
        extensions: dict[str, Any] = {}
        if ent.kind is ActorKind.PERSON and ent.gender:
            extensions["gender"] = ent.gender
        if ent.extensions.get("ambiguous"):
            extensions["ambiguous"] = True
        actors.append(
            Actor(
                id=ids[id(ent)],
                name=ent.name or (aliases[0] if aliases else mentions[0].span.text),
                kind=ent.kind,
                aliases=tuple(aliases),
                titles=tuple(ent.titles),
                country=ent.country,
                affiliation_id=ids[id(affiliation)] if affiliation else None,
                mentions=tuple(mentions),
                extensions=extensions,
            )
        )
    return tuple(actors)
