"""Step 11b, more precision: names and descriptions that name nobody who acts.

Each rule is a class of web-news text, not a list of sentences:

* **Venues**: an app, platform or competition ("wrote on Telegram", "leave for Serie A") is
  where something happens; it is an actor only when it acts (subject, possessive owner,
  agent). Names come from :data:`communique.knowledge.venues.VENUES`, and any organisation
  met only as "on X" after a verb ("posted on Weibo") counts too.
* **Party-member nouns**: "a Connecticut Democrat", "an Ohio Republican" describe a person;
  a one-word name after an indefinite article is a description, not an actor.
* **Facilities as locations**: "doctors at Aden's Al-Gamhuria hospital": a name inside a
  noun phrase headed by a facility noun (hospital, airport, camp, …) that a locative
  preposition governs is part of a place.
* **Sentence-initial common nouns**: the small model tags "Analysts" or "Economists" at the
  start of a sentence as names; a one-word name whose lower-case form is a role noun of the
  knowledge base is a bare plural, dropped unless it is a state body that acts ("Police").
* **Unanchored descriptions**: "both commanders", "a spokesman" with no name, country,
  title or knowledge link are actor records only when they speak (subject of a reporting
  verb, "according to"); a speaking plural is then a group. "Sources" never are.
"""

from __future__ import annotations

from communique.extractors.actors.capitals import acts
from communique.extractors.actors.edits import add_mention
from communique.knowledge import KnowledgeBase
from communique.knowledge.venues import FACILITY_NOUNS, MEDIA_WORDS, THING_NOUNS, VENUES
from communique.models import Actor, ActorKind, Mention, MentionForm
from communique.parse import ParseView

__all__ = ["ANONYMOUS_ROLES", "screen_actors"]

ANONYMOUS_ROLES = frozenset(
    {
        "official",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "officer",
        "commander",
        "worker",
        "mediator",
        "negotiator",
        "source",
        "analyst",
        "expert",
        "diplomat",
        "aide",
        "witness",
        "observer",
        "employee",
        "staffer",
    }
)
"""Role nouns (lemmas) that name an anonymous person or people, not a body."""

_ACTING = frozenset({"COP", "MIL", "REB", "UAF", "JUD", "LEG", "IGO"})
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "into", "from", "to"})
_INDEFINITE = frozenset({"a", "an"})
_POSTING = frozenset(
    {"say", "write", "post", "publish", "share", "tweet", "announce", "upload", "stream", "appear"}
)


def _tokens(view: ParseView, m: Mention) -> range:
    first = view.token_at(m.span.start)
    last = view.token_at(m.span.end - 1)
    if first is None or last is None:
        return range(0)
    return range(first, last + 1)


