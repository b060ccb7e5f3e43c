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
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from communique.capabilities import ACTORS, AGREEMENTS, ActorIndex
from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult, IdFactory
from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.attributes import (
    find_date,
    find_duration,
    find_location,
    find_terms,
)
from communique.extractors.agreements.candidates import Candidate, find_candidates
from communique.extractors.agreements.events import find_events
from communique.extractors.agreements.group import Draft, Observation, cluster
from communique.extractors.agreements.resolve import (
    PartyPhrase,
    PartyResolver,
    conjuncts,
    party_tokens,
    resolve_parties,
)
from communique.extractors.agreements.status import Frame, frame_of, read_status
from communique.models import Actor, Agreement, AgreementKind, Party, PartyRole, Span, StatusChange
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
        agreements, new_actors = find_agreements(
            ctx.view,
            index,
            ctx.ids,
            ctx.meta.published_date,
            place_of=ctx.knowledge.adjective_place,
        )
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
    *,
    place_of: Callable[[str], str | None] | None = None,
) -> tuple[tuple[Agreement, ...], tuple[Actor, ...]]:
    """Agreements in a parsed text, and the actors created for parties the index lacked.

    Usable outside the pipeline (tests, notebooks): any :class:`ActorIndex` will do.
    ``place_of`` maps a lower-case adjective to its country ("kyrgyz" → "Kyrgyzstan"); the
    pipeline passes its knowledge base's, the default is the built-in short list.

    Example:
        >>> from communique.capabilities import ActorIndex
        >>> view = ParseView.build(nlp("Israel and Hamas agreed to a ceasefire on Sunday."))
        >>> agreements, actors = find_agreements(view, ActorIndex([]), IdFactory(), None)
        >>> [agreement.kind.value for agreement in agreements]
        ['ceasefire']
    """
    text, doc = view.text, view.doc
    resolver = PartyResolver(index, text, ids, place_of)
    first_break = text.find("\n")
    headline_end = first_break if 0 < first_break < len(text.rstrip()) else None
    candidates = find_events(doc, find_candidates(doc))
    observations = [
        _observe(view, cand, resolver, published, headline_end)
        for cand in candidates
        if not _elsewhere(view, cand)
    ]
    drafts = [d for d in cluster(observations) if _worth_a_record(d)]
    agreements = tuple(_build(draft, text, ids) for draft in drafts)
    created = resolver.new_actors()
    used = {p.actor_id for a in agreements for p in a.parties}
    return agreements, tuple(a for a in created if a.id in used)


def _outside(phrases: list[PartyPhrase], start: int, end: int) -> list[PartyPhrase]:
    """Party phrases outside the dateline; the parser often makes the dateline city the
    subject and the real subject its apposition ("DOHA, Qatar — Negotiators for …")."""
    out: list[PartyPhrase] = []
    for phrase in phrases:
        if not start <= phrase.token.idx < end:
            out.append(phrase)
            continue
        for child in phrase.token.children:
            if child.dep_ == "appos" and child.idx >= end:
                out.extend(replace(phrase, token=t) for t in conjuncts(child))
    return out


def _elsewhere(view: ParseView, cand: Candidate) -> bool:
    """A mention in a link to another story ("Read more: Ceasefire collapses in Gaza")."""
    line_start = view.text.rfind("\n", 0, cand.start) + 1
    line_end = view.text.find("\n", cand.start)
    line = view.text[line_start : line_end if line_end >= 0 else len(view.text)].strip()
    opening = view.text[line_start : cand.head.idx].lstrip().lower()
    if any(opening.startswith(label) for label in lx.TEASER_LABELS):
        return True
    # "Transfer news: United close in on £60m deal": a short label, a headline, no full stop;
    # not on the first line, which is this article's own headline ("Sudan: Army agrees truce")
    label, colon, rest = line.partition(":")
    return (
        line_start > 0
        and bool(colon)
        and len(label.split()) <= 3
        and label[:1].isupper()
        and (cand.head.idx >= line_start + len(label))
        and not rest.rstrip().endswith((".", '"', "\u201d", "'"))
    )


def _worth_a_record(draft: Draft) -> bool:
    """A contract needs a named side: "the striker signed a five-year contract" with nobody
    named is a sports signing, not a record."""
    if draft.kind is not AgreementKind.CONTRACT:
        return True
    return any(role is PartyRole.PARTY for _, role in draft.parties)


def _observe(
    view: ParseView,
    cand: Candidate,
    resolver: PartyResolver,
    published: dt.date | None,
    headline_end: int | None,
) -> Observation:
    frame = frame_of(cand)
    phrases = party_tokens(cand, frame)
    terms = find_terms(cand, frame)
    status = read_status(cand, frame)
    dateline = view.dateline
    if dateline is not None:  # "DOHA, Qatar (MW) —" is where the story was filed, no party
        phrases = _outside(phrases, dateline.span.start, dateline.span.end)
    parties, party_tokens_used = resolve_parties(phrases, resolver, cand)
    location = find_location(cand, frame, terms, party_tokens_used)
    if (
        location is not None
        and dateline is not None
        and (dateline.span.start <= location.start < dateline.span.end)
    ):
        location = None  # the dateline says where the reporter was, not where the deal is
    return Observation(
        cand=cand,
        status=status,
        parties=parties,
        date=find_date(view, cand, frame, published),
        location=location,
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
    if (
        verb is not None
        and not cand.verbal
        and in_sentence
        and (abs(verb.i - cand.head.i) <= _MAX_VERB_GAP)
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
        history=_history(draft, span),
        confidence=_confidence(draft),
        extensions=extensions,
    )


def _history(draft: Draft, span: Callable[[int, int], Span]) -> tuple[StatusChange, ...]:
    """Each factual statement of the status (a verb, cue noun or modifier; not a default), in
    text order; a statement repeating the one before it is left out."""
    out: list[StatusChange] = []
    for obs in sorted(draft.observations, key=lambda o: o.evidence):
        if obs.status.strength == 0 or (out and out[-1].status is obs.status.status):
            continue
        date = obs.date.resolved.value if obs.date is not None else None
        out.append(StatusChange(status=obs.status.status, evidence=span(*obs.evidence), date=date))
    return tuple(out)


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
