"""The built-in ``actors`` extractor: orchestration only.

Order of work, each step in its own module: find names (:mod:`.mentions`), merge them
(:mod:`.cluster`), spread merged names to places spaCy missed, read titles and countries
around names (:mod:`.titles`, :mod:`.countries`), resolve descriptions and pronouns
(:mod:`.coref`), then freeze entities into :class:`~communique.models.Actor` objects ordered by
first mention, so ids are deterministic.
"""

from __future__ import annotations

from typing import Any

from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult
from communique.extractors.actors import titles as T
from communique.extractors.actors.cluster import cluster_names
from communique.extractors.actors.coref import Resolver
from communique.extractors.actors.countries import CountryTable, country_table
from communique.extractors.actors.entities import Entity
from communique.extractors.actors.index import ActorIndex
from communique.extractors.actors.mentions import (
    Cand,
    DocView,
    description_candidates,
    name_candidates,
    occupied,
    paren_acronyms,
    pronoun_candidates,
    title_spans,
    untagged_countries,
    untagged_people,
)
from communique.extractors.actors.names import gender_of_name, strip_article, strip_possessive
from communique.models import Actor, ActorKind, Mention, MentionForm

_TITLE_LEAD = frozenset({"former", "then", "acting", "outgoing", "incoming", "senior", "top",
                         "interim", "new", "late", "current"})


class ActorExtractor(BaseExtractor):
    """Finds people, organisations, countries and groups and every mention of them."""

    name = "actors"
    version = "1.0.0"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("actors",)
    spacy_components: tuple[str, ...] | None = (
        "tagger", "attribute_ruler", "lemmatizer", "parser", "ner")
    """Tags/POS (attribute_ruler), lemmas, dependencies and sentences, entities."""

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = find_actors(ctx.text, ctx.doc, ctx.paragraph_index, ctx.ids.new)
        return ExtractorResult(actors=actors, provided={"actors": ActorIndex(actors)})


def find_actors(text: str, doc: Any, paragraph_of: Any, new_id: Any) -> tuple[Actor, ...]:
    """All actors of one parsed text, ordered by first mention (ids from ``new_id``)."""
    table = country_table()
    view = DocView(doc, text, paragraph_of)
    spans = title_spans(view)
    blocked = [False] * view.n
    after_title: set[int] = set()
    for start, end in spans:
        for k in range(start, end):
            blocked[k] = True
        after_title.add(end)
    names = name_candidates(view, table, blocked)
    taken = occupied(view, names)
    names += paren_acronyms(view, names, taken)
    names += untagged_countries(view, table, occupied(view, names))
    names += untagged_people(view, occupied(view, names), blocked,
                             {c.head for c in names if c.label == "PERSON"})
    entities = [e for e in cluster_names(names, table, after_title) if _keep(view, e)]
    names = [c for e in entities for c in e.cands]
    names += _propagate(view, entities, occupied(view, names))
    for ent in entities:
        if ent.kind is ActorKind.PERSON and ent.gender is None:
            ent.gender = next((g for g in (gender_of_name(c.text) for c in ent.names()) if g),
                              None)
    _premodifiers(view, table, entities)
    taken = occupied(view, names)
    name_heads = {c.head: c for c in names}
    descriptions = description_candidates(view, table, taken, name_heads)
    pronouns = pronoun_candidates(view, occupied(view, names + descriptions))
    resolver = Resolver(view, table, entities, entities.append)
    resolver.run(descriptions + pronouns)
    return _freeze(entities, table, text, new_id)


def _keep(view: DocView, ent: Entity) -> bool:
    """spaCy's NORP also fires on places ("the city of Aleppo"): a NORP-only name that did
    not merge with an organisation counts only when it acts or names a plural body
    ("Republicans said")."""
    if not all(c.label == "NORP" for c in ent.cands) or ent.kind is ActorKind.GROUP:
        return True
    return any(c.subject or view.agentive(c.head) or view.tag[c.head] == "NNPS"
               for c in ent.cands)


def _propagate(view: DocView, entities: list[Entity], taken: list[bool]) -> list[Cand]:
    """Names spaCy tagged once but missed elsewhere ("Nusra" at a sentence start) are
    mentions too: exact token sequences of an entity's own names, capitalised, unclaimed.
    Family names shared by two people and capitals are not spread."""
    forms: dict[str, list[tuple[tuple[str, ...], Entity, Cand]]] = {}
    shouted: dict[str, list[tuple[tuple[str, ...], Entity, Cand]]] = {}
    owners: dict[tuple[str, ...], set[int]] = {}
    for ent in entities:
        if ent.extensions.get("ambiguous"):
            continue
        for cand in ent.names():
            if cand.extra.get("capital"):
                continue
            seq = tuple(view.text[cand.start:cand.end])
            if not seq[0][:1].isupper():
                continue
            owners.setdefault(seq, set()).add(id(ent))
            forms.setdefault(seq[0], []).append((seq, ent, cand))
            if ent.kind is ActorKind.PERSON and len(seq) > 1 and seq[-1][:1].isupper():
                surname = (seq[-1],)
                owners.setdefault(surname, set()).add(id(ent))
                if (surname, ent) not in [(o[0], o[1]) for o in forms.get(seq[-1], [])]:
                    forms.setdefault(seq[-1], []).append((surname, ent, cand))
            upper = tuple(w.upper() for w in seq)
            if upper != seq:
                shouted.setdefault(upper[0], []).append((upper, ent, cand))
                owners.setdefault(upper, set()).add(id(ent))
    for options in (*forms.values(), *shouted.values()):
        options.sort(key=lambda o: -len(o[0]))
    out: list[Cand] = []
    i = 0
    while i < view.n:
        word = view.text[i]
        found = None if taken[i] else forms.get(word) or (
            shouted.get(word) if len(word) > 2 and word.isupper() else None)
        matched = 0
        for seq, ent, model in found or ():
            n = len(seq)
            if len(owners[seq]) > 1 or i + n > view.n or (tuple(view.text[i:i + n]) != seq \
                    and tuple(view.text[i:i + n]) != tuple(w.upper() for w in seq)):
                continue
            if n == 1 and view.pos[i] != "PROPN":
                continue
            if any(taken[k] for k in range(i, i + n)):
                continue
            head = i + n - 1
            cand = Cand(i, i + n, view.idx[i], view.end[head], MentionForm.NAME, model.kind,
                        view.raw[view.idx[i]:view.end[head]], head, label=model.label,
                        country=model.country if model.kind == "country" else None,
                        subject=view.is_subject(head), plural=model.plural)
            ent.add(cand)
            out.append(cand)
            matched = n
            break
        i += matched or 1
    return out


