"""The parse view: one typed, read-only copy of an article's spaCy parse, built once.

The pipeline builds a :class:`ParseView` per article and hands it to every extractor as
``ctx.view``. It copies the ``Doc`` into plain Python lists with one ``to_array`` call,
because reading spaCy ``Token`` attributes one by one in loops is the single largest cost of
the extractors. It also holds what every extractor used to re-derive on its own: paragraphs,
the headline, the wire-style dateline ("GENEVA (AP) —"), sentences, entities, and fast
offset lookups. ``view.doc`` stays available for code that needs spaCy objects (subtrees,
children of a ``Token``); nothing here writes to the ``Doc``.

Example:
    >>> view = ParseView.build(nlp("WASHINGTON (AP) — Kerry spoke."))
    >>> view.dateline.place
    'WASHINGTON'
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from communique.models import Span
from communique.text import paragraph_spans

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
"""Dependency labels of a clause's subject."""

_NP_LEFT_DEPS = frozenset(
    {
        "det",
        "poss",
        "amod",
        "compound",
        "nmod",
        "nummod",
        "quantmod",
        "advmod",
        "predet",
        "case",
        "punct",
    }
)
_WRAP = 1 << 64
_HALF = 1 << 63

_DATELINE = re.compile(
    r"""(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*       # GENEVA, NEW YORK, ST. LOUIS
        (?:,\s+[A-Z][A-Za-z.'\-]+(?:\s+[A-Z][A-Za-z.'\-]+)*)?)  # , N.Y. / , Vietnam
        (?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}
           (?:,\s+\d{4})?)?                                      # , March 4 / , Dec 3, 2026
        (?:\s*\((?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\)        # (AP) / (Reuters)
           |\s+/(?P<wire>[A-Za-z][\w .&\-]{0,30})/)?             # /PRNewswire/ (releases)
        \s*(?:—|–|--|-)\s""",
    re.VERBOSE,
)
_AGENCY_DATELINE = re.compile(
    r"""(?P<place>[A-Z][\w.'\-]+(?:,?\s+[A-Z][\w.'\-]+)*)             # Lisbon / Porto, Portugal
        (?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?
        \s*\((?![RDI]-)(?P<agency>[A-Za-z][A-Za-z .&\-]{0,30})\)       # (AFP), not (R-Texas)
        \s*(?:—|–|--|-)\s""",
    re.VERBOSE,
)
"""A mixed-case dateline: the agency in brackets and the dash make it one where the place
alone, not in capitals, would not ("Lisbon (AFP) –", "Porto, May 3 (Lusa) —")."""
_COLON_DATELINE = re.compile(r"(?P<place>[A-Z][A-Z.'\-]{2,}(?:\s+[A-Z][A-Z.'\-]+)*):\s+(?=[A-Z])")
"""The South Asian dateline, a place in capitals and a colon ("NEW DELHI:", "JODHPUR:");
only where the body starts, because a transcript's speaker labels look the same."""

_LABELS = frozenset(
    "BREAKING UPDATE UPDATED WATCH LIVE EXCLUSIVE ANALYSIS OPINION EDITORIAL LISTEN VIDEO "
    "PHOTOS READ MORE CORRECTION ADVERTISEMENT SPONSORED NEWS ALERT RELATED SEE ALSO NOTE "
    "EDITOR'S WARNING FACT CHECK Q A UPDATES".split()
)
"""Capitalised labels that open furniture lines the way a place opens a dateline."""

_FIRST_PERSONS = frozenset("i we my our us me you your i'm we're we've we'll i've".split())
"""Words of a turn in a transcript ("OKAFOR: We have the votes"), not of news prose."""
_EDGE = ".,;:!?\"'“”‘’()"

_FRONT_MATTER_WORDS = 30
"""A paragraph longer than this before any dateline is the body: the search stops there,
unless it is a labelled note ("Editor's note: This story is part of …")."""
_NOTE = re.compile(r"[A-Z][\w'’]*(?:\s+[\w'’]+){0,2}:\s")


