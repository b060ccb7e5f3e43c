"""The JSON Schema of the document model, as committed in ``docs/schema/article.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from communique.models import SCHEMA_VERSION, Article

SCHEMA_ID = "https://communique.invalid/schema/article-{version}.schema.json"


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :class:`~communique.models.Article`.

    Example:
        >>> schema = article_json_schema()
        >>> schema["title"]
        'Article'
    """
    schema = Article.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID.format(version=SCHEMA_VERSION),
        **schema,
    }


def article_json_schema_text() -> str:
    """The schema as the exact text committed to the repository (sorted keys, newline)."""
    return json.dumps(article_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
