"""Find known actors in a parsed text with spaCy's PhraseMatcher.

Two matchers over one vocabulary: names match on ``LOWER`` (so "HOSNI MUBARAK" and "Hosni
Mubarak" both match), acronyms on ``ORTH`` (so "UN" and "WHO" match, "un" and "who" do not).
Overlapping matches keep the longest ("Moro Islamic Liberation Front" beats a shorter name
inside it); a span that several entries share is resolved by date (see ``dates``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from communique.knowledge.oeda.dates import codes_on, resolve
from communique.knowledge.oeda.records import CodeRange, OedaEntry

__all__ = ["ActorMatch", "OedaMatcher"]

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


class OedaMatcher:
    """PhraseMatchers over every name and acronym of the given entries.

    Patterns are added to the PhraseMatchers on demand, the first time a text contains their
    first word: building all 44,000 pattern Docs up front costs about 10 s, most of them
    names no article of a run ever uses, while the words a corpus does use are few.
    """

    def __init__(self, vocab: Vocab, entries: Iterable[OedaEntry]) -> None:
        self._entries: dict[str, OedaEntry] = {}
        self._vocab = vocab
        self._names = PhraseMatcher(vocab, attr="LOWER")
        self._acronyms = PhraseMatcher(vocab, attr="ORTH")
        # first word → (matcher key, pattern words) still to add; one dict per matcher
        self._pending_names: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        self._pending_acronyms: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for entry in entries:
            self._entries[entry.kb_id] = entry
            for name in entry.names:
                words = name.split()
                self._pending_names[words[0]].append((entry.kb_id, words))
            for name in entry.surnames:
                words = name.split()
                self._pending_names[words[0]].append((entry.kb_id + _SURNAME, words))
            for acronym in entry.acronyms:
                words = acronym.split()
                self._pending_acronyms[words[0]].append((entry.kb_id, words))
        self._strings = vocab.strings

    def _load(self, doc: Doc | Span) -> None:
        """Add the patterns whose first word occurs in ``doc`` (once per word)."""
        for words, pending, matcher in (
            ({t.lower_ for t in doc}, self._pending_names, self._names),
            ({t.text for t in doc}, self._pending_acronyms, self._acronyms),
        ):
            for word in words:
                patterns = pending.pop(word, None)
                if not patterns:
                    continue
                by_key: dict[str, list[Doc]] = defaultdict(list)
                for key, pattern in patterns:
                    by_key[key].append(Doc(self._vocab, words=pattern))
                for key, docs in by_key.items():
                    matcher.add(key, docs)

    def __call__(self, doc: Doc | Span, date: dt.date | None = None) -> list[ActorMatch]:
        """Every known actor in ``doc``, longest first on overlaps, in text order."""
        self._load(doc)
        spans: dict[tuple[int, int], list[str]] = defaultdict(list)
        for matcher in (self._names, self._acronyms):
            for key, start, end in matcher(doc):
                kb_id = self._strings[key]
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
