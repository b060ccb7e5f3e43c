"""The ``quotes`` extractor end to end: speakers, actors, the seed article, PolNeAR dev.

Until the real ``actors`` extractor lands, these tests run the pipeline with a small stand-in
actors plugin that finds given names in the text, so speaker resolution is exercised through
the same public :class:`ActorIndex` API the real one will publish.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import communique
from communique.capabilities import ActorIndex
from communique.evaluate import evaluate_attributions, format_report
from communique.extractor import BaseExtractor, ExtractionContext, Extractor, ExtractorResult
from communique.extractors.quotes import QuoteExtractor
from communique.extractors.quotes import plugin as quotes_plugin
from communique.hookspecs import hookimpl
from communique.knowledge import builtin as knowledge_plugin
from communique.knowledge.builtin import builtin_knowledge
from communique.models import Actor, ActorKind, Mention, MentionForm, QuoteKind, Span
from communique.parse import ParseView


class NameActors(BaseExtractor):
    """Stand-in actors layer: one actor per (name, kind, aliases), mentioned wherever an
    alias occurs as a whole word."""

    name = "actors"
    version = "test"
    provides: tuple[str, ...] = ("actors",)

    def __init__(self, specs: Sequence[tuple[str, ActorKind, Sequence[str]]] = ()) -> None:
        self.specs = list(specs)

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        actors = []
        taken: set[int] = set()
        for name, kind, aliases in self.specs:
            mentions = []
            for alias in sorted(set(aliases) | {name}, key=len, reverse=True):
                for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", ctx.text):
                    if taken.isdisjoint(range(m.start(), m.end())):
                        taken.update(range(m.start(), m.end()))
                        mentions.append(
                            Mention(span=ctx.span(m.start(), m.end()), form=MentionForm.NAME)
                        )
            if mentions:
                mentions.sort(key=lambda x: x.span.start)
                actors.append(
                    Actor(id=ctx.ids.new("actor"), name=name, kind=kind, mentions=tuple(mentions))
                )
        return ExtractorResult(actors=tuple(actors), provided={"actors": ActorIndex(actors)})


class Plugin:
    """A test plugin registering one extractor."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.__name__ = f"test-{extractor.name}"

    @hookimpl
    def communique_register_extractors(self, register: Callable[[Extractor], None]) -> None:
        register(self.extractor)


def make_pipeline(
    nlp: Any, specs: Sequence[tuple[str, ActorKind, Sequence[str]]] = ()
) -> communique.Pipeline:
    return communique.Pipeline(
        nlp,
        entry_points=False,
        strict=True,
        plugins=[Plugin(NameActors(specs)), quotes_plugin, knowledge_plugin],
    )


PEOPLE = [
    ("John Kerry", ActorKind.PERSON, ["Kerry"]),
    ("Sergei Lavrov", ActorKind.PERSON, ["Lavrov"]),
]


# -- the extractor contract -------------------------------------------------------------


def test_declarations() -> None:
    ex = QuoteExtractor()
    assert ex.name == "quotes" and ex.requires == ("actors",) and ex.provides == ("quotes",)