@dataclass(frozen=True)
class Dateline:
    """A wire-style dateline at the start of the first body paragraph.

    Attributes:
        span: The whole dateline, dash included ("BUFFALO, N.Y. (AP) —").
        place: Where the story was filed, as written ("BUFFALO, N.Y.").
        agency: The agency in brackets ("AP"), if any.
    """

    span: Span
    place: str
    agency: str | None = None


@dataclass(frozen=True)
class Entity:
    """A named entity of the parse: label, token range ``[start, end)`` and its span."""

    label: str
    start: int
    end: int
    span: Span

    @property
    def text(self) -> str:
        """The entity's text."""
        return self.span.text


def find_dateline(text: str, paragraph: Span) -> Dateline | None:
    """The dateline opening ``paragraph``, if it has one.

    Example:
        >>> text = "HANOI, Vietnam (Reuters) - Talks resumed."
        >>> d = find_dateline(text, Span.of(text, 0, len(text)))
        >>> d.place, d.agency, d.span.text
        ('HANOI, Vietnam', 'Reuters', 'HANOI, Vietnam (Reuters) -')
        >>> text = "RENO, Nev., June 2, 2026 /PRNewswire/ -- Acme today announced a deal."
        >>> find_dateline(text, Span.of(text, 0, len(text))).span.text
        'RENO, Nev., June 2, 2026 /PRNewswire/ --'
        >>> text = "Lisbon (AFP) – Talks resumed."
        >>> find_dateline(text, Span.of(text, 0, len(text))).place
        'Lisbon'
    """
    found = _DATELINE.match(text, paragraph.start, paragraph.end)
    if found is not None:
        place = found.group("place").rstrip()
        if not any(c.isalpha() for c in place) or place.upper() == place.lower():
            found = None
        elif set(place.replace(",", " ").split()) & _LABELS:
            return None  # "BREAKING —", "LIVE UPDATES —": a label, no place
    if found is None:
        found = _AGENCY_DATELINE.match(text, paragraph.start, paragraph.end)
        if found is None:
            return None
        place = found.group("place").rstrip()
    end = found.end()
    while end > found.start() and text[end - 1].isspace():
        end -= 1
    agency = found.group("agency") or found.groupdict().get("wire")
    return Dateline(Span.of(text, found.start(), end), place, agency)


def _body_dateline(text: str, paragraphs: tuple[Span, ...]) -> Dateline | None:
    r"""The dateline opening the body when a web page puts its headline, deck, time stamp,
    key points or a ticker above it: the first paragraph of a sentence or more that opens
    with one, if no longer paragraph comes before it (the body would have begun).

    Example:
        >>> text = "Rates on hold\n\nKey takeaways\n\nSANTIAGO, Chile — The central bank held " \
        ...     "its rate at 5.25% on Tuesday, as inflation rose for a second month."
        >>> ParseView.build(_blank(text)).dateline.place
        'SANTIAGO, Chile'
    """
    labels = [_COLON_DATELINE.match(text, p.start, p.end) for p in paragraphs]
    speakers = [m for m in labels if m is not None and not set(m["place"].split()) & _LABELS]
    for k, para in enumerate(paragraphs[:12]):
        words = len(para.text.split())
        found = find_dateline(text, para)
        label = labels[k]
        if found is None and label is not None and k and words >= 12 and len(speakers) == 1:
            # one such label in the article, under a headline and before a sentence rather
            # than a title-case headline ("BOOM: Trump Just Fired …"); a transcript labels
            # many turns, and a lone "KERRY: We will …" line is a quote
            rest = text[label.end() : para.end].split()
            spoken = any(w.strip(_EDGE).casefold() in _FIRST_PERSONS for w in rest)
            if sum(w[:1].isupper() for w in rest) * 2 < len(rest) and not spoken:
                found = Dateline(Span.of(text, para.start, label.end("place") + 1), label["place"])
        if found is not None and words >= 8:
            return found
        if words > _FRONT_MATTER_WORDS and not _NOTE.match(text, para.start, para.end):
            return None
    return None


def _blank(text: str) -> Any:
    """A tokenised ``Doc`` of ``text`` without a model (for the docstring examples)."""
    from spacy.lang.en import English

    return English()(text)


def _short_line(text: str) -> bool:
    return 0 < len(text.split()) <= 20


