"""Tests of the example plugin, through communique's real entry-point mechanism."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from communique_money import parse_amount

import communique

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
