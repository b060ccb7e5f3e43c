"""Step 11c, short forms of bodies: one actor for "Houthi rebels", "the Houthis" and "Houthi".

Wire copy introduces a body once in full and then shortens it; the earlier steps merge
people's family names, this step does the same for organisations and groups, whatever label
spaCy gave the short form:

* **Group words**: "the M23 rebel group", "Dawlah Islamiyah militant group", "Houthi
  rebels" are the group named before the generic words; "Houthis" is "Houthi" in the plural.
* **Country prefix**: "the Navy" after "the U.S. Navy" (the longer name adds only a country).
* **Company stem**: "Calder" after "Calder Systems" (the longer name adds only industry words,
  :mod:`communique.knowledge.companies`), "Norvale" after "Norvale Foods Inc." (a legal suffix).
* **Acronyms over a country prefix**: "FDA" is "U.S. Food and Drug Administration" (initials of
  the words after the country, function words skipped).

A short form joins a longer name only when exactly one actor of the article has that longer
name; the merged actor is named by the longer, non-acronym name and takes any country,
sector or knowledge link it lacked from the other.
"""

from __future__ import annotations

from communique.extractors.actors.edits import add_mention
from communique.knowledge import KnowledgeBase
from communique.knowledge.companies import INDUSTRY_WORDS, LEGAL_SUFFIXES
from communique.models import Actor, ActorKind, MentionForm

__all__ = ["merge_body_short_forms"]

GROUP_WORDS = frozenset(
    {"rebels", "rebel", "militants", "militant", "group", "militia", "movement", "fighters"}
)
"""Generic words after a group's name ("M23 rebel group")."""

CORPORATE_WORDS = INDUSTRY_WORDS | LEGAL_SUFFIXES
"""Words a company's short name leaves out when all that follows it ("Calder Systems")."""

_FUNCTION = frozenset({"of", "and", "for", "the", "on", "in", "&"})
_MERGEABLE = (ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.OTHER, ActorKind.PERSON)


def _words(name: str) -> list[str]:
    words = name.replace("’s", "").replace("'s", "").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return words


def _group_key(actor: Actor) -> str | None:
    words = [w.lower() for w in _words(actor.name)]
    while len(words) > 1 and words[-1] in GROUP_WORDS:
        words.pop()
    if not words or (actor.kind is ActorKind.PERSON and len(words) > 1):
        return None
    last = words[-1]
    if last.endswith("s") and len(last) > 4 and actor.kind is not ActorKind.ORGANIZATION:
        words[-1] = last[:-1]  # "Houthis" → "houthi"
    return " ".join(words)


def _without_country(actor: Actor, knowledge: KnowledgeBase) -> list[str] | None:
    """The name's words after a leading country name or demonym ("U.S. Navy" → ["Navy"])."""
    words = _words(actor.name)
    table = knowledge.countries
    for width in (2, 1):
        head = " ".join(words[:width])
        if len(words) > width and (table.by_name(head) or table.by_demonym(head)):
            return words[width:]
    return None


def _short_keys(actor: Actor, knowledge: KnowledgeBase) -> set[str]:
    """The short forms a longer name of a body can be written as."""
    if actor.kind not in (ActorKind.ORGANIZATION, ActorKind.GROUP):
        return set()
    keys: set[str] = set()
    words = _words(actor.name)
    rest = _without_country(actor, knowledge)
    if rest:
        keys.add(" ".join(rest).lower())
        initials = "".join(w[0] for w in rest if w.lower() not in _FUNCTION and w[:1].isupper())
        if len(initials) >= 2:
            keys.add(initials.lower())
    bare = [w.lower().replace(".", "").rstrip(",") for w in words]
    if len(words) >= 2 and all(w in CORPORATE_WORDS for w in bare[1:]):
        keys.add(words[0].lower())
    elif len(words) >= 3 and bare[-1] in LEGAL_SUFFIXES and words[0][:1].isupper():
        keys.add(words[0].lower())  # "Norvale Foods Inc." → "Norvale": a registered name's stem
    return keys


def _short_form(actor: Actor) -> str | None:
    """The one name form a short actor is written with, if it is a short form candidate."""
    if actor.kind not in _MERGEABLE or actor.kb_id or actor.titles:
        return None
    names = {" ".join(_words(m.span.text)) for m in actor.mentions if m.form is MentionForm.NAME}
    if len(names) != 1:
        return None
    name = next(iter(names))
    if actor.kind is ActorKind.PERSON and len(name.split()) > 1:
        return None
    return name.replace(".", "").lower()


def _merge(into: Actor, other: Actor) -> Actor:
    merged = into
    for m in other.mentions:
        merged = add_mention(merged, m)
    update: dict[str, object] = {}
    for field in ("country", "country_source", "sector", "kb_id", "affiliation_id"):
        if getattr(merged, field) is None and getattr(other, field) is not None:
            update[field] = getattr(other, field)
    if merged.kind is ActorKind.PERSON and other.kind is not ActorKind.PERSON:
        update["kind"] = other.kind
    if len(other.name) > len(merged.name) and not other.name.replace(".", "").isupper():
        update["name"] = other.name  # the full name, even when the short form came first
    return merged.model_copy(update=update) if update else merged


def _first(actor: Actor) -> int:
    return min((m.span.start for m in actor.mentions), default=0)


def _pairs(actors: list[Actor], knowledge: KnowledgeBase) -> list[tuple[int, int]]:
    """(long, short) index pairs to merge."""
    pairs: list[tuple[int, int]] = []
    by_group: dict[str, list[int]] = {}
    for k, actor in enumerate(actors):
        key = _group_key(actor) if actor.kind is not ActorKind.COUNTRY else None
        if key:
            by_group.setdefault(key, []).append(k)
    for members in by_group.values():
        if len(members) > 1 and any(actors[k].kind is ActorKind.GROUP for k in members):
            pairs += [(members[0], k) for k in members[1:]]
    longer: dict[str, list[int]] = {}
    for k, actor in enumerate(actors):
        for key in _short_keys(actor, knowledge):
            longer.setdefault(key, []).append(k)
    merged = {k for pair in pairs for k in pair}
    for k, actor in enumerate(actors):
        short = _short_form(actor)
        owners = longer.get(short or "", [])
        if len(owners) == 1 and owners[0] != k and k not in merged:
            acronym = actor.name.replace(".", "").isupper()  # initials are specific: any order
            if acronym or _first(actors[owners[0]]) < _first(actor):
                pairs.append((owners[0], k))
    return pairs


def merge_body_short_forms(actors: list[Actor], knowledge: KnowledgeBase) -> list[Actor]:
    """``actors`` with the short forms of bodies merged into their full names."""
    out: list[Actor | None] = list(actors)
    for long_k, short_k in _pairs(actors, knowledge):
        target, other = out[long_k], out[short_k]
        if target is None or other is None:
            continue
        if _first(other) < _first(target):
            out[short_k] = _merge(other, target)
            out[long_k] = None
        else:
            out[long_k] = _merge(target, other)
            out[short_k] = None
    return [a for a in out if a is not None]
