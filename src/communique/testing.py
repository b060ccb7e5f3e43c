"""Pytest helpers for plugin authors.

Two tools, both used by the example plugin's own tests:

- :func:`registered_plugin` (and the ``communique_plugin`` fixture factory) builds a
  :class:`~communique.Pipeline` with one extra plugin registered for the duration of a test;
- :class:`ExtractorContract`, a base test class of checks every extractor must pass:
  declared capabilities are really provided, spans are valid, ids are unique, references
  resolve and output is deterministic.

Example::

    from communique.testing import ExtractorContract

    class TestMoney(ExtractorContract):
        extractor_name = "money"
        sample_texts = ("The EU pledged €40 million on Monday.",)
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import pytest

from communique.extractor import Extractor, ExtractorResult
from communique.models import Article
from communique.pipeline import Pipeline


@contextlib.contextmanager
def registered_plugin(
    plugin: object, *, entry_points: bool = True, strict: bool = True, model: Any = None
) -> Iterator[Pipeline]:
    """A strict pipeline with ``plugin`` registered besides the installed ones.

    Nothing global is changed: the plugin exists only in the pipeline this yields, so it is
    gone when the ``with`` block ends.

    Example:
        >>> from communique import BaseExtractor, ExtractorResult, hookimpl
        >>> class Hello(BaseExtractor):
        ...     name = "hello"
        ...     def extract(self, ctx):
        ...         return ExtractorResult(extensions={"words": len(ctx.doc)})
        >>> class HelloPlugin:
        ...     @hookimpl
        ...     def communique_register_extractors(self, register):
        ...         register(Hello())
        >>> with registered_plugin(HelloPlugin()) as pipeline:
        ...     pipeline.extract("Kerry spoke.").extensions["hello"]
        {'words': 3}
    """
    pipeline = Pipeline(model, plugins=[plugin], entry_points=entry_points, strict=strict)
    yield pipeline


@pytest.fixture
def communique_plugin() -> Iterator[Any]:
    """Fixture: call it with a plugin to get a pipeline that has it registered.

    Example::

        def test_it(communique_plugin):
            pipeline = communique_plugin(my_plugin)
            assert pipeline.extract("…").extensions["mine"]
    """
    stack = contextlib.ExitStack()

    def register(plugin: object, **kwargs: Any) -> Pipeline:
        return stack.enter_context(registered_plugin(plugin, **kwargs))

    with stack:
        yield register


class ExtractorContract:
    """Contract checks for an installed extractor. Subclass and set the class attributes.

    Attributes:
        extractor_name: The extractor's name as registered.
        sample_texts: Texts the extractor should run on; include ones where it finds
            something and ones where it finds nothing.
        plugin: A plugin object to register if the extractor is not installed through an
            entry point (None when it is).
    """

    extractor_name: ClassVar[str] = ""
    sample_texts: ClassVar[Sequence[str]] = ()
    plugin: ClassVar[object | None] = None

    @pytest.fixture(scope="class")
    @classmethod
    def contract_pipeline(cls) -> Pipeline:
        """One pipeline per test class, built when the class's tests start (so the
        environment is read then) and dropped when they end: no state outlives the class."""
        return Pipeline(plugins=[cls.plugin] if cls.plugin is not None else [])

    @pytest.fixture(scope="class")
    @classmethod
    def contract_articles(cls, contract_pipeline: Pipeline) -> list[Article]:
        assert cls.sample_texts, "set sample_texts on the contract test class"
        articles = [contract_pipeline.extract(t) for t in cls.sample_texts]
        for article in articles:
            mine = [p for p in article.problems if p.extractor == cls.extractor_name]
            if mine:
                pytest.fail(f"extractor {cls.extractor_name!r} failed: {mine[0].message}")
        return articles

    def _extractor(self, pipeline: Pipeline) -> Extractor:
        for extractor in pipeline.extractors:
            if extractor.name == self.extractor_name:
                return extractor
        pytest.fail(f"extractor {self.extractor_name!r} is not registered")

    def test_is_registered_with_a_version(self, contract_pipeline: Pipeline) -> None:
        extractor = self._extractor(contract_pipeline)
        assert extractor.version, "extractors must declare a version for provenance"

    def test_runs_and_is_recorded(self, contract_articles: list[Article]) -> None:
        for article in contract_articles:
            assert self.extractor_name in [info.name for info in article.extractors]
            assert not [p for p in article.problems if p.extractor == self.extractor_name]

    def test_declared_provides_are_produced(self, contract_pipeline: Pipeline) -> None:
        extractor = self._extractor(contract_pipeline)
        for text in self.sample_texts:
            outcome = contract_pipeline.run(text)  # the pipeline's own run loop
            result = outcome.outputs.get(extractor.name)
            assert result is not None, f"{extractor.name!r} did not run: {outcome.problems}"
            assert isinstance(result, ExtractorResult)
            missing = [c for c in extractor.provides if c not in result.provided]
            assert not missing, f"declared provides {missing} were not provided"

    def test_spans_are_valid(self, contract_articles: list[Article]) -> None:
        for article in contract_articles:
            for path, span in article.spans():
                assert article.text[span.start : span.end] == span.text, path
            for key, value in _extension_spans(article.extensions.get(self.extractor_name)):
                assert article.text[value[0] : value[1]] == value[2], key

    def test_ids_are_unique(self, contract_articles: list[Article]) -> None:
        for article in contract_articles:
            ids = [a.id for a in article.actors] + [q.id for q in article.quotes]
            ids += [g.id for g in article.agreements]
            assert len(ids) == len(set(ids))

    def test_output_is_deterministic(self, contract_pipeline: Pipeline) -> None:
        for text in self.sample_texts:
            first = contract_pipeline.extract(text).model_dump_json()
            assert contract_pipeline.extract(text).model_dump_json() == first

    def test_round_trips_through_json(self, contract_articles: list[Article]) -> None:
        for article in contract_articles:
            assert Article.model_validate_json(article.model_dump_json()) == article


def _extension_spans(data: Any, path: str = "") -> Iterator[tuple[str, tuple[int, int, str]]]:
    """Dicts with integer ``start``/``end`` and a string ``text`` inside extension data."""
    if isinstance(data, dict):
        start, end, text = data.get("start"), data.get("end"), data.get("text")
        if isinstance(start, int) and isinstance(end, int) and isinstance(text, str):
            yield path, (start, end, text)
        for key, value in sorted(data.items()):
            yield from _extension_spans(value, f"{path}.{key}")
    elif isinstance(data, list | tuple):
        for i, value in enumerate(data):
            yield from _extension_spans(value, f"{path}[{i}]")
