"""Contents cut short, round 14: the rest of a content's own clause that the parse hung on
the cue (a predicate split off its subject, the other items of an infinitive list), and the
controls each rule must leave alone. All sentences are invented."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from communique.extractors.quotes.boundaries import infinitive_end
from communique.extractors.quotes.clause_rest import (
    infinitive_list_end,
    noun_list_end,
    predicate_end,
)
from communique.extractors.quotes.core import find_candidates
from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    view = ParseView.build(nlp(text), text)
    return [" ".join(text[a:b] for a, b in c.parts) for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "She noted that most of the funds raised would go to the shelter.",
            "most of the funds raised would go to the shelter",
        ),
        (
            "Auditors noted that most of the hours billed were for office work.",
            "most of the hours billed were for office work",
        ),
        (
            "The council urged the company to cut its prices, extend its hours and hire more"
            " staff.",
            "the company to cut its prices, extend its hours and hire more staff",
        ),
        (
            "Aid groups asked donors to give money, send blankets and spread the word.",
            "donors to give money, send blankets and spread the word",
        ),
        (
            "The report criticised the ministry's handling of the floods, its slow response"
            " and the lack of shelters.",
            "the ministry's handling of the floods, its slow response and the lack of shelters",
        ),
    ],
)
def test_content_takes_the_rest_of_its_clause(nlp: Any, text: str, content: str) -> None:
    assert content in _contents(nlp, text)


def test_clause_after_a_comma_and_own_subject_stays_out(nlp: Any) -> None:
    text = "The union urged members to strike, and the company closed the plant."
    assert _contents(nlp, text) == ["members to strike"]


def _view(words: str, heads: list[int], deps: str, tags: str, lemmas: str) -> ParseView:
    """A hand-built parse, so the conditions are tested whatever the model parses."""
    pos_of = {"VBD": "VERB", "VBZ": "VERB", "VBP": "VERB", "VBN": "VERB", "VB": "VERB"}
    pos_of |= {"MD": "AUX", "NNS": "NOUN", "NN": "NOUN", "DT": "DET", "IN": "ADP"}
    pos_of |= {"TO": "PART", ".": "PUNCT", ",": "PUNCT", "CC": "CCONJ", "PRP": "PRON"}
    tag_list = tags.split()
    doc = Doc(
        spacy.blank("en").vocab,
        words=words.split(),
        heads=heads,
        deps=deps.split(),
        tags=tag_list,
        pos=[pos_of.get(t, "X") for t in tag_list],
        lemmas=lemmas.split(),
    )
    return ParseView.build(doc)


def _span(view: ParseView, first: int, last: int) -> tuple[int, int]:
    return int(view.doc[first].idx), view.end[last]


# "Aides noted the crates seized were from ports ." with "seized" read as the clause's verb
_SPLIT = (
    "Aides noted the crates seized were from ports .",
    [1, 1, 3, 4, 1, 1, 5, 6, 1],
    "nsubj ROOT det nsubj ccomp ccomp prep pobj punct",
    "NNS VBD DT NNS VBN VBD IN NNS .",
    "aide note the crate seize be from port .",
)


def test_predicate_split_off_its_subject_is_taken_in() -> None:
    view = _view(*_SPLIT)
    start, end = _span(view, 2, 4)
    cue = _span(view, 1, 1)
    assert view.text[start : predicate_end(view, start, end, cue)] == (
        "the crates seized were from ports"
    )


def test_predicate_with_its_own_subject_stays_out() -> None:
    # "Aides noted the crates seized they were from ports": the second clause has a subject
    view = _view(
        "Aides noted the crates seized they were from ports .",
        [1, 1, 3, 4, 1, 6, 1, 6, 7, 1],
        "nsubj ROOT det nsubj ccomp nsubj ccomp prep pobj punct",
        "NNS VBD DT NNS VBN PRP VBD IN NNS .",
        "aide note the crate seize they be from port .",
    )
    start, end = _span(view, 2, 4)
    assert predicate_end(view, start, end, _span(view, 1, 1)) == end


def test_content_with_a_finite_verb_keeps_its_end() -> None:
    # "Aides noted the crates were seized were …": the content has a verb of its own
    view = _view(
        "Aides noted the crates were seized were from ports .",
        [1, 1, 3, 5, 5, 1, 1, 6, 7, 1],
        "nsubj ROOT det nsubjpass auxpass ccomp ccomp prep pobj punct",
        "NNS VBD DT NNS VBD VBN VBD IN NNS .",
        "aide note the crate be seize be from port .",
    )
    start, end = _span(view, 2, 5)
    assert predicate_end(view, start, end, _span(view, 1, 1)) == end


def test_infinitive_after_a_verb_that_takes_one_is_the_predicate() -> None:
    # "Voters expect the mayor to keep trying is …": the infinitive is the content's verb
    view = _view(
        "Voters expect the mayor to keep trying is clear .",
        [1, 1, 3, 5, 5, 1, 5, 1, 7, 1],
        "nsubj ROOT det nsubj aux ccomp xcomp ccomp acomp punct",
        "NNS VBP DT NN TO VB VBG VBZ JJ .",
        "voter expect the mayor to keep try be clear .",
    )
    start, end = _span(view, 2, 6)
    assert predicate_end(view, start, end, _span(view, 1, 1)) == end


# "Aides urged the board to cut fares , extend hours and open piers ."
_LIST = (
    "Aides urged the board to cut fares , extend hours and open piers .",
    [1, 1, 3, 1, 5, 1, 5, 1, 1, 8, 8, 8, 11, 1],
    "nsubj ROOT det dobj aux xcomp dobj punct conj dobj cc conj dobj punct",
    "NNS VBD DT NN TO VB NNS , VB NNS CC VB NNS .",
    "aide urge the board to cut fare , extend hour and open pier .",
)


def test_infinitive_list_is_taken_in() -> None:
    view = _view(*_LIST)
    start, end = _span(view, 2, 6)
    new = infinitive_list_end(view, start, end, _span(view, 1, 1))
    assert view.text[start:new] == "the board to cut fares , extend hours and open piers"


def test_infinitive_list_after_a_bare_cue_stays() -> None:
    # "Aides will urge the board to cut fares and open piers": "open" may be the cue's conjunct
    view = _view(
        "Aides will urge the board to cut fares and open piers .",
        [2, 2, 2, 4, 2, 6, 2, 6, 2, 2, 9, 2],
        "nsubj aux ROOT det dobj aux xcomp dobj cc conj dobj punct",
        "NNS MD VB DT NN TO VB NNS CC VB NNS .",
        "aide will urge the board to cut fare and open pier .",
    )
    start, end = _span(view, 3, 7)
    assert infinitive_list_end(view, start, end, _span(view, 1, 2)) == end


def test_tensed_conjunct_is_not_a_list_item() -> None:
    # "Aides urged the board to cut fares and opened piers": the past tense is the aides'
    view = _view(
        "Aides urged the board to cut fares and opened piers .",
        [1, 1, 3, 1, 5, 1, 5, 1, 1, 8, 1],
        "nsubj ROOT det dobj aux xcomp dobj cc conj dobj punct",
        "NNS VBD DT NN TO VB NNS CC VBD NNS .",
        "aide urge the board to cut fare and open pier .",
    )
    start, end = _span(view, 2, 6)
    assert infinitive_list_end(view, start, end, _span(view, 1, 1)) == end


def _noun_list(second: str) -> ParseView:
    """ "Aides praised the crews , {second} pilots and the police ." with the second and
    third items hung on the verb."""
    words = f"Aides praised the crews , {second} pilots and the police ."
    return _view(
        words,
        [1, 1, 3, 1, 1, 6, 1, 6, 9, 6, 1],
        "nsubj ROOT det dobj punct det dobj cc det conj punct",
        "NNS VBD DT NNS , DT NNS CC DT NN .",
        f"aide praise the crew , {second} pilot and the police .",
    )


def test_noun_list_is_taken_in() -> None:
    view = _noun_list("the")
    start, end = _span(view, 2, 3)
    assert view.text[start : noun_list_end(view, start, end)] == (
        "the crews , the pilots and the police"
    )


def test_indefinite_after_a_comma_is_an_apposition() -> None:
    view = _noun_list("a")
    start, end = _span(view, 2, 3)
    assert noun_list_end(view, start, end) == end


def _addressed(verb: str, lemma: str, prep: str) -> ParseView:
    """ "Activists {verb} {prep} candidates to back the wage ." with the infinitive hung on
    the verb as an adverbial clause (a purpose clause, as the parse reads it)."""
    return _view(
        f"Activists {verb} {prep} candidates to back the wage .",
        [1, 1, 1, 2, 5, 1, 7, 5, 1],
        "nsubj ROOT prep pobj aux advcl det dobj punct",
        "NNS VBD IN NNS TO VB DT NN .",
        f"activist {lemma} {prep} candidate to back the wage .",
    )


def test_addressee_of_a_call_takes_the_infinitive() -> None:
    view = _addressed("called", "call", "on")
    start, end = _span(view, 3, 3)
    assert view.text[start : infinitive_end(view, start, end)] == ("candidates to back the wage")


def test_infinitive_after_other_verbs_stays_a_purpose() -> None:
    view = _addressed("waited", "wait", "on")
    start, end = _span(view, 3, 3)
    assert infinitive_end(view, start, end) == end
