"""Sources and direct quotes, round 7 (issue 14): possessive pronouns of nominal cues, a
subject hidden by a fronted participle, "with X doing", the name between a quotation and a
subjectless cue, a quotation's reported clause that must not run on into its speaker, an
attribution after a "!"/"?" quotation the parser split off, a sentence-initial "Asked",
a dateline's swallowed subject, and the quote a cue-less quotation carries on. On the parse
alone (the quote core), no actors; each rule's guard holds a case it must leave alone."""

from __future__ import annotations

from typing import Any

import pytest

from communique.extractors.quotes.sources import possessor_subject, speaker_before_cue
from communique.extractors.quotes.speakers import subject_of
from communique.parse import ParseView
from quote_candidates import candidate_texts


def _found(nlp: Any, text: str, content_start: str) -> tuple[str, str | None, str | None]:
    """(content, cue, source) of the candidate whose content starts with ``content_start``."""
    found = [c for c in candidate_texts(nlp, text) if c[0].startswith(content_start)]
    assert found, (content_start, candidate_texts(nlp, text))
    return found[0]


def _token(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "pronoun", "subject"),
    [
        ("Trump continued his attacks against the judge on Friday.", "his", "Trump"),
        (
            "Latino Republicans have been unsparing in their criticism of the senator.",
            "their",
            "Latino Republicans",
        ),
    ],
)
def test_possessor_gives_way_to_agreeing_subject(
    nlp: Any, text: str, pronoun: str, subject: str
) -> None:
    """ "X continued his attacks on Y": PolNeAR names X, the subject, not "his"."""
    view = ParseView.build(nlp(text), text)
    found = possessor_subject(view, _token(view.doc, pronoun))
    assert found is not None and found[1] is not None
    assert text[found[1][0] : found[1][1]] == subject


@pytest.mark.parametrize(
    "text",
    [
        # number disagrees: "their" cannot be the senator's
        "The senator repeated their criticism of the plan.",
        # an instrument, not a stance ("earned no reprieve with his complaints")
        "He earned no reprieve with his complaints about the judge.",
        # not made yet
        "She needs to calibrate her attacks on the senator.",
    ],
)
def test_possessor_kept(nlp: Any, text: str) -> None:
    view = ParseView.build(nlp(text), text)
    owner = next(t for t in view.doc if t.dep_ == "poss")
    assert possessor_subject(view, owner) is None


def test_name_between_quotation_and_subjectless_cue(nlp: Any) -> None:
    """The parser reads "Gene Sperling, a top adviser," into the quoted clause: the quote
    stops at its closing mark and the name before the cue is the speaker."""
    text = (
        "“It is not the position that everything is hunky-dory,” Gene Sperling, a top "
        "outside Clinton adviser, said at a recent event on the economy in Iowa."
    )
    content, cue, source = _found(nlp, text, "It is not")
    assert content.endswith("hunky-dory,")
    assert (cue, source) == ("said", "Gene Sperling, a top outside Clinton adviser")


def test_speaker_before_cue_needs_a_name(nlp: Any) -> None:
    """No proper noun right before the comma: nothing is guessed."""
    text = "“We will rebuild,” the old harbour master of the town said on Monday."
    view = ParseView.build(nlp(text), text)
    from communique.extractors.quotes.core import find_candidates

    cand = find_candidates(view)[0]
    cand.source = None
    assert speaker_before_cue(view, cand) is None


def test_participle_clause_after_name_is_not_the_source(nlp: Any) -> None:
    text = (
        "“We’ve had more successful conventions than this one,” Texas delegate Bill "
        "Eastland, wearing a cowboy hat and “Ted Cruz” campaign pins, said as confetti fell."
    )
    content, _cue, source = _found(nlp, text, "We’ve had")
    assert content.endswith("this one,")
    assert source == "Texas delegate Bill Eastland"


def test_run_on_past_closing_mark_kept_for_content(nlp: Any) -> None:
    """'“…,” since so many …': lower-case words after the mark are still what was said."""
    text = (
        "The ruling, she said, was ''a turning point for the court,'' since so many of the "
        "most important cases were decided by one vote."
    )
    assert "since so many" in _found(nlp, text, "The ruling")[0]


