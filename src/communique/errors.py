"""The typed error hierarchy.

Every error communique raises on purpose derives from :class:`CommuniqueError`, so callers
can catch one type. The message always names what was wrong and which document, plugin or
extractor it concerned.
"""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class of every error communique raises deliberately.

    Example:
        >>> try:
        ...     communique.Pipeline(disable=["actors"]).extractors  # nothing provides actors
        ... except CommuniqueError as exc:
        ...     print(type(exc).__name__)
        OrderingError
    """


class InputError(CommuniqueError, ValueError):
    """An input document (text or metadata) cannot be processed.

    Example:
        >>> import communique
        >>> communique.extract(42)
        Traceback (most recent call last):
        communique.errors.InputError: input: text must be a str, got int
    """


class ModelError(CommuniqueError):
    """A spaCy model could not be loaded (not installed, or not a spaCy pipeline).

    Example:
        >>> communique.Pipeline("no_such_model").nlp  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        communique.errors.ModelError: spaCy model 'no_such_model' is not installed...
    """


class PluginError(CommuniqueError):
    """A plugin could not be loaded, registered or ordered. ``plugin`` names it.

    Example:
        >>> PluginError("plugin 'x' is invalid", plugin="x").plugin
        'x'
    """

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        super().__init__(message)
        self.plugin = plugin


class OrderingError(PluginError):
    """Extractors cannot be ordered: a cycle, a missing provider or a duplicate provider.

    Example:
        >>> issubclass(OrderingError, PluginError)
        True
    """


class ExtractorError(CommuniqueError):
    """An extractor failed on a document (raised only in ``strict`` mode).

    The original exception is chained as ``__cause__``.

    Example:
        >>> err = ExtractorError("extractor 'x' failed", extractor="x", document="doc-1")
        >>> err.extractor, err.document
        ('x', 'doc-1')
    """

    def __init__(self, message: str, *, extractor: str, document: str | None = None) -> None:
        super().__init__(message)
        self.extractor = extractor
        self.document = document


class ArticleReadError(InputError):
    """Saved Article output could not be read back (see :func:`communique.read_articles`).

    Example:
        >>> err = ArticleReadError("not JSON", source="out.jsonl", line=3)
        >>> str(err), err.line
        ('out.jsonl:3: not JSON', 3)
    """

    def __init__(self, message: str, *, source: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


class MissingDependencyError(CommuniqueError, ImportError):
    """An optional feature needs a package that is not installed; the message says which
    extra installs it.

    Example:
        >>> MissingDependencyError("needs pandas", package="pandas").package
        'pandas'
    """

    def __init__(self, message: str, *, package: str) -> None:
        super().__init__(message)
        self.package = package


__all__ = [
    "ArticleReadError",
    "CommuniqueError",
    "ExtractorError",
    "InputError",
    "MissingDependencyError",
    "ModelError",
    "OrderingError",
    "PluginError",
]
