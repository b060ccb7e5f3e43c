"""Session 11: local titles are titles (not part of the name), a family name standing
alone is spread to the one full name it ends even when it was also an entity of its own,
and a name addressed inside a quotation is not the speaker its pronoun source stands for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import communique
from communique.knowledge.titles import match_at

WEB = Path(__file__).parent / "data" / "web"


@pytest.mark.parametrize(
    ("text", "name", "title", "sector"),
    [
        ("Councilwoman Ana Ruiz said the vote would be close.", "Ana Ruiz", "Councilwoman", "LEG"),
        ("Sheriff Tom Reyes said the road would reopen on Friday.", "Tom Reyes", "Sheriff", "COP"),
    ],
)
def test_local_titles_are_not_names(
    pipeline: Any, text: str, name: str, title: str, sector: str
) -> None:
    actor = next(a for a in pipeline.extract(text).actors if a.name == name)
    assert actor.titles == (title,)
    assert actor.sector == sector


def test_local_titles_in_the_lexicon() -> None:
    for words in (["council", "member"], ["district", "attorney"], ["police", "chief"]):
        assert match_at(words, 0) == len(words)
    # police ranks and the abbreviations local news uses for them and for councillors
    for words in (["detective", "inspector"], ["sgt."], ["coun."], ["cllr."], ["constable"]):
        assert match_at(words, 0) == len(words)


def test_police_ranks_are_titles(pipeline: Any) -> None:
    actors = pipeline.extract(
        "Detective Inspector Ruth Calder said the inquiry would go on."
    ).actors
    assert [(a.name, a.titles) for a in actors] == [("Ruth Calder", ("Detective Inspector",))]


def test_family_name_spreads_past_a_bare_entity_of_its_own() -> None:
    """Page 36: "Councillor Nadia Ferreira" is also tagged as "Ferreira" alone elsewhere; the
    untagged "Ferreira shot back that …" is still hers, and so is the quote."""
    page = (WEB / "36-fairhaven-council-bike-lanes.html").read_text(encoding="utf-8")
    article = communique.extract(communique.read_html(page))
    quote = next(q for q in article.quotes if "four public meetings" in q.text)
    speaker = article.speaker(quote)
    assert speaker is not None and speaker.name == "Nadia Ferreira"


def test_a_name_addressed_in_the_quotation_is_not_its_speaker() -> None:
    """Page 36: "“Four meetings is not rushed, Glen,” she said" — "she" is not Glen (the
    name is said, not narrated); the speaker is the councillor whose thread it is."""
    page = (WEB / "36-fairhaven-council-bike-lanes.html").read_text(encoding="utf-8")
    article = communique.extract(communique.read_html(page))
    quote = next(q for q in article.quotes if "not rushed" in q.text)
    speaker = article.speaker(quote)
    assert speaker is not None and speaker.name == "Nadia Ferreira"
