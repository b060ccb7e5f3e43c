"""Session 11: a report whose content runs into a second speaker's quotation keeps the part
before that speaker's clause, and a parenthetical cue the parser hung on a contraction's
auxiliary still has its host clause as content."""

from __future__ import annotations

from typing import Any

import pytest

from communique.parse import ParseView


def _contents(nlp: Any, text: str) -> list[str]:
    from communique.extractors.quotes.core import find_candidates

    view = ParseView.build(nlp(text), text)
    return [text[c.parts[0][0] : c.parts[-1][1]] for c in find_candidates(view)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Ada Lund said the harbour plan was sound and cheap, to which Ben Ortiz replied:"
            " “It is neither.”",
            "the harbour plan was sound and cheap",
            "It is neither.",
        ),
        (
            "Mira Hale said she had seen a video of the meeting, in which the director said:"
            " “We will close the plant.”",
            "she had seen a video of the meeting",
            "We will close the plant.",
        ),
    ],
)
def test_report_before_a_second_speakers_quotation(
    nlp: Any, text: str, first: str, second: str
) -> None:
    """Both reports are kept: the first one was dropped whole before."""
    assert _contents(nlp, text) == [first, second]


def test_own_quotation_is_not_cut(nlp: Any) -> None:
    """ "adding: “…”" is the same speaker's quotation: the clause before it is one quote and
    the quotation another, as before."""
    text = "The mayor said the port was safe, adding: “We checked every crane.”"
    assert _contents(nlp, text) == ["the port was safe", "We checked every crane."]


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_parenthetical_cue_on_a_contraction(nlp: Any, apostrophe: str) -> None:
    """With a curly apostrophe the parser hangs "he said" on "’s"; the content is still the
    host clause, not "he’s"."""
    text = (
        f"Still, he said, he{apostrophe}s heard enough about the harbour scheme that"
        f" he{apostrophe}s pretty sure he can{apostrophe}t vote for it."
    )
    contents = _contents(nlp, text)
    assert contents[0].startswith(f"he{apostrophe}s heard enough")
    assert contents[0].endswith(f"he can{apostrophe}t vote for it")


def test_mutually_nested_frames_keep_the_outer_one(nlp: Any) -> None:
    """ "said … “…,” according to …": the parse hangs "according to" inside the said clause,
    so each frame holds the other's cue; the one starting first is reported, not neither."""
    text = "Ada Lund said the plan was “a disaster waiting to happen,” according to two aides."
    assert _contents(nlp, text) == ["Ada Lund said the plan was “a disaster waiting to happen,”"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'The plan would cost about $2 billion a year, according to the "Fair Fares" report'
            " she released.",
            "The plan would cost about $2 billion a year",
        ),
        (
            'According to her "clawback" plan, firms moving abroad must repay any public aid'
            " they received.",
            "firms moving abroad must repay any public aid they received",
        ),
    ],
)
def test_title_in_the_source_is_not_the_quote(nlp: Any, text: str, content: str) -> None:
    """A short quoted title inside the source phrase is a name, not what the source said:
    the report is the clause it vouches for."""
    assert _contents(nlp, text) == [content]
