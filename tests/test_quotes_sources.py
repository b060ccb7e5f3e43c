"""Source phrases the frames cannot read off the cue's own clause (``quotes/sources.py`` and
``speakers.subject_of``): colon-introduced quotations, addressed participles, nominal cues,
pronouns inside a reported clause, datelines that swallow the subject, and subjects the
parser hung on a fronted phrase. On the parse alone; speakers go through the pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from communique import Pipeline
from communique.extractors.quotes.core import find_candidates
from communique.extractors.quotes.sources import reporting_subject
from communique.parse import ParseView


def _sources(nlp: Any, text: str) -> dict[str, str | None]:
    """The source phrase of every candidate, keyed by its first content words."""
    view = ParseView.build(nlp(text), text)
    out: dict[str, str | None] = {}
    for cand in find_candidates(view):
        content = text[cand.parts[0][0] : cand.parts[0][1]]
        out[content] = text[cand.source[0] : cand.source[1]] if cand.source else None
    return out


def _source_of(nlp: Any, text: str, content_start: str) -> str | None:
    found = [s for c, s in _sources(nlp, text).items() if c.startswith(content_start)]
    assert found, (content_start, _sources(nlp, text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Attendance at the festival fell again.\n\n"
            "Organiser Lina Petrova of the Riga Arts Council: “We lost the students first.”",
            "We lost",
            "Organiser Lina Petrova of the Riga Arts Council",
        ),
        (
            "“The ferry will run all winter,” said harbour master Ole Dahl.\n\n"
            "The islanders' association was sceptical: “We have heard that every autumn.”",
            "We have heard",
            "The islanders' association",
        ),
        (
            "The verdict did not surprise defence lawyer Samir Haddad: “The jury never "
            "believed the video.”",
            "The jury",
            "Samir Haddad",
        ),
    ],
)
def test_colon_introduces_its_own_source(nlp: Any, text: str, content: str, source: str) -> None:
    """The name or clause subject before a colon, never the previous quote's speaker."""
    assert _source_of(nlp, text, content) == source


def test_addressed_participle_has_no_source(nlp: Any) -> None:
    """In "Asked whether …, X said …" someone unnamed asked; X only answered."""
    text = (
        "Asked whether the mine would reopen, company chairman Peter Vos said that talks "
        "with the unions were continuing."
    )
    sources = _sources(nlp, text)
    asked = [s for c, s in sources.items() if "mine would reopen" in c]
    assert asked == [None]
    assert _source_of(nlp, text, "talks with") == "company chairman Peter Vos"


def test_nominal_cue_takes_its_verbs_subject(nlp: Any) -> None:
    text = "Councillor Maya Lund renewed calls for a public inquiry into the stadium deal."
    assert _source_of(nlp, text, "a public inquiry") == "Councillor Maya Lund"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Senator Hugo Brandt says he voted against the bill.", "Senator Hugo Brandt"),
        ("Mayor Ana Reis said that she would veto the budget.", "Mayor Ana Reis"),
        ("The striking pilots said they would return on Monday.", "The striking pilots"),
    ],
)
def test_pronoun_in_a_reported_clause_takes_the_reporter(nlp: Any, text: str, source: str) -> None:
    """PolNeAR gives the reporting subject for "X says he voted “no”"."""
    view = ParseView.build(nlp(text), text)
    pronoun = next(t for t in view.doc if t.lower_ in ("he", "she", "they"))
    found = reporting_subject(view, pronoun)
    assert found is not None and found[1] is not None
    assert text[found[1][0] : found[1][1]] == source


def test_pronoun_of_its_own_report_keeps_itself(nlp: Any) -> None:
    """ "He said …" in a new sentence reports nothing of an earlier subject's."""
    text = "Senator Hugo Brandt voted against the bill. He said the vote came too late."
    view = ParseView.build(nlp(text), text)
    pronoun = next(t for t in view.doc if t.text == "He")
    assert reporting_subject(view, pronoun) is None


def test_mixed_case_agency_dateline_is_no_source(nlp: Any) -> None:
    text = (
        "Mayor backs tram plan.\n\n"
        "Lisbon (AFP) – Mayor Rui Campos said on Monday that the tram line would be extended."
    )
    source = _source_of(nlp, text, "the tram line")
    assert source is not None
    assert "AFP" not in source and "Lisbon" not in source
    assert "Rui Campos" in source


def test_speaker_of_a_colon_quote_is_resolved(pipeline: Pipeline) -> None:
    """The actor follows the source: the name before the colon, not the earlier speaker."""
    text = (
        "“We will appeal,” said club president Marta Ruiz.\n\n"
        "League director Tomasz Nowak was unmoved: “The rules apply to every club.”"
    )
    article = pipeline.extract(text)
    quote = next(q for q in article.quotes if "rules apply" in q.text)
    speaker = article.speaker(quote)
    assert speaker is not None and "Nowak" in speaker.name
    assert quote.speaker_mention is not None
    assert article.text[quote.speaker_mention.start : quote.speaker_mention.end] == (
        quote.speaker_mention.text
    )
