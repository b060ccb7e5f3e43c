"""Find the names of a :class:`~communique.knowledge.ActorDictionary` in a parsed text.

Users' own entries (a CSV through the knowledge hook) are matched the way the OEDA
dictionaries are: with spaCy's ``PhraseMatcher`` on lower-case tokens, longest match first.
Built once per dictionary size and vocabulary, so adding entries in the hook is enough.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from communique.knowledge.actors import ActorDictionary, ActorEntry

__all__ = ["DictionaryMatch", "DictionaryMatcher"]


@dataclass(frozen=True)
class DictionaryMatch:
    """One dictionary name found in a text: token range and the entries valid on the date."""

    token_start: int
    token_end: int
    entries: tuple[ActorEntry, ...]


class DictionaryMatcher:
    """A PhraseMatcher over every name and alias of a dictionary, rebuilt when it grows."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self._dictionary = dictionary
        self._built: tuple[int, int, Vocab, PhraseMatcher] | None = None

    def _matcher(self, vocab: Vocab) -> PhraseMatcher:
        size = len(self._dictionary)
        if self._built is None or self._built[:2] != (id(vocab), size):
            tokenizer = spacy.blank("en", vocab=vocab).tokenizer
            matcher = PhraseMatcher(vocab, attr="LOWER")
            for entry in self._dictionary:
                matcher.add(entry.kb_id, [tokenizer(n) for n in (entry.name, *entry.aliases)])
            self._built = (id(vocab), size, vocab, matcher)
        return self._built[3]

    def __call__(self, doc: Doc, on: dt.date | None = None) -> list[DictionaryMatch]:
        """Every dictionary name in ``doc`` (longest first on overlaps), in text order."""
        if not len(self._dictionary):
            return []
        found: dict[tuple[int, int], list[ActorEntry]] = {}
        strings = doc.vocab.strings
        for key, start, end in self._matcher(doc.vocab)(doc):
            entry = self._dictionary.get(strings[key])
            if entry is not None and entry.valid_on(on):
                found.setdefault((start, end), []).append(entry)
        taken: set[int] = set()
        out = []
        for start, end in sorted(found, key=lambda se: (se[0] - se[1], se[0])):
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                out.append(DictionaryMatch(start, end, tuple(found[(start, end)])))
        return sorted(out, key=lambda m: m.token_start)
