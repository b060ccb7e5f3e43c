"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import communique

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEED_TEXT = EXAMPLES / "data" / "kerry-lavrov-geneva.txt"
SEED_GOLD = EXAMPLES / "data" / "kerry-lavrov-geneva.gold.json"
SEED_PUBLISHED = "2016-08-26"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


@pytest.fixture(scope="session")
def pipeline() -> communique.Pipeline:
    """The default pipeline with every installed plugin (built-ins included)."""
    return communique.Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline: communique.Pipeline) -> Any:
    """The loaded spaCy Language of the default pipeline."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_article(pipeline: communique.Pipeline, seed_text: str) -> communique.Article:
    return pipeline.extract(seed_text, published=SEED_PUBLISHED, title=seed_text.splitlines()[0])


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    """PolNeAR (train/dev) beside the repository; tests using it skip cleanly without it."""
    if not (POLNEAR / "dev").is_dir():
        pytest.skip("../shared/data/polnear is not present")
    return POLNEAR
