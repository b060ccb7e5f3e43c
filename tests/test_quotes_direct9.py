"""Direct quotes, round 9: the writer's aside after a mixed content's own words."""

from __future__ import annotations

import pytest

from communique.extractors.quotes.boundaries import aside_cut, tail_aside_cut


def _cut(text: str) -> str:
    return text[: tail_aside_cut(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "that the count was “rigged” against her, a charge that officials denied",
            "that the count was “rigged” against her",
        ),
        (
            "she would “take a look” at the bill, which would raise the tax",
            "she would “take a look” at the bill",
        ),
        (
            "that the tax was “a trap” for savers, a move that angered banks",
            "that the tax was “a trap” for savers",
        ),
        (
            "he was “hopeful” about the deal — a rare note of optimism",
            "he was “hopeful” about the deal",
        ),
        (
            "that the levy was “unfair” to drivers, in which case it goes",
            "that the levy was “unfair” to drivers",
        ),
    ],
)
def test_tail_aside_is_cut(text: str, want: str) -> None:
    assert _cut(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # a relative clause on a name or on people: PolNeAR keeps it
        "the team was “ready to beat” the Hawks, who won last year",
        "policies with a “harsh impact” on renters, who pay the most",
        "the field was “wide open” in Ohio, which votes next",
        # no quoted fragment before the aside
        "that the count was rigged, a charge that officials denied",
        # the aside closes and the clause goes on
        "the union is “pleased” that Ames, which lost, will join the talks",
        # a bare noun phrase may be the main clause's subject
        "once “the money runs out” next year, a new strike will follow",
        # a parenthetical attribution between the mark and the aside
        "the plan was “a scam,” he added, which it is not",
        # a second dash after the first: a dash pair, not a tail aside
        "he was “hopeful” about the deal — at least today — and left",
        # a quotation after the dash
        "he was “hopeful” about the deal — “a good one,” he said",
    ],
)
def test_not_a_tail_aside(text: str) -> None:
    assert _cut(text) == text


def test_aside_cut_falls_back_to_the_tail() -> None:
    text = "the count was “rigged” against her, a charge that officials denied"
    assert text[: aside_cut(text, 0, len(text))] == "the count was “rigged” against her"
