"""Direct quotes, round 12 (issue 14, session 9): a paragraph of quoted words alone after a
paragraph that ends on a direct quote's quotation goes on with that quote; a cue-less
quotation takes the cue and speaker that stand right after it when the parser read a phrase
after them as what was said; a mixed quote whose sentence already holds an earlier
speech verb is not carried on by the quotation after it; and the name given to a fronted
relative pronoun ("which he called “…”") is a quote of its own, pronoun included.

All sentences are invented. The mixed-quote guard is tested on a candidate built by hand
over a real parse: the small parser reads the invented sentences as indirect quotes, not
as the mixed quote cut inside its noun phrase that the rule is about.
"""

from __future__ import annotations

from typing import Any

import pytest

from communique import extract
from communique.extractors.quotes.candidates import Candidate
from communique.extractors.quotes.core import _mixed_before_cue
from communique.models import QuoteKind
from communique.parse import ParseView


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, content, speaker mention, cue) of every quote ``extract`` finds."""
    return [
        (
            q.kind.value,
            q.content.text,
            q.speaker_mention.text if q.speaker_mention else None,
            q.cue.text if q.cue else None,
        )
        for q in extract(text).quotes
    ]


GOES_ON = (
    "“The ferry board has let us down again,” Bram Okafor said. “They never answer our "
    "letters.”\n\n“And that is a shame for everybody who lives on the east bank of the river.”"
)
SUBHEADING = (
    "“The ferry board has let us down again,” Bram Okafor said. “They never answer our "
    "letters.”\n\n'Sad for the whole river.'"
)


def test_a_quotation_paragraph_goes_on_with_the_quote_that_ends_the_paragraph_before() -> None:
    quotes = _quotes(GOES_ON)
    assert len(quotes) == 1
    kind, content, speaker, cue = quotes[0]
    assert kind == "direct" and speaker == "Bram Okafor" and cue == "said"
    assert content.endswith("east bank of the river.")


def test_a_subheading_in_single_marks_stays_apart() -> None:
    quotes = _quotes(SUBHEADING)
    assert len(quotes) == 2
    assert quotes[1][1] == "Sad for the whole river."


ASKED = (
    "Ruth Ames runs the bakery guild.\n\n"
    '"Should the baker be fined for selling me a stale loaf that I left out?" Ames asked '
    'rhetorically, shaking her head. "But I do think bakers should pay when they know the '
    'flour is spoiled."'
)


def test_a_quotation_takes_the_cue_after_it_when_a_manner_phrase_was_read_as_content() -> None:
    quotes = _quotes(ASKED)
    assert [q[0] for q in quotes] == ["direct"]
    _, content, speaker, cue = quotes[0]
    assert speaker == "Ames" and cue == "asked"
    assert "shaking her head" not in [q[1] for q in quotes]
    assert content.endswith("the flour is spoiled.")


def test_a_quotation_ending_a_sentence_does_not_take_the_next_sentence_cue() -> None:
    text = (
        "“We will rebuild the pier before the summer.” Later Ada Brook said, as the band "
        "played, that the ferry would run again."
    )
    first = _quotes(text)[0]
    assert first[1] == "We will rebuild the pier before the summer." and first[3] is None


def _mixed(nlp: Any, text: str, content_from: str) -> tuple[ParseView, Candidate]:
    """A mixed quote from ``content_from`` to the end of its quotation, cued by the last
    "said" of ``text`` (after it), as the parse leaves it when it cuts the content inside a
    noun phrase."""
    view = ParseView.build(nlp(text), text)
    start = text.index(content_from)
    open_at = text.index("“")
    close_at = text.index("”")
    said = text.rindex("said")
    quote = Candidate(
        QuoteKind.MIXED,
        [(start, close_at + 1)],
        (said, said + 4),
        None,
        fragments=[(open_at + 1, close_at - 1)],
    )
    return view, quote


@pytest.mark.xfail(
    strict=True,
    reason="round 12 built this guard from one dev sentence with no train evidence; not kept",
)
def test_a_mixed_quote_after_a_speech_verb_in_its_sentence_is_not_carried_on(nlp: Any) -> None:
    text = (
        "Tova Marsh said she felt the new bridge was “a gift to the whole valley,” she said. "
        "“It took us ten years to build it.”"
    )
    view, quote = _mixed(nlp, text, "the new bridge")
    assert not _mixed_before_cue(view, quote)


def test_a_speech_verb_in_an_earlier_sentence_leaves_the_mixed_quote_carried_on(
    nlp: Any,
) -> None:
    text = (
        "Tova Marsh said little at first. Then the new bridge was “a gift to the whole "
        "valley,” she said. “It took us ten years to build it.”"
    )
    view, quote = _mixed(nlp, text, "the new bridge")
    assert _mixed_before_cue(view, quote)


CARTEL = (
    "Senator Ames said he has backed a bill that would curb the power of the regional "
    "boards, which he called “a club for the comfortable.”"
)
NAMED = (
    "Senator Ames said that he has begun to show the true nature of Victor Hale, whom he "
    "called a “snake-oil seller.”"
)


def test_a_name_given_to_a_fronted_relative_pronoun_is_a_quote_of_its_own() -> None:
    quotes = _quotes(CARTEL)
    contents = [q[1] for q in quotes]
    assert any(c.endswith("of the regional boards") for c in contents)
    named = [q for q in quotes if q[3] == "called"]
    assert len(named) == 1
    assert named[0][1].startswith("which") and "a club for the comfortable" in named[0][1]


def test_the_relative_name_of_a_proper_name_stays_in_the_outer_content() -> None:
    quotes = _quotes(NAMED)
    assert [q[3] for q in quotes] == ["said"]
    assert "whom he called" in quotes[0][1]


def test_a_fronted_what_is_part_of_the_name_given() -> None:
    text = "The council backed what Mayor Lund called a “patient and careful” approach."
    quotes = _quotes(text)
    assert [(q[1].split()[0], q[3]) for q in quotes] == [("what", "called")]


def test_a_relative_pronoun_described_as_something_is_split_off() -> None:
    text = (
        "Senator Lund said she had access to the mayor's mail server, which he described "
        "as “like an unlocked shed.”"
    )
    quotes = _quotes(text)
    assert [q[3] for q in quotes] == ["said", "described"]
    assert quotes[0][1].endswith("mail server")
    assert quotes[1][1].startswith("which") and "like an unlocked shed" in quotes[1][1]
