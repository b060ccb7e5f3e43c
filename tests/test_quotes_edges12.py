"""Content edges, round 12 (issue 14, session 9): a "that" clause the parser hung on a phrase
between the verb of saying and the clause.

In "said during the debate that rents were too high" the small parser reads "that rents
were too high" as a relative clause on "debate", so the verb had no clause and no quote was
found. The clause is the content, "that" its complementizer; the phrase (when, where, to
whom) is neither. Controls: a true relative clause ("the hearing that followed") and a
phrase that is the verb's own content or predicate ("described the levy as a tax that
voters would reject") are left as they were.
"""

from __future__ import annotations

import pytest

import communique


def _quotes(pipeline: communique.Pipeline, text: str) -> list[tuple[str, str, str]]:
    """(content, speaker, cue) of each quote of ``text``."""
    article = pipeline.extract(text)
    return [
        (
            q.content.text,
            q.speaker_mention.text if q.speaker_mention else "",
            q.cue.text if q.cue else "",
        )
        for q in article.quotes
    ]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Councillor Ada Brook said during the debate that rents were too high.",
            "that rents were too high",
            "Councillor Ada Brook",
            "said",
        ),
        (
            "Mayor Holm stated during the forum that ferries were too slow.",
            "that ferries were too slow",
            "Mayor Holm",
            "stated",
        ),
        (
            "The union said at the time that wages had stalled.",
            "that wages had stalled",
            "The union",
            "said",
        ),
        (
            "Kira Holm wrote in a memo that costs had tripled.",
            "that costs had tripled",
            "Kira Holm",
            "wrote",
        ),
        (
            "The fishermen did not know at the time that the cannery would close.",
            "that the cannery would close",
            "The fishermen",
            "did not know",
        ),
    ],
)
def test_a_that_clause_after_a_phrase_is_the_content(
    pipeline: communique.Pipeline, text: str, content: str, speaker: str, cue: str
) -> None:
    """The clause parsed as a relative clause on the phrase's noun is what was said."""
    assert (content, speaker, cue) in _quotes(pipeline, text)


def test_a_true_relative_clause_is_not_content(pipeline: communique.Pipeline) -> None:
    """ "the hearing that followed" has "that" as its subject: a relative clause, no quote;
    beside it a clause after the same phrase is found."""
    assert _quotes(pipeline, "Ada Brook spoke at the hearing that followed.") == []
    found = _quotes(pipeline, "Ada Brook insisted during the debate that the bridge was safe.")
    assert found == [("that the bridge was safe", "Ada Brook", "insisted")]


def test_the_verbs_own_phrase_keeps_its_relative(pipeline: communique.Pipeline) -> None:
    """A depiction's "as" predicate is the content: its relative clause stays inside it;
    beside it a clause after a time phrase is found."""
    text = "Councillor Ada Brook described the levy as a tax that voters would reject."
    assert _quotes(pipeline, text)[0][0] == "the levy as a tax that voters would reject"
    found = _quotes(pipeline, "Ada Brook noted at the time that fares had doubled.")
    assert ("that fares had doubled", "Ada Brook", "noted") in found


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to harbour radio host Ivo Marek, the ferry plan reeks of “haste” and panic.",
            "the ferry plan reeks of “haste” and panic",
            "harbour radio host Ivo Marek",
        ),
        (
            "According to radio host Ivo Marek, the levy reeks of panic.",
            "the levy reeks of panic",
            "radio host Ivo Marek",
        ),
    ],
)
def test_a_rooted_according_phrase_ends_at_its_comma(
    pipeline: communique.Pipeline, text: str, content: str, speaker: str
) -> None:
    """When the parser makes "According" the root and the clause an apposition of X, the
    phrase still ends at its comma: the clause after it is the content, X the source."""
    assert (content, speaker, "According to") in _quotes(pipeline, text)


