"""Content extents, round 11 (ours too short): a content runs on over the gloss a colon opens
(lower case, or a fragment with no clause of its own) and over the "as" predicate of a verb of
depicting, which the parse leaves outside it; a new sentence after a colon, a quotation, and
an "as" clause with a subject of its own (a time) stay out."""

from __future__ import annotations

from typing import Any

import pytest

from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [text[c.parts[0][0] : c.parts[-1][1]] for c in find_candidates(view)]


def _colon_end(nlp: Any, text: str, content: str) -> str:
    from communique.extractors.quotes.elaboration import colon_end

    view = ParseView.build(nlp(text), text)
    start = text.index(content)
    return text[start : colon_end(view, start, start + len(content))]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Mayor Ivo Marek reiterated the pledges he has made for months: rebuilding the pier,"
            " taking care of the ferries and building a new port.",
            "the pledges he has made for months: rebuilding the pier, taking care of the ferries"
            " and building a new port",
        ),
        (
            "Senator Lia Berg praised three colleagues who backed the bill: Ada Lund, Tomas"
            " Brenner and Nora Quist.",
            "three colleagues who backed the bill: Ada Lund, Tomas Brenner and Nora Quist",
        ),
        (
            "Ivo Marek said the port needed three things: lower fares, later ferries and a new"
            " pier.",
            "the port needed three things: lower fares, later ferries and a new pier",
        ),
    ],
)
def test_colon_gloss_joins_the_content(nlp: Any, text: str, content: str) -> None:
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a capitalised clause after the colon is a new statement
        (
            "Ms. Tran said the harbour had one problem: The board will meet again.",
            "the harbour had one problem",
        ),
        # a quotation after the colon is a direct quote of its own
        (
            'Ms. Tran said the harbour had one problem: "The board never meets."',
            "the harbour had one problem",
        ),
    ],
)
def test_colon_before_a_sentence_or_quotation_ends_the_content(
    nlp: Any, text: str, content: str
) -> None:
    assert _colon_end(nlp, text, content) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Critics portrayed Ada Brook as singularly focused on economic issues.",
            "Ada Brook as singularly focused on economic issues",
        ),
        (
            "Bob Lane praised the guards, describing the security team as highly accomplished.",
            "the security team as highly accomplished",
        ),
    ],
)
def test_depiction_takes_its_as_predicate(nlp: Any, text: str, content: str) -> None:
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an "as" clause with a subject of its own is the time of the act
        (
            "Mayor Kira Holm painted a grim picture of the harbour as she opened the session.",
            "a grim picture of the harbour",
        ),
        # not a verb of depicting
        ("Ms. Tran criticised the fare plan as the council met.", "the fare plan"),
    ],
)
def test_as_clause_of_time_or_other_verbs_stays_out(nlp: Any, text: str, content: str) -> None:
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Ada Lund endorsed the re-election of Mayor Ivo Marek.",
            "the re-election of Mayor Ivo Marek",
        ),
        (
            "Ada Lund said Ivo Marek will be re-evaluating how he approaches the port.",
            "Ivo Marek will be re-evaluating how he approaches the port",
        ),
    ],
)
def test_content_is_not_cut_inside_a_hyphenated_word(nlp: Any, text: str, content: str) -> None:
    assert any(found.startswith(content) for found in _contents(nlp, text))


def test_spaced_dash_is_not_a_joined_word(nlp: Any) -> None:
    from communique.extractors.quotes.clauses import joined_word_end

    text = "Ada Lund praised the ferry - and the pier-side cafe."
    view = ParseView.build(nlp(text), text)
    ferry = view.words.index("ferry")
    pier = view.words.index("pier")
    assert joined_word_end(view, ferry) == ferry
    assert view.words[joined_word_end(view, pier)] in ("side", "cafe")