def looks_like_headline(text: str) -> bool:
    """A short first paragraph with no sentence-final full stop reads as a headline."""
    stripped = text.rstrip()
    return _short_line(stripped) and not stripped.endswith((".", "”", '"', "?", ":"))


class ParseView:
    """One article's parse as plain lists, with sentence, paragraph and entity lookups.

    Token attributes are parallel lists indexed by token number: ``words`` (token text),
    ``lower``, ``lemma`` (lower-cased), ``pos``, ``tag``, ``dep``, ``head`` (index of the
    syntactic head; a root is its own head), ``idx`` (start offset), ``end`` (end offset),
    ``ent_type`` and ``ent_iob`` ("B", "I" or ""), ``sent`` (sentence number), ``para``
    (paragraph number, -1 for white space between paragraphs) and ``quoted`` (inside
    quotation marks). Treat them as read-only: every extractor shares them.

    Build it with :meth:`build`.
    """

    def __init__(self, doc: Any, text: str, paragraphs: tuple[Span, ...]) -> None:
        self.doc = doc
        self.text = text
        self.paragraphs: tuple[Span, ...] = paragraphs
        self.paragraph_ranges: tuple[tuple[int, int], ...] = tuple(
            (p.start, p.end) for p in paragraphs
        ) or ((0, len(text)),)
        """``(start, end)`` of each paragraph; the whole text when it has none."""
        self._para_starts = [p.start for p in paragraphs]
        self.n = len(doc)
        self._copy_tokens(doc)
        self._read_sentences(doc)
        self.para: list[int] = [self.paragraph_index(i) for i in self.idx]
        self.quoted = _quoted(self.words, self.para)
        self._ents = list(doc.ents)
        self.entities: tuple[Entity, ...] = tuple(
            Entity(e.label_, e.start, e.end, Span.of(text, e.start_char, e.end_char))
            for e in self._ents
        )
        self._ent_starts = [e.start for e in self.entities]
        self.headline: Span | None = None
        first = paragraphs[0] if paragraphs else None
        self.dateline: Dateline | None = None
        if first is not None and len(paragraphs) > 1:
            second = find_dateline(text, paragraphs[1])
            # a dateline opens the body, so a short line above it is the headline even when
            # it ends with a full stop ("Talks resume in Geneva." ¶ "GENEVA (AP) — …")
            if looks_like_headline(first.text) or (
                second is not None and _short_line(first.text) and not find_dateline(text, first)
            ):
                self.headline = first
                self.dateline = second
        if self.headline is None and first is not None:
            self.dateline = find_dateline(text, first)
        if self.dateline is None:
            self.dateline = _body_dateline(text, paragraphs)

    @classmethod
    def build(
        cls, doc: Any, text: str | None = None, paragraphs: tuple[Span, ...] | None = None
    ) -> ParseView:
        """The view of ``doc`` (whose text is ``text``; paragraphs found if not given)."""
        text = doc.text if text is None else text
        return cls(doc, text, paragraph_spans(text) if paragraphs is None else paragraphs)

    def __len__(self) -> int:
        return self.n

    def _copy_tokens(self, doc: Any) -> None:
        # one to_array call instead of a Token object per attribute
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        array = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX, ENT_IOB])
        rows = array.tolist() if self.n else []
        strings = doc.vocab.strings
        name: dict[int, str] = {0: ""}
        if self.n:
            for key in set(array[:, :7].ravel().tolist()):
                if key:
                    name[key] = str(strings[key])
        self.words: list[str] = [name[r[0]] for r in rows]
        self.lower: list[str] = [name[r[1]] for r in rows]
        self.lemma: list[str] = [name[r[2]].lower() for r in rows]
        self.pos: list[str] = [name[r[3]] for r in rows]
        self.tag: list[str] = [name[r[4]] for r in rows]
        self.dep: list[str] = [name[r[5]] for r in rows]
        self.ent_type: list[str] = [name[r[6]] for r in rows]
        # HEAD is a relative offset stored unsigned: wrap it back to a signed value
        self.head: list[int] = [
            i + (r[7] - _WRAP if r[7] >= _HALF else r[7]) for i, r in enumerate(rows)
        ]
        self.idx: list[int] = [r[8] for r in rows]
        self.ent_iob: list[str] = [("", "I", "", "B")[r[9]] if r[9] < 4 else "" for r in rows]
        self.end: list[int] = [r[8] + len(t) for r, t in zip(rows, self.words, strict=True)]
        self.children: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                self.children[h].append(i)

    def _read_sentences(self, doc: Any) -> None:
        self.sent = [0] * self.n
        self.sent_start: list[int] = []
        # a custom model without parser or senter has no sentences: one sentence then
        bounds = (
            [(s.start, s.end) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [(0, self.n)]
        )
        self.sentences: tuple[tuple[int, int], ...] = tuple(bounds)
        for k, (start, end) in enumerate(bounds):
            self.sent_start.append(start)
            for i in range(start, end):
                self.sent[i] = k
        # sentences also cut after a line break: a parse may run a sentence across lines
        starts = set(self.sent_start) if doc.has_annotation("SENT_START") else {0}
        self.line_start: list[int] = [0] * self.n
        self.line_end: list[int] = [0] * self.n
        begin = 0
        for i in range(1, self.n + 1):
            if i == self.n or i in starts or "\n" in self.words[i - 1]:
                for j in range(begin, i):
                    self.line_start[j] = begin
                    self.line_end[j] = i
                begin = i

    # -- offsets ---------------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """Index of the token containing or starting after ``offset`` (clamped to the doc)."""
        i = bisect.bisect_right(self.idx, offset) - 1
        if i < 0:
            return 0
        if offset >= self.end[i] and i + 1 < self.n:
            return i + 1
        return i

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens that start inside ``[start, end)``."""
        return range(bisect.bisect_left(self.idx, start), bisect.bisect_left(self.idx, end))

    def sentence_of(self, i: int) -> int:
        """Sentence number of token ``i``."""
        return self.sent[i]

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing ``offset``; -1 between paragraphs."""
        k = bisect.bisect_right(self._para_starts, offset) - 1
        if k < 0 or offset >= self.paragraphs[k].end:
            return -1
        return k

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph that contains (or precedes) ``offset``; 0 before the first."""
        return max(0, bisect.bisect_right(self._para_starts, offset) - 1)

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        """The ``(start, end)`` of the paragraph containing (or preceding) ``offset``."""
        if not self.paragraphs:
            return 0, len(self.text)
        para = self.paragraphs[self.paragraph_of(offset)]
        return para.start, para.end

    def span(self, start: int, end: int) -> Span:
        """A validated :class:`Span` over ``text[start:end]``."""
        return Span.of(self.text, start, end)

    def strip_space(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without white space at its edges."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    # -- entities --------------------------------------------------------------------------

    def _entity_numbers(self, start: int, end: int) -> list[int]:
        out = []
        for k in range(bisect.bisect_left(self._ent_starts, start), len(self.entities)):
            ent = self.entities[k]
            if ent.start >= end:
                break
            if ent.end <= end:
                out.append(k)
        return out

    def entities_between(self, start: int, end: int) -> list[Entity]:
        """Entities lying wholly inside the token range ``[start, end)``, in order."""
        return [self.entities[k] for k in self._entity_numbers(start, end)]

    def ents_in(self, span: Any) -> list[Any]:
        """The spaCy entity ``Span``s inside a spaCy ``Span`` (a sentence, say), in order.

        spaCy's ``Span.ents`` scans every entity of the document on each call, which makes
        a per-sentence loop quadratic on long documents; this bisects a list made once.
        """
        return [self._ents[k] for k in self._entity_numbers(span.start, span.end)]

    # -- syntax ----------------------------------------------------------------------------

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
                start = min(start, self.left_edge(c))
        while start < head and self.pos[start] == "PUNCT":
            start += 1
        return start

    def left_edge(self, i: int) -> int:
        """The leftmost token of ``i``'s subtree."""
        edge = i
        stack = [i]
        while stack:
            k = stack.pop()
            for c in self.children[k]:
                if c < edge:
                    edge = c
                if c < k:
                    stack.append(c)
        return edge


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


__all__ = [
    "SUBJECT_DEPS",
    "Dateline",
    "Entity",
    "ParseView",
    "find_dateline",
    "looks_like_headline",
]
