"""Pipeline behaviour: ordering, failure isolation, strict mode, batches, determinism."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import communique
from communique import Article, ExtractorError, InputError, Pipeline

from helpers import Declared, FirstWordActor, Garbage, Plugin, Raising, WholeTextQuote


@pytest.fixture(scope="module")
def fake(nlp: Any) -> Pipeline:
    return Pipeline(nlp, plugins=[Plugin(WholeTextQuote(), FirstWordActor())], entry_points=False)


def test_extractors_run_in_dependency_order_and_share_results(fake: Pipeline) -> None:
    assert [e.name for e in fake.extractors] == ["first-word", "whole-quote"]
    art = fake.extract("Kerry spoke in Geneva.", title="T", published="2016-08-26", source="AP")
    assert art.actors[0].name == "Kerry"
    assert art.quotes[0].speaker_id == art.actors[0].id == "actor-1"
    assert art.quotes[0].id == "quote-1"
    assert [(i.name, i.version) for i in art.extractors] == [
        ("first-word", "1.0"),
        ("whole-quote", "1.0"),
    ]
    assert art.published == dt.date(2016, 8, 26) and art.title == "T" and art.source == "AP"
    assert art.problems == ()


def test_explain_lists_the_plan(fake: Pipeline) -> None:
    plan = fake.explain()
    assert "1. first-word 1.0 (requires: -; provides: actors)" in plan
    assert "2. whole-quote 1.0 (requires: actors; provides: quotes)" in plan


def test_raising_extractor_becomes_a_problem_and_others_stay(nlp: Any) -> None:
    pipeline = Pipeline(
        nlp,
        plugins=[Plugin(Raising(), FirstWordActor(), Declared("after", requires=("boom",)))],
        entry_points=False,
    )
    art = pipeline.extract("Kerry spoke.")
    assert [a.name for a in art.actors] == ["Kerry"]
    kinds = {(p.extractor, p.kind) for p in art.problems}
    assert ("raising", "extractor_error") in kinds
    assert ("after", "skipped") in kinds
    assert any("RuntimeError: deliberate failure" in p.message for p in art.problems)
    assert [i.name for i in art.extractors] == ["first-word"]


def test_strict_mode_wraps_the_error(nlp: Any) -> None:
    pipeline = Pipeline(nlp, plugins=[Plugin(Raising())], entry_points=False, strict=True)
    with pytest.raises(ExtractorError, match="extractor 'raising' failed on document 'd1'") as err:
        pipeline.extract("Kerry spoke.", id="d1")
    assert isinstance(err.value.__cause__, RuntimeError)
    assert err.value.extractor == "raising" and err.value.document == "d1"


@pytest.mark.parametrize(
    ("mode", "fragment"),
    [
        ("not-a-result", "returned dict, not ExtractorResult"),
        ("bad-span", "says 'xyz' but the article text there is 'Ker'"),
        ("dangling", "speaker_id 'nobody' names no actor"),
        ("not-json", "extensions are not JSON-ready"),
    ],
)
def test_garbage_output_is_dropped_and_named(nlp: Any, mode: str, fragment: str) -> None:
    pipeline = Pipeline(nlp, plugins=[Plugin(Garbage(mode), FirstWordActor())], entry_points=False)
    art = pipeline.extract("Kerry spoke.")
    assert art.quotes == ()
    assert [a.name for a in art.actors] == ["Kerry"]
    (problem,) = art.problems
    assert problem.extractor == "garbage" and problem.kind == "invalid_output"
    assert fragment in problem.message


def test_declared_but_missing_capability_is_invalid(nlp: Any) -> None:
    class Liar(Declared):
        def extract(self, ctx: Any) -> communique.ExtractorResult:
            return communique.ExtractorResult()

    pipeline = Pipeline(nlp, plugins=[Plugin(Liar("liar", provides=("x",)))], entry_points=False)
    (problem,) = pipeline.extract("a").problems
    assert "declared provides ['x'] but did not provide them" in problem.message


def test_extract_refuses_non_string_text(fake: Pipeline) -> None:
    with pytest.raises(InputError, match="text must be a str, got int"):
        fake.extract(42)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="published 'yesterday' is not an ISO 8601 date"):
        fake.extract("x", published="yesterday")


def test_extract_many_keeps_order_and_records_bad_inputs(fake: Pipeline) -> None:
    items: list[Any] = [
        "Kerry spoke.",
        17,
        {"text": "Lavrov answered.", "id": "b"},
        {"txt": "wrong key"},
        {"text": "Bad date.", "published": "soon"},
        "",
        "Assad waited.",
    ]
    out = list(fake.extract_many(items, batch_size=2))
    assert len(out) == len(items)
    assert out[0].actors[0].name == "Kerry"
    assert out[1].problems[0].kind == "input" and "got int" in out[1].problems[0].message
    assert out[1].id.startswith("invalid-")
    assert out[2].id == "b"
    assert "is 'txt' meant to be 'text'?" in out[3].problems[0].message
    # an unreadable date costs the date, not the article (issue 16, item 2)
    assert out[4].text == "Bad date." and out[4].published is None
    assert out[4].problems[0].kind == "metadata"
    assert "published 'soon' is not an ISO 8601 date" in out[4].problems[0].message
    assert [a.name for a in out[4].actors] == ["Bad"]
    assert out[5].text == "" and out[5].problems == ()
    assert out[6].actors[0].name == "Assad"


def test_extract_many_matches_extract(fake: Pipeline) -> None:
    texts = [f"Speaker{i} said number {i}." for i in range(25)]
    assert [a.model_dump_json() for a in fake.extract_many(texts, batch_size=4)] == [
        fake.extract(t).model_dump_json() for t in texts
    ]


def test_unpaired_surrogate_is_an_input_error(fake: Pipeline) -> None:
    with pytest.raises(InputError, match="unpaired surrogate"):
        fake.extract("bad \ud800 text")


def test_long_text_is_chunked_with_exact_offsets(nlp: Any) -> None:
    nlp_small = nlp
    original = nlp_small.max_length
    pipeline = Pipeline(
        nlp_small, plugins=[Plugin(FirstWordActor(), WholeTextQuote())], entry_points=False
    )
    text = "\n".join(f"Paragraph {i} says something about Geneva." for i in range(400))
    try:
        nlp_small.max_length = 1000
        art = pipeline.extract(text)
    finally:
        nlp_small.max_length = original
    assert art.text == text
    assert art.quotes[0].content.end == len(text)
    assert len(art.paragraphs) == 400


def test_parse_joins_chunks_with_the_texts_offsets(nlp: Any) -> None:
    """``Pipeline.parse`` is the Doc ``extract`` reads: chunked past the limit, one Doc whose
    text and token offsets are the input's."""
    pipeline = Pipeline(nlp, plugins=[Plugin(FirstWordActor())], entry_points=False)
    text = "\n".join(f"Paragraph {i} says something about Geneva." for i in range(100))
    original = nlp.max_length
    try:
        nlp.max_length = 1000
        doc = pipeline.parse(text)
    finally:
        nlp.max_length = original
    assert doc.text == text
    last = doc[-2]
    assert text[last.idx : last.idx + len(last)] == "Geneva"


