"""Findings of polls, surveys, studies and records: what an artefact "shows" or "found".

PolNeAR annotates a poll's finding as the poll's attribution and takes all of it: the lead
and the figures after it ("showed Ames ahead, *with 40 percent to 31*", "*followed by* …",
"*while* 19 back Ruiz"), and a finding set after its content ("…, campaign records show.")
even when the small parser reads the cue as a noun or a relative clause. Both readings are
kept to subjects that are artefacts of inquiry (:data:`~.lexicon.FINDING_SOURCES`): people
who "see" or "find" something perceive it, and perception cues no quote.
"""

from __future__ import annotations

from typing import Any

from communique.extractors.quotes.candidates import Frame
from communique.extractors.quotes.clauses import make_frame, skip_discourse, span_range, verb_group
from communique.extractors.quotes.lexicon import (
    FINDING_SOURCES,
    FINITE_TAGS,
    SURVEY_PLURALS,
    ReportingVerbs,
    lemma_of,
)
from communique.extractors.quotes.speakers import subject_of
from communique.parse import ParseView

_TAIL_OPENERS = frozenset("with followed while whereas but including".split())

_SHARES = frozenset("percent % points point percentage".split())
"""Words opening a comma phrase that carries a finding on: the figures ("with 40 percent"),
the runners-up ("followed by"), the other side ("while", "but losing …")."""

_TAIL_STOPS = frozenset("and which where who or so according".split())
"""After a comma, a second clause, a relative clause or an attribution of the whole ("…,
according to …"): not the finding."""

_CLOSING_APPOSITION = frozenset("the a an".split())
"""After a comma, a noun phrase that closes the sentence ("…, the state where he served") is
the writer's apposition; one set off by a second comma ("with Ames, the mayor, lagging")
belongs to the phrase."""

_CLOSING = frozenset(". ! ?".split())


def finding_source(tok: Any) -> bool:
    """Whether a noun names an artefact of inquiry ("the poll", "campaign records")."""
    return bool(lemma_of(tok) in FINDING_SOURCES or tok.lower_ in SURVEY_PLURALS)


def extend_finding(view: ParseView, tok: Any, frame: Frame, verbs: ReportingVerbs) -> Frame:
    """A poll's finding runs on over a trailing phrase of figures, runners-up or contrast
    that the parse cut at its comma ("showed Ames ahead, with 40 percent to 31")."""
    subj = subject_of(tok)
    if (
        not frame.content
        or lemma_of(tok) not in verbs.evidence
        or subj is None
        or not finding_source(subj)
    ):
        return frame
    last = view.token_at(frame.content[-1][1] - 1)
    end = _tail_end(view, last, verbs)
    if end > last:
        rng = span_range(view, view.token_at(frame.content[-1][0]), end)
        if rng is not None:
            frame.content[-1] = rng
    return frame


def _opens_tail(view: ParseView, opener: Any) -> bool:
    """Whether a comma phrase opened by ``opener`` carries the finding on: a word of
    :data:`_TAIL_OPENERS`, a participle or a share (", 32 percent to 25, while …"; not
    ", 25 years after …")."""
    if opener.tag_ == "CD":
        return _share(view, int(opener.i))
    return bool(opener.lower_ in _TAIL_OPENERS or opener.tag_ == "VBG")


def _share(view: ParseView, i: int) -> bool:
    """Whether the comma phrase from token ``i`` gives a share: "percent", "points", "%"."""
    end = view.sentences[view.sent[i]][1]
    for k in range(i, end):
        word = view.doc[k].lower_
        if word == ",":
            return False
        if word in _SHARES:
            return True
    return False


def _stop(tok: Any, verbs: ReportingVerbs) -> bool:
    """Whether a comma before ``tok`` ends a finding: a word of :data:`_TAIL_STOPS`, or a
    participle of saying ("…, alleging that …"), which is an attribution of its own."""
    lemma = lemma_of(tok)
    return bool(
        tok.lower_ in _TAIL_STOPS
        or (tok.tag_ == "VBG" and (lemma in verbs.speech or lemma in verbs.evidence))
    )


def _tail_end(view: ParseView, last: int, verbs: ReportingVerbs) -> int:
    """The last token of a finding's trailing phrase after token ``last``, or ``last``."""
    doc = view.doc
    nxt = last + 1
    if nxt + 1 >= view.n or view.sent[nxt + 1] != view.sent[last]:
        return last
    opener = doc[nxt + 1] if doc[nxt].text == "," else doc[nxt]
    if opener.i == nxt and opener.lower_ != "followed":
        return last
    if not _opens_tail(view, opener) or _stop(opener, verbs):
        return last
    end = last
    for i in range(opener.i, view.sentences[view.sent[last]][1]):
        word = doc[i]
        if word.text == ";" or (word.text == "," and _stop(doc[i + 1], verbs)):
            break
        if word.text == "," and _closing_apposition(view, i + 1):
            break
        if word.text not in _CLOSING and word.text != ",":
            end = i
    return end


def _closing_apposition(view: ParseView, i: int) -> bool:
    """Whether token ``i`` opens a noun phrase with a clause of its own ("the state where
    he served", "a story by the site says …") that runs to the end of its sentence; a bare
    role ("…, the party's nominee") stays with the name before it."""
    if view.doc[i].lower_ not in _CLOSING_APPOSITION:
        return False
    rest = range(i, view.sentences[view.sent[i]][1])
    return not any(view.doc[k].text == "," for k in rest) and any(
        view.pos[k] in ("VERB", "AUX") for k in rest
    )


def closing_finding_frame(view: ParseView, tok: Any, verbs: ReportingVerbs) -> Frame | None:
    """ "X gave $5,000 to the fund, campaign records show.": a finding cue that closes its
    sentence after a comma, with an artefact for subject, vouches for the clause before the
    comma, whatever the parser made of the cue (a noun, a relative clause of the last noun)."""
    i = int(tok.i)
    if lemma_of(tok) not in verbs.evidence and tok.lower_ != "found":
        return None
    if i + 1 < view.n and view.doc[i + 1].text not in _CLOSING:
        return None
    comma = _subject_start(view, i) - 1
    if comma < 0:
        return None
    first = view.sentences[view.sent[i]][0]
    while first < comma and (view.doc[first].is_punct or view.doc[first].is_space):
        first += 1
    first = skip_discourse(view, first, comma - 1)
    if comma - first < 3 or any(view.quoted[k] for k in range(first, comma)):
        return None
    rng = span_range(view, first, comma - 1)
    if rng is None:
        return None
    return make_frame(view, tok, verb_group(view, tok), "parataxis", [rng], None, view.doc[i - 1])


def _subject_start(view: ParseView, i: int) -> int:
    """First token of the artefact phrase right before cue ``i`` when a comma opens it, else 0."""
    doc = view.doc
    if i == 0 or not finding_source(doc[i - 1]):
        return 0
    k = i - 1
    while k > 0 and i - k < 10 and view.sent[k - 1] == view.sent[i]:
        word = doc[k - 1]
        if word.text == ",":
            return k
        if word.is_punct or word.tag_ in FINITE_TAGS:
            return 0
        k -= 1
    return 0
