"""The Python API's contract: one run loop, metadata that travels, reading output back,
the articles table, and language identification (issue 12 item 5, issue 16 items 2-3, 11-14).
"""

from __future__ import annotations

import dataclasses
import inspect
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import (
    Article,
    ArticleInput,
    ArticleMeta,
    ArticleReadError,
    ExtractionContext,
    ExtractorResult,
    InputError,
    MissingDependencyError,
    Pipeline,
    read_articles,
    read_html,
    to_dataframe,
    to_records,
)
from communique.inputs import METADATA_FIELDS
from communique.intake import did_you_mean
from communique.pipeline import CHUNK_CHARS
from communique.views.tables import COLUMNS

from helpers import FirstWordActor, Plugin, WholeTextQuote

# Written for these tests: a German and a French news paragraph (not from any corpus).
GERMAN = (
    "Der Außenminister sagte am Freitag in Genf, die Gespräche über eine neue Waffenruhe in "
    "Syrien würden in der kommenden Woche fortgesetzt. Beide Seiten hätten sich auf die "
    "wichtigsten Punkte geeinigt, erklärte ein Sprecher der Regierung, doch einige Fragen "
    "seien noch offen."
)
FRENCH = (
    "Le ministre des Affaires étrangères a déclaré vendredi à Genève que les négociations "
    "sur une nouvelle trêve en Syrie reprendraient la semaine prochaine. Selon un porte-parole "
    "du gouvernement, les deux parties se sont entendues sur l'essentiel, mais plusieurs "
    "questions restent ouvertes."
)
ENGLISH = (
    "Kerry said on Friday in Geneva that talks on a new truce in Syria would resume next "
    "week. Both sides had agreed on the main points, a government spokesman said, but "
    "several questions remained open."
)


@pytest.fixture(scope="module")
def fake(nlp: Any) -> Pipeline:
    return Pipeline(nlp, plugins=[Plugin(WholeTextQuote(), FirstWordActor())], entry_points=False)


# -- issue 12 item 5: one run loop, one metadata list, caches keyed by what matters ----------


def test_one_list_of_metadata_fields_everywhere() -> None:
    assert METADATA_FIELDS == ("id", "title", "source", "url", "published", "language")
    assert [f.name for f in dataclasses.fields(ArticleMeta)] == list(METADATA_FIELDS)
    assert set(METADATA_FIELDS) <= set(Article.model_fields)
    for function in (communique.extract, Pipeline.extract):
        assert set(METADATA_FIELDS) <= set(inspect.signature(function).parameters)


def test_module_extract_passes_language() -> None:
    article = communique.extract("Kerry spoke.", language="en-GB", title="T")
    assert article.language == "en-GB" and article.title == "T"


def test_run_is_the_loop_behind_extract(fake: Pipeline) -> None:
    outcome = fake.run("Kerry spoke in Geneva.", id="x")
    assert isinstance(outcome.outputs["first-word"], ExtractorResult)
    assert outcome.article() == fake.extract("Kerry spoke in Geneva.", id="x")


