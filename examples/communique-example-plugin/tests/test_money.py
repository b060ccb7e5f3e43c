"""Tests of the example plugin, through communique's real entry-point mechanism."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from communique_money import parse_amount

import communique
from communique.testing import ExtractorContract
from communique.testing import communique_plugin as communique_plugin  # the fixture

TEXT = (
    "The European Union pledged €40 million in aid on Monday, while Washington "
    "offered $2.5 billion to rebuild the city."
)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("$2.5 billion", 2.5e9, "USD"),
        ("€40 million", 4e7, "EUR"),
        ("300 million rubles", 3e8, "RUB"),
        ("1,200 dollars", 1200.0, "USD"),
        ("millions of dollars", None, "USD"),
    ],
)
def test_parse_amount(text: str, value: float | None, currency: str | None) -> None:
    assert parse_amount(text) == (value, currency)


def test_knowledge_entry_is_resolved_in_the_article() -> None:
    """The plugin's knowledge hook adds the IMF; the actors extractor links the actor to it."""
    article = communique.extract(
        "The International Monetary Fund approved a $3 billion loan on Friday. "
        "The IMF said the money would arrive within weeks."
    )
    imf = [a for a in article.actors if a.kb_id == "communique-money:imf"]
    assert len(imf) == 1, [(a.name, a.kb_id) for a in article.actors]
    assert imf[0].sector == "IGO"
    assert imf[0].name == "International Monetary Fund"


def test_plugin_output_appears_in_the_article() -> None:
    article = communique.extract(TEXT)
    amounts = article.extensions["money"]["amounts"]
    assert [a["currency"] for a in amounts] == ["EUR", "USD"]
    for amount in amounts:
        assert article.text[amount["start"] : amount["end"]] == amount["text"]
    assert "money" in [info.name for info in article.extractors]


def test_cli_lists_the_plugin() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "communique", "plugins", "--json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = {row["name"]: row for row in json.loads(out)}
    assert rows["money"]["package"] == "communique-money"
    assert rows["money"]["provides"] == ["money"]


class TestMoneyContract(ExtractorContract):
    """The contract every extractor must pass, from communique.testing."""

    extractor_name = "money"
    sample_texts = (TEXT, "No amounts here, only talks in Geneva.", "")


def test_registered_plugin_fixture(communique_plugin: Any) -> None:
    class Upper:
        """A throwaway plugin registered for this test only."""

        __name__ = "upper"

        class Extractor(communique.BaseExtractor):
            name = "upper"
            provides = ("upper",)

            def extract(self, ctx: communique.ExtractionContext) -> communique.ExtractorResult:
                words = [t.text for t in ctx.doc if t.is_upper]
                return communique.ExtractorResult(
                    extensions={"words": words}, provided={"upper": words}
                )

        @communique.hookimpl
        def communique_register_extractors(self, register: Any) -> None:
            register(self.Extractor())

    pipeline = communique_plugin(Upper(), strict=False)
    article = pipeline.extract("The EU pledged €40 million to UNICEF.")
    assert article.extensions["upper"]["words"] == ["EU", "UNICEF"]
    assert "money" in article.extensions  # the installed plugin runs alongside
    assert "upper" not in [e.name for e in communique.Pipeline().extractors]
