"""Findings of polls and records, round 13 (``findings.py``): a poll's finding runs on over
the figures and runners-up after a comma; "…, county records show." closing a sentence is a
finding of the clause before it; an artefact's bare object is its finding. People who see or
find something perceive it: no quote, and an attribution of the whole ("…, according to …")
stays out of the finding. Invented sentences."""

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
            "A new survey of Ohio voters showed Lena Ames ahead of the field, with 38 percent"
            " to 27 for Ivo Ruiz.",
            "Lena Ames ahead of the field, with 38 percent to 27 for Ivo Ruiz",
        ),
        (
            "The latest poll found the mayor leading, followed by the council president at 21"
            " percent.",
            "the mayor leading, followed by the council president at 21 percent",
        ),
        (
            "Turnout in the northern wards fell by a third last year, county records show.",
            "Turnout in the northern wards fell by a third last year",
        ),
        (
            "A university survey found 72 percent support for the new ferry levy.",
            "72 percent support for the new ferry levy",
        ),
    ],
)
def test_findings_of_artefacts(nlp: Any, text: str, content: str) -> None:
    """The whole finding of a poll, survey or record, figures included."""
    assert content in _contents(nlp, text)


def test_attribution_of_the_whole_stays_out(nlp: Any) -> None:
    """ "…, according to two officials" vouches for the finding; it is not part of it."""
    text = "The audit showed the agency overspent by $4 million, according to two officials."
    contents = _contents(nlp, text)
    assert "The audit showed the agency overspent by $4 million" in contents
    assert not any(c.endswith("officials") and "overspent" in c for c in contents)


@pytest.mark.parametrize(
    "text",
    ["You can see the damage from the bridge.", "The inspectors found cracks in two of the beams."],
)
def test_perception_is_no_finding(pipeline: Any, text: str) -> None:
    """A person who sees or finds something perceives it: no quote."""
    assert not pipeline.extract(text).quotes