def test_run_chunks_long_texts_like_extract_many(fake: Pipeline) -> None:
    paragraph = "Kerry spoke in Geneva about the truce and the talks. " * 40
    text = "\n".join([paragraph.strip()] * (CHUNK_CHARS // len(paragraph) + 2))
    assert len(text) > CHUNK_CHARS
    outcome = fake.run(text)
    (many,) = fake.extract_many([text])
    assert outcome.article() == many
    assert len(outcome.outputs["whole-quote"].quotes) == 1


def test_shared_pipelines_are_keyed_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COMMUNIQUE_DISABLE", raising=False)
    plain = Pipeline.shared()
    assert Pipeline.shared() is plain
    monkeypatch.setenv("COMMUNIQUE_DISABLE", "money")
    without = Pipeline.shared()
    assert without is not plain and "money" in without.disabled
    assert "money" not in plain.disabled  # read when built, not later


# -- issue 16 item 2: an unreadable date costs the date, not the article ----------------------


def test_unreadable_date_in_a_record_costs_only_the_date(fake: Pipeline) -> None:
    (article,) = fake.extract_many([{"text": "Kerry spoke.", "published": "26/8/2016?"}])
    assert article.published is None and [a.name for a in article.actors] == ["Kerry"]
    (problem,) = article.problems
    assert problem.kind == "metadata"
    assert "published '26/8/2016?' is not an ISO 8601 date" in problem.message


def test_unreadable_date_in_a_direct_call_is_a_usage_error(fake: Pipeline) -> None:
    with pytest.raises(InputError, match="is not an ISO 8601 date"):
        fake.extract("Kerry spoke.", published="someday")


# -- issue 16 item 3: metadata travels --------------------------------------------------------


def test_unknown_keys_are_kept_in_metadata(fake: Pipeline) -> None:
    record = {"text": "Kerry spoke.", "author": "A. Writer", "section": {"name": "world"}}
    (article,) = fake.extract_many([record])
    assert article.metadata == {"author": "A. Writer", "section": {"name": "world"}}
    assert article.problems == ()
    back = Article.model_validate_json(article.model_dump_json())
    assert back.metadata == article.metadata


def test_misspelt_keys_are_kept_and_a_problem_suggests_the_field(fake: Pipeline) -> None:
    (article,) = fake.extract_many([{"text": "Kerry spoke.", "lang": "de", "publised": "x"}])
    assert article.metadata == {"lang": "de", "publised": "x"}
    assert article.language == "en" and article.published is None
    messages = [p.message for p in article.problems]
    assert "unknown key 'lang' kept in metadata; did you mean 'language'?" in messages
    assert "unknown key 'publised' kept in metadata; did you mean 'published'?" in messages


@pytest.mark.parametrize(
    ("key", "meant"),
    [
        ("lang", "language"),
        ("publised", "published"),
        ("titel", "title"),
        ("Source", "source"),
        ("txt", "text"),
        ("author", None),
        ("site", None),
        ("section", None),
    ],
)
def test_did_you_mean(key: str, meant: str | None) -> None:
    assert did_you_mean(key) == meant


def test_article_input_metadata_and_values_that_are_not_json(fake: Pipeline) -> None:
    page = ArticleInput(text="Kerry spoke.", metadata={"byline": "AP"})
    assert fake.extract(page).metadata == {"byline": "AP"}
    (article,) = fake.extract_many([{"text": "Kerry spoke.", "when": object()}])
    assert article.metadata == {} and "'when' is not a JSON value" in article.problems[0].message


# -- issue 16 item 11: to_records takes one Article -------------------------------------------


def test_to_records_takes_one_article_or_many(fake: Pipeline) -> None:
    article = fake.extract("Kerry spoke.", id="one")
    assert to_records(article, "quotes") == to_records([article], "quotes")
    assert [r["article_id"] for r in to_records(article, "actors")] == ["one"]


# -- issue 16 item 12: read_articles ----------------------------------------------------------


@pytest.fixture(scope="module")
def saved(fake: Pipeline) -> list[Article]:
    records = [{"text": f"Speaker{i} said yes.", "id": f"a{i}", "desk": "x"} for i in range(3)]
    return list(fake.extract_many(records))


def test_read_articles_jsonl_json_array_and_single_object(
    saved: list[Article], tmp_path: Path
) -> None:
    lines = tmp_path / "out.jsonl"
    lines.write_text("\n".join(a.model_dump_json() for a in saved) + "\n\n", encoding="utf-8")
    array = tmp_path / "out.json"
    array.write_text(json.dumps([a.model_dump(mode="json") for a in saved], indent=2))
    single = tmp_path / "one.json"
    single.write_text(saved[0].model_dump_json(indent=2), encoding="utf-8")
    assert list(read_articles(lines)) == saved
    assert list(read_articles(str(array))) == saved
    assert list(read_articles(single)) == saved[:1]
    with lines.open("rb") as handle:
        assert list(read_articles(handle)) == saved
    assert list(read_articles(io.StringIO(saved[1].model_dump_json()))) == saved[1:2]


def test_read_articles_streams_json_lines(saved: list[Article]) -> None:
    text = saved[0].model_dump_json() + "\n" + saved[1].model_dump_json() + "\n{broken\n"
    articles = read_articles(io.StringIO(text))
    assert next(articles) == saved[0] and next(articles) == saved[1]
    with pytest.raises(ArticleReadError, match=r":3: invalid JSON") as err:
        next(articles)
    assert err.value.line == 3 and isinstance(err.value, InputError)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "Kerry spoke."}\n', "not communique output (no schema_version)"),
        ('{"schema_version": "1.1"}\n', "not a valid Article (text: Field required)"),
        ("[1, 2]", "item 0: expected an Article object, got int"),
        ("{\n  not json", "neither JSON nor JSON Lines"),
    ],
)
def test_read_articles_errors_name_the_problem(content: str, message: str) -> None:
    with pytest.raises(ArticleReadError, match=message.replace("(", r"\(").replace(")", r"\)")):
        list(read_articles(io.StringIO(content)))


