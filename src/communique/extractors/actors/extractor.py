"""PLACEHOLDER — to be replaced by the real ``actors`` extractor."""

from __future__ import annotations

from communique.extractor import BaseExtractor, ExtractionContext, ExtractorResult


class ActorExtractor(BaseExtractor):
    name = "actors"
    version = "0.1.0"
    requires: tuple[str, ...] = ()
    provides = ("actors",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        raise NotImplementedError
