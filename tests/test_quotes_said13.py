"""Content extents, round 13: a fronted content takes a "because" clause or "including"
phrase set off after its cue; a comma-set concession and an "including" phrase stay in
a clause content, a dash-set concession and a participle stay out."""

from __future__ import annotations

from typing import Any

import pytest

from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [text[c.parts[0][0] : c.parts[-1][1]] for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The ferry service will be cut in winter, Mayor Lund said, because fuel now costs"
            " twice as much.",
            "The ferry service will be cut in winter, Mayor Lund said, because fuel now costs"
            " twice as much",
        ),
        (
            "Tomas Grell said the harbour board had approved the plan, though not without"
            " objections.",
            "the harbour board had approved the plan, though not without objections",
        ),
        (
            "Several roads were closed overnight, police said, including the coastal highway.",
            "Several roads were closed overnight, police said, including the coastal highway",
        ),
        (
            "Lena Ortiz said several projects would be delayed, including the new library.",
            "several projects would be delayed, including the new library",
        ),
        (
            "The dam is safe, the engineers said, although repairs will take a year.",
            "The dam is safe, the engineers said, although repairs will take a year",
        ),
    ],
)
def test_content_runs_on(nlp: Any, text: str, content: str) -> None:
    """The reason or concession belongs to what was said."""
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ada Marsh said the council would vote on the levy, adding a note on the budget.",
            "the council would vote on the levy",
        ),
        (
            "Lena Ortiz said turnout had risen sharply — though the count is not final.",
            "turnout had risen sharply",
        ),
        (
            "Lena Ortiz said turnout had risen sharply, though she did not discuss the north.",
            "turnout had risen sharply",
        ),
    ],
)
def test_writers_tail_stays_out(nlp: Any, text: str, content: str) -> None:
    """A participle, a dash-set concession or one holding a report of its own is the
    writer's: the content stops before it."""
    assert content in _contents(nlp, text)
