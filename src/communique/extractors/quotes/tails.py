"""Step 3c, tails: a second report that closes another one's content is a quote of its own.

The parser often hangs a second act of the same source on the first one's content: in
"said the plan was dead, and he accused the board of stalling" or "insisted that it worked,
claiming that turnout was up" the second verb becomes part of what was said, and in "called
for a ban, which he said the city should fund" or "praised Ann Lee, who has vowed to run"
a report sits in a relative clause at the end of the content. PolNeAR annotates two
attributions there: the first content stops before the joining words and the second report
keeps its own cue. :func:`~.nesting.split_nested` does this for a second report with a
named subject; this module does it for the rest: no subject (the outer source's act goes
on), a personal pronoun that can be the outer source, or a relative or indefinite pronoun.

Left whole, as PolNeAR does (measured on two disjoint sets of 200 train articles): belief
and desire verbs ("said he thinks …", "and she wants …": the belief is what was said), a
coordinated "that" clause ("said that A and that B …": one report), noun cues, negated
cues, a verb that shares a subject of its own inside the content ("said Smith backed the
bill and opposed the cuts"), a bare infinitive ("to come out and support her") and a
pronoun that cannot be the outer source ("the police said …, and they should vote"). A
speech act that shares a pronoun subject with the content's verb is split off, though: "said
she had published her returns and called on her rivals to do the same" (the second report
starts at its cue).
"""

from __future__ import annotations

from communique.extractors.quotes.candidates import Frame
from communique.extractors.quotes.lexicon import (
    COGNITION,
    DESIRE,
    DIRECTIVES,
    NAMING,
    REFUSAL_VERBS,
    SPEECH,
    lemma_of,
)
from communique.parse import ParseView

_JOINERS = frozenset(", ; — -- and but while".split())
"""Words between the two reports; they belong to neither."""

_HELD = COGNITION | DESIRE | REFUSAL_VERBS
"""Inner cues left in the outer content: a belief or wish is what the outer source said
("said he believes that …"); a refusal ("… but declined to give a date") says nothing."""

_SHARED_ACTS = SPEECH | NAMING | DIRECTIVES
"""Inner cues that split a content even when they share its subject (see
:func:`_shared_speech`)."""

_MIN_PREP_WORDS = 3
"""A prepositional content shorter than this is a name addressed, not what was said."""

_PERSONAL = frozenset("i you he she it we they".split())
_SINGULAR = frozenset("he she".split())
_MIN_OUTER_WORDS = 3
"""The outer content keeps at least this many words, or it is left whole."""


def _same_source(view: ParseView, outer: Frame, inner: Frame) -> bool:
    """Whether the inner report can be the outer source's own (no subject, or a pronoun
    that agrees with it) or names a source of its own through a relative or indefinite
    pronoun ("which he said …", "who has vowed …", "while another says …")."""
    doc = view.doc
    cue = doc[inner.cue_token]
    if inner.source_token is None:
        if cue.tag_ == "VB" or outer.source_token is None:
            return False  # a bare infinitive ("to come out and support her")
        return not (cue.dep_ == "conj" and any(c.dep_ == "nsubj" for c in cue.head.children))
    subject = doc[inner.source_token]
    if subject.pos_ != "PRON" or subject.lower_ not in _PERSONAL:
        return True
    if outer.source_token is None:
        return True
    source = doc[outer.source_token]
    if source.lower_ == subject.lower_:
        return True
    if subject.lower_ in _SINGULAR:
        return source.tag_ in ("NNP", "NN")
    if subject.lower_ == "they":
        return source.tag_ in ("NNS", "NNPS")
    return False


def _shared_speech(view: ParseView, inner: Frame) -> bool:
    """Whether the inner cue is an act of speech coordinated with the content's own verb,
    whose subject it shares ("said she had published her tax returns and called on her
    rivals to do the same"): the second report starts at the cue, not at that subject.
    Only speech, naming and directives: a shared stance ("… and supports cities that …")
    stays in the content, as PolNeAR keeps it."""
    doc = view.doc
    cue = doc[inner.cue_token]
    subject = doc[inner.source_token] if inner.source_token is not None else None
    return (
        subject is not None
        and subject.head.i != cue.i
        and cue.dep_ == "conj"
        and lemma_of(cue) in _SHARED_ACTS
    )


def _words(view: ParseView, frame: Frame) -> int:
    """Whitespace-separated words in the frame's content."""
    return sum(len(view.text[a:b].split()) for a, b in frame.content)


def _cut(view: ParseView, outer: Frame, inner: Frame) -> int | None:
    """Character end of the outer content when ``inner`` is a second report at its tail,
    else None."""
    doc = view.doc
    cue = doc[inner.cue_token]
    if inner.negated or cue.pos_ in ("NOUN", "PROPN") or lemma_of(cue) in _HELD:
        return None
    if cue.dep_ == "relcl" and lemma_of(cue) in NAMING and cue.head.pos_ == "PROPN":
        return None  # "… of Ames, whom he called a “fraud”": a name's clause stays
    if inner.attachment == "prep" and _words(view, inner) < _MIN_PREP_WORDS:
        return None  # the addressee only ("… and called on the Houthis to lift the siege")
    if inner.source_token is not None and doc[inner.source_token].pos_ != "PRON":
        return None  # a named subject: :func:`~.nesting.split_nested` decides
    first = int(cue.left_edge.i)
    if inner.source_token is not None and not _shared_speech(view, inner):
        first = min(first, inner.source_token)
    a, b = outer.content[0]
    if first == 0 or view.idx[first] <= a or doc[first].lower_ == "that":
        return None
    if view.end[int(cue.right_edge.i)] < b - 2 or doc[first - 1].lower_ not in _JOINERS:
        return None  # in the middle of the content, or not joined to it
    i = first - 1
    while i >= 0 and (doc[i].is_punct or doc[i].lower_ in _JOINERS):
        i -= 1
    end = view.end[i] if i >= 0 else -1
    if end <= a or len(view.text[a:end].split()) < _MIN_OUTER_WORDS:
        return None
    return end if _same_source(view, outer, inner) else None


def split_tails(view: ParseView, frames: list[Frame], kept: list[Frame]) -> list[Frame]:
    """The nested ``frames`` that close the content of one of the ``kept`` (outermost)
    frames as a second report; each such outer content is shortened in place, and an
    inner report with no subject takes the outer source."""
    kept_ids = {id(f) for f in kept}
    pool = list(kept)
    added: list[Frame] = []
    for inner in sorted(frames, key=lambda f: f.cue[0]):
        if id(inner) in kept_ids or not inner.content:
            continue
        at = inner.cue[0]
        outer = next(
            (o for o in pool if len(o.content) == 1 and o.content[0][0] <= at < o.content[0][1]),
            None,
        )
        if outer is None:
            continue
        end = _cut(view, outer, inner)
        if end is None:
            continue
        outer.content = [(outer.content[0][0], end)]
        if inner.source is None:
            inner.source, inner.source_token = outer.source, outer.source_token
        added.append(inner)
        pool.append(inner)
    return added


__all__ = ["split_tails"]