def test_pipeline_runs_quotes_after_actors(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract(
        "Kerry said the talks would continue. “We are close,” Lavrov said."
    )
    assert [e.name for e in article.extractors] == ["actors", "quotes"]
    assert not article.problems
    kerry, lavrov = article.actor_named("John Kerry"), article.actor_named("Sergei Lavrov")
    assert kerry is not None and lavrov is not None
    by_kind = {q.kind: q for q in article.quotes}
    assert by_kind[QuoteKind.INDIRECT].speaker_id == kerry.id
    assert by_kind[QuoteKind.DIRECT].speaker_id == lavrov.id
    assert by_kind[QuoteKind.DIRECT].speaker_mention == Span.of(article.text, 53, 59)
    for q in article.quotes:
        assert q.cue is not None and 0.0 < q.confidence <= 1.0


def test_provided_value_is_the_quotes(nlp: Any) -> None:
    ex = QuoteExtractor()
    text = "Kerry said the talks would continue."
    doc = nlp(text)
    from communique.extractor import ArticleMeta, IdFactory

    ctx = ExtractionContext(
        text=text,
        doc=doc,
        meta=ArticleMeta(id="x"),
        paragraphs=communique.text.paragraph_spans(text),
        ids=IdFactory(),
        results={"actors": ActorIndex([])},
        view=ParseView.build(doc, text),
        knowledge=builtin_knowledge(),
    )
    result = ex.extract(ctx)
    assert result.provided["quotes"] == result.quotes and len(result.quotes) == 1
    assert result.quotes[0].id == "quote-1"


def test_pronoun_takes_previous_speaker(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract(
        "“We are close,” Kerry said.\n“We still need to finalize minor issues,” he said."
    )
    kerry = article.actor_named("John Kerry")
    assert kerry is not None
    assert [q.speaker_id for q in article.quotes] == [kerry.id, kerry.id]
    assert article.quotes[1].speaker_mention is not None
    assert article.quotes[1].speaker_mention.text == "he"


def test_cueless_quote_inherits_speaker(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract(
        "Lavrov said the two sides had agreed on the main points.\n"
        "“But we will not rush into an agreement.”"
    )
    lavrov = article.actor_named("Sergei Lavrov")
    assert lavrov is not None
    direct = [q for q in article.quotes if q.kind is QuoteKind.DIRECT]
    assert len(direct) == 1 and direct[0].speaker_id == lavrov.id and direct[0].cue is None
    assert direct[0].continues == article.quotes[0].id


def test_continuation_in_the_same_paragraph_is_a_part(nlp: Any) -> None:
    # one statement in two sentences is one quote, as PolNeAR annotates it; a quotation
    # paragraph after a paragraph that ends in narration stays a quote of its own, linked
    # (one after a paragraph ending on the quotation joins it: test_quotes_direct12.py)
    text = "“We will win,” Lavrov said. “We always do.” He left.\n“Nobody doubts it.”"
    article = make_pipeline(nlp, PEOPLE).extract(text)
    first, second = article.quotes
    assert [p.text for p in first.parts] == ["We will win,", "We always do."]
    assert first.text == "We will win, We always do." and first.continues is None
    assert second.content.text == "Nobody doubts it." and second.continues == first.id
    assert second.speaker_id == first.speaker_id is not None


def test_anonymous_source_becomes_an_actor(nlp: Any) -> None:
    article = make_pipeline(nlp).extract(
        "A senior US official said the strike had been approved in advance. "
        "The official said the target was a weapons depot."
    )
    anonymous = [a for a in article.actors if a.kind is ActorKind.PERSON]
    assert len(anonymous) >= 1
    official = anonymous[0]
    assert "official" in official.name and official.country == "USA"
    assert all(m.form is MentionForm.NOMINAL for m in official.mentions)
    assert article.quotes[0].speaker_id == official.id
    # "The official" refers back to the same unnamed official
    assert article.quotes[1].speaker_id == official.id and len(official.mentions) == 2


def test_sources_plural_becomes_an_actor(nlp: Any) -> None:
    article = make_pipeline(nlp).extract("The envoy will resign before the summit, sources said.")
    (quote,) = article.quotes
    assert quote.speaker_id is not None
    assert article.actor(quote.speaker_id).name == "sources"


def test_named_speaker_is_not_made_anonymous(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract("Kerry said the talks would continue.")
    assert [a.name for a in article.actors] == ["John Kerry"]


def test_split_quote_parts_in_article(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract(
        "“We are close,” Kerry said, “but we are not there yet.”"
    )
    (quote,) = article.quotes
    assert [p.text for p in quote.parts] == ["We are close,", "but we are not there yet."]
    assert quote.content.start == quote.parts[0].start
    assert quote.content.end == quote.parts[-1].end


def test_article_round_trips(nlp: Any) -> None:
    article = make_pipeline(nlp, PEOPLE).extract(
        "“We are close,” Kerry said. A senior official said the talks would go on."
    )
    assert communique.Article.model_validate_json(article.model_dump_json()) == article


# -- the seed article -------------------------------------------------------------------


def _seed_specs(seed_gold: dict[str, Any]) -> list[tuple[str, ActorKind, list[str]]]:
    return [
        (
            a["name"],
            ActorKind(a["kind"]),
            list(a.get("aliases", [])) + list(a.get("also_mentioned_as", [])),
        )
        for a in seed_gold["actors"]
    ]


def _check_seed(
    article: communique.Article, seed_gold: dict[str, Any], speakers: bool = True
) -> list[str]:
    text = article.text
    errors = []
    for gold in seed_gold["quotes"]:
        if gold.get("required", True) is False:
            continue
        g0 = text.find(gold["content"])
        assert g0 >= 0, gold["content"]
        g1 = g0 + len(gold["content"])
        # a quote carried over several sentences matches through the part that holds it
        match = [
            q
            for q in article.quotes
            for p in (q.parts or (q.content,))
            if p.start <= g0 and g1 <= p.end and (g1 - g0) >= 0.8 * (p.end - p.start)
        ]
        if not match:
            errors.append(f"missing: {gold['content'][:60]!r}")
            continue
        quote = match[0]
        if quote.kind.value != gold["kind"]:
            errors.append(f"kind {quote.kind.value} != {gold['kind']}: {gold['content'][:40]!r}")
        if speakers:
            speaker = article.speaker(quote)
            ok = {gold["speaker"], *gold.get("also_ok", [])}
            if speaker is None or speaker.name not in ok:
                got = speaker.name if speaker else None
                errors.append(f"speaker {got!r} not in {ok}: {gold['content'][:40]!r}")
    return errors


def test_seed_quotes_with_stand_in_actors(
    nlp: Any, seed_text: str, seed_gold: dict[str, Any]
) -> None:
    article = make_pipeline(nlp, _seed_specs(seed_gold)).extract(seed_text, published="2016-08-26")
    assert _check_seed(article, seed_gold) == []


def test_seed_article_quotes(seed_article: communique.Article, seed_gold: dict[str, Any]) -> None:
    """The real pipeline; runs once the built-in actors extractor is in place."""
    if any(p.extractor == "actors" for p in seed_article.problems):
        pytest.skip("the built-in actors extractor is not available yet")
    assert _check_seed(seed_article, seed_gold) == []


# -- PolNeAR dev --------------------------------------------------------------------------


@pytest.mark.polnear
def test_polnear_dev_subset(nlp: Any, polnear_dir: Path) -> None:
    """Floors a little below the figures measured on the first 15 dev articles."""
    report = evaluate_attributions(polnear_dir / "dev", make_pipeline(nlp), limit=15)
    print(format_report(report))
    assert report["articles"] == 15 and report["articles_without_prediction"] == 0
    assert report["content_loose"]["f1"] >= FLOORS["loose"]
    assert report["content_strict"]["f1"] >= FLOORS["strict"]
    assert report["attribution_loose"]["f1"] >= FLOORS["source"]
    assert report["recall_direct"] >= FLOORS["direct"]


FLOORS = {"loose": 0.71, "strict": 0.57, "source": 0.63, "direct": 0.83}
"""Measured on this subset: loose 0.746, strict 0.609, with source 0.668, direct R 0.872."""
