"""Frames, round 8: known cues whose content the parse put where the frames did not look —
an object carrying a clause of its own after a verb of saying ("told the story of how …"),
an "as" clause of saying around its host ("As the Courier reported, …", "…, as the Courier
reported."), a parenthetical
whose fronted phrase the parser hung on the verb of saying — with the controls that keep
addressees, participle cues, noun cues and comparisons out."""

from __future__ import annotations

from typing import Any

import pytest

from quote_candidates import candidate_texts as _quotes


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "Harbour master Lena Holm told the story of how the old ferry had sunk in 1962.",
            "the story of how the old ferry had sunk in 1962",
            "told",
            "Harbour master Lena Holm",
        ),
        (
            "Coach Mira Sand shared the advice her father had given her before the final.",
            "the advice her father had given her before the final",
            "shared",
            "Coach Mira Sand",
        ),
        (
            "As the Valley Courier reported, the paper mill will close in the spring.",
            "the paper mill will close in the spring",
            "reported",
            "the Valley Courier",
        ),
        (
            "But as Senator Ruth Okafor noted, turnout fell in every district.",
            "turnout fell in every district",
            "noted",
            "Senator Ruth Okafor",
        ),
        (
            "The mill closed in the spring, as the Valley Courier reported.",
            "The mill closed in the spring",
            "reported",
            "the Valley Courier",
        ),
        (
            "At the hearing last week, two aides said, the minister looked tired.",
            "the minister looked tired",
            "said",
            "two aides",
        ),
    ],
)
def test_round8_frames(nlp: Any, text: str, content: str, cue: str, source: str | None) -> None:
    assert (content, cue, source) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "not_content"),
    [
        # a name with a relative clause is the person addressed, not what was said
        ("Minister Ana Ruiz told Holm, who chairs the port board, about the delay.", "Holm"),
        # a comparison, not an attribution
        ("The new ferry fares are not as high as the minister said.", "The new ferry fares"),
        # an "as" clause after its host with content of its own: the host is not its content
        (
            "The mill stayed open through the winter, as the owners had promised it would.",
            "The mill stayed open",
        ),
    ],
)
def test_round8_controls(nlp: Any, text: str, not_content: str) -> None:
    assert all(not c.startswith(not_content) for c, _, _ in _quotes(nlp, text))


def test_participle_inside_the_object_keeps_its_own_frame(nlp: Any) -> None:
    """ "posted a message thanking the volunteers who rebuilt the bridge": the clause
    belongs to the participle, which is the cue; the message is not read as content."""
    found = _quotes(
        nlp, "Governor Ines Duarte posted a message thanking the volunteers who rebuilt the bridge."
    )
    assert ("the volunteers who rebuilt the bridge", "thanking", "Governor Ines Duarte") in found
    assert all(cue != "posted" for _, cue, _ in found)


def test_noun_cue_object_keeps_its_clause(nlp: Any) -> None:
    """ "repeated his claim that …": the noun's own frame gives the clause; the verb does not
    take the whole object as a second reading."""
    found = _quotes(nlp, "The mayor repeated his claim that the tender had been rigged.")
    assert ("the tender had been rigged", "claim", "The mayor") in found
    assert all(cue != "repeated" for _, cue, _ in found)


def test_as_clause_with_quoted_host_leaves_the_quotation_alone(nlp: Any) -> None:
    """A host holding quoted words is a direct quote's business, not the "as" frame's."""
    text = "As Okafor said, the “final offer” was nothing of the kind."
    assert all(cue != "said" or "final offer" not in c for c, cue, _ in _quotes(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "As the game continued, Kelton pressed for an equaliser.",
        "As protesters shouted outside, the mayor left the stage early.",
        "As she joked with the crew, the captain checked the charts.",
    ],
)
def test_an_as_clause_of_time_or_manner_vouches_for_nothing(nlp: Any, text: str) -> None:
    assert _quotes(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "content", "cue", "source"),
    [
        (
            "As Inspector Vela noted, the gate had been left open.",
            "the gate had been left open",
            "noted",
            "Inspector Vela",
        ),
        (
            "As the auditors pointed out, the fund lost money in every quarter.",
            "the fund lost money in every quarter",
            "pointed out",
            "the auditors",
        ),
    ],
)
def test_an_as_clause_of_reporting_still_vouches(
    nlp: Any, text: str, content: str, cue: str, source: str
) -> None:
    assert (content, cue, source) in _quotes(nlp, text)
