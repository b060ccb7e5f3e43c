"""Step 3, content edges: a content the parse stops before its own elaboration.

Two places where the small parser ends a reported content early and PolNeAR runs on: a
colon that opens the list or the gloss of what was said ("reiterated his pledges: rebuilding
the port, cutting the fares and keeping the ferries"), and the "as" predicate of a verb of
depicting ("described the crews as highly trained", "portrayed Ada Brook as focused on
costs"), which the parse hangs on the verb as a clause of its own. Both only move a
content's end: no quote is added or removed.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.extractors.quotes.boundaries import holds_quotation
from communique.extractors.quotes.candidates import Candidate, Range, extend_content_ends
from communique.extractors.quotes.lexicon import (
    DEPICTING,
    FINITE_TAGS,
    REPORTING,
    TENSED_TAGS,
    lemma_of,
)
from communique.parse import ParseView

_CLAUSE_SUBJECTS = frozenset("nsubj nsubjpass expl".split())


def _own_clause(view: ParseView, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` hold a clause of their own (a subject whose verb is
    among them, or a finite root): a new statement, not a gloss of the one before."""
    inside = range(first, last + 1)
    for i in inside:
        if view.dep[i] in _CLAUSE_SUBJECTS and view.head[i] in inside:
            return True
        if view.dep[i] == "ROOT" and view.tag[i] in FINITE_TAGS:
            return True
    return False


def colon_end(view: ParseView, start: int, end: int) -> int:
    """Where a content ``[start, end)`` that stops right before a colon ends once the colon's
    continuation, to the end of the sentence, is taken in: "hinted at the role he sees for
    himself: a broker who can speak to both sides", "listed three demands: lower fares,
    later ferries and a new pier". Only a continuation that starts in lower case or is a
    fragment without a clause of its own (a list of names, a figure): a capitalised
    sentence after the colon ("…: The board will meet again") is as often a new statement,
    and a quotation after it is a direct quote of its own.

    >>> import spacy
    >>> from communique.parse import ParseView
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Ada listed her demands: lower fares and a pier.")
    >>> view = ParseView.build(doc)
    >>> view.text[11:colon_end(view, 11, 22)]
    'her demands: lower fares and a pier'
    """
    tokens = view.tokens_in(start, end)
    if not tokens or holds_quotation(view.text[start:end]):
        return end
    colon = tokens[-1] + 1
    if colon >= view.n or view.words[colon] != ":" or view.idx[colon] != end:
        return end
    last = view.line_end[colon] - 1
    while last > colon and (view.words[last] in (".", ";") or view.words[last].isspace()):
        last -= 1
    if last <= colon or holds_quotation(view.text[view.end[colon] : view.end[last]]):
        return end
    first = colon + 1
    if view.words[first][:1].isupper() and _own_clause(view, first, last):
        return end
    if _aside_cue(view, first, last):
        return end  # "one aim: the port must stay open, she added, …": a report of its own
    return view.end[last]


def _aside_cue(view: ParseView, first: int, last: int) -> bool:
    """Whether tokens ``first..last`` hold a comma-set cue of its own (", she added,"): the
    words around it are that report's. A report inside the gloss ("…: 70 percent believe
    …") stays in it, as PolNeAR takes it (dropping those lost on train b and c)."""
    for i in range(first + 2, last + 1):
        subject = i - 1
        if view.tag[i] not in TENSED_TAGS or lemma_of(view.doc[i]) not in REPORTING:
            continue
        if view.dep[subject] == "nsubj" and view.words[subject - 1] == ",":
            return True
    return False


def _cue_verb(view: ParseView, cue: Range) -> int | None:
    tokens = view.tokens_in(*cue)
    verbs = [i for i in tokens if view.pos[i] in ("VERB", "AUX")]
    return verbs[-1] if verbs else None


def depiction_end(view: ParseView, start: int, end: int, cue: Range) -> int:
    """Where a content ``[start, end)`` after a verb of depicting ends once the "as"
    predicate right after it is taken in: "described the crews as highly trained". The
    parse makes the predicate a clause or phrase on the cue verb, outside the object; the
    characterisation is what was said. Not an "as" clause with a subject of its own (a time:
    "painted a dark picture as he accepted the nomination").

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = "Lee described the crews as highly trained .".split()
    >>> heads = [1, 1, 3, 1, 6, 6, 1, 1]
    >>> deps = "nsubj ROOT det dobj mark advmod advcl punct".split()
    >>> pos = "PROPN VERB DET NOUN SCONJ ADV VERB PUNCT".split()
    >>> doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
    ...           lemmas="Lee describe the crew as highly train .".split())
    >>> view = ParseView.build(doc)
    >>> view.text[14:depiction_end(view, 14, 23, (4, 13))]
    'the crews as highly trained'
    """
    tokens = view.tokens_in(start, end)
    verb = _cue_verb(view, cue)
    if not tokens or verb is None or lemma_of(view.doc[verb]) not in DEPICTING:
        return end
    word = tokens[-1] + 1
    if word >= view.n or view.lower[word] != "as" or view.head[word] in tokens:
        return end
    phrase = word
    if view.dep[word] in ("mark", "advmod") and view.head[word] > word:
        phrase = view.head[word]
    if verb not in (view.head[phrase], view.head[word]):
        return end
    last = int(view.doc[phrase].right_edge.i)
    while last > phrase and view.pos[last] == "PUNCT":
        last -= 1
    if _own_clause(view, word, last):
        return end  # "as soon as he arrived", "as she opened the session": a time
    if last <= word or "\n" in view.text[end : view.end[last]]:
        return end
    return max(end, view.end[last])


def take_elaborations(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Extend reported contents over a colon's gloss or a depiction's "as" predicate the
    parse left outside them (see :func:`colon_end` and :func:`depiction_end`)."""
    extend_content_ends(
        candidates,
        [
            lambda a, b, cue: depiction_end(view, a, b, cue),
            lambda a, b, cue: colon_end(view, a, b),
        ],
    )
