"""Content assembly, round 6: a quotation that carries on a direct quote past an aside of that
quote's own attribution ("“A,” she said, referring to X. “B.”") joins it (the carry-over rule
``core._attribution_tail``); a one-name content ends before the writer's aside; an object
content takes its "in" phrase."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.boundaries import in_phrase_end, name_end
from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView
from quote_candidates import extended


def _candidates(nlp: Any, text: str) -> list[tuple[str, list[str]]]:
    view = ParseView.build(nlp(text), text)
    return [(c.kind.value, [text[a:b] for a, b in c.parts]) for c in find_candidates(view)]


def _at(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize(
    "text",
    [
        "“The port will reopen next week,” the harbour master, Ilse Brandt, said, referring "
        "to the storm damage. “We have cleared most of the debris.”",
        "''Thirty years ago, the mill was full,'' Ms. Okafor said, referring to the empty "
        "yard behind the gate. ''Those days are gone.''",
    ],
)
def test_continuation_joins_past_the_aside(nlp: Any, text: str) -> None:
    direct = [parts for kind, parts in _candidates(nlp, text) if kind == "direct"]
    assert len(direct) == 1 and len(direct[0]) == 2


def _name_end(nlp: Any, text: str, content: str) -> str:
    return extended(nlp, text, content, name_end)


@pytest.mark.parametrize(
    ("text", "content", "kept"),
    [
        (
            "The minister rose to the defence of Ivo Marek, the head of the rail company.",
            "Ivo Marek, the head of the rail company",
            "Ivo Marek",
        ),
        (
            "Senator Ruth Okoye attacked Governor Paul Hensley, who vetoed the water bill.",
            "Governor Paul Hensley, who vetoed the water bill",
            "Governor Paul Hensley",
        ),
    ],
)
def test_name_content_ends_before_the_writers_aside(
    nlp: Any, text: str, content: str, kept: str
) -> None:
    assert _name_end(nlp, text, content) == kept


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a common-noun head: the name in apposition says who is meant
        (
            "The union leader criticised the company's new owner, Hartmann Logistics, at length.",
            "the company's new owner, Hartmann Logistics",
        ),
        # a clause, not a name
        (
            "Officials said Mayor Ines Roca, who took office in May, would resign.",
            "Mayor Ines Roca, who took office in May, would resign",
        ),
        # quoted words: the aside there is aside_cut's
        (
            "Ms. Duval denounced Karl Brenner, who called the strike “a betrayal.”",
            "Karl Brenner, who called the strike “a betrayal.”",
        ),
    ],
)
def test_other_contents_keep_their_end(nlp: Any, text: str, content: str) -> None:
    assert _name_end(nlp, text, content) == content


def _in_end(nlp: Any, text: str, content: str) -> str:
    return extended(nlp, text, content, in_phrase_end)


def test_object_takes_the_in_phrase_hung_on_the_verb(nlp: Any) -> None:
    text = "The governor defended her record in the aftermath of the floods."
    assert _in_end(nlp, text, "her record") == "her record in the aftermath of the floods"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The dockworkers' union criticised the new shift plan in a statement.",
            "the new shift plan",
        ),
        ("Mayor Rosa Feld praised the budget in March.", "the budget"),
        ("Officials said the port would reopen in the spring.", "the port would reopen"),
    ],
)
def test_medium_date_and_clauses_keep_their_end(nlp: Any, text: str, content: str) -> None:
    assert _in_end(nlp, text, content) == content
