"""Find known actors in a parsed text by looking token sequences up in a phrase index.

Two indexes: names match on ``LOWER`` (so "HOSNI MUBARAK" and "Hosni
Mubarak" both match), acronyms on ``ORTH`` (so "UN" and "WHO" match, "un" and "who" do not).
Overlapping matches keep the longest ("Moro Islamic Liberation Front" beats a shorter name
inside it); a span that several entries share is resolved by date (see ``dates``).
"""

from __future__ import annotations

import datetime as dt
import gc
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from communique.knowledge.oeda.dates import codes_on, resolve
from communique.knowledge.oeda.records import CodeRange, OedaEntry

__all__ = ["ActorMatch", "OedaMatcher", "PhraseIndex"]

_SURNAME = "|surname"


@dataclass(frozen=True)
class ActorMatch:
    """One known actor found in a text: where, which entry, and its code on the date asked.

    ``start``/``end`` are character offsets into the Doc's text (``text`` is
    ``doc.text[start:end]``); ``token_start``/``token_end`` the token offsets. ``candidates``
    lists every entry that shares the matched phrase, ``entry`` the one chosen for the date.
    """

    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    entry: OedaEntry
    code: CodeRange | None
    candidates: tuple[OedaEntry, ...]
    by_surname: bool = False


class PhraseIndex:
    """Token sequences → keys, found by hash lookups: what spaCy's ``PhraseMatcher`` finds
    for patterns of whole tokens, without building a pattern Doc per name.

    A pattern is a list of words, one token each; ``attr`` says which token attribute must
    equal each word (``LOWER``: the word lower-cased, as spaCy's English lexemes compute it;
    ``ORTH``: the word as written). Keys are kept once per pattern, in the order added.

    Example:
        >>> from spacy.attrs import LOWER
        >>> from spacy.lang.en import English
        >>> index = PhraseIndex(LOWER)
        >>> index.add("Kofi Annan".split(), "annan")
        >>> index.add(["kofi"], "kofi")
        >>> index.find(English()("Then KOFI annan spoke."))
        [('annan', 1, 3), ('kofi', 1, 2)]
    """

    def __init__(self, attr: int) -> None:
        self._attr = attr
        self._lower = attr == LOWER
        self._keys: dict[tuple[int, ...], list[str]] = {}
        self._lengths: dict[int, tuple[int, ...]] = {}

    def add(self, words: list[str], key: str) -> None:
        """Match ``words`` (one token each) and report them under ``key``."""
        hashes = tuple(get_string_id(w.lower() if self._lower else w) for w in words)
        keys = self._keys.setdefault(hashes, [])
        if key not in keys:
            keys.append(key)
        lengths = self._lengths.get(hashes[0], ())
        if len(hashes) not in lengths:
            self._lengths[hashes[0]] = tuple(sorted((*lengths, len(hashes)), reverse=True))

    def find(self, doc: Doc | Span) -> list[tuple[str, int, int]]:
        """Every ``(key, start, end)`` whose pattern equals the tokens ``start:end`` of
        ``doc`` (token offsets relative to ``doc``), in text order, longest first."""
        root = doc if isinstance(doc, Doc) else doc.doc
        start = 0 if isinstance(doc, Doc) else doc.start
        column = root.to_array(self._attr)[start : start + len(doc)].tolist()
        found: list[tuple[str, int, int]] = []
        size = len(column)
        for i, first in enumerate(column):
            lengths = self._lengths.get(first)
            if lengths is None:
                continue
            for n in lengths:
                keys = self._keys.get(tuple(column[i : i + n])) if i + n <= size else None
                if keys:
                    found.extend((key, i, i + n) for key in keys)
        return found


class OedaMatcher:
    """Hash-indexed phrase lookups over every name and acronym of the given entries.

    Finds what a spaCy ``PhraseMatcher`` over the same patterns finds (names on ``LOWER``,
    acronyms on ``ORTH``; ``tests/test_oeda_index.py`` compares the two), but is built from
    the entries' strings in a fraction of a second: the PhraseMatcher needed a pattern Doc per
    name (about 10 s for all 44,000, so they were added on demand, which made the first
    pass over a corpus pay for them, once in every worker process).
    """

    def __init__(self, vocab: Vocab, entries: Iterable[OedaEntry]) -> None:
        # ``vocab`` is kept in the signature: token hashes do not depend on it.
        self._entries: dict[str, OedaEntry] = {}
        self._names = PhraseIndex(LOWER)
        self._acronyms = PhraseIndex(ORTH)
        # ~100,000 small tuples and lists, none of them garbage: the cyclic collector would
        # walk the growing heap again and again (0.7 s of CPU instead of 0.2 s)
        collecting = gc.isenabled()
        gc.disable()
        try:
            for entry in entries:
                self._add(entry)
        finally:
            if collecting:
                gc.enable()

    def _add(self, entry: OedaEntry) -> None:
        self._entries[entry.kb_id] = entry
        for name in entry.names:
            self._names.add(name.split(), entry.kb_id)
        for name in entry.surnames:
            self._names.add(name.split(), entry.kb_id + _SURNAME)
        for acronym in entry.acronyms:
            self._acronyms.add(acronym.split(), entry.kb_id)

    def __call__(self, doc: Doc | Span, date: dt.date | None = None) -> list[ActorMatch]:
        """Every known actor in ``doc``, longest first on overlaps, in text order."""
        spans: dict[tuple[int, int], list[str]] = defaultdict(list)
        for index in (self._names, self._acronyms):
            for kb_id, start, end in index.find(doc):
                if kb_id not in spans[(start, end)]:
                    spans[(start, end)].append(kb_id)
        taken: set[int] = set()
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(spans, key=lambda se: (se[0] - se[1], se[0])):
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                chosen.append((start, end))
        root = doc if isinstance(doc, Doc) else doc.doc
        offset = 0 if isinstance(doc, Doc) else doc.start
        records = (
            self._record(root, offset + s, offset + e, spans[(s, e)], date)
            for s, e in sorted(chosen)
        )
        # A family name alone links only to someone the dictionary has in a role on that date.
        return [r for r in records if not r.by_surname or r.code is not None]

    def _record(
        self, doc: Doc, start: int, end: int, kb_ids: list[str], date: dt.date | None
    ) -> ActorMatch:
        full = sorted(kb_id for kb_id in kb_ids if not kb_id.endswith(_SURNAME))
        by_surname = not full
        ids = full or sorted(kb_id.removesuffix(_SURNAME) for kb_id in kb_ids)
        candidates = tuple(self._entries[kb_id] for kb_id in ids)
        entry = resolve(candidates, date)
        span = doc[start:end]
        return ActorMatch(
            span.start_char,
            span.end_char,
            start,
            end,
            span.text,
            entry,
            codes_on(entry, date),
            candidates,
            by_surname,
        )
