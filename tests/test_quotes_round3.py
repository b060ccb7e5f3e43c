"""The quote core's third-round rules, on the parse alone (no actors layer): a second
attribution at the tail of a reported clause, the medium noun of "said in a statement",
"called for X to do Y", wishes with a noun-phrase object, and quoted headline lines."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        (
            "Harbor Freightways said it would close two depots, and the drivers' union said "
            "it would fight the closures in court.",
            "it would close two depots",
            "it would fight the closures in court",
        ),
        (
            "Mayor Ruth Adeyemi said the bridge would reopen in May, but the city council said "
            "the work could take until the autumn.",
            "the bridge would reopen in May",
            "the work could take until the autumn",
        ),
    ],
)
def test_second_attribution_is_its_own_quote(nlp: Any, text: str, outer: str, inner: str) -> None:
    contents = [c for c, _, _ in _quotes(nlp, text)]
    assert outer in contents
    assert inner in contents


def test_same_speaker_pronoun_keeps_one_report(nlp: Any) -> None:
    """ "said A and he feels B": the pronoun is most often the same speaker; not split."""
    text = "Marlow said the state's voting rules are complex and he feels he can win the north."
    contents = [c for c, _, _ in _quotes(nlp, text)]
    assert any("he can win the north" in c and "complex" in c for c in contents)


def test_said_in_a_statement_takes_the_verbs_subject(nlp: Any) -> None:
    text = (
        "The Defence Ministry said in a statement that 40 soldiers had been returned and "
        "would receive treatment in the capital."
    )
    ((content, cue, source),) = _quotes(nlp, text)
    assert "40 soldiers had been returned" in content
    assert cue == "said in a statement"
    assert source == "The Defence Ministry"


def test_called_for_a_clause(nlp: Any) -> None:
    text = "Senator Dana Whitfield is calling for the federal government to step up its aid."
    ((content, cue, source),) = _quotes(nlp, text)
    assert content == "the federal government to step up its aid"
    assert cue == "is calling for"
    assert source == "Senator Dana Whitfield"


def test_want_with_an_object(nlp: Any) -> None:
    text = "Palestinians want East Jerusalem for their future state."
    contents = [c for c, _, _ in _quotes(nlp, text)]
    assert any(c.startswith("East Jerusalem") for c in contents)


def test_quoted_headline_line_is_a_quote_and_news_headline_is_not(nlp: Any) -> None:
    quoted = "Marlow: ‘We Are Going All The Way To The Capital’\n\nJohn Marlow spoke on Monday."
    assert any("The Capital" in c for c, _, _ in _quotes(nlp, quoted))
    news = "Julian Assange: Sweden drops rape investigation\n\nProsecutors closed the case."
    assert not any("Sweden drops" in c for c, _, _ in _quotes(nlp, news))


def test_apostrophe_in_a_news_headline_is_no_quotation_mark(nlp: Any) -> None:
    news = "The Latest: Nordbank’s merger is off\n\nProsecutors closed the case."
    assert not any("merger is off" in c for c, _, _ in _quotes(nlp, news))
    fragment = "Marlow: Ohio’s plan a ‘winning ticket’\n\nJohn Marlow spoke on Monday."
    assert any("winning ticket" in c for c, _, _ in _quotes(nlp, fragment))


def test_first_person_headline_line_is_the_names_words(nlp: Any) -> None:
    own = "Dana Whitfield: I’m Not Interested In Being Governor\n\nWhitfield spoke on Monday."
    assert any("Not Interested" in c for c, _, _ in _quotes(nlp, own))
