"""PLACEHOLDER — to be replaced by the real ``agreements`` extractor."""

from __future__ import annotations

from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult


class AgreementExtractor(BaseExtractor):
    name = "agreements"
    version = "0.1.0"
    requires: tuple[str, ...] = ("actors", "quotes")
    provides = ("agreements",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        raise NotImplementedError
