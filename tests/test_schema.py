"""The committed JSON Schema must match the code."""

from __future__ import annotations

import json

from communique import SCHEMA_VERSION, article_json_schema
from communique.schema import article_json_schema_text

from conftest import ROOT

SCHEMA_FILE = ROOT / "docs" / "schema" / "article.schema.json"


def test_committed_schema_matches_the_model() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8")
    assert committed == article_json_schema_text(), (
        "docs/schema/article.schema.json is out of date: run "
        "`communique schema > docs/schema/article.schema.json` and bump SCHEMA_VERSION "
        "if a field was renamed or removed"
    )


def test_schema_names_the_version_and_core_fields() -> None:
    schema = article_json_schema()
    assert schema["$id"].endswith(f"article-{SCHEMA_VERSION}.schema.json")
    assert {"text", "actors", "quotes", "agreements", "problems", "extractors"} <= set(
        schema["properties"]
    )
    assert json.loads(article_json_schema_text()) == schema
