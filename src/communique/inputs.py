"""ArticleInput: one document to extract from, with its metadata, before any NLP.

Readers (plain text, JSONL records, HTML pages) produce ArticleInputs; the pipeline turns
them into Articles. Plain ``str`` and mappings with a ``text`` key are accepted wherever an
ArticleInput is, for convenience.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from communique.models import Published


class ArticleInput(BaseModel):
    """The text of an article and what is known about it.

    Example:
        >>> ArticleInput(text="Kerry spoke.", published="2016-08-26").published.isoformat()
        '2016-08-26'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    id: str | None = None
    title: str | None = None
    source: str | None = Field(default=None, description="Publisher or author.")
    url: str | None = None
    published: Published = None
    language: str | None = None
    metadata: dict[str, JsonValue] = Field(
        default_factory=dict,
        description="Anything else known about the article (author, section, ...); kept in "
        "``Article.metadata``.",
    )

    def as_record(self) -> dict[str, Any]:
        """The mapping form accepted by :meth:`Pipeline.extract_many`.

        Example:
            >>> ArticleInput(text="Hi.", metadata={"author": "AP"}).as_record()
            {'text': 'Hi.', 'metadata': {'author': 'AP'}}
        """
        return {
            k: v for k, v in self.model_dump().items() if k == "text" or (v is not None and v != {})
        }


METADATA_FIELDS: tuple[str, ...] = tuple(
    name for name in ArticleInput.model_fields if name not in ("text", "metadata")
)
"""The metadata fields the model knows, in order: the one list readers, the pipeline and the
tables use (``ArticleMeta`` and ``Article`` carry the same names; a test holds them together).

Example:
    >>> METADATA_FIELDS
    ('id', 'title', 'source', 'url', 'published', 'language')
"""