def test_output_is_byte_identical_across_runs(fake: Pipeline, seed_text: str) -> None:
    first = fake.extract(seed_text, published="2016-08-26").model_dump_json()
    second = fake.extract(seed_text, published="2016-08-26").model_dump_json()
    assert first == second
    assert Article.model_validate_json(first).model_dump_json() == first


def test_paragraphs_follow_line_or_blank_line_layout(fake: Pipeline) -> None:
    lines = fake.extract("One.\nTwo.\r\nThree.").paragraphs
    assert [p.text for p in lines] == ["One.", "Two.", "Three."]
    blocks = fake.extract("First line\nwrapped.\n\nSecond.").paragraphs
    assert [p.text for p in blocks] == ["First line\nwrapped.", "Second."]


def test_unneeded_spacy_components_are_dropped() -> None:
    class NerOnly(Declared):
        spacy_components = ("ner",)

    class Lemmas(Declared):
        spacy_components = ("lemmatizer",)

    ner_only = Pipeline(plugins=[Plugin(NerOnly("n"))], entry_points=False)
    assert ner_only.nlp.pipe_names == ["ner"]
    lemmas = Pipeline(plugins=[Plugin(Lemmas("l"), NerOnly("n"))], entry_points=False)
    assert lemmas.nlp.pipe_names == ["tok2vec", "tagger", "attribute_ruler", "lemmatizer", "ner"]
    undeclared = Pipeline(plugins=[Plugin(Declared("d"), NerOnly("n"))], entry_points=False)
    assert "parser" in undeclared.nlp.pipe_names
    assert ner_only.extract("Kerry met Lavrov in Geneva.").text