def _any_acts(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> bool:
    for m in actor.mentions:
        toks = _tokens(view, m)
        if toks and acts(view, knowledge, toks[-1]):
            return True
    return False


def _only_on(actor: Actor, view: ParseView) -> bool:
    """Every name mention is the object of "on"/"via" attached to a verb ("posted on X")."""
    names = [m for m in actor.mentions if m.form is MentionForm.NAME]
    for m in names:
        toks = _tokens(view, m)
        if not toks:
            return False
        i = toks[-1]
        prep = view.head[i]
        if not (
            view.dep[i] == "pobj"
            and view.lower[prep] in ("on", "via")
            and view.pos[view.head[prep]] in ("VERB", "AUX")
            and view.lemma[view.head[prep]] in _POSTING
        ):
            return False
    return bool(names)


def _venue(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> bool:
    if actor.kind in (ActorKind.PERSON, ActorKind.COUNTRY):
        return False
    listed = any(
        m.span.text.casefold() in VENUES for m in actor.mentions if m.form is MentionForm.NAME
    )
    if not listed and (actor.kb_id or not _only_on(actor, view)):
        return False
    return not _any_acts(actor, view, knowledge)


_TOLD = frozenset({"tell", "contact", "commentate", "write", "speak", "talk"})
"""Verbs whose object or by/for/to/with phrase is the outlet a source talks to ("told the
Herald", "when contacted by the Post", "commentating for Nordic TV", "speaking to CBN")."""


def _addressed_outlet(actor: Actor, view: ParseView) -> bool:
    """An outlet (a name ending in a media word) met only as the one a source talks to."""
    names = [m for m in actor.mentions if m.form is MentionForm.NAME]
    if actor.kind is ActorKind.COUNTRY or not names or len(names) != len(actor.mentions):
        return False
    if actor.name.split()[-1].casefold() not in MEDIA_WORDS:
        return False
    for m in names:
        toks = _tokens(view, m)
        if not toks:
            return False
        i, head = toks[-1], view.head[toks[-1]]
        if view.dep[i] == "pobj" and view.lower[head] in ("by", "for", "to", "with"):
            head = view.head[head]
        elif view.dep[i] != "dobj":
            return False
        if view.lemma[head] not in _TOLD:
            return False
    return True


def _indefinite_name(view: ParseView, m: Mention) -> bool:
    """ "a Connecticut Democrat": a one-word name after "a"/"an" and capitalised modifiers."""
    toks = _tokens(view, m)
    if m.form is not MentionForm.NAME or len(toks) != 1:
        return False
    if view.dep[toks[0]] == "compound":
        return False  # "a Gallup poll": the name modifies the noun, it is not described
    k = toks[0] - 1
    while k >= 0 and view.pos[k] == "PROPN" and k >= toks[0] - 3:
        k -= 1
    return k >= 0 and view.lower[k] in _INDEFINITE


def _in_facility(view: ParseView, m: Mention) -> bool:
    """A name modifying a facility noun that a locative preposition governs."""
    toks = _tokens(view, m)
    if not toks:
        return False
    i = toks[-1]
    for _ in range(4):
        if view.dep[i] not in ("compound", "poss", "nmod", "amod") or view.head[i] == i:
            break
        i = view.head[i]
        if view.lemma[i] in THING_NOUNS and view.pos[i] == "NOUN":
            return True  # "the Ibar river", "the Lumora Health app"
        if view.lemma[i] in FACILITY_NOUNS and view.pos[i] == "NOUN":
            prep = view.head[i]
            return view.dep[i] == "pobj" and view.lower[prep] in _LOCATIVE
    return False


_NAMED_FACILITIES = frozenset({"church", "chapel", "temple", "mosque", "cathedral", "hall"})
"""Buildings a name can end in that host events rather than speak (a hospital or a centre
is often the body its staff speak for: "researchers at Linwood General Hospital")."""


def _named_facility(view: ParseView, m: Mention) -> bool:
    """A building named as where something is ("a reception centre at Eastside Community
    Church", "spoke at the Riverside Union Hall"): the last name word a facility noun, the
    name the object of a locative preposition."""
    toks = _tokens(view, m)
    if not toks or view.lower[toks[-1]] not in _NAMED_FACILITIES:
        return False
    i = toks[-1]
    return view.dep[i] == "pobj" and view.lower[view.head[i]] in _LOCATIVE


def _sentence_initial_noun(m: Mention, view: ParseView, knowledge: KnowledgeBase) -> bool:
    toks = _tokens(view, m)
    if m.form is not MentionForm.NAME or len(toks) != 1:
        return False
    i = toks[0]
    if i > 0 and view.sent[i - 1] == view.sent[i] and view.pos[i - 1] != "PUNCT":
        return False
    if view.ent_type[i] == "NORP":
        return False  # "Hindus and Muslims signed": a people, not a role
    word = view.lower[i]
    if view.lemma[i] in ANONYMOUS_ROLES:
        return True
    sector = knowledge.role_sector(word)
    if sector is None and word.endswith("s"):
        sector = knowledge.role_sector(word[:-1])
    return sector is not None and sector not in _ACTING and sector != "GOV"


def _anonymous(actor: Actor, view: ParseView) -> bool:
    """Only descriptions headed by an anonymous role noun, with nothing that places them."""
    titled = any(t.lower() not in ANONYMOUS_ROLES for t in actor.titles)
    if actor.kb_id or titled or actor.country:
        return False
    described = [m for m in actor.mentions if m.form is not MentionForm.PRONOUN]
    if not described or any(m.form is not MentionForm.NOMINAL for m in described):
        return False
    for m in described:
        toks = _tokens(view, m)
        if not toks or view.lemma[toks[-1]] not in ANONYMOUS_ROLES:
            return False
        if any(view.ent_type[k] and view.words[k][:1].isupper() for k in toks):
            return False
    return True


def _speaks(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> bool:
    for m in actor.mentions:
        toks = _tokens(view, m)
        if not toks:
            continue
        i = toks[-1]
        if view.dep[i] in ("nsubj", "nsubjpass") and view.lemma[view.head[i]] in knowledge.verbs:
            return True
        prep = view.head[i]
        if (
            view.dep[i] == "pobj"
            and view.lower[prep] == "to"
            and view.lower[prep - 1] == "according"
        ):
            return True
    return False


def _speaks_for_itself(actor: Actor, view: ParseView, knowledge: KnowledgeBase) -> bool:
    """Anonymous people kept because they speak ("officials said", "a spokesman said"): the
    quotes need a speaker that is nobody named, rather than a name inside the description
    ("a spokesman for the EU's foreign policy chief"). "Sources" are nobody."""
    heads = [
        _tokens(view, m)[-1]
        for m in actor.mentions
        if m.form is MentionForm.NOMINAL and _tokens(view, m)
    ]
    return all(view.lemma[t] != "source" for t in heads) and _speaks(actor, view, knowledge)


def _plural(actor: Actor, view: ParseView) -> bool:
    return any(
        view.tag[_tokens(view, m)[-1]] in ("NNS", "NNPS")
        for m in actor.mentions
        if m.form is MentionForm.NOMINAL and _tokens(view, m)
    )


def _city(actor: Actor, knowledge: KnowledgeBase) -> str | None:
    """The country of a place the knowledge base links to a country entry although its name is
    not that country's ("Goma", "Kyiv" tagged as a person): a city, not the country."""
    if actor.kind is ActorKind.COUNTRY or not (actor.kb_id or "").startswith("country:"):
        return None
    code = actor.kb_id.split(":", 1)[1] if actor.kb_id else None
    names = {m.span.text for m in actor.mentions if m.form is MentionForm.NAME}
    table = knowledge.countries
    if code is None or any(
        table.by_name(n) == code or table.by_demonym(n) or n in knowledge.subnational for n in names
    ):
        return None  # the country itself, "Angolan", a state ("Arizona") that acts
    return code


def _cities(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """A capital that acts joins its country; any other city mention is a place and goes."""
    out = list(actors)
    for actor in actors:
        code = _city(actor, knowledge)
        if code is None:
            continue
        acting = [
            m
            for m in actor.mentions
            if m.form is MentionForm.NAME
            and _tokens(view, m)
            and acts(view, knowledge, _tokens(view, m)[-1])
        ]
        capital = all(knowledge.countries.by_capital(m.span.text) == code for m in acting)
        if acting and not capital:
            continue  # a city that acts stays what the earlier steps made it
        out.remove(actor)
        if not acting:
            continue
        owner = next((a for a in out if a.kind is ActorKind.COUNTRY and a.country == code), None)
        if owner is None:
            out.append(
                actor.model_copy(update={"mentions": tuple(acting), "kind": ActorKind.COUNTRY})
            )
            continue
        merged = owner
        for m in acting:
            merged = add_mention(merged, m)
        out[out.index(owner)] = merged
    return out


def screen_actors(actors: list[Actor], view: ParseView, knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` without venues, outlets talked to, party-member nouns, facilities,
    sentence-initial common nouns and silent anonymous descriptions (see the module doc)."""
    out: list[Actor] = []
    for actor in _cities(actors, view, knowledge):
        if _venue(actor, view, knowledge) or _addressed_outlet(actor, view):
            continue
        if actor.kind is not ActorKind.COUNTRY:
            unlinked = not actor.kb_id
            kept = tuple(
                m
                for m in actor.mentions
                if not (
                    _in_facility(view, m)
                    or _named_facility(view, m)
                    or (unlinked and _indefinite_name(view, m))
                    or (unlinked and _sentence_initial_noun(m, view, knowledge))
                )
            )
            if not any(m.form is not MentionForm.PRONOUN for m in kept):
                continue
            if len(kept) != len(actor.mentions):
                actor = actor.model_copy(update={"mentions": kept})
        if _anonymous(actor, view):
            if not _speaks_for_itself(actor, view, knowledge):
                continue
            if _plural(actor, view):
                actor = actor.model_copy(update={"kind": ActorKind.GROUP})
        out.append(actor)
    return out
