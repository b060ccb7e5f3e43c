"""PLACEHOLDER — to be replaced by the real ``quotes`` extractor."""

from __future__ import annotations

from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult


class QuoteExtractor(BaseExtractor):
    name = "quotes"
    version = "0.1.0"
    requires: tuple[str, ...] = ("actors",)
    provides = ("quotes",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        raise NotImplementedError
