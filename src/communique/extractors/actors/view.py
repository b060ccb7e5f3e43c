"""The parse as plain Python lists, and the mention-candidate record.

Everything in the actor layer reads a :class:`DocView` (lists copied once from the spaCy
``Doc``) so no module builds spaCy ``Span`` or ``Token`` objects in loops — that is what
keeps the layer within 10% of the parse time. :class:`Cand` is the one record that flows
from detection (:mod:`.mentions`, :mod:`.descriptions`, :mod:`.pronouns`) to merging
(:mod:`.cluster`) and resolution (:mod:`.coref`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from communique.models import MentionForm

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_NP_LEFT_DEPS = frozenset({"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod",
                           "advmod", "predet", "case", "punct"})


@dataclass
class Cand:
    """One mention candidate (token range ``[start, end)``, characters ``[cstart, cend)``)."""

    start: int
    end: int
    cstart: int
    cend: int
    form: MentionForm
    kind: str
    """name kinds: person, org, country, norp, other; nominal kinds: role, gov, mil, opp;
    pronoun: pronoun."""
    text: str
    head: int
    label: str = ""
    country: str | None = None
    subject: bool = False
    plural: bool = False
    gender: str | None = None
    title: str | None = None
    role: str | None = None
    definite: bool = False
    possessor: int | None = None
    """Token index of a possessive pronoun/name inside a description ("his counterpart")."""
    appos_to: int | None = None
    """Head token of a name this description stands in apposition to."""
    affiliate_of: int | None = None
    """Head token of an organisation named as owner ("Al-Qaeda's affiliate")."""
    acronym_for: int | None = None
    """For "(APEC)" after a name: the head token of the name it abbreviates."""
    extra: dict[str, Any] = field(default_factory=dict)


_WRAP = 1 << 64
_HALF = 1 << 63


class DocView:
    """Plain-list copy of the parse, with sentence and paragraph numbers per token."""

    def __init__(self, doc: Any, text: str, paragraph_of: Any) -> None:
        self.doc = doc
        self.n = len(doc)
        # one to_array call instead of a Token object per attribute: the copy is the
        # single largest cost of the layer
        from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        array = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX])
        rows = array.tolist() if self.n else []
        strings = doc.vocab.strings
        # each distinct string id is looked up once (a few hundred per article)
        name: dict[int, str] = {0: ""}
        if self.n:
            for key in set(array[:, :6].ravel().tolist()):
                if key:
                    name[key] = str(strings[key])
        self.text: list[str] = [name[r[0]] for r in rows]
        self.lower: list[str] = [name[r[1]] for r in rows]
        self.lemma: list[str] = [name[r[2]].lower() for r in rows]
        self.pos: list[str] = [name[r[3]] for r in rows]
        self.tag: list[str] = [name[r[4]] for r in rows]
        self.dep: list[str] = [name[r[5]] for r in rows]
        # HEAD is a relative offset stored unsigned: wrap it back to a signed value
        self.head: list[int] = [i + (r[6] - _WRAP if r[6] >= _HALF else r[6])
                                for i, r in enumerate(rows)]
        self.idx: list[int] = [r[7] for r in rows]
        self.end: list[int] = [r[7] + len(t) for r, t in zip(rows, self.text, strict=True)]
        self.children: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)
        self.sent = [0] * self.n
        self.sent_start: list[int] = []
        # a custom model without parser or senter has no sentences: one sentence then
        bounds = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") \
            else [(0, self.n)]
        for k, (start, end) in enumerate(bounds):
            self.sent_start.append(start)
            for i in range(start, end):
                self.sent[i] = k
        self.para: list[int] = [paragraph_of(i) for i in self.idx]
        self.quoted = _quoted(self.text, self.para)
        self.raw = text

    def is_subject(self, i: int) -> bool:
        """Subject of its clause, directly or as a conjunct of the subject."""
        seen = 0
        while self.dep[i] in ("conj", "appos") and seen < 5:
            i = self.head[i]
            seen += 1
        return self.dep[i] in SUBJECT_DEPS

    def source_role(self, i: int) -> bool:
        """Where news puts a source: a subject, "according to X", or a passive's "by X"."""
        if self.is_subject(i):
            return True
        if self.dep[i] != "pobj":
            return False
        prep = self.head[i]
        if self.lower[prep] == "to" and prep > 0 and self.lower[prep - 1] == "according":
            return True
        return self.lower[prep] == "by" and self.dep[prep] == "agent"

    def agentive(self, i: int) -> bool:
        """A place name acting ("Moscow said", "Moscow's position"), not a location."""
        seen = 0
        while self.dep[i] == "conj" and seen < 5:
            i = self.head[i]
            seen += 1
        if self.dep[i] == "poss":
            return True
        if self.dep[i] in ("nsubj", "nsubjpass"):
            return bool(self.lemma[self.head[i]] != "be")
        return bool(self.dep[i] == "pobj" and self.lower[self.head[i]] == "by")

    def np_start(self, head: int) -> int:
        """Left edge of the noun phrase core (determiners and premodifiers) of ``head``."""
        start = head
        for c in self.children[head]:
            if c < head and self.dep[c] in _NP_LEFT_DEPS:
                start = min(start, _left_edge(self, c))
        while start < head and self.pos[start] == "PUNCT":
            start += 1
        return start


def _quoted(texts: list[str], paras: list[int]) -> list[bool]:
    """Is each token inside quotation marks? Curly quotes open and close; straight quotes
    toggle; every paragraph starts outside."""
    out = [False] * len(texts)
    inside = False
    for k, word in enumerate(texts):
        if k and paras[k] != paras[k - 1]:
            inside = False
        if word in ("“", "``", "«"):
            inside = True
        elif word in ("”", "''", "»"):
            inside = False
        elif word == '"':
            inside = not inside
        else:
            out[k] = inside
    return out


def _left_edge(view: DocView, i: int) -> int:
    edge = i
    stack = [i]
    while stack:
        k = stack.pop()
        for c in view.children[k]:
            if c < edge:
                edge = c
            if c < k:
                stack.append(c)
    return edge


def occupied(view: DocView, cands: list[Cand]) -> list[bool]:
    """Token occupancy of a list of candidates."""
    taken = [False] * view.n
    for cand in cands:
        for k in range(cand.start, cand.end):
            taken[k] = True
    return taken
