"""Small fake extractors and plugins for pipeline tests (no real NLP needed)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from communique import (
    Actor,
    ActorKind,
    BaseExtractor,
    ExtractionContext,
    Extractor,
    ExtractorResult,
    Mention,
    MentionForm,
    Quote,
    QuoteKind,
    hookimpl,
)


class Plugin:
    """A plugin object registering the given extractors."""

    def __init__(self, *extractors: Extractor, name: str = "test-plugin") -> None:
        self.extractors = extractors
        self.__name__ = name

    @hookimpl
    def communique_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        for extractor in self.extractors:
            register(extractor)


class Declared(BaseExtractor):
    """An extractor that only declares requires/provides and records that it ran."""

    def __init__(self, name: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
        self.name = name
        self.requires = requires
        self.provides = provides

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        seen = {c: ctx.require(c) for c in self.requires}
        return ExtractorResult(
            provided={c: f"{self.name}:{c}" for c in self.provides},
            extensions={"saw": seen},
        )


class FirstWordActor(BaseExtractor):
    """Makes the first capitalised token an actor; provides 'actors'."""

    name = "first-word"
    version = "1.0"
    provides = ("actors",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = []
        for token in ctx.doc:
            if token.text[:1].isupper():
                span = ctx.span(token.idx, token.idx + len(token.text))
                actors.append(
                    Actor(
                        id=ctx.ids.new("actor"),
                        name=token.text,
                        kind=ActorKind.PERSON,
                        aliases=(token.text,),
                        mentions=(Mention(span=span, form=MentionForm.NAME),),
                    )
                )
                break
        return ExtractorResult(actors=tuple(actors), provided={"actors": tuple(actors)})


class WholeTextQuote(BaseExtractor):
    """Quotes the whole text, attributed to the first actor; requires 'actors'."""

    name = "whole-quote"
    version = "1.0"
    requires = ("actors",)
    provides = ("quotes",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = ctx.require("actors")
        quote = Quote(
            id=ctx.ids.new("quote"),
            kind=QuoteKind.DIRECT,
            content=ctx.span(0, len(ctx.text)),
            speaker_id=actors[0].id if actors else None,
            confidence=0.5,
        )
        return ExtractorResult(quotes=(quote,), provided={"quotes": (quote,)})


class Raising(BaseExtractor):
    name = "raising"
    provides = ("boom",)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        raise RuntimeError("deliberate failure")


class Garbage(BaseExtractor):
    """Returns a quote whose span does not match the text and whose speaker is nowhere."""

    name = "garbage"

    def __init__(self, mode: str) -> None:
        self.mode = mode

    def extract(self, ctx: ExtractionContext) -> Any:
        if self.mode == "not-a-result":
            return {"quotes": []}
        if self.mode == "bad-span":
            from communique import Span

            bad = Span(start=0, end=3, text="xyz")
            return ExtractorResult(quotes=(Quote(id="q-bad", kind=QuoteKind.DIRECT, content=bad),))
        if self.mode == "dangling":
            quote = Quote(
                id="q-d", kind=QuoteKind.DIRECT, content=ctx.span(0, 1), speaker_id="nobody"
            )
            return ExtractorResult(quotes=(quote,))
        if self.mode == "not-json":
            return ExtractorResult(extensions={"x": object()})
        raise AssertionError(self.mode)
