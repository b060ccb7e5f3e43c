"""The fast rule components give spaCy's own result, token for token.

Every text is parsed once up to the parser; two copies of each Doc then go through spaCy's
``attribute_ruler`` + ``lemmatizer`` and through the fast versions, and tag, pos, morph,
lemma and dep must agree on every token. The built-in corpus (seed article, case tables, web
pages) always runs; PolNeAR dev and every tenth train text run when present (all of train with
``COMMUNIQUE_FULL_POLNEAR=1``: 840,999 tokens, 0 differences when the components were written,
about three minutes, too long for every CI run).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import spacy

from communique import read_html
from communique.fast_components import FastAttributeRuler, FastLemmatizer, install
from communique.nlp import DEFAULT_MODEL

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).parents[1] / "examples" / "data" / "kerry-lavrov-geneva.txt"


@pytest.fixture(scope="module")
def model() -> Any:
    return spacy.load(DEFAULT_MODEL)


def builtin_texts() -> list[str]:
    texts = [SEED.read_text(encoding="utf-8")]
    for table in sorted((DATA / "cases").glob("*.jsonl")):
        lines = table.read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["text"] for line in lines if line.strip()]
    texts += [read_html(p.read_bytes()).text for p in sorted((DATA / "web").glob("*.html"))]
    # shapes the news texts lack: spaces runs, contractions, regex-pattern words, "there is"
    texts.append("Y'all ain't seen nothin' yet.\n\n  There is  no   deal, I don't think.\t")
    return texts


def differences(nlp: Any, texts: Iterable[str]) -> tuple[int, list[str]]:
    """Tokens compared, and a description of each one whose annotation differs."""
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    fast_ruler, fast_lemmatizer = FastAttributeRuler(ruler), FastLemmatizer(lemmatizer)
    compared, bad = 0, []
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        theirs = lemmatizer(ruler(doc.copy()))
        ours = fast_lemmatizer(fast_ruler(doc.copy()))
        for a, b in zip(theirs, ours, strict=True):
            compared += 1
            if (a.tag, a.pos, a.morph.key, a.lemma, a.dep) != (
                b.tag,
                b.pos,
                b.morph.key,
                b.lemma,
                b.dep,
            ):
                bad.append(
                    f"{a.text!r}: {a.tag_}/{a.pos_}/{a.morph}/{a.lemma_} vs "
                    f"{b.tag_}/{b.pos_}/{b.morph}/{b.lemma_}"
                )
    return compared, bad


def test_builtin_corpus_token_for_token(model: Any) -> None:
    compared, bad = differences(model, builtin_texts())
    assert compared > 10_000
    assert bad == []


@pytest.mark.polnear
@pytest.mark.slow
def test_polnear_train_and_dev_token_for_token(model: Any, polnear_dir: Path) -> None:
    train = sorted(polnear_dir.glob("train/text/*.txt"))
    full = os.environ.get("COMMUNIQUE_FULL_POLNEAR") == "1"
    paths = (train if full else train[::10]) + sorted(polnear_dir.glob("dev/text/*.txt"))
    compared, bad = differences(model, (p.read_text(encoding="utf-8") for p in paths))
    assert compared > (500_000 if full else 100_000)
    assert bad == []


def test_later_rules_win_and_multi_token_targets(model: Any) -> None:
    """A hand-made ruler whose rules overlap: the order and the target index are spaCy's."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"TAG": "NNS", "LEMMA": "talk"})
    ruler.add([[{"ORTH": "talks"}], [{"LOWER": {"IN": ["went"]}}]], {"TAG": "VBZ"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "talks"}]], {"LEMMA": "TALK"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^w.nt$"}}, {"LOWER": {"NOT_IN": ["on"]}}]], {"TAG": "X"})
    text = "The talks went well, Talks went on and the talks talks."
    theirs, ours = nlp(text), nlp.make_doc(text)
    FastAttributeRuler(ruler)(ours)
    assert [(t.tag_, t.lemma_) for t in ours] == [(t.tag_, t.lemma_) for t in theirs]
    assert [t.lemma_ for t in ours][:2] == ["", "TALK"]


def test_unsupported_pattern_keeps_spacys_component() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"TAG": "RB"})
    report = install(nlp)
    assert report["attribute_ruler"].startswith("spaCy's own")
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_install_keeps_names(model: Any) -> None:
    nlp = spacy.load(DEFAULT_MODEL)
    names = list(nlp.pipe_names)
    assert install(nlp) == {"attribute_ruler": "fast", "lemmatizer": "fast"}
    assert nlp.pipe_names == names
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    doc = nlp("The ministers were meeting in Geneva.")
    assert [t.lemma_ for t in doc][:4] == ["the", "minister", "be", "meet"]
