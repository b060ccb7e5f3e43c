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
        ("Marsh continued his attacks against the regulator on Friday.", "his", "Marsh"),
        (
            "Dairy farmers have been relentless in their criticism of the minister.",
            "their",
            "Dairy farmers",
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
        # an instrument, not a stance ("won no sympathy with his complaints")
        "He won no sympathy with his complaints about the referee.",
        # not made yet
        "She needs to soften her attacks on the mayor.",
    ],
)
def test_possessor_kept(nlp: Any, text: str) -> None:
    view = ParseView.build(nlp(text), text)
    owner = next(t for t in view.doc if t.dep_ == "poss")
    assert possessor_subject(view, owner) is None


def test_name_between_quotation_and_subjectless_cue(nlp: Any) -> None:
    """The parser reads "Lena Okafor, a senior adviser," into the quoted clause: the quote
    stops at its closing mark and the name before the cue is the speaker."""
    text = (
        "“It is not the case that every worker is thriving,” Lena Okafor, a senior "
        "outside campaign adviser, said at a recent forum on jobs in Ohio."
    )
    content, cue, source = _found(nlp, text, "It is not")
    assert content.endswith("thriving,")
    assert (cue, source) == ("said", "Lena Okafor, a senior outside campaign adviser")


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
        "“We’ve had livelier festivals than this one,” Ohio volunteer Tom "
        "Raddick, wearing a straw hat and “Vote Ames” campaign buttons, said as music played."
    )
    content, _cue, source = _found(nlp, text, "We’ve had")
    assert content.endswith("this one,")
    assert source == "Ohio volunteer Tom Raddick"


def test_run_on_past_closing_mark_kept_for_content(nlp: Any) -> None:
    """'“…,” since so many …': lower-case words after the mark are still what was said."""
    text = (
        "The verdict, she said, was ''a turning point for the league,'' since so many of the "
        "closest matches were settled by one goal."
    )
    assert "since so many" in _found(nlp, text, "The verdict")[0]


def test_attribution_after_split_exclamation(nlp: Any) -> None:
    """“… Ellison!” State Senator Joan Pike said as she opened …: the parser starts a new
    sentence after the "!", but the name and cue are the quotation's; the "as" clause is
    no quote of its own."""
    text = (
        "It was not expected to be smooth.\n\n“The proud state of Vermont is glad to cast "
        "its votes: two votes for Ada Lind and 14 votes for the next governor of the whole "
        "region, Mark T. Ellison!” State Senator Joan Pike said as she opened the count."
    )
    cands = candidate_texts(nlp, text)
    _content, cue, source = _found(nlp, text, "The proud state")
    assert (cue, source) == ("said", "State Senator Joan Pike")
    assert not any(c.startswith("as she opened") for c, _, _ in cands)


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
        "The interview ended with Ramos asking Ellison pointedly whether he would "
        "consider a teacher as a deputy."
    )
    assert _found(nlp, text, "whether he")[2] == "Ramos"


def test_fronted_participle_does_not_hide_the_subject(nlp: Any) -> None:
    text = (
        "Alarmed by the flooding in Oregon, Senator Mary Voss, the majority whip, said that "
        "she spoke with Mr. Ortiz on Tuesday."
    )
    assert _found(nlp, text, "she spoke")[2] == "Senator Mary Voss, the majority whip"


def test_sentence_initial_asked_has_no_source(nlp: Any) -> None:
    """ "Asked what …, Marlow replied": tagged a past tense, still the addressed participle."""
    text = "Asked what a fair deal looks like, Marlow replied: “We are not there yet.”"
    doc = nlp(text)
    assert subject_of(doc[0]) is None
    assert _found(nlp, text, "what a fair")[2] is None
    assert _found(nlp, text, "We are not")[2] == "Marlow"


def test_dateline_subject_serves_governed_participle(nlp: Any) -> None:
    text = (
        "Brussels (AFP) – Liberal Anna Berg has taken a swipe at conservative rival "
        "Piet Maas’s stance on tariffs, saying that “reckless remarks” do more harm than "
        "good in such times."
    )
    assert _found(nlp, text, "reckless")[2] == "Liberal Anna Berg"


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
        "“It is perfectly clear that she didn't push for the reform,” Hale said, "
        "adding that he had pushed for budgets as mayor. “A leader must stand up for what "
        "they believe in.”"
    )
    first = _found(nlp, text, "It is perfectly")[0]
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
    doc = nlp("The mayor is shown describing her budget in the clip.")
    speaker = subject_of(_token(doc, "describing"))
    assert speaker is None or speaker.dep_ != "nsubjpass"
