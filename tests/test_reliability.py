"""Bad input, failing plugins and odd text never lose or scramble a document."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import communique
from communique import Article, CommuniqueError, InputError, Pipeline

from helpers import FirstWordActor, Plugin, Raising, WholeTextQuote


def check_invariants(article: Article) -> None:
    """What must hold for every Article, whatever the input."""
    for path, span in article.spans():
        assert article.text[span.start : span.end] == span.text, path
    ids = [a.id for a in article.actors] + [q.id for q in article.quotes]
    ids += [g.id for g in article.agreements]
    assert len(ids) == len(set(ids))
    actor_ids = {a.id for a in article.actors}
    assert all(q.speaker_id in actor_ids for q in article.quotes if q.speaker_id)
    assert all(p.actor_id in actor_ids for g in article.agreements for p in g.parties)
    assert Article.model_validate_json(article.model_dump_json()) == article


# -- table of bad and odd inputs ------------------------------------------------------------

ODD_TEXTS = {
    "empty": "",
    "whitespace only": " \n\t\r\n  ",
    "NUL and control characters": "Kerry\x00 said\x01\x02 the \x1b[31mtalks\x7f went well.",
    "emoji": "Kerry 😀 said “we are close 👋” after meeting Lavrov 🇷🇺.",
    "right-to-left script": "قال لافروف «نحن مستعدون» — Lavrov said the talks were useful.",
    "mixed newlines": "Kerry said the talks went well.\r\nLavrov agreed.\rAssad was silent.\n",
    "unicode separators": "Kerry said\u2028yes.\u2029Lavrov said “no.”\u0085Done.",
    "zero-width characters": "Ke\u200brry said \u200d“we\ufeff agree.”",
    "unbalanced opening quote": (
        '“We will never agree, Kerry said. Lavrov left.\nNew paragraph "here.'
    ),
    "unbalanced closing quote": "Kerry said the truce holds.” Lavrov disagreed.”",
    "only quote marks": '"' * 500 + "“”" * 200,
    "html where text was expected": (
        "<html><body><p>Kerry said “yes”.</p><script>x()</script></body></html>"
    ),
    "deeply nested quotes": "Kerry said " + "“he said ‘" * 60 + "yes" + "’”" * 60 + ".",
    "long line without punctuation": "word " * 4000,
    "combining marks": "Ke\u0301rry sa\u0308id the Z\u0336\u0335algo talks failed.",
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_gives_a_valid_article(pipeline: Pipeline, name: str) -> None:
    text = ODD_TEXTS[name]
    article = pipeline.extract(text)
    assert article.text == text
    check_invariants(article)
    crashed = [p for p in article.problems if p.kind in ("extractor_error", "invalid_output")]
    assert not crashed, crashed


def test_empty_text_is_an_article_with_no_items(pipeline: Pipeline) -> None:
    for text in ("", "   \n "):
        article = pipeline.extract(text)
        assert (article.actors, article.quotes, article.agreements, article.problems) == (
            (),
            (),
            (),
            (),
        )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "text must be a str, got NoneType"),
        (42, "text must be a str, got int"),
        (b"Kerry said yes", "text must be a str, got bytes"),
        (["Kerry"], "text must be a str, got list"),
        ("lone \ud83d surrogate", "unpaired surrogate '\\ud83d' at offset 5"),
    ],
)
def test_unusable_text_raises_input_error(pipeline: Pipeline, value: Any, message: str) -> None:
    with pytest.raises(InputError) as err:
        pipeline.extract(value)
    assert message in str(err.value)
    assert isinstance(err.value, CommuniqueError) and isinstance(err.value, ValueError)


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"published": "next Tuesday"}, "is not an ISO 8601 date"),
        ({"published": 20160826}, "is not an ISO 8601 date"),
        ({"title": 3}, "title must be a str"),
        ({"id": 7}, "id must be a str"),
    ],
)
def test_bad_metadata_raises_input_error(
    pipeline: Pipeline, metadata: dict[str, Any], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        pipeline.extract("Kerry spoke.", **metadata)


def test_batch_never_drops_duplicates_or_reorders(pipeline: Pipeline) -> None:
    items: list[Any] = []
    for i in range(30):
        items.append(f"Article {i}: Kerry said talks in Geneva would resume on Friday.")
        if i % 7 == 0:
            items.extend([None, {"text": 5}, "lone \udc00", {"text": "ok", "published": "soon"}])
    out = list(pipeline.extract_many(items, batch_size=4))
    assert len(out) == len(items)
    for item, article in zip(items, out, strict=True):
        check_invariants(article)
        if isinstance(item, str) and "\udc00" not in item:
            assert article.text == item
        elif isinstance(item, dict) and item.get("published") == "soon":
            assert article.text == "ok" and article.problems[0].kind == "metadata"
        else:
            assert article.problems and article.problems[0].kind == "input"


def test_batch_output_is_identical_across_n_process(pipeline: Pipeline) -> None:
    texts = [f"Lavrov said on Friday that Russia had agreed to talk {i}." for i in range(12)]
    texts.insert(5, None)  # type: ignore[arg-type]
    one = [a.model_dump_json() for a in pipeline.extract_many(texts, batch_size=3)]
    two = [a.model_dump_json() for a in pipeline.extract_many(texts, batch_size=3, n_process=2)]
    assert one == two


# -- property-based -------------------------------------------------------------------------

MARKS = ['"', "“", "”", "‘", "’", "«", "»", "„", "'"]
WORDS = ["Kerry", "Lavrov", "said", "the", "truce", "agreed", "Syria", "he", "talks", "a", "deal"]


@st.composite
def news_like(draw: st.DrawFn) -> str:
    paragraphs = []
    for _ in range(draw(st.integers(1, 4))):
        tokens = draw(st.lists(st.sampled_from(WORDS + MARKS + [",", ".", "\n"]), max_size=40))
        paragraphs.append(" ".join(tokens))
    return "\n".join(paragraphs)


SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_unicode_keeps_invariants(text: str) -> None:
    article = _shared_pipeline().extract(text)
    assert article.text == text
    check_invariants(article)


@SETTINGS
@given(news_like())
def test_news_like_text_with_random_marks_keeps_invariants(text: str) -> None:
    article = _shared_pipeline().extract(text, published="2016-08-26")
    check_invariants(article)
    assert not [p for p in article.problems if p.kind != "plugin_load"]


@SETTINGS
@given(st.lists(st.booleans(), min_size=3, max_size=3), news_like())
def test_random_plugin_failures_are_isolated(fail: list[bool], text: str) -> None:
    extractors: list[Any] = [FirstWordActor(), WholeTextQuote()]
    raising = [Raising() for flag in fail if flag]
    for i, extractor in enumerate(raising):
        extractor.name = f"raising-{i}"
        extractor.provides = (f"boom-{i}",)
    pipeline = Pipeline(
        _shared_pipeline().nlp, plugins=[Plugin(*extractors, *raising)], entry_points=False
    )
    article = pipeline.extract(text)
    check_invariants(article)
    failed = sorted(p.extractor or "" for p in article.problems)
    assert failed == sorted(e.name for e in raising)
    assert [i.name for i in article.extractors] == ["first-word", "whole-quote"]


_PIPELINE: list[Pipeline] = []


def _shared_pipeline() -> Pipeline:
    if not _PIPELINE:
        _PIPELINE.append(Pipeline())
    return _PIPELINE[0]


# -- fault injection through the real entry-point mechanism -----------------------------------


@pytest.fixture
def broken_distribution(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An installed-looking distribution with two plugins: one fails to import, one raises."""
    (tmp_path / "broken_plugins-0.1.dist-info").mkdir()
    (tmp_path / "broken_plugins-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: broken-plugins\nVersion: 0.1\n"
    )
    (tmp_path / "broken_plugins-0.1.dist-info" / "entry_points.txt").write_text(
        "[communique]\nwont_import = broken_import_mod\nraises = raising_mod\n"
    )
    (tmp_path / "broken_import_mod.py").write_text("raise ImportError('missing dependency xyz')\n")
    (tmp_path / "raising_mod.py").write_text(
        textwrap.dedent(
            """
            from communique import BaseExtractor, hookimpl

            class Boom(BaseExtractor):
                name = "boom"
                version = "0.1"
                def extract(self, ctx):
                    raise ZeroDivisionError("injected fault")

            @hookimpl
            def communique_register_extractors(register):
                register(Boom())
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    yield tmp_path
    for module in ("broken_import_mod", "raising_mod"):
        sys.modules.pop(module, None)


def test_broken_plugins_are_named_and_the_rest_runs(broken_distribution: Path) -> None:
    pipeline = Pipeline()
    assert "wont_import" in dict(pipeline.load_failures)
    assert "ImportError: missing dependency xyz" in dict(pipeline.load_failures)["wont_import"]
    article = pipeline.extract("Kerry said on Friday that the truce was holding.")
    check_invariants(article)
    problems = {(p.extractor, p.kind) for p in article.problems}
    assert ("wont_import", "plugin_load") in problems
    assert ("boom", "extractor_error") in problems
    assert any(a.name == "Kerry" or "Kerry" in a.aliases for a in article.actors)
    with pytest.raises(communique.ExtractorError, match="'boom'"):
        Pipeline(pipeline.nlp, disable={"wont_import"}, strict=True).extract("Kerry spoke.")


def test_broken_plugin_can_be_disabled(broken_distribution: Path) -> None:
    pipeline = Pipeline(disable={"wont_import", "raises"})
    assert pipeline.load_failures == ()
    assert "boom" not in [e.name for e in pipeline.extractors]


# -- regressions found in review ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # "according" with a "to" before it once made the quotes extractor build a backwards cue
        "It holds: I to who according to violations by the Damascus regime and checking the "
        "rising influence of the former Al-Nusra Front.",
        "The plan, I to who according to violations by the Damascus regime, was dead.",
    ],
)
def test_garbled_according_to_does_not_break_quotes(pipeline: Pipeline, text: str) -> None:
    article = pipeline.extract(text)
    assert not article.problems, article.problems
    check_invariants(article)


@pytest.mark.parametrize("text", ['Obama said "".', '"," Obama said.', "“…” she said."])
def test_marks_around_no_words_are_not_direct_quotes(pipeline: Pipeline, text: str) -> None:
    assert [q for q in pipeline.extract(text).quotes if q.kind.value == "direct"] == []


def test_a_quoted_fragment_keeps_its_closing_mark(pipeline: Pipeline) -> None:
    text = "Lavrov stressed the need for separating the “opposition”\nfrom terrorists."
    (quote,) = pipeline.extract(text).quotes
    assert quote.content.text.endswith("“opposition”")
