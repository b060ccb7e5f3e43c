"""Step 4, attributes: date, location, terms and duration of one agreement mention, read from the
parse.

Only words attached to the mention or to its governing verb count, so a date elsewhere in
the sentence ("Kerry said on Friday that a deal signed in March ...") is not taken for the
agreement's date.

* **Date** — a spaCy ``DATE`` entity hanging on the trigger noun or the governing verb,
  directly or through one preposition ("agreed in a deal on Thursday", "On February 27, a
  ... ceasefire came into force"), resolved with :func:`communique.dates.resolve_date`.
* **Location**, first match wins — a place after in/across/for/throughout on the noun or
  verb ("came into force in Syria"); the place a "where" clause describes ("the city of
  Aleppo, where the UN has been clamoring for a cease-fire"); a place in the terms that is
  not just a modifier ("the Damascus suburb of Daraya" → Daraya); a single country
  adjective or place name on the noun ("a new Syrian truce" → Syria; "the Aleppo truce").
* **Terms** — the content clause of the agreement: "agreed (in a deal) to …", "agreed
  that …", "a deal to …", "an agreement on …", stopped before a trailing ", ending …".
* **Duration** — a TIME/DATE entity such as "48-hour" modifying the noun.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from communique.dates import ResolvedDate, looks_like_date, resolve_date
from communique.extractors.agreements import triggers as lx
from communique.extractors.agreements.candidates import Candidate, Token, entity_of
from communique.extractors.agreements.resolve import same_line
from communique.extractors.agreements.status import Frame, raised_verb, speaks_of_future
from communique.parse import ParseView

_PROPOSALS = frozenset({"proposal", "plan", "initiative", "offer"})
"""An adjective on these names the proposer ("the Egyptian proposal"), not the place."""
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE_PREPS = frozenset({"in", "across", "for", "throughout", "around", "over", "near"})
_TERM_PREPS = frozenset({"on", "over", "about", "for"})
_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "suburb",
        "province",
        "region",
        "district",
        "village",
        "area",
        "enclave",
        "neighborhood",
        "neighbourhood",
        "strip",
        "zone",
        "valley",
        "governorate",
        "state",
        "country",
    }
)


@dataclass(frozen=True)
class Located:
    """A piece of text with its character range."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DatedMention:
    """A resolved date and the text it came from."""

    resolved: ResolvedDate
    start: int
    end: int


