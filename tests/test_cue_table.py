"""The generated cue table (``data/cue_complements.tsv``): its loader, the rule that made it
(``scripts/build_cue_table.py``), how the lexicon reads its complements, and (with PolNeAR
and ``COMMUNIQUE_FULL_POLNEAR=1``) that the script regenerates it byte for byte —
``COMMUNIQUE_CUE_CACHE=DIR`` reuses the script's DocBin parses from ``DIR``."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from communique.extractors.quotes import lexicon as L
from communique.knowledge import verbs as V
from communique.knowledge.packaged import packaged_rows

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_cue_table", ROOT / "scripts" / "build_cue_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B = _script()


def test_row_sums_occurrences_and_cues_over_subsets() -> None:
    row = V._cue_row(["noun", "question", "about", "11", "4", "28", "16", "30", "20"])
    assert row == V.CueComplement("noun", "question", "about", 69, 40)


@pytest.mark.parametrize("cells", [["verb", "urge", "dobj"], ["verb", "urge", "dobj", "3"]])
def test_row_without_count_pairs_is_refused(cells: list[str]) -> None:
    with pytest.raises(ValueError, match="pairs"):
        V._cue_row(cells)


def test_packaged_table_has_three_subsets_and_round4_rows() -> None:
    rows = packaged_rows("cue_complements.tsv")
    assert rows and all(len(r) == 3 + 2 * len(B.SUBSETS) for r in rows)
    keys = {(c.pos, c.lemma, c.complement) for c in V.cue_complements()}
    assert keys >= B.ROUND4
    assert len(keys) == len(rows), "one row per (pos, lemma, complement)"


def test_every_new_row_meets_the_stated_rule_on_the_derivation_subset() -> None:
    """A row not of round 4 is a cue in at least THRESHOLD of its occurrences on (c),
    with at least MIN_CUES cues, is no verb of the built-in lexicon and has a complement
    the counter produces."""
    derive = [name for name, _, _ in B.SUBSETS].index(B.DERIVE)
    builtin = V.builtin_lexicon().lemmas(*V.VerbClass)
    prepositions = {p if p != "to" else "prep_to" for p in B.CONTENT_PREPOSITIONS}
    kinds = {"dobj", "to", "that", "as", "gerund"} | prepositions
    for pos, lemma, complement, *counts in packaged_rows("cue_complements.tsv"):
        occ, cues = int(counts[2 * derive]), int(counts[2 * derive + 1])
        if (pos, lemma, complement) in B.ROUND4:
            continue
        assert complement in kinds, (lemma, complement)
        assert cues >= B.MIN_CUES and cues >= B.THRESHOLD * occ, (pos, lemma, complement)
        assert not (pos == "verb" and lemma in builtin), lemma


def test_select_applies_threshold_and_minimum() -> None:
    from collections import Counter

    occ: Counter[Any] = Counter({("verb", "zorble", "for"): 10, ("verb", "vex", "dobj"): 4})
    cues: Counter[Any] = Counter({("verb", "zorble", "for"): 5, ("verb", "vex", "dobj"): 2})
    counts = {"a": (Counter(), Counter()), "b": (Counter(), Counter()), "c": (occ, cues)}
    kept = set(B.select(counts, threshold=0.5, min_cues=3))
    assert ("verb", "zorble", "for") in kept and ("verb", "vex", "dobj") not in kept
    assert kept >= B.ROUND4
    assert ("verb", "zorble", "for") not in B.select(counts, threshold=0.6, min_cues=3)


@pytest.mark.parametrize(
    "key",
    [
        ("verb", "say", "about"),
        ("noun", "criticism", "from"),
        ("verb", "accord", "prep_to"),
        ("adj", "quick", "to"),
        ("verb", "promote", "dobj"),
    ],
)
def test_rows_never_derived(key: tuple[str, str, str]) -> None:
    """Built-in reporting verbs, prepositions that name no content, "according to", rows
    dropped in round 4."""
    from collections import Counter

    occ: Counter[Any] = Counter({key: 50})
    counts = {"a": (Counter(), Counter()), "b": (Counter(), Counter()), "c": (occ, occ)}
    assert key not in B.select(counts)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The mayor urged residents to leave.", "urged", {"dobj", "to"}),
        ("She cast the bill as a giveaway.", "cast", {"dobj", "as"}),
        ("They called on Congress to act.", "called", {"on"}),
        ("He denied having met the envoy.", "denied", {"gerund"}),
        ("Her reference to the treaty was brief.", "reference", {"prep_to"}),
        ("She signed the bill in Denver.", "signed", {"dobj", "in"}),
    ],
)
def test_complements_read_off_the_parse(nlp: Any, text: str, word: str, expected: set[str]) -> None:
    tok = next(t for t in nlp(text) if t.text == word)
    assert B.complements(tok) == expected


def test_lexicon_reads_prep_to_as_the_preposition_and_gerunds() -> None:
    assert "to" in L.NOUN_PREP_CONTENT["reference"]
    assert "reference" not in L.NOUN_INTENTIONS
    assert V.complements_of("verb", "gerund") <= L.GERUND_CUES
    assert L.OBJECT_TABLE.isdisjoint(L._OBJECT_HAND)


@pytest.mark.skipif(
    not (POLNEAR / "train").is_dir() or not os.environ.get("COMMUNIQUE_FULL_POLNEAR"),
    reason="needs ../shared/data/polnear and COMMUNIQUE_FULL_POLNEAR=1 (parses 840 articles)",
)
def test_script_regenerates_the_committed_table() -> None:
    cache = os.environ.get("COMMUNIQUE_CUE_CACHE")
    text = B.build(POLNEAR / "train", Path(cache) if cache else None)
    assert text == B.OUT.read_text(encoding="utf-8")