def _country_ending(view: DocView, table: CountryTable, j: int) -> str | None:
    """Country named or implied by the tokens ending at ``j`` ("US", "U.S.", "Russian",
    "United States", "Russia 's")."""
    if j >= 0 and view.lower[j] in ("'s", "’s"):
        j -= 1
    if j < 0:
        return None
    code = table.by_demonym(view.text[j])
    if code:
        return code
    for n in (3, 2, 1):
        if j - n + 1 >= 0:
            phrase = view.raw[view.idx[j - n + 1]:view.end[j]]
            code = table.by_name(strip_possessive(phrase))
            if code:
                return code
    return None


def _name_end(view: DocView, i: int) -> int:
    """Last token of the capitalised run starting at ``i`` ("of the United States")."""
    if view.lower[i] == "the" and i + 1 < view.n:
        i += 1
    while i + 1 < view.n and view.text[i + 1][:1].isupper() and view.pos[i + 1] == "PROPN":
        i += 1
    return i


def _premodifiers(view: DocView, table: CountryTable, entities: list[Entity]) -> None:
    """ "US Secretary of State John Kerry", "Russian Foreign Minister Sergei Lavrov",
    "Hamas leader X": a lexicon title right before a person's name is their title, and a
    country or organisation right before the title is their affiliation."""
    owner = {k: e for e in entities for c in e.cands for k in range(c.start, c.end)}
    for ent in entities:
        for cand in ent.names():
            if ent.kind is not ActorKind.PERSON:
                continue
            start = cand.start
            if start > 0 and view.lower[start - 1].rstrip(".") in ("mr", "mrs", "ms", "dr"):
                start -= 1
            after = cand.end
            if after + 1 < view.n and view.lower[after] == "of":
                code = _country_ending(view, table, _name_end(view, after + 1))
                if code:
                    ent.country_votes[code] += 2
            tstart = T.match_ending(view.lower, start)
            if tstart < 0:
                if start > 1 and view.lower[start - 1] in ("'s", "’s"):
                    code = _country_ending(view, table, start - 1)
                    if code:
                        ent.country_votes[code] += 2
                continue
            ent.add_title(T.normalise(view.text[tstart:start]))
            j = tstart - 1
            while j >= 0 and view.lower[j] in _TITLE_LEAD:
                j -= 1
            code = _country_ending(view, table, j)
            if code:
                ent.country_votes[code] += 2
                continue
            if j >= 0 and view.lower[j] in ("'s", "’s"):
                j -= 1
            org = owner.get(j)
            if org is not None and org is not ent and org.kind is not ActorKind.PERSON:
                ent.affiliation = ent.affiliation or org


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
    if ent.key[0] == "gov" and code and table.demonym_of(code) and not best.casefold().endswith(
            "government"):
        demonym = table.demonym_of(code)
        return f"{demonym} government"
    return best or ent.key[0]


def _freeze(entities: list[Entity], table: CountryTable, text: str,
            new_id: Any) -> tuple[Actor, ...]:
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
            span_text = text[cand.cstart:cand.cend]
            mentions.append(Mention(span={"start": cand.cstart, "end": cand.cend,
                                          "text": span_text}, form=cand.form))
        aliases: list[str] = []
        for cand in sorted(ent.names(), key=lambda c: c.cstart):
            if cand.text not in aliases:
                aliases.append(cand.text)
        affiliation = ent.affiliation if ent.affiliation is not None and ent.affiliation.cands \
            else None
        if affiliation is None and ent.country and ent.kind is not ActorKind.COUNTRY:
            affiliation = by_code.get(ent.country)
        extensions: dict[str, Any] = {}
        if ent.kind is ActorKind.PERSON and ent.gender:
            extensions["gender"] = ent.gender
        if ent.extensions.get("ambiguous"):
            extensions["ambiguous"] = True
        actors.append(Actor(
            id=ids[id(ent)], name=ent.name or (aliases[0] if aliases else mentions[0].span.text),
            kind=ent.kind, aliases=tuple(aliases), titles=tuple(ent.titles),
            country=ent.country, affiliation_id=ids[id(affiliation)] if affiliation else None,
            mentions=tuple(mentions), extensions=extensions,
        ))
    return tuple(actors)
