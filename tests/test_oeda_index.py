"""The OEDA phrase index finds exactly what spaCy's PhraseMatcher finds on the same patterns.

The reference is the matcher the index replaced: PhraseMatchers on ``LOWER`` (names, family
names) and ``ORTH`` (acronyms), fed one pattern Doc per name. Only tokens matter to both, so
the texts are tokenised, not parsed: the seed article, every case-table text and the web
pages' HTML. ``COMMUNIQUE_FULL_POLNEAR=1`` adds PolNeAR train + dev when present.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from communique.knowledge.oeda.loader import OedaKnowledge
from communique.knowledge.oeda.matcher import _SURNAME, OedaMatcher, PhraseIndex
from communique.knowledge.oeda.records import OedaEntry

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
if not POLNEAR.is_dir():  # a git worktree under /work/wt
    POLNEAR = ROOT.parents[1] / "shared" / "data" / "polnear"


def _texts() -> list[str]:
    texts = [(ROOT / "examples" / "data" / "kerry-lavrov-geneva.txt").read_text("utf-8")]
    for table in sorted((ROOT / "tests" / "data" / "cases").glob("*.jsonl")):
        for line in table.read_text("utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    texts += [p.read_text("utf-8") for p in sorted((ROOT / "tests/data/web").glob("*.html"))]
    if os.environ.get("COMMUNIQUE_FULL_POLNEAR"):
        polnear = sorted(POLNEAR.glob("*/text/*.txt"))
        assert polnear, f"no PolNeAR texts under {POLNEAR}"
        texts += [p.read_text("utf-8") for p in polnear]
    # upper- and lower-cased copies test the LOWER and ORTH attributes apart
    return texts + [t.upper() for t in texts[:40]] + [t.lower() for t in texts[:40]]


def _reference(docs: list[Doc], entries: list[OedaEntry]) -> list[set[tuple[str, int, int]]]:
    """The PhraseMatcher, loaded with every pattern whose first word occurs in ``docs``."""
    vocab = docs[0].vocab
    names, acronyms = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="ORTH")
    lowers = {t.lower_ for d in docs for t in d}
    orths = {t.text for d in docs for t in d}
    patterns: dict[tuple[PhraseMatcher, str], list[Doc]] = defaultdict(list)
    for entry in entries:
        named = [(n, entry.kb_id) for n in entry.names]
        named += [(n, entry.kb_id + _SURNAME) for n in entry.surnames]
        for name, key in named:
            if name.split()[0] in lowers:
                patterns[(names, key)].append(Doc(vocab, words=name.split()))
        for acronym in entry.acronyms:
            if acronym.split()[0] in orths:
                patterns[(acronyms, entry.kb_id)].append(Doc(vocab, words=acronym.split()))
    for (matcher, key), pattern_docs in patterns.items():
        matcher.add(key, pattern_docs)
    strings = vocab.strings
    return [{(strings[k], s, e) for m in (names, acronyms) for k, s, e in m(doc)} for doc in docs]


@pytest.fixture(scope="module")
def entries() -> list[OedaEntry]:
    return list(OedaKnowledge().entries.values())


def test_index_finds_what_the_phrase_matcher_finds(entries: list[OedaEntry]) -> None:
    tokenizer = spacy.blank("en").tokenizer
    docs = [tokenizer(text) for text in _texts()]
    matcher = OedaMatcher(docs[0].vocab, entries)
    expected = _reference(docs, entries)
    found = [
        {m for index in (matcher._names, matcher._acronyms) for m in index.find(doc)}
        for doc in docs
    ]
    assert sum(map(len, expected)) > 1000  # the texts do name many known actors
    assert found == expected


def test_index_on_a_span_gives_offsets_relative_to_it() -> None:
    from spacy.attrs import ORTH

    index = PhraseIndex(ORTH)
    index.add(["UN", "envoy"], "un-envoy")
    doc = spacy.blank("en")("The UN envoy met the un envoy and the UN envoy.")
    assert index.find(doc) == [("un-envoy", 1, 3), ("un-envoy", 9, 11)]
    assert index.find(doc[5:]) == [("un-envoy", 4, 6)]
    assert index.find(doc[:2]) == []  # a pattern that runs past the span's end
