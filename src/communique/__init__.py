"""communique: who said what, and who agreed to what with whom, in news articles.

Quick use::

    import communique
    article = communique.extract(text, published="2016-08-26")
    for quote in article.quotes:
        print(article.speaker(quote), quote.content.text)

The document model lives in :mod:`communique.models`, the plugin hooks in
:mod:`communique.hookspecs`, the extractor contract in :mod:`communique.extractor` and the
built-in extractors in :mod:`communique.extractors`.
"""

from communique.corpus import Corpus
from communique.errors import (
    ArticleReadError,
    CommuniqueError,
    ExtractorError,
    InputError,
    MissingDependencyError,
    ModelError,
    OrderingError,
    PluginError,
)
from communique.extractor import (
    ArticleMeta,
    BaseExtractor,
    ExtractionContext,
    Extractor,
    ExtractorResult,
    IdFactory,
)
from communique.hookspecs import hookimpl
from communique.inputs import ArticleInput
from communique.models import (
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    CountrySource,
    DateGranularity,
    ExtractorInfo,
    Mention,
    MentionForm,
    Party,
    PartyRole,
    Problem,
    Quote,
    QuoteKind,
    Span,
    StatusChange,
)
from communique.pipeline import Pipeline, extract
from communique.reader import read_articles
from communique.schema import article_json_schema
from communique.views.html_input import read_html
from communique.views.render import render_html, render_many
from communique.views.tables import iter_records, to_dataframe, to_records

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Agreement",
    "AgreementKind",
    "AgreementStatus",
    "Article",
    "ArticleInput",
    "ArticleMeta",
    "ArticleReadError",
    "BaseExtractor",
    "CommuniqueError",
    "Corpus",
    "CountrySource",
    "DateGranularity",
    "ExtractionContext",
    "Extractor",
    "ExtractorError",
    "ExtractorInfo",
    "ExtractorResult",
    "IdFactory",
    "InputError",
    "Mention",
    "MentionForm",
    "MissingDependencyError",
    "ModelError",
    "OrderingError",
    "Party",
    "PartyRole",
    "Pipeline",
    "PluginError",
    "Problem",
    "Quote",
    "QuoteKind",
    "Span",
    "StatusChange",
    "__version__",
    "article_json_schema",
    "extract",
    "hookimpl",
    "iter_records",
    "read_articles",
    "read_html",
    "render_html",
    "render_many",
    "to_dataframe",
    "to_records",
]
