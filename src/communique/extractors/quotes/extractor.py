"""The built-in ``quotes`` extractor: runs the quote core and hangs quotes on actors.

The core (:func:`~communique.extractors.quotes.core.find_candidates`) knows nothing of
actors; this module resolves each source to an actor through the ``actors`` capability (an
:class:`~communique.capabilities.ActorIndex`), lets pronouns and cue-less
continuations take the previous speaker, and turns unnamed sources ("a senior US official")
into new person actors when the actors layer has none for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from communique.capabilities import ACTORS, QUOTES, ActorIndex
from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult, IdFactory
from communique.extractors.quotes.candidates import Candidate, Range
from communique.extractors.quotes.core import find_candidates
from communique.extractors.quotes.lexicon import ReportingVerbs
from communique.extractors.quotes.speakers import (
    artefact_issuer,
    is_anonymous,
    is_pronoun,
    resolve,
    source_range,
    subject_of,
)
from communique.knowledge import CountryTable, KnowledgeBase
from communique.models import (
    Actor,
    ActorKind,
    Mention,
    MentionForm,
    Quote,
    QuoteKind,
    Span,
)
from communique.parse import ParseView


def country_code(table: CountryTable, words: Sequence[str]) -> str | None:
    """ISO alpha-3 code for the first country name or demonym in ``words``, if any.

    Uses the knowledge base's country table, shared with the actors layer ("a senior US
    official", "a Russian diplomat", "an official of Syria").
    """
    for word in words:
        code = table.by_demonym(word) or table.by_name(word)
        if code:
            return code
    return None


@dataclass
class _Anonymous:
    name: str
    country: str | None
    spans: list[Span] = field(default_factory=list)
    actor_id: str = ""
    head: str = ""


def build_quotes(
    view: ParseView,
    knowledge: KnowledgeBase,
    ids: IdFactory,
    index: ActorIndex | None = None,
    candidates: Sequence[Candidate] | None = None,
) -> tuple[tuple[Quote, ...], tuple[Actor, ...]]:
    """Quotes (and new anonymous-source actors) for one article.

    ``index`` is optional: without it speakers stay unresolved (``speaker_id`` None) and no
    actors are made, which is how the core is evaluated before the actors layer exists.
    """
    text, doc = view.text, view.doc
    table = knowledge.countries
    if candidates is None:
        candidates = find_candidates(view, ReportingVerbs.of(knowledge.verbs))
    quotes: list[Quote] = []
    speaker_ids: list[str | None] = []
    anonymous: dict[str, _Anonymous] = {}
    last_speaker: str | None = None
    last_at = 0  # where the latest speaker's quote ends
    for cand in candidates:
        qid = ids.new("quote")
        speaker_id: str | None = None
        tok = doc[cand.source_token] if cand.source_token is not None else None
        if cand.continues is not None:
            speaker_id = speaker_ids[cand.continues]
            if speaker_id is None and index is not None:
                speaker_id = _answerer(view, index, candidates[cand.continues])
        elif index is not None and cand.source is not None:
            actor = resolve(index, tok, cand.source)
            if actor is not None and tok is not None and is_pronoun(tok):
                actor = None if _named_inside(actor, cand) else actor
            if actor is not None:
                speaker_id = actor.id
            elif tok is not None and is_pronoun(tok):
                speaker_id = _same_thread(
                    view, index, last_speaker, last_at, int(tok.i), cand.parts
                )
            elif tok is not None and is_anonymous(tok):
                speaker_id = _anonymous_actor(text, doc, tok, cand, anonymous, ids, table)
            elif tok is not None and (issuer := artefact_issuer(view, index, tok)):
                speaker_id = issuer.id
            elif _labelled(text, cand) and (
                initialled := _by_initials(index, text[cand.source[0] : cand.source[1]])
            ):
                speaker_id = initialled.id
        if speaker_id is not None:
            last_speaker, last_at = speaker_id, cand.end
        speaker_ids.append(speaker_id)
        quotes.append(_quote(text, qid, cand, speaker_id, quotes))
    actors = tuple(
        Actor(
            id=a.actor_id,
            name=a.name,
            kind=ActorKind.PERSON,
            country=a.country,
            mentions=tuple(Mention(span=s, form=MentionForm.NOMINAL) for s in a.spans),
        )
        for a in anonymous.values()
    )
    return tuple(quotes), actors


_PUT_TO = frozenset({"asked", "pressed", "told"})


def _labelled(text: str, cand: Candidate) -> bool:
    """A quote introduced by a label and a colon ("SH: …"), not by a verb."""
    return cand.cue is not None and text[cand.cue[0] : cand.cue[1]] == ":"


def _by_initials(index: ActorIndex, label: str) -> Actor | None:
    """The one person whose initials an interview's answer label gives ("SH: Because I
    grew up on it" after "Signe Halvorsen"); none, or two people with those initials, and the
    label stays unresolved."""
    letters = label.replace(".", "").replace(" ", "")
    if not (2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper()):
        return None
    found = [
        a
        for a in index
        if a.kind is ActorKind.PERSON
        and "".join(w[0] for w in a.name.replace("-", " ").split() if w[:1].isupper()) == letters
    ]
    return found[0] if len(found) == 1 else None


def _answerer(view: ParseView, index: ActorIndex, question: Candidate) -> str | None:
    """Who answers a question put to them ("Asked whether he still had the owners' backing,
    Dellavalle paused for several seconds. “I spoke with the chairman …”"): the quotation
    after it continues the question, whose asker is nobody named, and the words are those
    of the subject of the clause the "Asked …" phrase opens."""
    if question.cue is None:
        return None
    cue = view.token_at(question.cue[0])
    if view.lower[cue] not in _PUT_TO or view.dep[cue] != "advcl" or view.tag[cue] != "VBN":
        return None
    subject = subject_of(view.doc[view.head[cue]])
    if subject is None or is_pronoun(subject):
        return None
    actor = resolve(index, subject, source_range(view, subject))
    return actor.id if actor is not None else None


def _named_inside(actor: Actor, cand: Candidate) -> bool:
    """Whether the quote's own words name the actor a pronoun source was resolved to: "“Four
    meetings is not rushed, Glen,” she said" — Glen is addressed, "she" is someone else."""
    if cand.kind is QuoteKind.INDIRECT:
        return False  # "he said he …": the speaker's own pronouns fill reported speech
    return any(
        m.form is MentionForm.NAME and a <= m.span.start and m.span.end <= b
        for m in actor.mentions
        for a, b in cand.parts
    )


_THREAD_BREAKERS = frozenset({"PERSON", "ORG", "NORP"})


def _same_thread(
    view: ParseView,
    index: ActorIndex,
    speaker: str | None,
    since: int,
    pronoun: int,
    quoted: Sequence[Range] = (),
) -> str | None:
    """The previous speaker for a pronoun source, if the pronoun is still in that speaker's
    thread: the same or the next paragraph, and no other person or organisation named in
    between (then "he" may be them, and an unresolved speaker beats a wrong one). A name in
    the ``quoted`` words of the quote itself is said, not narrated: it does not break it."""
    if speaker is None or _other_gender(index, speaker, view.lower[pronoun]):
        return None
    at = view.idx[pronoun]
    if view.paragraph_of(at) - view.paragraph_of(since) > 1:
        return None
    first = view.token_at(since)
    for ent in view.entities_between(first, pronoun):
        if any(a <= ent.span.start and ent.span.end <= b for a, b in quoted):
            continue
        if ent.label in _THREAD_BREAKERS:
            actor = index.actor_at(ent.span.start, ent.span.end)
            if actor is None or actor.id != speaker:
                return None
    return speaker


def _indexed(index: ActorIndex, actor_id: str | None) -> Actor | None:
    """The indexed actor with this id; None for an anonymous source made here (not in the
    index) or no speaker."""
    if actor_id is None:
        return None
    try:
        return index.get(actor_id)
    except KeyError:
        return None


_GENDERED = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}


