"""Step 12, context: sector and country where the article implies them.

* Sector: a country that acts is its government (GOV); another actor without a sector takes
  its titles' sector ("Gov." → GOV, "Sen." → LEG), an organisation its name's head ("Bank"
  → BUS, "University" → EDU), else its descriptions' role noun ("police" → COP), all from
  :meth:`KnowledgeBase.role_sector`.
* Country said next to the actor: a sub-national place before a person's local title
  ("Kentucky Gov. Matt Bevin" → USA; it beats "Georgia" read as the country).
* Country from context, as event-data coders do: a person or body the text and knowledge
  leave unplaced (local officials, police, analysts, companies) takes the dateline's
  country, else the article's dominant country (the country said strictly most often,
  counted over mentions), ``country_source="context"``. Knowledge-base entries without a
  country (the UN) and international bodies (IGO, NGO sectors) stay unplaced.
* A name that is both a country and a sub-national place of the article's own country
  ("Georgia" in a story filed in Atlanta) is the sub-national place, and so is the country
  the earlier steps read from it ("Georgia's secretary of state").
* Every remaining country the earlier steps read is said in the text: ``"text"``.
"""

from __future__ import annotations

from collections import Counter

from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource, MentionForm
from communique.parse import ParseView

__all__ = ["apply_context"]

_LOCAL_TITLES = frozenset(
    {
        "gov",
        "governor",
        "sen",
        "senator",
        "state",
        "lt",
        "rep",
        "attorney",
        "secretary",
        "house",
        "assembly",
        "county",
        "premier",
        "mayor",
        "police",
        "minister",
    }
)
"""Words after a sub-national place that make it the official's ("Kentucky Gov.")."""


def _sector(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    if actor.kind is ActorKind.COUNTRY:
        return "GOV"  # a country that acts or speaks is its government
    for title in actor.titles:
        words = title.lower().replace(".", "").split()
        for key in (" ".join(words[-2:]), words[-1] if words else ""):
            if key and (found := knowledge.role_sector(key)):
                return found
    named = actor.kind in (ActorKind.ORGANIZATION, ActorKind.GROUP)
    if named and (found := _name_sector(actor, view, knowledge)):
        return found
    if actor.name in knowledge.subnational:
        return "GOV"  # "Arizona sued the government": the state's government
    for m in actor.mentions:
        if m.form is MentionForm.NAME or m.form is MentionForm.PRONOUN:
            continue
        words = m.span.text.lower().split()
        if len(words) > 2 and (found := knowledge.role_sector(" ".join(words[-3:]))):
            return found  # "secretary of state"
        tok = view.token_at(m.span.end - 1)
        if tok is not None and (found := knowledge.role_sector(view.lower[tok])):
            return found
    return None


def _name_sector(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """An organisation's sector from its name's head word ("University of Lagos", "Kenya
    National Union of Teachers": the word before "of"; "Torvald Motors": the last word),
    then any other name word, then a role noun right after a name mention ("the Daily
    Nation newspaper")."""
    words = actor.name.lower().replace(".", "").replace(",", "").split()
    if "&" in words:
        return "BUS"  # "Halden & Rowe", "Procter & Gamble": firms named after partners
    head = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    keys = [" ".join(words), " ".join(words[max(0, head - 1) : head + 1]), words[head]]
    keys += [w for w in reversed(words) if w != words[head]]
    for key in keys:
        if key and (found := knowledge.role_sector(key)):
            return found
    for m in actor.mentions:
        tok = view.token_at(m.span.end - 1) if m.form is MentionForm.NAME else None
        nxt = tok + 1 if tok is not None else view.n
        found = knowledge.role_sector(view.lower[nxt]) if nxt < view.n else None
        if found and view.pos[nxt] == "NOUN":
            return found
    return None


def _said_place(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """A sub-national place before a local title, or a demonym before a lower-case title,
    within the four tokens before a person's first name mention."""
    for m in actor.mentions:
        if m.form is not MentionForm.NAME:
            continue
        tok = view.token_at(m.span.start)
        if tok is None:
            return None
        for k in range(max(0, tok - 4), tok):
            for width in (2, 1):
                words = " ".join(view.words[k : k + width])
                code = knowledge.subnational.get(words)
                if code and k + width < tok and view.lower[k + width].rstrip(".") in _LOCAL_TITLES:
                    return code
                demonym = knowledge.countries.by_demonym(words)
                if (
                    demonym
                    and actor.country is None
                    and k + width < tok
                    and view.words[k + width].islower()
                ):
                    return demonym  # "North Korean leader Kim Jong Un"
        return None
    return None


def _article_country(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """The dateline's country, else the country mentioned strictly most often."""
    if view.dateline is not None:
        table = knowledge.countries
        for part in reversed(view.dateline.place.split(",")):
            part = part.strip()
            code = (
                table.by_name(part)
                or table.by_name(part.title())
                or table.by_capital(part.title())
                or knowledge.subnational.get(part.title())
            )
            if code:
                return code
    counts: Counter[str] = Counter()
    for actor in actors:
        if actor.country and actor.country_source is not CountrySource.CONTEXT:
            counts[actor.country] += len(actor.mentions)
    top = counts.most_common(2)
    if top and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


def _unplaced(actor: Actor, update: dict[str, object]) -> bool:
    """A person or body with no country of its own, that the knowledge does not know as
    stateless (an IGO, a UN official)."""
    if actor.kind is ActorKind.COUNTRY or (actor.kb_id and actor.kb_id.startswith("oeda:")):
        return False
    sector = update.get("sector", actor.sector)
    return sector not in ("IGO", "NGO", "MNC")


def _state_not_country(actor: Actor, home: str | None, knowledge: KnowledgeBase) -> bool:
    """ "Georgia" in a story filed in Atlanta: the US state, not the country of that name.
    True when the actor's country comes from a name that is also a sub-national place of the
    article's own country."""
    if home is None or actor.country in (None, home):
        return False
    table = knowledge.countries
    texts = {actor.name, *(m.span.text for m in actor.mentions if m.form is MentionForm.NAME)}
    for text in texts:
        words = text.split()
        for width in (2, 1):
            for k in range(len(words) - width + 1):
                place = " ".join(words[k : k + width])
                if (
                    knowledge.subnational.get(place) == home
                    and table.by_name(place) == actor.country
                ):
                    return True
    return False


def apply_context(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with sectors and countries the article implies, and every country's source."""
    home = _article_country(actors, view, knowledge)
    states = {
        a.country
        for a in actors
        if a.kind is ActorKind.COUNTRY and _state_not_country(a, home, knowledge)
    }
    out = []
    for actor in actors:
        update: dict[str, object] = {}
        if _state_not_country(actor, home, knowledge) or (
            actor.country in states and actor.country_source is not CountrySource.KNOWLEDGE
        ):
            update.update(country=home, country_source=CountrySource.TEXT, kb_id=None)
            if actor.kind is ActorKind.COUNTRY:
                update.update(kind=ActorKind.OTHER, sector="GOV")
        if actor.sector is None and (sector := _sector(actor, view, knowledge)):
            update["sector"] = sector
        place = _said_place(actor, view, knowledge) if actor.kind is ActorKind.PERSON else None
        if place and actor.country != place:
            update.update(country=place, country_source=CountrySource.TEXT)
        elif actor.country is None and home and _unplaced(actor, update):
            update.update(country=home, country_source=CountrySource.CONTEXT)
        elif actor.country is not None and actor.country_source is None:
            update["country_source"] = CountrySource.TEXT
        out.append(actor.model_copy(update=update) if update else actor)
    return out
