"""Step 3a, nesting: a second attribution at the tail of a reported clause is its own quote.

The parser often hangs a second report on the first one's content: "Three-quarters said
they were worried, and four in 10 said Smith would do best" makes the second "said" a
conjunct inside the first clause, and "asked for a $2m fine, which the defence said was out
of proportion" hangs the defence's claim on the fine. Each source said only its own part,
and PolNeAR annotates two attributions. So when a frame with a source of its own sits at
the end of another frame's content, the outer content stops before it and both are kept
(:func:`~.core._outermost` would otherwise drop the inner one as nested).

This reads character positions and the inner cue's subtree only, so it holds whichever way
the parser attached the second clause (``conj``, ``ccomp`` of the first verb, ``relcl``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.candidates import Frame
from communique.extractors.quotes.lexicon import (
    COGNITION,
    CONTINUING_VERBS,
    DESIRE,
    INTENTION,
    SPEECH,
    TENSED_TAGS,
    lemma_of,
)
from communique.parse import ParseView

_JOINERS = frozenset(", ; — -- and but while whereas before after".split())
"""Words that join the inner clause to the outer content ("…, and four in 10 said …");
they belong to neither quote."""

_INNER_CUES = SPEECH | COGNITION | DESIRE | INTENTION
"""Cues whose own source and content make a second attribution: saying, believing, wanting
("…, while about 3 in 10 want one with business experience")."""

_OWN_CONTENT = frozenset("ccomp dobj xcomp".split())

_MIN_OUTER_WORDS = 3
"""The outer content keeps at least this many words, or it is left whole."""


def _clause_start(view: ParseView, frame: Frame) -> int | None:
    """Token index where the inner frame's clause starts: its cue's subtree, which holds
    its subject (and a relative pronoun)."""
    tok = view.doc[frame.cue_token]
    if frame.source_token is None or frame.attachment not in _OWN_CONTENT or frame.negated:
        return None
    if lemma_of(tok) not in _INNER_CUES:
        return None
    subject = view.doc[frame.source_token]
    if subject.head.i != tok.i:
        return _second_act(view, tok)
    if subject.dep_ != "nsubj" or subject.pos_ == "PRON":
        # a pronoun (most often the outer source again: "said A and he feels B" is one
        # attribution): the outer source's act continues
        return None
    first = int(tok.left_edge.i)
    if first > frame.source_token or first == 0 or view.doc[first - 1].lower_ not in _JOINERS:
        return None
    if view.doc[first].lower_ == "that":
        return None  # "said that A and that B mentioned it": one report, two clauses
    return first


_SECOND_ACT_JOINERS = frozenset(", and before after".split())
"""Words before a subjectless second cue that make it a second act of the same source."""

_SECOND_ACT_TAGS = TENSED_TAGS | {"VBG"}
"""A finite verb or a participle: "and called", ", claiming" (not "to claim")."""


def _second_act(view: ParseView, tok: Any) -> int | None:
    """Token index where a subjectless second cue's clause starts: "found A *and called*
    B", "has “…,” *claiming* that …", "“…” *before claiming* that …" — the source's second
    act, which PolNeAR annotates as an attribution of its own."""
    if tok.dep_ not in ("conj", "advcl", "pcomp") or tok.tag_ not in _SECOND_ACT_TAGS:
        return None
    if lemma_of(tok) not in SPEECH or lemma_of(tok) in CONTINUING_VERBS:
        # "proud of A and expects B", "wanted": a state, not a second act; "…, adding
        # “…”" carries the first statement on (PolNeAR keeps it in one attribution)
        return None
    first = int(tok.left_edge.i)
    before = first - 1
    while before > 0 and view.doc[before].is_quote:
        before -= 1  # '“…,” claiming'
    if first != tok.i or before <= 0 or view.doc[before].lower_ not in _SECOND_ACT_JOINERS:
        return None
    return first


def _cut_before(view: ParseView, first: int, floor: int) -> int:
    """Character end of the outer content when the inner clause starts at token ``first``:
    before the joining words and punctuation."""
    doc = view.doc
    i = first - 1
    while i >= floor and (doc[i].is_punct or doc[i].lower_ in _JOINERS):
        i -= 1
    return view.end[i] if i >= floor else -1


_RELATIVES = frozenset("which who whom that".split())


def _split_relative(view: ParseView, frame: Frame) -> None:
    """ "the server, which the FBI said was “extremely careless”": the parser makes the
    whole relative clause the cue's content, source and cue included. The content is the
    relative pronoun and what follows the cue, as PolNeAR annotates it (``which | was …``)."""
    if len(frame.content) != 1 or frame.source is None:
        return
    a, b = frame.content[0]
    first = view.token_at(a)
    if view.lower[first] not in _RELATIVES or not a < frame.source[0] < frame.cue[0] < b:
        return
    rest = frame.cue[1]
    while rest < b and view.text[rest].isspace():
        rest += 1
    if rest < b:
        frame.content = [(a, view.end[first]), (rest, b)]


def split_nested(view: ParseView, frames: Sequence[Frame]) -> None:
    """Shorten each frame's content that ends with another frame's clause, and take the
    source and cue out of a relative clause that holds them (in place)."""
    for frame in frames:
        if not any(
            other is not frame and any(a <= frame.cue[0] < b for a, b in other.content)
            for other in frames
        ):
            _split_relative(view, frame)  # not inside another report, where it stays nested
    cues = sorted((f.cue[0], k) for k, f in enumerate(frames) if f.source is not None)
    starts = [c for c, _ in cues]
    for outer in frames:
        if len(outer.content) != 1:
            continue
        a, b = outer.content[0]
        lo, hi = bisect.bisect_right(starts, a), bisect.bisect_left(starts, b)
        for _, k in cues[lo:hi]:
            inner = frames[k]
            if inner is outer or inner.source is None:
                continue
            first = _clause_start(view, inner)
            if first is None or view.idx[first] <= a:
                continue
            tail = view.end[int(view.doc[inner.cue_token].right_edge.i)]
            if tail < b - 2:
                continue  # the inner clause sits in the middle: leave the content whole
            floor = view.token_at(a)
            end = _cut_before(view, first, floor)
            if end <= a or sum(1 for _ in view.tokens_in(a, end)) < _MIN_OUTER_WORDS:
                continue
            outer.content = [(a, end)]
            break


__all__ = ["split_nested"]
