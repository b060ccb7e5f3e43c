"""Content extents, round 8: an object content takes the "to", "on" or "with" phrase the parse
hung on the verb (the second term of a comparison or attribution), but not an infinitive, a date, a
person spoken to or where it was said."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.boundaries import infinitive_end, object_phrase_end
from communique.parse import ParseView
from quote_candidates import extended


def _to_end(nlp: Any, text: str, content: str) -> str:
    return extended(nlp, text, content, object_phrase_end)


@pytest.mark.parametrize(
    ("text", "content", "taken"),
    [
        (
            "Senator Ines Ruiz compared the new levy to a highway toll.",
            "the new levy",
            "the new levy to a highway toll",
        ),
        (
            "Kerr defended her ties to the mining lobby.",
            "her ties",
            "her ties to the mining lobby",
        ),
        (
            "Abele likened the tax plan to a slow leak in a tyre.",
            "the tax plan",
            "the tax plan to a slow leak in a tyre",
        ),
        (
            "The council credited the harbour master with the rescue of the crew.",
            "the harbour master",
            "the harbour master with the rescue of the crew",
        ),
        (
            "The utility blamed the outage on the heat wave.",
            "the outage",
            "the outage on the heat wave",
        ),
    ],
)
def test_object_takes_the_to_phrase_hung_on_the_verb(
    nlp: Any, text: str, content: str, taken: str
) -> None:
    assert _to_end(nlp, text, content) == taken


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Lind mentioned the plan to me on Friday.", "the plan"),
        ("Mayor Rosa Feld moved the vote to May 3.", "the vote"),
        ("Senator Amal Haddad defended the bill on cable news.", "the bill"),
        ("Officials said the port would reopen to ships soon.", "the port would reopen"),
        ("The union urged its members to strike on Monday.", "its members"),
    ],
)
def test_addressee_date_clause_and_infinitive_keep_their_end(
    nlp: Any, text: str, content: str
) -> None:
    assert _to_end(nlp, text, content) == content


def _contents(nlp: Any, text: str) -> list[list[str]]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [[text[a:b] for a, b in c.parts] for c in find_candidates(view)]


def test_coordinated_speech_act_sharing_the_subject_is_a_second_report(nlp: Any) -> None:
    text = (
        "Mayor Ines Holt said she has published ten years of tax returns and called on "
        "her rivals to do the same."
    )
    assert _contents(nlp, text) == [
        ["she has published ten years of tax returns"],
        ["her rivals to do the same"],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Senator Tomas Ruiz said he backs a lower wage but supports towns that go higher.",
        "Senator Tomas Ruiz said Governor Lind backed the bill and called it overdue.",
    ],
)
def test_shared_stance_or_named_subject_stays_whole(nlp: Any, text: str) -> None:
    assert len(_contents(nlp, text)) == 1


def _inf_end(nlp: Any, text: str, content: str) -> str:
    return extended(nlp, text, content, infinitive_end)


def test_possessed_noun_takes_its_infinitive(nlp: Any) -> None:
    text = "Senator Tomas Ruiz praised his call to raise the minimum wage."
    assert _inf_end(nlp, text, "his call") == "his call to raise the minimum wage"


def test_purpose_infinitive_after_a_plain_object_stays_out(nlp: Any) -> None:
    text = "Governor Lena Ruiz attacked the ferry contract to please her base."
    assert _inf_end(nlp, text, "the ferry contract") == "the ferry contract"
