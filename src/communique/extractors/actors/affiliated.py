"""Step 12b, attachment: people take the sector and country of the body the text ties them to.

News introduces a person through the body they speak for, and event coders code the person
as that body: "Amina Idriss of the Norwegian Refugee Council" (NGO), "Noah Fischer, an analyst
at Halvorsen Research" (BUS), "Kalmar's chairwoman, Birgitta Lund" (BUS), "a Houthi official,
Mohammed Al-Bukhaiti" (REB), "Dr. Hana Kobayashi, a researcher at Kyoto University" (JPN).

The tie is read in a small window of the person's own sentence: after a name mention up to
the second comma (no verb crossed), before it back to the previous comma or clause start,
and inside the person's own descriptions ("A Lumora spokeswoman"). The first organisation or
group mentioned there is the person's body. The person keeps a sector of its own, except that
an anonymous role's government sector ("official", "spokesman") gives way to an armed group's;
a country read from the article's context gives way to the body's country said in the text or
known to the knowledge base.

A title the person's own clause predicates of them gives a sector ("Rishi Sunak became
Britain's prime minister" → GOV).

An organisation named right after "<Country>'s" ("Russia's Defence Ministry") belongs to that
country, said in the text; "the Obama administration" is the government of the leader named in
it (the leader's country, GOV), and that name is not a mention of the leader.
"""

from __future__ import annotations

from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind, CountrySource, Mention, MentionForm
from communique.parse import ParseView

__all__ = ["attach_people"]

_BODIES = (ActorKind.ORGANIZATION, ActorKind.GROUP)
_ARMED = frozenset({"REB", "UAF", "OPP", "IMG"})
_WINDOW = 12


def _body_tokens(actors: list[Actor], view: ParseView) -> dict[int, Actor]:
    """Token → organisation or group actor, for their name mentions."""
    owner: dict[int, Actor] = {}
    for actor in actors:
        if actor.kind not in _BODIES:
            continue
        for m in actor.mentions:
            if m.form is not MentionForm.NAME:
                continue
            first, last = view.token_at(m.span.start), view.token_at(m.span.end - 1)
            if first is None or last is None:
                continue
            for k in range(first, last + 1):
                owner.setdefault(k, actor)
    return owner


def _window(view: ParseView, m: Mention) -> list[int]:
    """Tokens tied to a name mention: its apposition after it, its premodifiers before it."""
    first, last = view.token_at(m.span.start), view.token_at(m.span.end - 1)
    if first is None or last is None:
        return []
    if m.form is MentionForm.NOMINAL:
        return list(range(first, last + 1))
    after: list[int] = []
    commas = 0
    for k in range(last + 1, min(view.n, last + 1 + _WINDOW)):
        if view.sent[k] != view.sent[last] or view.words[k] in (".", ";", "(", ")"):
            break
        if view.words[k] == ",":
            commas += 1
            if commas == 2:
                break
            continue
        if view.pos[k] in ("VERB", "AUX"):
            break
        after.append(k)
    before: list[int] = []
    for k in range(first - 1, max(-1, first - 1 - 6), -1):
        if view.sent[k] != view.sent[first]:
            break
        if view.words[k] == "," and before:
            break
        if view.pos[k] in ("VERB", "AUX"):
            break
        before.append(k)
    return after + before


def _body_of(actor: Actor, view: ParseView, owner: dict[int, Actor]) -> Actor | None:
    for m in actor.mentions:
        if m.form is MentionForm.PRONOUN:
            continue
        for k in _window(view, m):
            body = owner.get(k)
            if body is not None and body.id != actor.id:
                return body
    return None


