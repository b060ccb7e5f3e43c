"""Entry point of the built-in ``quotes`` extractor, declared in pyproject.toml."""

from __future__ import annotations

from collections.abc import Callable

from communique.extractor import Extractor
from communique.extractors.quotes.extractor import QuoteExtractor
from communique.hookspecs import hookimpl


@hookimpl
def communique_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(QuoteExtractor())
