"""A plugin registered in code, without packaging: handy for notebooks and experiments.

Run: python examples/plugin_inline.py
For an installable plugin, see examples/communique-example-plugin/.
"""

from __future__ import annotations

import communique
from communique import BaseExtractor, ExtractionContext, ExtractorResult, hookimpl


class QuoteLength(BaseExtractor):
    """Counts the words each speaker is quoted with; needs the built-in quotes."""

    name = "quote-length"
    version = "0.1.0"
    requires = ("actors", "quotes")
    provides = ("quote-length",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = ctx.require("actors")
        words: dict[str, int] = {}
        for quote in ctx.require("quotes"):
            name = actors.get(quote.speaker_id).name if quote.speaker_id else "unknown"
            words[name] = words.get(name, 0) + len(quote.content.text.split())
        ranked = dict(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])))
        return ExtractorResult(
            extensions={"words_by_speaker": ranked}, provided={"quote-length": ranked}
        )


class Plugin:
    @hookimpl
    def communique_register_extractors(self, register):  # type: ignore[no-untyped-def]
        register(QuoteLength())


pipeline = communique.Pipeline(plugins=[Plugin()])
print(pipeline.explain())
article = pipeline.extract(
    "“We will not rush,” Kerry said. Lavrov said the talks in Geneva were useful.",
    published="2016-08-26",
)
print(article.extensions["quote-length"])
