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
    ],
)
def test_writers_tail_stays_out(nlp: Any, text: str, content: str) -> None:
    """A participle after the content is the writer's."""
    assert content in _contents(nlp, text)
