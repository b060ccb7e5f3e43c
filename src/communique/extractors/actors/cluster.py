"""Step 2, clustering: merging name mentions into entities: one entity per real-world person, body
or country.

Rules, in order (each documented in docs/extractors/actors.md):

1. Countries merge by ISO code (every variant and agentive capital of a country is one).
2. Full person names merge when given and family names agree ("John Kerry" = "John F.
   Kerry"); honorifics are ignored ("Mr. Kerry").
3. A one-word name (whatever spaCy's label) that is the family name of exactly one full
   name joins it. When two people share it (Hillary and Bill Clinton) the bare name joins
   one only if an honorific's gender or *being the only one introduced so far* settles it;
   otherwise it stays a separate actor marked ``ambiguous`` — never silently glued.
4. Organisations: an acronym in parentheses after a name is that name; an acronym whose
   letters match exactly one longer name joins it; a shorter name whose identifying words
   are all in exactly one longer name, which adds only generic words, joins it ("Nusra" →
   "Al-Nusra Front"; but "Charlotte" is not "Charlotte Observer", nor "Bank of America"
   "Bank of America Stadium").
5. Everything else merges only on an identical key (case, dots, "the" and possessive aside).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from communique.extractors.actors.candidates import Candidate
from communique.extractors.actors.entities import Entity
from communique.extractors.actors.kinds import is_group
from communique.extractors.actors.names import (
    GENERIC,
    HONORIFICS,
    acronym_matches,
    gender_of_name,
    is_acronym,
    name_key,
    person_parts,
    significant,
    strip_article,
    strip_possessive,
)
from communique.knowledge.countries import CountryTable
from communique.models import ActorKind


def _surname(parts: list[str]) -> frozenset[str]:
    return significant(parts[-1]) if parts else frozenset()


def cluster_names(
    cands: list[Candidate],
    table: CountryTable,
    first_names: Mapping[str, str],
    title_before: Iterable[int],
) -> list[Entity]:
    """Group name candidates into entities (see the module docstring for the rules)."""
    titled = set(title_before)
    entities: list[Entity] = []
    by_code: dict[str, Entity] = {}
    persons: dict[tuple[str, frozenset[str]], Entity] = {}
    person_first: dict[int, int] = {}
    singles: list[Candidate] = []
    others: list[Candidate] = []
    for cand in cands:
        if cand.kind == "country" and cand.country:
            ent = by_code.get(cand.country)
            if ent is None:
                ent = Entity(
                    ActorKind.COUNTRY,
                    ("country", cand.country),
                    country=cand.country,
                    name=table.name_of(cand.country),
                )
                by_code[cand.country] = ent
                entities.append(ent)
            ent.add(cand)
            continue
        parts = person_parts(cand.text)
        if cand.label == "PERSON" and len(parts) >= 2 and not is_acronym(parts[-1]):
            pkey = (parts[0].casefold().rstrip("."), _surname(parts))
            ent = persons.get(pkey)
            if ent is None:
                ent = Entity(ActorKind.PERSON, ("person", pkey[0], *sorted(pkey[1])))
                persons[pkey] = ent
                entities.append(ent)
                person_first[id(ent)] = cand.cstart
            ent.add(cand)
        elif (
            len(parts) == 1 and cand.kind in ("person", "org", "norp") and not is_acronym(parts[0])
        ):
            singles.append(cand)
        else:
            others.append(cand)

    _attach_singles(singles, persons, person_first, first_names, others)

    keyed = _key_others(others, entities)
    _merge_orgs(entities, keyed)
    entities = [e for e in entities if e.cands]
    for ent in entities:
        _decide_kind(ent, titled)
        _name(ent)
    return entities


def _attach_singles(
    singles: list[Candidate],
    persons: Mapping[tuple[str, frozenset[str]], Entity],
    person_first: dict[int, int],
    first_names: Mapping[str, str],
    others: list[Candidate],
) -> None:
    """One-word names join the person whose surname (or only first name) they are; the rest
    go to ``others``, marked ambiguous when several people share the surname."""
    for cand in singles:
        word = significant(person_parts(cand.text)[0])
        matches = [e for (_, sur), e in persons.items() if sur == word]
        if not matches:
            firsts = [
                e
                for (first, _), e in persons.items()
                if first == person_parts(cand.text)[0].casefold()
            ]
            if cand.label == "PERSON" and len(firsts) == 1:
                firsts[0].add(cand)
            else:
                others.append(cand)
            continue
        chosen = _choose_person(cand, matches, person_first, first_names)
        if chosen is not None:
            chosen.add(cand)
        else:
            cand.extra["ambiguous"] = True
            cand.kind = "person"
            others.append(cand)


def _key_others(others: list[Candidate], entities: list[Entity]) -> dict[str, Entity]:
    """Every remaining candidate into an entity by its name key (appended to ``entities``)."""
    keyed: dict[str, Entity] = {}
    for cand in others:
        nkey = name_key(" ".join(person_parts(cand.text)) or cand.text)
        if cand.extra.get("ambiguous"):
            nkey = "?" + nkey
        ent = keyed.get(nkey)
        if ent is None:
            ent = Entity(ActorKind.OTHER, ("name", nkey))
            keyed[nkey] = ent
            entities.append(ent)
        ent.add(cand)
    return keyed


def _choose_person(
    cand: Candidate,
    matches: list[Entity],
    person_first: dict[int, int],
    first_names: Mapping[str, str],
) -> Entity | None:
    """Rule 3: which full-name person a bare family name is, or None when ambiguous."""
    if len(matches) == 1:
        return matches[0]
    honorific = cand.text.split()[0].rstrip(".").casefold() if " " in cand.text else ""
    signal = HONORIFICS.get(honorific)
    if signal:
        gendered = [
            e
            for e in matches
            if any(gender_of_name(c.text, first_names) == signal for c in e.cands)
        ]
        if len(gendered) == 1:
            return gendered[0]
    before = [e for e in matches if person_first[id(e)] < cand.cstart]
    if len(before) == 1:
        return before[0]
    return None


def _merge_orgs(entities: list[Entity], keyed: dict[str, Entity]) -> None:
    """Rule 4: acronyms in parentheses, acronym letters, and short forms."""
    heads = {c.head: e for e in entities for c in e.cands}
    for ent in list(keyed.values()):
        for cand in list(ent.cands):
            if cand.acronym_for is not None:
                target = heads.get(cand.acronym_for)
                if target is not None and target is not ent:
                    _absorb(target, ent, heads)
    for ent in list(keyed.values()):
        for cand in list(ent.cands):
            acronym = cand.extra.get("paren_acronym")
            other = keyed.get(name_key(acronym)) if acronym else None
            if other is not None and other is not ent and other.cands:
                _absorb(ent, other, heads)
    live = [e for e in keyed.values() if e.cands and not _is_person_like(e)]
    # inverted index word → entities whose names contain it, so a short form is compared
    # only with names sharing its words (no all-pairs scan)
    forms: dict[int, list[tuple[str, frozenset[str]]]] = {}
    by_word: dict[str, list[Entity]] = {}
    initials: dict[str, list[Entity]] = {}
    for ent in live:
        texts = list(dict.fromkeys(c.text for c in ent.cands))
        forms[id(ent)] = [(t, significant(t)) for t in texts]
        for _, sig in forms[id(ent)]:
            for word in sig:
                by_word.setdefault(word, []).append(ent)
        for text in texts:
            if not is_acronym(text):
                initial = strip_article(strip_possessive(text))[:1].upper()
                initials.setdefault(initial, []).append(ent)
    for short in sorted(live, key=lambda e: len(_longest(e).split())):
        if not short.cands:
            continue
        text = _longest(short)
        hits: list[Entity] = []
        if is_acronym(text):
            for ent in initials.get(text[:1].upper(), ()):
                if (
                    ent is not short
                    and ent.cands
                    and ent not in hits
                    and any(acronym_matches(text, t) for t, _ in forms[id(ent)])
                ):
                    hits.append(ent)
        else:
            sig = significant(text)
            rare = sig - GENERIC
            if not rare:
                continue
            for ent in by_word.get(next(iter(sorted(rare))), ()):
                if (
                    ent is not short
                    and ent.cands
                    and ent not in hits
                    and any(
                        sig < other and not (other - sig - GENERIC) for _, other in forms[id(ent)]
                    )
                ):
                    hits.append(ent)
        if len(hits) == 1:
            _absorb(hits[0], short, heads)
            forms[id(hits[0])] += forms[id(short)]


def _is_person_like(ent: Entity) -> bool:
    return any(c.label == "PERSON" for c in ent.cands) and not any(
        c.label in ("ORG", "NORP") for c in ent.cands
    )


def _absorb(into: Entity, other: Entity, heads: dict[int, Entity]) -> None:
    for cand in other.cands:
        into.add(cand)
        heads[cand.head] = into
    other.cands = []


def _longest(ent: Entity) -> str:
    best = ""
    for cand in ent.cands:
        text = strip_article(strip_possessive(cand.text))
        if len(text.split()) > len(best.split()):
            best = text
    return best or ent.cands[0].text


def _decide_kind(ent: Entity, titled: set[int]) -> None:
    """Person if spaCy said PERSON more often than anything else, or a title or honorific
    stands before it; group by :func:`is_group`; organisation for the remaining ORG/NORP."""
    names = ent.names()
    if names and all(c.plural for c in names):
        ent.plural = True  # "Latinos", "Democrats": a body of people, not one person
        if ent.kind is ActorKind.PERSON:
            ent.kind = ActorKind.OTHER
    if ent.kind is ActorKind.PERSON and is_group(_longest(ent), False, strict=True):
        ent.kind = ActorKind.GROUP  # spaCy calls "Boko Haram" a person
    if ent.kind in (ActorKind.COUNTRY, ActorKind.PERSON, ActorKind.GROUP):
        return
    votes = {"PERSON": 0, "ORG": 0, "NORP": 0, "GPE": 0}
    for cand in ent.cands:
        votes[cand.label] = votes.get(cand.label, 0) + 1
        if cand.start in titled or cand.text.split()[0].rstrip(".").casefold() in HONORIFICS:
            votes["PERSON"] += 2
        if cand.extra.get("aged"):
            votes["PERSON"] += len(ent.cands)  # "Nwosu, 19,": organisations have no age
    best = max(votes, key=lambda k: (votes[k], k == "PERSON"))
    if best == "PERSON" and ent.plural:
        best = "NORP"
    name = _longest(ent)
    has_country = any(c.country for c in ent.cands)
    if best == "PERSON":
        ent.kind = ActorKind.PERSON
    elif best == "GPE":
        ent.kind = ActorKind.OTHER
    elif is_group(name, has_country):
        ent.kind = ActorKind.GROUP
    elif best == "NORP":
        ent.kind = ActorKind.OTHER
    else:
        ent.kind = ActorKind.ORGANIZATION
    if any(c.extra.get("ambiguous") for c in ent.cands):
        ent.extensions["ambiguous"] = True


def _name(ent: Entity) -> None:
    """Canonical name: the table name for countries, else the fullest name used."""
    if ent.kind is ActorKind.COUNTRY:
        return
    if ent.kind is ActorKind.PERSON or ent.key[0] == "person":
        best: list[str] = []
        for cand in ent.names():
            parts = person_parts(cand.text)
            if len(parts) > len(best):
                best = parts
        ent.name = " ".join(best) if best else strip_possessive(ent.cands[0].text)
        return
    full = [c for c in ent.names() if not is_acronym(strip_article(c.text))]
    ent.name = _longest(ent) if full else strip_article(strip_possessive(ent.cands[0].text))
