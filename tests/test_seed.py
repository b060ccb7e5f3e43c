"""The article the project was founded on, end to end (details in the extractor tests)."""

from __future__ import annotations

from typing import Any

from communique import Article, Pipeline


def test_seed_article_is_valid_and_complete(seed_article: Article, seed_text: str) -> None:
    assert seed_article.text == seed_text
    assert not seed_article.problems, seed_article.problems
    assert {"actors", "quotes", "agreements"} <= {i.name for i in seed_article.extractors}
    for path, span in seed_article.spans():
        assert seed_text[span.start : span.end] == span.text, path
    assert len(seed_article.paragraphs) == len([p for p in seed_text.splitlines() if p.strip()])


def test_seed_core_actors_are_merged_with_canonical_names(
    seed_article: Article, seed_gold: dict[str, Any]
) -> None:
    for name in ("John Kerry", "Sergei Lavrov", "United States", "Russia"):
        matches = [a for a in seed_article.actors if a.name == name]
        assert len(matches) == 1, f"{name}: {[a.name for a in seed_article.actors]}"
        gold = next(g for g in seed_gold["actors"] if g["name"] == name)
        forms = {m.span.text.casefold() for m in matches[0].mentions} | {
            a.casefold() for a in matches[0].aliases
        }
        for alias in gold["aliases"]:
            assert alias.casefold() in forms or alias.casefold().removeprefix("the ") in forms, (
                name,
                alias,
            )
    for name in ("Kerry", "Lavrov", "US", "U.S.", "USA"):
        assert not [a for a in seed_article.actors if a.name == name], name


def test_seed_json_is_deterministic(pipeline: Pipeline, seed_text: str) -> None:
    first = pipeline.extract(seed_text, published="2016-08-26").model_dump_json()
    assert pipeline.extract(seed_text, published="2016-08-26").model_dump_json() == first


def test_seed_reprs_are_one_short_line(seed_article: Article) -> None:
    """What a Python shell shows first: essentials on one line, not the whole record."""
    shown = repr(seed_article)
    assert len(shown) < 200 and "\n" not in shown, shown
    assert f"{len(seed_article.quotes)} quotes" in shown
    for item in (*seed_article.actors, *seed_article.quotes, *seed_article.agreements):
        assert len(repr(item)) < 120 and "\n" not in repr(item), repr(item)
