"""communique-money: monetary amounts in news articles, as a communique plugin.

Each amount spaCy tags as MONEY is stored with its offsets, a numeric value and an ISO 4217
currency code where the text makes them clear (None where it does not: never a guess).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from communique import BaseExtractor, ExtractionContext, Extractor, ExtractorResult, hookimpl
from communique.knowledge import KnowledgeBase

__version__ = "0.1.0"

_SYMBOLS = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₽": "RUB"}
_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "ruble": "RUB",
    "rouble": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([a-zA-Z]+)?")


def parse_amount(text: str) -> tuple[float | None, str | None]:
    """Value and currency of a money expression, e.g. ``"$2.5 billion"`` → ``(2.5e9, "USD")``."""
    lowered = text.lower()
    currency = next((code for sym, code in _SYMBOLS.items() if sym in lowered), None)
    if currency is None:
        currency = next((code for word, code in _WORDS.items() if word in lowered), None)
    match = _NUMBER.search(text)
    if match is None:
        return None, currency
    value = float(match.group(1).replace(",", ""))
    scale_word = (match.group(2) or "").lower()
    value *= _SCALES.get(scale_word, 1.0)
    return value, currency


class MoneyExtractor(BaseExtractor):
    """Stores every MONEY entity, normalised, in ``extensions["money"]["amounts"]``."""

    name = "money"
    version = __version__
    provides = ("money",)
    spacy_components = ("ner",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        amounts: list[dict[str, Any]] = []
        for ent in ctx.doc.ents:
            if ent.label_ != "MONEY":
                continue
            value, currency = parse_amount(ent.text)
            amounts.append(
                {
                    "start": ent.start_char,
                    "end": ent.end_char,
                    "text": ent.text,
                    "value": value,
                    "currency": currency,
                }
            )
        return ExtractorResult(extensions={"amounts": amounts}, provided={"money": tuple(amounts)})


@hookimpl
def communique_register_knowledge(knowledge: KnowledgeBase) -> None:
    """Teach communique one actor that money stories quote: the IMF, as a known entry.

    An article that names it gets an actor linked to the entry (``kb_id``, ``sector``).
    """
    knowledge.add_actor(
        "International Monetary Fund",
        kind="organization",
        kb_id="communique-money:imf",
        aliases=("IMF", "the International Monetary Fund"),
        sector="IGO",
    )


@hookimpl
def communique_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(MoneyExtractor())