def test_attribution_after_split_exclamation(nlp: Any) -> None:
    """“… Trump!” US Senator Jeff Sessions said as he launched …: the parser starts a new
    sentence after the "!", but the name and cue are the quotation's; the "as" clause is
    no quote of its own."""
    text = (
        "It was not expected to be smooth.\n\n“The great state of Alabama is proud to cast "
        "its votes: one vote for Marco Rubio and 36 votes for the next president of the United "
        "States, Donald J. Trump!” US Senator Jeff Sessions said as he launched the process."
    )
    cands = candidate_texts(nlp, text)
    _content, cue, source = _found(nlp, text, "The great state")
    assert (cue, source) == ("said", "US Senator Jeff Sessions")
    assert not any(c.startswith("as he launched") for c, _, _ in cands)


def test_new_statement_after_quotation_is_not_its_attribution(nlp: Any) -> None:
    """“…!” Smith said the rally would go on: a statement of its own, not the attribution."""
    text = (
        "“We will not give up our homes!” Mayor Ana Smith said the rally would go on until "
        "the council voted."
    )
    assert _found(nlp, text, "We will not")[1:] == (None, None)
    assert _found(nlp, text, "the rally")[2] == "Mayor Ana Smith"


def test_with_participle_takes_object_of_with(nlp: Any) -> None:
    text = (
        "The conversation ended with Maddow asking Clinton pointedly whether she would "
        "consider a woman as a running mate."
    )
    assert _found(nlp, text, "whether she")[2] == "Maddow"


def test_fronted_participle_does_not_hide_the_subject(nlp: Any) -> None:
    text = (
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that "
        "he spoke with Mr. Sanders on Tuesday."
    )
    assert _found(nlp, text, "he spoke")[2] == "Senator Harry Reid, the minority leader"


def test_sentence_initial_asked_has_no_source(nlp: Any) -> None:
    """ "Asked what …, Devine replied": tagged a past tense, still the addressed participle."""
    text = "Asked what a firm commitment looks like, Devine replied: “We are a long way off.”"
    doc = nlp(text)
    assert subject_of(doc[0]) is None
    assert _found(nlp, text, "what a firm")[2] is None
    assert _found(nlp, text, "We are")[2] == "Devine"


def test_dateline_subject_serves_governed_participle(nlp: Any) -> None:
    text = (
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Republican rival "
        "Donald Trump’s stance on Brexit, saying that “bombastic comments” do more harm than "
        "good during such times."
    )
    assert _found(nlp, text, "bombastic")[2] == "Democrat Hillary Clinton"


def test_quotation_carries_on_quote_not_its_aside(nlp: Any) -> None:
    """“A,” said X, who has criticised Y. “B”: B continues A (one quote, two parts), not
    the aside in the attribution."""
    text = (
        "“The river has never been this low in August,” said Hanna Koskinen, who has "
        "criticised the new dam for years. “We cancelled half of our trips this week.”"
    )
    joined = [c for c, _, _ in candidate_texts(nlp, text) if c.startswith("The river")]
    assert joined and "We cancelled" in joined[0]


def test_quotation_after_adding_carries_on_adding(nlp: Any) -> None:
    """“A,” X said, adding that … “B”: the statement goes on; B is not folded into A."""
    text = (
        "“It is abundantly clear that he didn't fight for the legislation,” Christie said, "
        "adding that he had fought for bills as governor. “A leader must fight for what they "
        "believe in.”"
    )
    first = _found(nlp, text, "It is abundantly")[0]
    assert "A leader" not in first


@pytest.mark.parametrize(
    ("text", "pred"),
    [
        ("The strategist Vito Braynard is quoted as saying that the method works.", "saying"),
        ("The senator was overheard telling aides that the bill was dead.", "telling"),
    ],
)
def test_passive_quoted_subject_speaks(nlp: Any, text: str, pred: str) -> None:
    """ "X is quoted as saying …": the passive subject is the speaker."""
    doc = nlp(text)
    speaker = subject_of(_token(doc, pred))
    assert speaker is not None and speaker.dep_ == "nsubjpass"


def test_shown_is_not_heard(nlp: Any) -> None:
    """ "X is shown discussing …" shows an image: no speaker from the passive subject."""
    doc = nlp("The candidate is shown discussing his plan in the video.")
    speaker = subject_of(_token(doc, "discussing"))
    assert speaker is None or speaker.dep_ != "nsubjpass"
