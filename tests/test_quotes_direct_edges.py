"""Direct and mixed quotes at their edges, on the parse alone (no actors layer): a reported
clause cut at a sentence end inside its quotation runs on to the closing mark; a bare
"X shot back," or "X quipped:" introduces the quotation after it; a clause the parser hangs
before the cue does not stand in for the cue's "that" clause."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.marks import find_quotations
from quote_candidates import candidate_texts


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        (
            "Ana Reyes said that, in “her town, buses run on time. Rents go down. "
            "Parks stay open.” The council met later.",
            "Parks stay open.",
        ),
        (
            "Councillor Amy Ross wrote that under the plan “every school gets a nurse. "
            "Every clinic stays open.”",
            "Every clinic stays open.",
        ),
    ],
)
def test_reported_clause_runs_to_closing_mark(nlp: Any, text: str, tail: str) -> None:
    contents = [c for c, _, _ in candidate_texts(nlp, text)]
    host = [c for c in contents if "“" in c]  # the mixed quote, opening mark inside
    assert host and host[0].rstrip(".”").endswith(tail.rstrip(".")), contents


def test_clause_after_the_closing_mark_is_not_taken(nlp: Any) -> None:
    text = "Ana Reyes said that buses were “always late.” Rents go down every year."
    contents = [c for c, _, _ in candidate_texts(nlp, text)]
    assert all("Rents" not in c for c in contents), contents


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        (
            "After the minister spoke, union leader Kay Orr shot back, “Nobody here will be "
            "lectured by a man who never worked a shift.”",
            "shot back",
            "union leader Kay Orr",
        ),
        (
            "When the lights failed, Governor Helen Avery quipped: “At least the budget "
            "office can't blame me for this one.”",
            "quipped",
            "Governor Helen Avery",
        ),
    ],
)
def test_manner_cue_before_quotation(nlp: Any, text: str, cue: str, source: str) -> None:
    found = [(c, q, s) for c, q, s in candidate_texts(nlp, text) if "“" not in c and q == cue]
    assert found and found[0][2] == source, candidate_texts(nlp, text)
    assert found[0][0].startswith(("Nobody", "At least"))


@pytest.mark.parametrize(
    "text",
    [
        "He won the race, “a fine day for the town.”",
        "Jo Pike signed the deal on Monday, “a good day for the port and the town.”",
    ],
)
def test_clause_with_an_object_is_no_manner_cue(nlp: Any, text: str) -> None:
    # a direct quote's content is the quotation alone, without its marks
    direct_cues = [q for c, q, _ in candidate_texts(nlp, text) if "“" not in c]
    assert "won" not in direct_cues and "signed" not in direct_cues, candidate_texts(nlp, text)


def test_that_clause_beats_a_leading_clause(nlp: Any) -> None:
    text = (
        "LISBON ― This spring, as she was taking over the port authority, Marta Reis told "
        "colleagues that the board knew about the delays."
    )
    found = [(c, q) for c, q, _ in candidate_texts(nlp, text) if q == "told"]
    assert found == [("the board knew about the delays", "told")], candidate_texts(nlp, text)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("“Your facts are wrong,” Ramos wrote. “Check this link.“\n\nNext.", "Check this link."),
        ("The mayor called the plan “a disgrace“ in a post.", "a disgrace"),
        ("The group wrote: “The pool is out of balance.“", "The pool is out of balance."),
    ],
)
def test_opening_mark_used_to_close(text: str, inner: str) -> None:
    paragraphs = [(0, len(text))] if "\n\n" not in text else [(0, text.index("\n\n"))]
    quotations = find_quotations(text, paragraphs)
    assert inner in [text[q.inner_start : q.inner_end] for q in quotations]
    assert all(q.closed for q in quotations)


def test_opening_mark_before_a_word_still_opens() -> None:
    text = "He said “yes” and then “no.”"
    inner = [text[q.inner_start : q.inner_end] for q in find_quotations(text, [(0, len(text))])]
    assert inner == ["yes", "no."]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Ms Reyes told the crowd that the port has “doubled its trade,” claiming that "
            "the new cranes paid for themselves.",
            "claiming",
        ),
        (
            "Mr Dorn wrote that the levy has “kept the buses running” for years before "
            "claiming that the rail plan is “a fantasy.”",
            "claiming",
        ),
    ],
)
def test_second_act_of_the_same_source_is_its_own_quote(nlp: Any, text: str, second: str) -> None:
    found = candidate_texts(nlp, text)
    cues = [q for _, q, _ in found]
    assert second in cues, found
    first = next(c for c, q, _ in found if q in ("told", "wrote"))
    assert second not in first, found


def test_adding_carries_the_statement_on(nlp: Any) -> None:
    text = "Ms Reyes said the talks could be “messy,” adding, “Democracy is messy.”"
    found = candidate_texts(nlp, text)
    assert [q for _, q, _ in found] == ["said"], found


def test_relative_clause_leaves_out_source_and_cue(nlp: Any) -> None:
    text = (
        "The bank sold its loan book in March, which the auditors said was "
        "“dangerously thin” in the spring."
    )
    found = candidate_texts(nlp, text)
    said = [c for c, q, s in found if q == "said" and s == "the auditors"]
    assert said and said[0].startswith("which was “dangerously thin”"), found
