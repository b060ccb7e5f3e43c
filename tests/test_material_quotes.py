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
from material_scoring import floor_problems, load_cases, load_pages, score_case

CASES = load_cases()
PAGES = load_pages()


def _param(item: Any, ident: str, reason: str | None) -> Any:
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(item, id=ident, marks=marks)


@pytest.mark.parametrize(
    "case", [_param(c, f"{c['class']}:{c['id']}", c.get("xfail")) for c in CASES]
)
def test_quote_case(pipeline: Pipeline, case: dict[str, Any]) -> None:
    article = pipeline.extract(case["text"])
    result = score_case(article, case)
    assert result.passed, "; ".join(result.problems)


@pytest.mark.parametrize("page", [_param(p, p.slug, p.gold.get("xfail")) for p in PAGES])
def test_web_page_floors(pipeline: Pipeline, page: Any) -> None:
    article = pipeline.extract(page.page)
    problems = floor_problems(article, page.gold)
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
