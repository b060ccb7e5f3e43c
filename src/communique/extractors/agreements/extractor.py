"""The built-in ``agreements`` extractor: ceasefires, truces, deals, treaties and plans.

Pipeline of small steps, each in its own module: detect mentions (:mod:`.candidates`), read
each mention's status (:mod:`.status`), parties (:mod:`.resolve`), date, location and terms
(:mod:`.attributes`), then group mentions into agreements (:mod:`.group`). Everything but
the party step works on the spaCy parse alone; parties are mapped to actors last, through
the :class:`~communique.capabilities.ActorIndex` the ``actors`` extractor
publishes, so the rules can be developed and tested with any index.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from communique.capabilities import ACTORS, AGREEMENTS, ActorIndex
from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult, IdFactory
from communique.extractors.agreements.attributes import (
    find_date,
    find_duration,
    find_location,
    find_terms,
)
from communique.extractors.agreements.candidates import Candidate, find_candidates
from communique.extractors.agreements.group import Draft, Observation, cluster
from communique.extractors.agreements.resolve import (
    PartyResolver,
    party_tokens,
    resolve_parties,
)
from communique.extractors.agreements.status import Frame, frame_of, read_status
from communique.models import Actor, Agreement, Party, Span
from communique.parse import ParseView

__all__ = ["AgreementExtractor", "find_agreements"]

_MAX_VERB_GAP = 6
"""The governing verb joins the evidence span when it is at most this many tokens away."""


class AgreementExtractor(BaseExtractor):
    """Finds agreements and hangs their parties, brokers and proposers on actors."""

    name = "agreements"
    languages = ("en",)  # English rules: not run on other languages
    version = "1.0.0"
    requires: tuple[str, ...] = (ACTORS.name,)
    provides: tuple[str, ...] = (AGREEMENTS.name,)
    spacy_components = ("tagger", "attribute_ruler", "parser", "ner", "lemmatizer")

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        index: object = ctx.require(ACTORS)
        if not isinstance(index, ActorIndex):  # a third-party provider may publish a list
            index = ActorIndex(index or ctx.actors)  # type: ignore[arg-type]
        agreements, new_actors = find_agreements(ctx.view, index, ctx.ids,
                                                 ctx.meta.published_date)
        return ExtractorResult(
            agreements=agreements,
            actors=new_actors,
            provided={AGREEMENTS.name: agreements},
            extensions={"created_actors": [a.id for a in new_actors]} if new_actors else {},
        )


def find_agreements(
    view: ParseView,
    index: ActorIndex,
    ids: IdFactory,
    published: dt.date | None,
) -> tuple[tuple[Agreement, ...], tuple[Actor, ...]]:
    """Agreements in a parsed text, and the actors created for parties the index lacked.

    Usable outside the pipeline (tests, notebooks): any :class:`ActorIndex` will do.

    Example:
        >>> agreements, actors = find_agreements(ParseView.build(nlp(text)),
        ...                                      ActorIndex(actors), IdFactory(),
        ...                                      None)  # doctest: +SKIP
    """
    text, doc = view.text, view.doc
    resolver = PartyResolver(index, text, ids)
    first_break = text.find("\n")
    headline_end = first_break if 0 < first_break < len(text.rstrip()) else None
    observations = [_observe(view, cand, resolver, published, headline_end)
                    for cand in find_candidates(doc)]
    drafts = cluster(observations)
    agreements = tuple(_build(draft, text, ids) for draft in drafts)
    created = resolver.new_actors()
    used = {p.actor_id for a in agreements for p in a.parties}
    return agreements, tuple(a for a in created if a.id in used)


def _observe(view: ParseView, cand: Candidate, resolver: PartyResolver,
             published: dt.date | None,
             headline_end: int | None) -> Observation:
    frame = frame_of(cand)
    phrases = party_tokens(cand, frame)
    terms = find_terms(cand, frame)
    status = read_status(cand, frame)
    parties, party_tokens_used = resolve_parties(phrases, resolver, cand)
    return Observation(
        cand=cand,
        status=status,
        parties=parties,
        date=find_date(view, cand, frame, published),
        location=find_location(cand, frame, terms, party_tokens_used),
        terms=terms,
        duration=find_duration(cand),
        sentence=cand.sentence,
        evidence=_evidence(cand, frame, status.cue),
        headline=headline_end is not None and cand.end <= headline_end,
    )


def _evidence(cand: Candidate, frame: Frame, cue: str) -> tuple[int, int]:
    """The mention, widened to the governing verb when that verb gave the status."""
    start, end = cand.start, cand.end
    verb = frame.verb
    if verb is not None and not cue.startswith(verb.text):
        verb = None
    in_sentence = verb is not None and cand.sent.start <= verb.i < cand.sent.end
    if verb is not None and not cand.verbal and in_sentence and (
        abs(verb.i - cand.head.i) <= _MAX_VERB_GAP
    ):
        start = min(start, verb.idx)
        end = max(end, verb.idx + len(verb.text))
    noun = frame.cue_noun
    if noun is not None and abs(noun.i - cand.head.i) <= 2:
        start = min(start, noun.idx)
        end = max(end, noun.idx + len(noun.text))
    return start, end


def _build(draft: Draft, text: str, ids: IdFactory) -> Agreement:
    def span(start: int, end: int) -> Span:
        return Span.of(text, start, end)

    date = draft.date
    location = draft.location
    # first occurrence wins, in mention order; sets keep this linear on long articles
    evidence_at = dict.fromkeys(tuple(o.evidence) for o in draft.observations)
    evidence = [span(start, end) for start, end in evidence_at]
    terms_at = dict.fromkeys((t.start, t.end) for o in draft.observations for t in o.terms)
    terms = [span(start, end) for start, end in terms_at]
    extensions: dict[str, Any] = {}
    reading = draft.reading
    if reading.cue:
        extensions["status_cue"] = reading.cue
    duration = next((o.duration for o in draft.observations if o.duration is not None), None)
    if date is not None and date.resolved.approximate:
        extensions["date_approximate"] = True
    return Agreement(
        id=ids.new("agreement"),
        kind=draft.kind,
        status=draft.status,
        parties=tuple(Party(actor_id=a, role=r) for a, r in draft.parties),
        date=date.resolved.value if date is not None else None,
        date_granularity=date.resolved.granularity if date is not None else None,
        date_text=span(date.start, date.end) if date is not None else None,
        location=location.text if location is not None else None,
        location_span=span(location.start, location.end) if location is not None else None,
        duration=span(duration.start, duration.end) if duration is not None else None,
        terms=tuple(terms),
        evidence=tuple(evidence),
        confidence=_confidence(draft),
        extensions=extensions,
    )


def _confidence(draft: Draft) -> float:
    """How sure we are: strong status cue, parties, anchoring and repeated mention add up."""
    strength = draft.reading.strength
    score = 0.45 + {0: 0.0, 1: 0.1, 2: 0.25}[strength]
    if draft.parties:
        score += 0.1
    if draft.date is not None or draft.location is not None:
        score += 0.05
    if len(draft.observations) > 1:
        score += 0.05
    if all(o.cand.named for o in draft.observations):
        score -= 0.1
    return round(min(score, 0.95), 2)