def _other_gender(index: ActorIndex, speaker: str, pronoun: str) -> bool:
    """ "His warnings …" after a woman's quote: the actor's own gendered pronouns all say
    the other gender, so the pronoun is someone else's (the actors layer left it open).
    An anonymous source made here is not in the index and has no pronouns."""
    wanted = _GENDERED.get(pronoun)
    actor = _indexed(index, speaker)
    if wanted is None or actor is None:
        return False
    seen = {
        _GENDERED[m.span.text.casefold()]
        for m in actor.mentions
        if m.form is MentionForm.PRONOUN and m.span.text.casefold() in _GENDERED
    }
    return len(seen) == 1 and wanted not in seen


def _anonymous_actor(
    text: str,
    doc: Any,
    tok: Any,
    cand: Candidate,
    anonymous: dict[str, _Anonymous],
    ids: IdFactory,
    table: CountryTable,
) -> str:
    assert cand.source is not None
    start, end = cand.source
    words = [str(t.text) for t in doc[tok.left_edge.i : tok.i + 1]]
    name_words = [w for w in words if w.casefold() not in ("a", "an", "the", "one", "two")]
    name = " ".join(name_words) or str(tok.text)
    key = name.casefold()
    entry = anonymous.get(key)
    if entry is None and len(name_words) <= 1 and words[:1] and words[0].casefold() == "the":
        # "the official" refers back to the latest unnamed official described before it
        head = str(tok.lemma_).casefold()
        entry = next((e for e in reversed(list(anonymous.values())) if e.head == head), None)
    if entry is None:
        entry = _Anonymous(
            name=name,
            country=country_code(table, words),
            actor_id=ids.new("actor"),
            head=str(tok.lemma_).casefold(),
        )
        anonymous[key] = entry
    span = Span.of(text, start, end)
    if span not in entry.spans:
        entry.spans.append(span)
    return entry.actor_id