def test_read_articles_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleReadError, match="cannot be read"):
        read_articles(tmp_path / "nothing.jsonl")


# -- issue 16 item 13: the articles table and DataFrames --------------------------------------


def test_articles_table_has_metadata_and_counts(saved: list[Article]) -> None:
    rows = to_records(saved, "articles")
    assert [r["article_id"] for r in rows] == ["a0", "a1", "a2"]
    assert tuple(rows[0]) == COLUMNS["articles"]
    assert rows[0]["actors"] == 1 and rows[0]["quotes"] == 1 and rows[0]["agreements"] == 0
    assert rows[0]["metadata"] == '{"desk": "x"}' and rows[0]["language"] == "en"


def test_to_dataframe_without_pandas_is_a_clear_error(
    saved: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(MissingDependencyError, match=r"pip install 'communique\[pandas\]'"):
        to_dataframe(saved, "quotes")


def test_to_dataframe_with_pandas(saved: list[Article]) -> None:
    pytest.importorskip("pandas", reason="pandas is optional (the 'pandas' extra)")
    frame = to_dataframe(saved, "quotes")
    assert list(frame.columns) == list(COLUMNS["quotes"]) and len(frame) == 3
    joined = frame.merge(to_dataframe(saved, "articles"), on="article_id")
    assert len(joined) == 3


# -- issue 16 item 14: language ---------------------------------------------------------------


class AnyLanguage(FirstWordActor):
    """Declares nothing: runs whatever the language."""

    name = "any-language"
    provides = ("any",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        return ExtractorResult(provided={"any": ctx.meta.language}, extensions={"ran": True})


class GermanOnly(AnyLanguage):
    name = "german-only"
    provides = ("german",)
    languages = ("de",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        return ExtractorResult(provided={"german": True}, extensions={"ran": True})


@pytest.fixture(scope="module")
def polyglot() -> Pipeline:
    return Pipeline(plugins=[Plugin(AnyLanguage(), GermanOnly(), name="polyglot")])


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_other_languages_are_recognised_and_not_mined_as_english(
    polyglot: Pipeline, text: str, language: str
) -> None:
    article = polyglot.extract(text)
    assert article.language == language
    assert article.actors == () and article.quotes == () and article.agreements == ()
    kinds = {(p.kind, p.extractor) for p in article.problems}
    assert ("language", None) in kinds
    assert {("skipped", "actors"), ("skipped", "quotes"), ("skipped", "agreements")} <= kinds
    ran = [info.name for info in article.extractors]
    assert "any-language" in ran
    assert ("german-only" in ran) is (language == "de")


def test_english_is_mined_and_german_only_plugins_skip_it(polyglot: Pipeline) -> None:
    article = polyglot.extract(ENGLISH)
    assert article.language == "en" and article.actors
    assert not [p for p in article.problems if p.kind == "language"]
    assert [p.extractor for p in article.problems if p.kind == "skipped"] == ["german-only"]


def test_a_wrong_declared_language_is_corrected(polyglot: Pipeline) -> None:
    page = read_html(
        f'<html lang="en"><head><title>Waffenruhe</title></head><body><article>'
        f"<h1>Waffenruhe in Syrien</h1><p>{GERMAN}</p><p>{GERMAN}</p></article></body></html>"
    )
    assert page.language == "en"
    article = polyglot.extract(page)
    assert article.language == "de" and article.actors == ()
    assert any(
        "declared language 'en' but the text reads as German" in p.message for p in article.problems
    )


def test_short_text_keeps_the_declared_language(fake: Pipeline) -> None:
    assert fake.extract("Kerry spoke.").language == "en"
    assert fake.extract("Kerry spoke.", language="fr").language == "fr"
