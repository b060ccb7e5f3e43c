"""The hand-written evaluation material as a ratchet: case-table entries and web pages.

Each entry of ``tests/data/cases/quotes.jsonl`` and each page of ``tests/data/web`` is one
test. Entries that fail on today's code carry ``"xfail": "reason"`` in the data and run as
strict xfails: when a change makes one pass, the test fails until the mark is removed, so
progress is recorded and never silently lost. The measures themselves are printed by
``benchmarks/material_web.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from communique import Pipeline
from material_scoring import FLOORS, floor_problems, load_cases, load_pages, score_case

CASES = load_cases()
PAGES = load_pages()


def _param(values: Any, ident: str, reason: str | None) -> Any:
    """One parameter set (a tuple is unpacked), a strict xfail when the data gives a reason."""
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    values = values if isinstance(values, tuple) else (values,)
    return pytest.param(*values, id=ident, marks=marks)


@pytest.mark.parametrize(
    "case", [_param(c, f"{c['class']}:{c['id']}", c.get("xfail")) for c in CASES]
)
def test_quote_case(pipeline: Pipeline, case: dict[str, Any]) -> None:
    article = pipeline.extract(case["text"])
    result = score_case(article, case)
    assert result.passed, "; ".join(result.problems)


@pytest.fixture(scope="module")
def page_articles(pipeline: Pipeline) -> dict[str, Any]:
    """Each page extracted once, shared by its floor tests."""
    return {page.slug: pipeline.extract(page.page) for page in PAGES}


@pytest.mark.parametrize(
    ("page", "floor"),
    [
        _param((p, floor), f"{p.slug}:{floor}", p.gold.get("xfail", {}).get(floor))
        for p in PAGES
        for floor in FLOORS
    ],
)
def test_web_page_floor(page_articles: dict[str, Any], page: Any, floor: str) -> None:
    """No quote from furniture, no dateline speaker, no actor the gold rules out."""
    problems = floor_problems(page_articles[page.slug], page.gold, floor)
    assert not problems, "; ".join(problems)


def test_case_table_is_well_formed() -> None:
    """Every snippet lies in its text, ids are unique, every class has at least five entries."""
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    counts: dict[str, int] = {}
    for case in CASES:
        counts[case["class"]] = counts.get(case["class"], 0) + 1
        for gold in case["quotes"]:
            assert gold["content"] in case["text"], case["id"]
            assert gold["kind"] in {"direct", "indirect", "mixed"}, case["id"]
        for snippet in case.get("no_quotes", []):
            assert snippet in case["text"], case["id"]
    assert len(CASES) >= 80
    assert min(counts.values()) >= 5, counts