def _possessor_country(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """ "Russia's Defence Ministry": the country named right before with a possessive."""
    for m in actor.mentions:
        first = view.token_at(m.span.start) if m.form is MentionForm.NAME else None
        if first is None or first < 2 or view.lower[first - 1] not in ("'s", "’s"):
            continue
        k = first - 2
        start = k
        while start > 0 and view.pos[start - 1] == "PROPN" and k - start < 3:
            start -= 1
        for s in range(start, k + 1):
            code = knowledge.countries.by_name(" ".join(view.words[s : k + 1]))
            if code:
                return code
    return None


def _update(actor: Actor, body: Actor | None) -> dict[str, object]:
    update: dict[str, object] = {}
    if body is None:
        return update
    if body.sector and (
        actor.sector is None
        or (actor.sector == "GOV" and not actor.titles and body.sector in _ARMED)
    ):
        update["sector"] = body.sector
    placed = body.country_source in (CountrySource.TEXT, CountrySource.KNOWLEDGE)
    if body.country and placed and actor.country_source in (None, CountrySource.CONTEXT):
        update["country"] = body.country
        update["country_source"] = body.country_source
    return update


_GOVERNMENTS = frozenset({"administration", "government", "cabinet", "regime"})


def _inside(m: Mention, body: Actor) -> bool:
    return any(
        b.span.start <= m.span.start and m.span.end <= b.span.end and b is not m
        for b in body.mentions
    )


def leaders_governments(actors: list[Actor]) -> list[Actor]:
    """ "the Obama administration": the government of the leader named inside it (country,
    GOV); the leader's name there is part of the body's name, not a mention of the leader."""
    out = list(actors)
    for body in actors:
        words = body.name.split()
        if body.kind is not ActorKind.ORGANIZATION or words[-1].lower() not in _GOVERNMENTS:
            continue
        for k, person in enumerate(out):
            if person.kind is not ActorKind.PERSON or not person.country:
                continue
            nested = [m for m in person.mentions if _inside(m, body)]
            if not nested:
                continue
            b = out.index(body)
            if body.country is None:
                out[b] = body.model_copy(
                    update={
                        "country": person.country,
                        "country_source": person.country_source,
                        "sector": "GOV",
                    }
                )
            kept = tuple(m for m in person.mentions if m not in nested)
            out[k] = person.model_copy(update={"mentions": kept})
    return [a for a in out if any(m.form is not MentionForm.PRONOUN for m in a.mentions)]


_PREDICATE_DEPS = frozenset({"attr", "oprd", "pobj", "dobj"})


def _predicate_sector(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> str | None:
    """ "Rishi Sunak became Britain's prime minister", "Zelensky was sworn in as Ukraine's
    president": the sector of a title the person's own clause predicates of them."""
    for m in actor.mentions:
        last = view.token_at(m.span.end - 1) if m.form is MentionForm.NAME else None
        if last is None or view.dep[last] not in ("nsubj", "nsubjpass"):
            continue
        verb = view.head[last]
        for k in range(verb + 1, min(view.n, verb + 8)):
            if view.sent[k] != view.sent[verb]:
                break
            if view.pos[k] != "NOUN" or view.dep[k] not in _PREDICATE_DEPS:
                continue
            via = view.head[k]
            if view.dep[k] in ("pobj", "dobj") and view.lower[via] != "as" and via != verb:
                continue
            if view.dep[k] == "dobj" and view.lemma[verb] not in ("name", "elect", "appoint"):
                continue
            title = " ".join(view.lower[max(k - 1, 0) : k + 1])
            if title in knowledge.titles or view.lower[k] in knowledge.titles:
                return knowledge.role_sector(title) or knowledge.role_sector(view.lower[k])
    return None


def attach_people(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with people placed by the body the text ties them to (see the module doc)."""
    out = leaders_governments(actors)
    for k, actor in enumerate(out):
        if actor.kind in _BODIES and actor.country_source in (None, CountrySource.CONTEXT):
            code = _possessor_country(actor, view, knowledge)
            if code:
                out[k] = actor.model_copy(
                    update={"country": code, "country_source": CountrySource.TEXT}
                )
    owner = _body_tokens(out, view)
    for k, actor in enumerate(out):
        if actor.kind is not ActorKind.PERSON:
            continue
        update = _update(actor, _body_of(actor, view, owner))
        if actor.sector is None and "sector" not in update:
            sector = _predicate_sector(actor, view, knowledge)
            if sector:
                update["sector"] = sector
        if update:
            out[k] = actor.model_copy(update=update)
    return out
