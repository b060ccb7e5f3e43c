"""The extractor contract: what an extractor declares, what it is given, what it returns.

An extractor is any object with ``name``, ``version``, ``requires``, ``provides`` and an
``extract(ctx)`` method (see :class:`Extractor`). Subclassing :class:`BaseExtractor` is the
easy way to get the defaults. ``requires`` and ``provides`` are capability names such as
``"actors"``; the pipeline orders extractors so that every capability is provided before it
is required, and hands the provider's published value to the consumer through
:meth:`ExtractionContext.require`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload, runtime_checkable

from communique.capabilities import Capability
from communique.models import Actor, Agreement, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from communique.knowledge import KnowledgeBase
    from communique.parse import ParseView

T = TypeVar("T")


@runtime_checkable
class Extractor(Protocol):
    """What the pipeline needs from an extractor.

    Attributes:
        name: Unique name; also the key of its data in ``extensions`` and of its problems.
        version: Version string recorded in ``Article.extractors`` (provenance).
        requires: Capabilities that must be provided by earlier extractors.
        provides: Capabilities this extractor publishes in ``ExtractorResult.provided``.

    Example:
        >>> isinstance(communique.Pipeline().extractors[0], Extractor)
        True
    """

    name: str
    version: str
    requires: tuple[str, ...]
    provides: tuple[str, ...]

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        """Extract from one article. Must not mutate ``ctx``; must be deterministic."""
        ...


class BaseExtractor:
    """Convenient base class with empty declarations; override what you need.

    Example:
        >>> class Shouting(BaseExtractor):
        ...     name = "shouting"
        ...     provides = ("shouting",)
        ...     def extract(self, ctx):
        ...         loud = [t.text for t in ctx.doc if t.is_upper and len(t) > 2]
        ...         return ExtractorResult(provided={"shouting": loud},
        ...                                extensions={"words": loud})
    """

    name: str = ""
    version: str = "0"
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    spacy_components: tuple[str, ...] | None = None
    """spaCy components whose annotations this extractor reads, e.g. ``("ner",)`` or
    ``("parser", "lemmatizer")``. None (the default) means "the whole pipeline". When every
    active extractor declares, the pipeline drops the components none of them needs."""
    languages: tuple[str, ...] | None = None
    """Languages (ISO 639-1 codes) this extractor handles, e.g. ``("en",)``. None (the
    default) means any: the pipeline skips an extractor that declares on an article in
    another language, with a ``skipped`` problem (see :mod:`communique.language`)."""

    def extract(self, ctx: ExtractionContext) -> ExtractorResult:
        raise NotImplementedError(f"{type(self).__name__}.extract")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name} {self.version}>"


@dataclass(frozen=True)
class ExtractorResult:
    """What one extractor returns for one article.

    Attributes:
        actors, quotes, agreements: New items for the Article. Their spans are validated
            against the text and their ids and references checked before they are kept.
        extensions: JSON-ready data stored in ``Article.extensions[extractor.name]``.
        provided: One value per declared capability, handed to later extractors that
            require it. Every name in ``provides`` must be present.

    Example:
        >>> ExtractorResult(extensions={"count": 2}, provided={"money": ()}).extensions
        {'count': 2}
    """

    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    extensions: Mapping[str, Any] = field(default_factory=dict)
    provided: Mapping[str, Any] = field(default_factory=dict)


class IdFactory:
    """Makes article-unique, deterministic ids such as ``actor-1`` and ``quote-3``.

    One factory serves a whole article, so ids never clash across extractors.

    Example:
        >>> ids = IdFactory()
        >>> ids.new("actor"), ids.new("actor"), ids.new("quote")
        ('actor-1', 'actor-2', 'quote-1')
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        """The next unused id with this prefix."""
        count = self._counts.get(prefix, 0) + 1
        self._counts[prefix] = count
        return f"{prefix}-{count}"


@dataclass(frozen=True)
class ArticleMeta:
    """The article's metadata, as given by the caller.

    Example:
        >>> import datetime as dt
        >>> ArticleMeta(id="a", published=dt.datetime(2016, 8, 26, 9, 30)).published_date
        datetime.date(2016, 8, 26)
    """

    id: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    language: str = "en"

    @property
    def published_date(self) -> dt.date | None:
        """The publication day (a datetime reduced to its date), or None."""
        if isinstance(self.published, dt.datetime):
            return self.published.date()
        return self.published


@dataclass(frozen=True)
class ExtractionContext:
    """Everything an extractor may read about one article.

    Attributes:
        text: The article text; every span refers to it.
        doc: The spaCy ``Doc`` of ``text``, parsed once and shared by all extractors. The
            built-ins read ``view`` instead; it is kept for third-party plugins.
        meta: Title, source, url, publication date, language.
        paragraphs: Paragraph spans (the same as ``view.paragraphs``).
        view: The :class:`~communique.parse.ParseView` of the parse, built once per article:
            tokens as lists, sentences, paragraphs, headline, dateline, entities.
        knowledge: The pipeline's :class:`~communique.knowledge.KnowledgeBase` (countries,
            reporting verbs, titles, first names, known actors).
        results: Published values of the capabilities this extractor requires.
        ids: The article's id factory.
        actors, quotes, agreements: Items kept so far from earlier extractors.

    Example:
        >>> def extract(self, ctx):
        ...     index = ctx.require(ACTORS)  # an ActorIndex, to mypy too
        ...     start, end = ctx.view.sentences[0]
        ...     return ExtractorResult(extensions={"lead": ctx.span(
        ...         ctx.view.idx[start], ctx.view.end[end - 1]).text})
    """

    text: str
    doc: Doc
    meta: ArticleMeta
    paragraphs: tuple[Span, ...]
    ids: IdFactory
    view: ParseView
    knowledge: KnowledgeBase
    results: Mapping[str, Any] = field(default_factory=dict)
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()

    @overload
    def require(self, capability: Capability[T]) -> T: ...

    @overload
    def require(self, capability: str) -> Any: ...

    def require(self, capability: Capability[Any] | str) -> Any:
        """The value published for a capability this extractor declared in ``requires``.

        Given a typed key (:data:`~communique.capabilities.ACTORS`) the value has its type;
        given a plain name (a third-party capability) it is ``Any``.
        """
        name = capability.name if isinstance(capability, Capability) else capability
        try:
            return self.results[name]
        except KeyError:
            raise KeyError(
                f"capability {name!r} is not available; declare it in `requires` "
                f"(available: {sorted(self.results)})"
            ) from None

    def span(self, start: int, end: int) -> Span:
        """A validated :class:`Span` over ``text[start:end]``."""
        return Span.of(self.text, start, end)

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph containing a character offset (-1 if between paragraphs)."""
        lo, hi = 0, len(self.paragraphs) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            para = self.paragraphs[mid]
            if offset < para.start:
                hi = mid - 1
            elif offset >= para.end:
                lo = mid + 1
            else:
                return mid
        return -1


def describe(extractor: Extractor) -> str:
    """A one-line description used in error messages and ``Pipeline.explain()``."""
    requires = ", ".join(extractor.requires) or "-"
    provides = ", ".join(extractor.provides) or "-"
    return f"{extractor.name} {extractor.version} (requires: {requires}; provides: {provides})"


__all__ = [
    "ArticleMeta",
    "BaseExtractor",
    "ExtractionContext",
    "Extractor",
    "ExtractorResult",
    "IdFactory",
    "describe",
]
