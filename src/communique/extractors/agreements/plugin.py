"""Entry point of the built-in ``agreements`` extractor, declared in pyproject.toml."""

from __future__ import annotations

from collections.abc import Callable

from communique.extractor import Extractor
from communique.extractors.agreements.extractor import AgreementExtractor
from communique.hookspecs import hookimpl


@hookimpl
def communique_register_extractors(register: Callable[[Extractor], None]) -> None:
    register(AgreementExtractor())
