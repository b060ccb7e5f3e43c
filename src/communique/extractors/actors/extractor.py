"""The built-in ``actors`` extractor: orchestration only.

Order of work, each step in its own module: names from the parse (:mod:`.mentions`), merged
(:mod:`.cluster`), spread to where spaCy missed them (:mod:`.propagate`), titles and
countries read around them (:mod:`.affiliation`), descriptions and pronouns found
(:mod:`.descriptions`, :mod:`.pronouns`) and resolved (:mod:`.resolve`), and entities frozen
into :class:`~communique.models.Actor` objects ordered by first mention (:mod:`.build`), so
ids are deterministic.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from communique.capabilities import ACTORS, ActorIndex
from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult, IdFactory
from communique.extractors.actors.affiliated import attach_people
from communique.extractors.actors.affiliation import read_premodifiers
from communique.extractors.actors.build import freeze
from communique.extractors.actors.candidates import occupied
from communique.extractors.actors.capitals import capital_actors
from communique.extractors.actors.cluster import cluster_names
from communique.extractors.actors.context import apply_context
from communique.extractors.actors.descriptions import description_candidates
from communique.extractors.actors.edits import renumber
from communique.extractors.actors.groups import find_groups
from communique.extractors.actors.link import link_actors
from communique.extractors.actors.mentions import (
    name_candidates,
    paren_acronyms,
    paren_names,
    title_spans,
    untagged_bodies,
    untagged_countries,
    untagged_people,
)
from communique.extractors.actors.names import gender_of_name
from communique.extractors.actors.nonactors import screen_actors
from communique.extractors.actors.precision import (
    drop_dateline,
    drop_non_actors,
    merge_short_forms,
    noun_capitals,
)
from communique.extractors.actors.pronouns import pronoun_candidates
from communique.extractors.actors.propagate import keep_entity, propagate
from communique.extractors.actors.resolve import Resolver
from communique.extractors.actors.shortforms import merge_body_short_forms
from communique.knowledge import KnowledgeBase
from communique.models import Actor, ActorKind
from communique.parse import ParseView


class ActorExtractor(BaseExtractor):
    """Finds people, organisations, countries and groups and every mention of them."""

    name = "actors"
    languages = ("en",)  # English rules: not run on other languages
    version = "1.0.0"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = (ACTORS.name,)
    spacy_components: tuple[str, ...] | None = (
        "tagger",
        "attribute_ruler",
        "lemmatizer",
        "parser",
        "ner",
    )
    """Tags/POS (attribute_ruler), lemmas, dependencies and sentences, entities."""

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = find_actors(
            ctx.view, ctx.knowledge, ctx.ids.new, ctx.meta.published_date, ctx.meta.language
        )
        return ExtractorResult(actors=actors, provided={ACTORS.name: ActorIndex(actors)})


def find_actors(
    view: ParseView,
    knowledge: KnowledgeBase,
    new_id: Callable[[str], str],
    published: dt.date | None = None,
    language: str = "en",
) -> tuple[Actor, ...]:
    """All actors of one parsed text, ordered by first mention (ids from ``new_id``);
    ``published`` picks the knowledge-base entries valid on that day, ``language`` (ISO
    639-1) tells whether capitalised words may be common nouns."""
    actors = list(_text_actors(view, knowledge))
    actors = link_actors(tuple(actors), view, knowledge, published)
    actors = find_groups(actors, view, knowledge)
    actors = capital_actors(actors, view, knowledge)
    actors, _dateline = drop_dateline(actors, view)
    actors = drop_non_actors(actors, view, knowledge)
    actors = screen_actors(actors, view, knowledge)
    actors = noun_capitals(actors, knowledge, language)
    actors = merge_short_forms(actors)
    actors = merge_body_short_forms(actors, knowledge)
    actors = apply_context(actors, view, knowledge)
    actors = attach_people(actors, view, knowledge)
    return renumber(actors, new_id)


def _text_actors(view: ParseView, knowledge: KnowledgeBase) -> tuple[Actor, ...]:
    """Steps 1-8: the actors the text names and describes (temporary ids)."""
    table = knowledge.countries
    first_names = knowledge.first_names
    spans = title_spans(view)
    blocked = [False] * view.n
    after_title: set[int] = set()
    for start, end in spans:
        for k in range(start, end):
            blocked[k] = True
        after_title.add(end)
    names = name_candidates(view, table, blocked, first_names)
    taken = occupied(view, names)
    names += paren_acronyms(view, names, taken)
    names += paren_names(view, names, occupied(view, names))
    names += untagged_countries(view, table, occupied(view, names))
    names += untagged_people(
        view,
        occupied(view, names),
        blocked,
        {c.head for c in names if c.label == "PERSON"},
        first_names,
    )
    names += untagged_bodies(view, occupied(view, names), blocked)
    entities = [
        e for e in cluster_names(names, table, first_names, after_title) if keep_entity(view, e)
    ]
    names = [c for e in entities for c in e.cands]
    names += propagate(view, entities, occupied(view, names))
    for ent in entities:
        if ent.kind is ActorKind.PERSON and ent.gender is None:
            ent.gender = next(
                (g for g in (gender_of_name(c.text, first_names) for c in ent.names()) if g), None
            )
    read_premodifiers(view, table, entities)
    taken = occupied(view, names)
    name_heads = {c.head: c for c in names}
    descriptions = description_candidates(view, table, taken, name_heads)
    pronouns = pronoun_candidates(view, occupied(view, names + descriptions))
    resolver = Resolver(view, entities, entities.append, knowledge.verbs.core())
    resolver.run(descriptions + pronouns)
    return freeze(entities, table, view.text, IdFactory().new)