def anchors(cand: Candidate, frame: Frame) -> list[Token]:
    """The tokens the mention's attributes may hang on: noun, participles, path, verb."""
    out = [cand.head, *frame.path]
    if frame.verb is not None:
        raised = raised_verb(frame.verb)  # "is due to take effect on Sunday"
        if raised is not None:
            out.append(raised)
    if not cand.verbal and not cand.pronoun:
        out.extend(c for c in cand.head.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB")
    if frame.verb is not None:
        out.append(frame.verb)
    return out


def find_date(
    view: ParseView, cand: Candidate, frame: Frame, published: dt.date | None
) -> DatedMention | None:
    """The agreement date attached to the mention, resolved against ``published``."""
    anchor_ids = {t.i for t in anchors(cand, frame)}
    for ent in view.ents_in(cand.sent):
        if ent.label_ not in {"DATE", "TIME"} or not looks_like_date(ent.text):
            continue
        root = ent.root
        if not same_line(root, cand.head):
            continue
        attached = root.head.i in anchor_ids or (
            root.head.dep_ == "prep" and root.head.head.i in anchor_ids
        )
        if not attached:
            continue
        resolved = resolve_date(ent.text, published, future=speaks_of_future(frame))
        if resolved is not None:
            return DatedMention(resolved, ent.start_char, ent.end_char)
    return None


def find_location(
    cand: Candidate, frame: Frame, terms: list[Located], exclude: set[int]
) -> Located | None:
    """Where the agreement applies (rules in the module docstring)."""
    for anchor in anchors(cand, frame):
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE_PREPS:
                for pobj in child.children:
                    place = _place(pobj, exclude, loose=True)
                    if pobj.dep_ == "pobj" and place is not None:
                        return place
    where = _where_clause_place(frame, exclude)
    if where is not None:
        return where
    doc = cand.head.doc
    for term in terms:
        best: Located | None = None
        for tok in doc.char_span(term.start, term.end, alignment_mode="expand") or ():
            if tok.dep_ == "pobj":
                place = _place(tok, exclude)
                if place is not None:
                    best = place
        if best is not None:
            return best
    if not cand.verbal and not cand.pronoun and cand.head.lemma_.lower() not in _PROPOSALS:
        places = [
            c
            for c in cand.head.lefts
            if c.dep_ in {"amod", "compound", "nmod"} and c.i not in exclude
        ]
        found = [p for p in (_place(c, exclude, demonym=True) for c in places) if p is not None]
        if len(found) == 1:
            return found[0]
    return None


def _place(
    tok: Token, exclude: set[int], *, demonym: bool = False, loose: bool = False
) -> Located | None:
    """The place ``tok`` names; ``loose`` also takes a mislabelled name after "in"."""
    if tok.i in exclude:
        return None
    if (
        loose
        and tok.pos_ == "PROPN"
        and tok.ent_type_
        not in {"DATE", "TIME", "NORP", "ORG", "GPE", "LOC", "FAC", "PERSON", "MONEY", "CARDINAL"}
    ):
        ent = entity_of(tok)
        first = ent[0].i if ent is not None else tok.left_edge.i
        span = tok.doc[first : (ent.end if ent is not None else tok.i + 1)]
        return Located(span.text, span.start_char, span.end_char)
    if demonym and tok.lower_ in lx.DEMONYMS:
        return Located(lx.DEMONYMS[tok.lower_], tok.idx, tok.idx + len(tok.text))
    ent = entity_of(tok)
    if ent is not None and (
        ent.label_ in _PLACE_LABELS
        or (
            ent.label_ in ({"NORP", "ORG"} if loose else {"NORP"})
            and tok.pos_ == "PROPN"
            and tok.lower_ not in lx.DEMONYMS
        )
    ):
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        span = ent.doc[start : ent.end]
        return Located(span.text, span.start_char, span.end_char)
    if tok.lemma_.lower() in _PLACE_NOUNS:
        names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if names:  # "the Donbas region"
            span = tok.doc[names[0].i : tok.i + 1]
            return Located(span.text, span.start_char, span.end_char)
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for pobj in child.children:
                    place = _place(pobj, exclude)
                    if place is not None:
                        return place
    return None


def _where_clause_place(frame: Frame, exclude: set[int]) -> Located | None:
    verb = frame.verb
    for _ in range(3):
        if verb is None:
            return None
        if verb.dep_ == "relcl" and any(c.lower_ == "where" for c in verb.children):
            return _place(verb.head, exclude)
        if verb.dep_ in {"xcomp", "conj"}:
            verb = verb.head
            continue
        return None
    return None


def find_terms(cand: Candidate, frame: Frame) -> list[Located]:
    """Spans of what was agreed (rules in the module docstring)."""
    out: list[Located] = []
    for clause in _term_clauses(cand, frame):
        if not same_line(clause, cand.head):
            continue
        located = _clause_span(clause)
        if located is not None and all(located != o for o in out):
            out.append(located)
    return out


def _term_clauses(cand: Candidate, frame: Frame) -> Iterator[Token]:
    if not cand.pronoun and not cand.verbal:
        for child in cand.head.rights:
            if child.dep_ in {"acl", "relcl"} and (
                any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                or any(c.lower_ in {"so", "allowing"} for c in child.lefts)
            ):
                yield child
            elif child.dep_ == "prep" and child.lower_ in _TERM_PREPS:
                pobj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
                if (
                    pobj is not None
                    and pobj.ent_type_ not in {"DATE", "TIME"}
                    and (entity_of(pobj) is None or pobj.ent_type_ not in _PLACE_LABELS)
                ):
                    yield child
    verb = frame.verb
    if verb is not None and frame.relation != "subj":
        lemma = verb.lemma_.lower()
        if lemma in lx.VERB_STATUS or lemma in {"agree", "call", "clamor", "push", "press"}:
            for child in verb.rights:
                to_clause = child.dep_ == "xcomp" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children
                )
                that_clause = child.dep_ == "ccomp" and lemma == "agree"
                purpose = child.dep_ == "advcl" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in child.children
                )
                to_clause = to_clause or purpose
                on_phrase = (
                    child.dep_ == "prep"
                    and child.lower_ in {"on", "upon"}
                    and (
                        cand.verbal
                        and not any(g.ent_type_ in {"DATE", "TIME"} for g in child.children)
                    )
                )
                if to_clause or that_clause or on_phrase:
                    yield child


def _clause_span(head: Token) -> Located | None:
    """The clause under ``head``, cut before a trailing ", ending ..." participle clause."""
    doc = head.doc
    first, last = head.left_edge.i, head.right_edge.i
    for child in head.rights:
        if child.dep_ in {"advcl", "relcl"} and child.i > 0 and doc[child.i - 1].text == ",":
            last = min(last, child.i - 2)
            break
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first <= last and (doc[first].lower_ in {"that", "to"} or doc[first].is_punct):
        first += 1
    if first > last:
        return None
    span = doc[first : last + 1]
    return Located(span.text, span.start_char, span.end_char)


def find_duration(cand: Candidate) -> Located | None:
    """A duration modifier such as "48-hour" or "three-month"."""
    if cand.verbal or cand.pronoun:
        return None
    for tok in cand.head.doc[cand.head.left_edge.i : cand.head.i]:
        if tok.ent_type_ in {"TIME", "DATE"}:
            ent = entity_of(tok)
            if ent is not None and not looks_like_date(ent.text) and ent.end <= cand.head.i:
                return Located(ent.text, ent.start_char, ent.end_char)
    return None