def test_a_noun_cue_takes_the_clause_hung_on_its_phrase(pipeline: communique.Pipeline) -> None:
    """ "the mayor's suggestion at the start of the year that …": the clause the parser
    hung on "year" is the noun's content. A verb whose object is such a noun does not take
    the clause as its own ("recalled the mayor's claim during the debate that …": the mayor
    claimed it, not the one who recalled it)."""
    text = (
        "The mayor's suggestion at the start of the year that aides would play a small part "
        "angered the union."
    )
    found = _quotes(pipeline, text)
    assert ("that aides would play a small part", "The mayor's", "suggestion") in found
    recalled = _quotes(
        pipeline, "Marek recalled the mayor's claim during the debate that rents rose."
    )
    assert all(s != "Marek" or not c.endswith("rents rose") for c, s, _ in recalled)


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Ida Lund made clear that the ferry plan had failed.",
            "that the ferry plan had failed",
            "Ida Lund",
            "made clear",
        ),
        (
            "Ida Lund has made it very clear that she will not run again.",
            "that she will not run again",
            "Ida Lund",
            "has made it very clear",
        ),
        (
            "Ida Lund made it clear she will not run again.",
            "she will not run again",
            "Ida Lund",
            "made it clear",
        ),
        (
            "Ida Lund made clear over the weekend that the talks had stalled.",
            "that the talks had stalled",
            "Ida Lund",
            "made clear",
        ),
    ],
)
def test_made_clear_says_its_clause(
    pipeline: communique.Pipeline, text: str, content: str, speaker: str, cue: str
) -> None:
    """ "made (it) clear that …" states what follows: the clause is the content."""
    assert (content, speaker, cue) in _quotes(pipeline, text)


def test_made_clear_without_a_statement(pipeline: communique.Pipeline) -> None:
    """A passive ("was made clear when …") and a time clause ("made this clear when …") say
    nothing of their own; beside them an active "made it clear that" does."""
    for text in (
        "The rift was made clear when the council met.",
        "Ida Lund made this clear when the council met.",
    ):
        assert not [q for q in _quotes(pipeline, text) if "clear" in q[2]]
    found = _quotes(pipeline, "Ida Lund made it clear that the council had erred.")
    assert ("that the council had erred", "Ida Lund", "made it clear") in found


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Ames leads Ruiz by six points in a new Harbour Times poll.",
            "Ames leads Ruiz by six points",
            "a new Harbour Times poll",
        ),
        (
            "In the latest Harbour Times poll, Ames led Ruiz by six points.",
            "Ames led Ruiz by six points",
            "the latest Harbour Times poll",
        ),
        (
            "But Ames fell to 10 percent in the survey.",
            "Ames fell to 10 percent",
            "the survey",
        ),
    ],
)
def test_in_a_poll_reports_its_finding(
    pipeline: communique.Pipeline, text: str, content: str, source: str
) -> None:
    """The clause an "in a poll" phrase hangs on is the poll's finding, the poll its source."""
    assert (content, source) in [(c, s) for c, s, _ in _quotes(pipeline, text)]


def test_in_a_poll_leaves_relatives_and_verbs_of_saying(pipeline: communique.Pipeline) -> None:
    """A relative clause ("who leads in the poll") is not a finding, and a verb of saying keeps
    its own clause; beside them a main clause is a finding."""
    assert _quotes(pipeline, "Ruiz, who leads in the poll, spoke on Monday.") == []
    said = _quotes(pipeline, "Ames said in a poll that she would win.")
    assert said == [("that she would win", "Ames", "said")]
    found = _quotes(pipeline, "Ruiz trails Ames by four points in the survey.")
    assert ("Ruiz trails Ames by four points", "the survey", "in") in found


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "When asked at the hearing about the ferry contract, Ida Lund defended her decision.",
            "about the ferry contract",
        ),
        (
            "Asked at the harbour forum about the ferry levy, the mayor said nothing new.",
            "about the ferry levy",
        ),
    ],
)
def test_asked_about_after_a_phrase(pipeline: communique.Pipeline, text: str, content: str) -> None:
    """The "about" phrase of a verb of asking, hung on the noun of a phrase between them, is
    the question asked; "about" starts it, since the cue does not reach it."""
    assert content in [c for c, _, _ in _quotes(pipeline, text)]


def test_spoke_at_a_forum_about_is_left(pipeline: communique.Pipeline) -> None:
    """After other verbs the inner phrase is left (a place or audience as often as a topic);
    beside it a verb of asking takes it."""
    assert _quotes(pipeline, "Ida Lund spoke at the hearing about the dredging contract.") == []
    found = _quotes(pipeline, "When asked at the hearing about the levy, Ida Lund left.")
    assert "about the levy" in [c for c, _, _ in found]
