"""Step 12, context: sector and country where the article implies them.

* Sector: an actor without one takes its titles' sector ("Gov." → GOV, "Sen." → LEG), else
  its descriptions' role noun ("police" → COP), from :meth:`KnowledgeBase.role_sector`.
* Country said next to the actor: a sub-national place before a person's title
  ("Kentucky Gov. Matt Bevin" → USA).
* Country from context, as event-data coders do: an unmarked local body or official
  (police, officials, authorities, analysts; sectors COP, GOV, JUD, MIL, LEG) takes the
  dateline's country, else the article's dominant country (the one country mentioned
  strictly most often), ``country_source="context"``.
* Every remaining country the earlier steps read is said in the text: ``"text"``.
"""

from __future__ import annotations

from collections import Counter

from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource, MentionForm
from communique.parse import ParseView

__all__ = ["apply_context"]

_LOCAL_SECTORS = frozenset({"COP", "GOV", "JUD", "MIL", "LEG"})
_LOCAL_HEADS = frozenset({"police", "officials", "official", "authorities", "analysts",
                          "analyst", "officers", "investigators", "prosecutors", "spokesman",
                          "spokeswoman", "spokesperson", "firefighters", "rescuers"})


def _sector(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    for title in actor.titles:
        words = title.lower().replace(".", "").split()
        for key in (" ".join(words[-2:]), words[-1] if words else ""):
            if key and (found := knowledge.role_sector(key)):
                return found
    for m in actor.mentions:
        if m.form is MentionForm.NAME or m.form is MentionForm.PRONOUN:
            continue
        tok = view.token_at(m.span.end - 1)
        if tok is not None and (found := knowledge.role_sector(view.lower[tok])):
            return found
    return None


def _said_place(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """A sub-national place within the four tokens before a person's first name mention."""
    for m in actor.mentions:
        if m.form is not MentionForm.NAME:
            continue
        tok = view.token_at(m.span.start)
        if tok is None:
            return None
        for k in range(max(0, tok - 4), tok):
            for width in (2, 1):
                code = knowledge.subnational.get(" ".join(view.words[k:k + width]))
                if code and k + width <= tok:
                    return code
        return None
    return None


def _article_country(actors: list[Actor], view: ParseView,
                     knowledge: KnowledgeBase) -> str | None:
    """The dateline's country, else the country mentioned strictly most often."""
    if view.dateline is not None:
        table = knowledge.countries
        for part in reversed(view.dateline.place.split(",")):
            part = part.strip()
            code = table.by_name(part) or table.by_name(part.title()) or table.by_capital(
                part.title()) or knowledge.subnational.get(part.title())
            if code:
                return code
    counts = Counter({a.country: len(a.mentions) for a in actors
                      if a.kind is ActorKind.COUNTRY and a.country})
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _local(actor: Actor, view: ParseView) -> bool:
    if actor.sector in _LOCAL_SECTORS and actor.kind is not ActorKind.PERSON:
        return True
    for m in actor.mentions:
        tok = view.token_at(m.span.end - 1)
        if tok is not None and view.lower[tok] in _LOCAL_HEADS:
            return True
    return False


def apply_context(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with sectors and countries the article implies, and every country's source."""
    home = _article_country(actors, view, knowledge)
    out = []
    for actor in actors:
        update: dict[str, object] = {}
        if actor.sector is None and (sector := _sector(actor, view, knowledge)):
            update["sector"] = sector
        if actor.country is None and actor.kind is ActorKind.PERSON and (
                place := _said_place(actor, view, knowledge)):
            update.update(country=place, country_source=CountrySource.CONTEXT)
        elif actor.country is None and actor.kind is not ActorKind.COUNTRY and home and (
                _local(actor.model_copy(update=update), view)):
            update.update(country=home, country_source=CountrySource.CONTEXT)
        elif actor.country is not None and actor.country_source is None:
            update["country_source"] = CountrySource.TEXT
        out.append(actor.model_copy(update=update) if update else actor)
    return out