def _quote(
    text: str, qid: str, cand: Candidate, speaker_id: str | None, earlier: Sequence[Quote]
) -> Quote:
    parts = list(cand.parts)
    complementizer: Span | None = None
    if cand.complementizer is not None:
        # PolNeAR's guidelines put a leading "that" inside the content ("'That' is not a
        # preposition ... it is part of the content"), and so does its gold; the word is also
        # kept as its own span for users who want the bare clause. Words between the two
        # ("that, in his view, …") are content too.
        comp_start, comp_end = cand.complementizer
        complementizer = Span.of(text, comp_start, comp_end)
        if comp_end <= parts[0][0]:
            parts[0] = (comp_start, parts[0][1])
    extensions: dict[str, Any] = {}
    if cand.fragments:
        extensions["fragments"] = [list(f) for f in cand.fragments]
    return Quote(
        id=qid,
        kind=cand.kind,
        content=Span.of(text, parts[0][0], parts[-1][1]),
        parts=tuple(Span.of(text, a, b) for a, b in parts) if len(parts) > 1 else (),
        cue=Span.of(text, *cand.cue) if cand.cue else None,
        speaker_mention=Span.of(text, *cand.source) if cand.source else None,
        speaker_id=speaker_id,
        complementizer=complementizer,
        continues=earlier[cand.continues].id if cand.continues is not None else None,
        negated=cand.negated,
        confidence=round(cand.confidence, 3),
        extensions=extensions,
    )


class QuoteExtractor(BaseExtractor):
    """Direct, indirect and mixed quotes, with cue, speaker mention and speaker actor."""

    name = "quotes"
    languages = ("en",)  # English rules: not run on other languages
    version = "1.0.0"
    requires: tuple[str, ...] = (ACTORS.name,)
    provides: tuple[str, ...] = (QUOTES.name,)
    spacy_components = ("parser", "tagger", "lemmatizer", "ner")

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        index = ctx.require(ACTORS)
        quotes, actors = build_quotes(ctx.view, ctx.knowledge, ctx.ids, index)
        return ExtractorResult(quotes=quotes, actors=actors, provided={QUOTES.name: quotes})
