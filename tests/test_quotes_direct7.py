"""Round 7: the writer's aside after a quoted fragment that ends in a comma inside its mark."""

from __future__ import annotations

import pytest

from communique.extractors.quotes.boundaries import aside_cut


def _cut(text: str) -> str:
    return text[: aside_cut(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("was “a gift to smugglers,” pointing to a report", "was “a gift to smugglers,”"),
        ('was "balanced at last," while his rivals stayed silent', 'was "balanced at last,"'),
    ],
)
def test_comma_fragment_aside_is_cut(text: str, kept: str) -> None:
    assert _cut(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        # no comma inside the mark: the clause goes on
        'were "hungry for a title" after the long break',
        # the statement's medium is not an aside
        'was "final," a statement from the club said',
        # a verb of the clause, not a participle aside
        "the plan “works,” they said on Monday",
        # no quotation opened inside the content
        'final," pointing to a report',
        # a noun phrase after the mark is as often the main clause's subject as an
        # appositive, so it is never cut (text alone cannot tell them apart)
        "that once “the money runs out for good,” a new strike will follow in May",
        'were "restricted," a lower grade of secrecy',
    ],
)
def test_other_tails_are_left(text: str) -> None:
    assert _cut(text) == text


def test_relative_clause_without_comma_is_content() -> None:
    from communique.extractors.quotes.boundaries import relative_aside

    text = "thanked “the people” who built it"
    end = text.index("”") + 1
    assert not relative_aside(text, end, len(text))


def test_relative_aside_after_the_mark() -> None:
    from communique.extractors.quotes.boundaries import relative_aside

    text = "denounced “cheap politics,” which her rivals say is fair"
    end = text.index("”") + 1
    assert relative_aside(text, end, len(text))
    assert relative_aside("said “no”, who knew", 9, 19)
    assert not relative_aside("said “no” to the plan", 9, 21)
    assert not relative_aside("said “no” whichever way", 9, 23)
