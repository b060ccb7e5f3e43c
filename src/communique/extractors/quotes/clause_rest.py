"""Step 3, content edges: the rest of a content's own clause that the parse hung on the cue.

Two places where the small parser ends a reported content inside its own sentence and hangs
the rest on the verb of saying, and PolNeAR runs on:

- a subject whose predicate the parser split off: "said that the crates seized | could hold
  stolen parts" reads "seized" as the clause's verb and makes "could hold …" a second
  complement of the cue; the content so far has no finite verb of its own, and what follows
  is a finite predicate with no subject, so it is that subject's predicate
  (:func:`predicate_end`);
- a list of infinitives: "urged the board to cut the fares, extend the hours and open a new
  pier" stops after the first item, the bare verbs of the others hung on the cue; a bare
  verb cannot be the conjunct of a tensed cue, so it is one more thing asked for
  (:func:`infinitive_list_end`).

Both only move a content's end: no quote is added or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from communique.extractors.quotes.boundaries import holds_quotation
from communique.extractors.quotes.candidates import Candidate, Range, extend_content_ends
from communique.extractors.quotes.clauses import content_end, span_range
from communique.extractors.quotes.lexicon import (
    DESIRE,
    DIRECTIVES,
    FINITE_TAGS,
    INTENTION,
    lemma_of,
)
from communique.parse import ParseView

_SUBJECTS = frozenset("nsubj nsubjpass expl csubj".split())
_RELATIVES = frozenset("relcl acl".split())
_PREDICATE_DEPS = frozenset("ccomp conj advcl xcomp dep".split())
_LIST_GLUE = frozenset(", and or".split())
_INFINITIVE_TAKERS = INTENTION | DESIRE | DIRECTIVES
"""Cues whose object can be followed by its own to-infinitive ("expected him to win")."""


def _cue_word(view: ParseView, cue: Range, pos: tuple[str, ...]) -> Any | None:
    """The last word of the cue with one of the parts of speech ``pos`` (its verb or noun)."""
    words = [i for i in view.tokens_in(*cue) if view.pos[i] in pos]
    return view.doc[words[-1]] if words else None


def _finite(tok: Any) -> bool:
    """A tensed verb or modal, or a verb with a finite auxiliary ("could be", "were")."""
    return tok.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in tok.children
    )


def _has_finite_verb(view: ParseView, tokens: range) -> bool:
    """Whether the content holds a finite verb of its own, outside a relative clause (the
    one in "a coalition who feared the bill" is the relative's, not the content's)."""
    inside = set(tokens)
    for i in tokens:
        tok = view.doc[i]
        if tok.tag_ not in FINITE_TAGS:
            continue
        if tok.dep_ in _RELATIVES or any(
            a.dep_ in _RELATIVES and a.i in inside for a in tok.ancestors
        ):
            continue
        return True
    return False


def _top_infinitive(view: ParseView, tokens: range, depth: int = 2) -> bool:
    """Whether the content holds a to-infinitive at its top: hung outside the content, or
    (``depth`` 2) on a word that is ("urged the board | to cut", "her proposals | to
    invest")."""
    inside = set(tokens)
    for i in tokens:
        tok = view.doc[i]
        if tok.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            continue
        if tok.head.i not in inside or (depth > 1 and tok.head.head.i not in inside):
            return True
    return False


def _infinitive_predicate(view: ParseView, tokens: range, verb: Any) -> bool:
    """Whether the content's predicate is a to-infinitive: the content starts with one ("to
    renew the deal", "not to run"), or a verb that takes one ("expected the mayor | to keep
    trying") has it at the content's top. After a verb of saying an infinitive with a
    subject is the parser's misreading ("saying her use of the word | to describe … | was
    unfair") and does not count."""
    words = [view.lower[i] for i in tokens[:2]]
    if words[:1] == ["to"] or words in (["that", "to"], ["not", "to"]):
        return True
    return lemma_of(verb) in _INFINITIVE_TAKERS and _top_infinitive(view, tokens, depth=1)


def predicate_end(view: ParseView, start: int, end: int, cue: Range) -> int:
    """Where a content ``[start, end)`` ends once the predicate the parse split off its
    subject is taken in: "shows most of the miles driven | were for work", "hopes the
    technology built in Haifa | can help". The content so far has no finite verb outside a
    relative clause and no infinitive for its predicate (:func:`_infinitive_predicate`:
    "expect the mayor to keep trying | is …" has the sentence's verb after it); the next
    word opens a finite verb phrase with no subject of its own that the parse hung on the
    cue. The predicate runs to the end of that phrase, without the writer's trailing asides
    (:func:`~.clauses.content_end`)."""
    tokens = view.tokens_in(start, end)
    verb = _cue_word(view, cue, ("VERB", "AUX"))
    if not tokens or verb is None or _infinitive_predicate(view, tokens, verb):
        return end
    after = tokens[-1] + 1
    if after >= view.n or view.pos[after] in ("PUNCT", "SPACE"):
        return end
    rest = next((c for c in verb.rights if c.left_edge.i == after), None)
    if rest is None or rest.pos_ not in ("VERB", "AUX") or rest.dep_ not in _PREDICATE_DEPS:
        return end
    if any(c.dep_ in _SUBJECTS for c in rest.children) or not _finite(rest):
        return end
    if _has_finite_verb(view, tokens):
        return end
    rng = span_range(view, after, content_end(view, rest))
    if rng is None or "\n" in view.text[end : rng[1]]:
        return end
    return max(end, rng[1])


def _item_end(view: ParseView, item: Any) -> int:
    """Last token of a list item, before a conjunct with a subject of its own ("…, fix the
    system and he pledged …": the second clause is the writer's)."""
    doc = view.doc
    last = int(item.right_edge.i)
    for child in item.rights:
        if child.dep_ == "conj" and any(c.dep_ in _SUBJECTS for c in child.children):
            last = int(child.left_edge.i) - 1
            while last > item.i and (doc[last].is_punct or doc[last].dep_ == "cc"):
                last -= 1
            break
    return last


def infinitive_list_end(view: ParseView, start: int, end: int, cue: Range) -> int:
    """Where a to-infinitive content ends once the rest of its list is taken in: "urged the
    board to cut the fares, extend the hours and open a new pier". The next item is a bare
    verb (tag VB) with no subject or auxiliary of its own that the parse made a conjunct,
    after a comma or a coordinator; the cue is not itself a bare verb (then the item could be
    its conjunct: "will urge them to wait and see")."""
    tokens = view.tokens_in(start, end)
    word = _cue_word(view, cue, ("VERB", "AUX", "NOUN"))
    if not tokens or word is None or word.tag_ == "VB" or not _top_infinitive(view, tokens):
        return end
    i = tokens[-1] + 1
    while i < view.n and view.lower[i] in _LIST_GLUE:
        i += 1
    if i == tokens[-1] + 1 or i >= view.n:
        return end
    item = view.doc[i]
    if item.tag_ != "VB" or item.dep_ != "conj":
        return end
    if any(c.dep_ in _SUBJECTS or c.dep_ == "aux" for c in item.children):
        return end
    rng = span_range(view, i, _item_end(view, item))
    if rng is None or "\n" in view.text[end : rng[1]]:
        return end
    return max(end, rng[1])


_NOUNS = frozenset("NOUN PROPN".split())
_INDEFINITE = frozenset("a an".split())


def _noun_root(view: ParseView, tokens: range) -> Any | None:
    """The one word of a content that heads all the others, when it is a noun."""
    inside = set(tokens)
    roots = [i for i in tokens if view.head[i] not in inside or view.head[i] == i]
    if len(roots) != 1 or view.pos[roots[0]] not in _NOUNS:
        return None
    return view.doc[roots[0]]


def noun_list_end(view: ParseView, start: int, end: int) -> int:
    """Where a noun-phrase content ends once the rest of its list is taken in: "criticised
    the port board, the ferry company and the unions", which the parse cut after the first
    item, hanging "the ferry company and the unions" on the verb. The phrase after the comma
    is itself coordinated with a noun ("B and C"), which closes a list; an apposition has no
    such closing item. Not a phrase opened by "a"/"an": an indefinite after a comma describes
    the item before it ("…, a banker and former aide")."""
    tokens = view.tokens_in(start, end)
    if not tokens or _noun_root(view, tokens) is None:
        return end
    comma = tokens[-1] + 1
    if comma + 1 >= view.n or view.words[comma] != ",":
        return end
    item = view.doc[comma + 1]
    while item.head.i != item.i and item.head.i > comma and item.head.left_edge.i == comma + 1:
        item = item.head
    if item.pos_ not in _NOUNS or item.left_edge.i != comma + 1:
        return end
    if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in item.children):
        return end
    closing = [c for c in item.children if c.dep_ == "conj" and c.pos_ in _NOUNS]
    if not closing or not any(c.dep_ == "cc" and c.lower_ in _LIST_GLUE for c in item.children):
        return end
    last = closing[-1]
    if any(c.dep_ in _SUBJECTS or c.tag_ in FINITE_TAGS for c in last.children):
        return end
    rng = span_range(view, comma + 1, int(last.right_edge.i))
    if rng is None or "\n" in view.text[end : rng[1]] or holds_quotation(view.text[end : rng[1]]):
        return end
    return max(end, rng[1])


def take_clause_rests(view: ParseView, candidates: Sequence[Candidate]) -> None:
    """Extend reported contents over the rest of their own clause or list that the parse
    hung on the cue (see :func:`predicate_end` and :func:`infinitive_list_end`)."""
    extend_content_ends(
        candidates,
        [
            lambda a, b, cue: predicate_end(view, a, b, cue),
            lambda a, b, cue: infinitive_list_end(view, a, b, cue),
            lambda a, b, cue: noun_list_end(view, a, b),
        ],
    )
