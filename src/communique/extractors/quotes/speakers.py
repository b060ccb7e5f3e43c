"""Step 4, resolve: who is speaking: the source phrase of a cue, and its resolution to an actor.

The source span covers the whole noun phrase that names the speaker ("a senior US official",
"Sterling Pratt, wine director at …") because PolNeAR scores sources by overlap with that
phrase; relative clauses are cut off ("Kerry, who flew in on Friday, said") since they
describe rather than name. Resolution to an actor goes only through the public
:class:`~communique.capabilities.ActorIndex` API, and is optional, so the quote
core runs and is scored without the actors layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from communique.extractors.quotes.candidates import Range
from communique.extractors.quotes.lexicon import ANONYMOUS_HEADS, PRONOUNS
from communique.extractors.quotes.spans import trim

if TYPE_CHECKING:
    from communique.capabilities import ActorIndex
    from communique.parse import ParseView
from communique.models import Actor

_SUBJECTS = ("nsubj", "csubj")
_NAME_LINKS = ("compound", "appos")
"""A source's name may be compounded with or in apposition to its head ("Foreign Minister
Lavrov", "the minister, Sergei Lavrov"); a possessor is never the source."""
_CUT = ("relcl", "acl", "advcl", "punct", "cc", "conj")
_INHERIT = ("conj", "xcomp", "advcl", "ccomp", "parataxis", "acl", "acomp", "pcomp", "prep",
            "pobj")


def subject_of(tok: Any, depth: int = 3) -> Any | None:
    """The token naming who performs ``tok``'s act: its subject, the ``by`` agent of a
    passive, or (for "…, adding that …" and "… and added …") the subject of its head."""
    passive = False
    for child in tok.children:
        if child.dep_ in _SUBJECTS:
            return child
        if child.dep_ in ("nsubjpass", "auxpass"):
            passive = True
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if passive:
        return None
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        return tok.head  # "a letter calling for …", "officials saying …"
    if depth > 0 and tok.dep_ in _INHERIT and tok.head is not tok:
        if tok.dep_ in ("ccomp", "parataxis") and tok.head.i > tok.i:
            return None
        return subject_of(tok.head, depth - 1)
    return None


def source_range(view: ParseView, tok: Any) -> Range | None:
    """Character range of the noun phrase headed by ``tok``, without relative clauses."""
    left = int(tok.left_edge.i)
    right = int(tok.right_edge.i)
    for child in tok.rights:
        cut = child.dep_ in _CUT and child.dep_ != "punct"
        if cut or (child.dep_ == "appos" and child.i - tok.i > 12):
            right = min(right, int(child.left_edge.i) - 1)
            break
    right = max(right, int(tok.i))
    # a conjoined source ("Google and Yahoo say") keeps its conjuncts
    if any(c.dep_ == "conj" for c in tok.rights):
        right = max(right, int(tok.right_edge.i))
    start, end = trim(view.text, int(view.doc[left].idx), view.end[right])
    if end <= start:
        return None
    return start, end


def is_pronoun(tok: Any) -> bool:
    return str(tok.lower_) in PRONOUNS or str(tok.pos_) == "PRON"


def is_anonymous(tok: Any) -> bool:
    """A description such as "a senior official" or "sources", not a name or pronoun."""
    return str(tok.lower_) in ANONYMOUS_HEADS and str(tok.pos_) != "PROPN"


def resolve(index: ActorIndex | None, tok: Any | None, source: Range | None) -> Actor | None:
    """The actor a source names, via the head token first, then the whole phrase."""
    if index is None or source is None:
        return None
    if tok is None:
        return index.actor_at(*source)
    return index.actor_for_phrase(tok, span=source, links=_NAME_LINKS)
