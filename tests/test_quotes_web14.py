"""Round 14, web pages 27-34 (a blind check): the speaker and precision classes they showed.

A name in apposition to the name a spokesperson speaks for is the spokesperson's; a split
hyphenated title ("co-founder") leaves the name as the subject; a cue-less quotation after
a sentence narrating another person is theirs; a "so-called “…”" label is no direct quote;
"according to a filing with X" does not make X the speaker; "were ordered to leave" with
nobody ordering is no quote. Controls: the cases each rule must leave alone.
"""

from __future__ import annotations

import pytest

from communique import MentionForm, Pipeline
from material_scoring import quote_with, speaker_name


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "A spokeswoman for Senator Ted Harlan, Kelsey Dunn, said the senator would vote "
            "against the bill.",
            "vote against the bill",
            "Kelsey Dunn",
        ),
        (
            "An aide to Governor Ray Colby, Mia Torres, said the budget would pass next week.",
            "the budget would pass",
            "Mia Torres",
        ),
        (
            "Brightfield co-founder Oskar Lindqvist said the company had found the right partner.",
            "the right partner",
            "Oskar Lindqvist",
        ),
        (
            "The co-author of the study, Dana Whitlow, said the results were clear.",
            "the results were clear",
            "Dana Whitlow",
        ),
        (
            "Sales fell 4 percent last year, according to a report from the European Commission.",
            "Sales fell 4 percent",
            "European Commission",
        ),
    ],
)
def test_namedspeaker_name(pipeline: Pipeline, text: str, words: str, speaker: str) -> None:
    article = pipeline.extract(text)
    assert speaker_name(article, quote_with(article, words)) == speaker


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        # the name belongs to the minister, not to the spokesman: unresolved, not wrong
        (
            "A spokesman for the interior minister, Jane Doe, said the plan was dead.",
            "dead",
            "Jane Doe",
        ),
        (
            "The price is about 3.5 times annual sales, according to a filing with the "
            "Securities and Exchange Commission.",
            "3.5 times annual sales",
            "Securities and Exchange Commission",
        ),
    ],
)
def test_no_namedspeaker_name(pipeline: Pipeline, text: str, words: str, name: str) -> None:
    """Nobody named said it: the speaker is unresolved or an unnamed description."""
    article = pipeline.extract(text)
    actor = article.speaker(quote_with(article, words))
    assert actor is None or not any(m.form is MentionForm.NAME for m in actor.mentions)
    assert name not in {a.name for a in article.actors if actor is a}


def test_narrated_person_speaks_the_next_quotation(pipeline: Pipeline) -> None:
    text = (
        "“They've never run a shop,” Tom Reade says.\n\n"
        "His wife, Nora Reade, is less certain. “That's not fair,” she cuts in.\n\n"
        "He waves the point away. “Half of them walk because there's nowhere to park.”"
    )
    article = pipeline.extract(text)
    assert speaker_name(article, quote_with(article, "not fair")) == "Nora Reade"
    assert speaker_name(article, quote_with(article, "Half of them walk")) == "Tom Reade"


def test_narrated_name_after_anotherspeaker_name(pipeline: Pipeline) -> None:
    text = (
        "“We tried everything,” said coach Ian Marsh.\n\n"
        "Captain Lea Ford shook her head. “We did not try hard enough in the second half.”"
    )
    article = pipeline.extract(text)
    assert speaker_name(article, quote_with(article, "try hard enough")) == "Lea Ford"


def test_narrated_after_a_sourceless_question(pipeline: Pipeline) -> None:
    text = (
        "Asked what she had been thinking at match point, Sofia Lind laughed. “Nothing at "
        "all. My coach told me to just hit the ball.”"
    )
    article = pipeline.extract(text)
    assert speaker_name(article, quote_with(article, "just hit the ball")) == "Sofia Lind"


def test_pronoun_after_named_speaker_carries_on(pipeline: Pipeline) -> None:
    """Control: "He did not take questions." after Marsh's quote is Marsh again, and the
    next quotation joins his quote as before."""
    text = (
        "“We tried everything,” Ian Marsh said after the match. He did not take questions. "
        "“The players will learn from this.”"
    )
    article = pipeline.extract(text)
    assert len(article.quotes) == 1
    assert speaker_name(article, quote_with(article, "learn from this")) == "Ian Marsh"


def test_so_called_label_is_no_quote(pipeline: Pipeline) -> None:
    text = (
        "The so-called “Marrow Bay episode,” in which a character reads from a diary, was "
        "shown to jurors twice."
    )
    assert pipeline.extract(text).quotes == ()


def test_so_called_inside_a_report_stays_mixed(pipeline: Pipeline) -> None:
    """Control: the label inside a reported clause keeps that clause a mixed quote."""
    article = pipeline.extract(
        "Critics said the so-called “fast-track” rule was a gift to developers."
    )
    quote = quote_with(article, "a gift to developers")
    assert quote.kind.value == "mixed"


def test_ordered_with_nobody_ordering_is_no_quote(pipeline: Pipeline) -> None:
    text = "About 6,500 people were ordered to leave the town on Tuesday as the fire spread."
    assert pipeline.extract(text).quotes == ()


@pytest.mark.parametrize(
    "text",
    [
        "Residents were ordered by the mayor to leave the town on Tuesday.",
        "The mayor ordered residents to leave the town on Tuesday.",
    ],
)
def test_order_with_a_giver_is_kept(pipeline: Pipeline, text: str) -> None:
    assert [q for q in pipeline.extract(text).quotes if "leave the town" in q.text]
