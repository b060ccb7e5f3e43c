"""Frames, round 6: known cues whose content the parse hides in another shape — a view in
the passive, an appearance with a predicate, "came out for/against", a pro-form answer, a
gerund object, a small clause after a naming or rating verb — and the two screen
exemptions (a survey's finding, an object characterised by an "as" phrase); with the
controls that keep sightings, acts, votes and topics out."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.indirect import PRO_FORM, find_frames
from communique.parse import ParseView
from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "The bypass is widely seen as the council's last chance to cut traffic.",
            "The bypass as the council's last chance to cut traffic",
            "is widely seen",
            None,
        ),
        (
            "The verdict was viewed by several opposition leaders as a setback for the press.",
            "The verdict as a setback for the press",
            "was viewed",
            "several opposition leaders",
        ),
        (
            "In the March survey, 58 percent of voters viewed the governor favorably.",
            "the governor favorably",
            "viewed",
            "58 percent of voters",
        ),
        (
            "Mayor Tom Hadley came out in support of Maria Lindqvist on Tuesday.",
            "Maria Lindqvist",
            "came out in support of",
            "Mayor Tom Hadley",
        ),
        (
            "The teachers' union came out against the pension reform last week.",
            "the pension reform",
            "came out against",
            "The teachers' union",
        ),
        (
            "A Harbour Institute poll showed a narrow lead for the governor.",
            "a narrow lead for the governor",
            "showed",
            "A Harbour Institute poll",
        ),
        (
            "Mayor Ines Carvalho has long opposed raising the tourist tax.",
            "raising the tourist tax",
            "has long opposed",
            "Mayor Ines Carvalho",
        ),
        (
            "Transport Minister Aiko Tanaka cited fuel costs as the reason for the fare rise.",
            "fuel costs as the reason for the fare rise",
            "cited",
            "Transport Minister Aiko Tanaka",
        ),
        (
            "Analyst Petra Lund has long considered a merger of the two carriers unavoidable.",
            "a merger of the two carriers unavoidable",
            "has long considered",
            "Analyst Petra Lund",
        ),
    ],
)
def test_round6_frames(nlp: Any, text: str, content: str, cue: str, source: str | None) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Two councillors came out for the measure.", "the measure"),  # something proposed
        ("The party's left wing came out against Cruz.", "Cruz"),  # someone named
    ],
)
def test_come_out_for_a_proposal_or_a_name(nlp: Any, text: str, content: str) -> None:
    assert content in [c for c, _, _ in _quotes(nlp, text)]


def test_appearance_has_no_source(nlp: Any) -> None:
    """ "X seemed irritated": subject and predicate, attributed to no one."""
    found = _quotes(nlp, "The finance minister seemed irritated by the question.")
    assert ("The finance minister irritated by the question", "seemed", None) in found


def test_plural_figures_are_a_survey(nlp: Any) -> None:
    """ "the figures show X": a finding, though "a key figure" is a person."""
    found = _quotes(nlp, "The figures show a slimmer lead.")
    assert ("a slimmer lead", "show", "The figures") in found


def test_appearance_with_a_modal_is_still_a_view(nlp: Any) -> None:
    """Only a bare infinitive under a causer is refused: "may seem" keeps its view."""
    found = _quotes(nlp, "The plan may seem risky.")
    assert ("The plan risky", "may seem", None) in found


def test_pro_form_answer_passes_the_size_floor(nlp: Any) -> None:
    """ "said yes" is a one-word content; the core keeps it though it is under 6 characters."""
    text = "Asked about the deal, Finance Minister Jonas Berg said yes."
    assert ("yes", "said", "Finance Minister Jonas Berg") in _quotes(nlp, text)
    view = ParseView.build(nlp(text), text)
    assert [f.attachment for f in find_frames(view) if f.attachment == PRO_FORM] == [PRO_FORM]


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        ("The minister was seen at the airport on Friday.", "The minister"),  # a sighting
        ("Residents saw the governor briefly on Friday.", "the governor"),  # no verdict
        ("Thousands of supporters came out for the rally.", "the rally"),  # no side taken
        ("The lawyer came out for a few minutes.", "a few minutes"),  # a time, no side
        ("Two senators haven't come out in support of the bill.", "the bill"),  # negated
        ("Asked about the plan, the mayor said no more.", "no"),  # not an answer
        ("Senator Ruth Okafor said no to the bridge tolls.", "no"),  # a vote, not an answer
        ("The senator has shown little interest in the committee.", "little interest"),
        ("A key figure in the party showed little interest.", "little interest"),  # a person
        ("A number of senators showed little interest.", "little interest"),
        ("It may seem surprising that the ferry still runs.", "surprising"),  # expletive it
        ("The ad campaign made the governor seem kinder.", "the governor"),  # causative
        ("The board discussed raising the ticket prices.", "raising the ticket prices"),
        ("Judge Marta Reyes issued a summons as part of the inquiry.", "a summons"),
        ("The senator discussed the economy as governor of Ohio.", "the economy"),  # a role
        ("She cited the figures as secretary of state.", "the figures"),  # a role held
    ],
)
def test_round6_controls(nlp: Any, text: str, not_content: str) -> None:
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))


def test_nested_cue_with_same_content_is_one_frame(nlp: Any) -> None:
    """ "came out in favor of X" is read by the verb and by the noun "favor of": one quote,
    under the longer cue."""
    found = _quotes(nlp, "Voters came out in favor of the measure.")
    assert found == [("the measure", "came out in favor of", "Voters")]


def test_raising_verb_is_not_a_table_prep_cue(nlp: Any) -> None:
    """ "seem like" is the appearance frame's alone: with an expletive subject it refuses,
    and the cue table's "seem like" row does not take it back."""
    assert _quotes(nlp, "It seems like a fair idea to wait.") == []
    found = _quotes(nlp, "The plan seems like a fair idea.")
    assert ("The plan like a fair idea", "seems", None) in found
