"""Actors, third round: non-actors screened, bodies' short forms merged, people attached to
their bodies, datelines with a date. Each test is one class of text, with a contrast case
that must keep the actor."""

from __future__ import annotations

import pytest

import communique
from communique.models import Article, Span
from communique.parse import find_dateline


@pytest.fixture(scope="module")
def pipeline() -> communique.Pipeline:
    return communique.Pipeline()


def _extract(pipeline: communique.Pipeline, text: str, published: str = "2024-01-10") -> Article:
    return pipeline.extract(communique.ArticleInput(text=text, published=published))


def _names(article: Article) -> set[str]:
    return {m.span.text for a in article.actors for m in a.mentions}


def _actor(article: Article, surface: str) -> communique.Actor:
    for actor in article.actors:
        if actor.name == surface or any(m.span.text == surface for m in actor.mentions):
            return actor
    raise AssertionError(f"no actor mentioned as {surface!r}: {article.actors}")


@pytest.mark.parametrize(
    ("text", "place", "agency"),
    [
        ("BERLIN, March 4 (Reuters) - Exports fell.", "BERLIN", "Reuters"),
        ("UNITED NATIONS, Dec 3 (Reuters) - The council met.", "UNITED NATIONS", "Reuters"),
        ("NEW YORK, Sept. 12 (AP) — Stocks rose.", "NEW YORK", "AP"),
        ("KYIV, Ukraine (AP) — Power returned.", "KYIV, Ukraine", "AP"),
    ],
)
def test_dateline_with_a_date(text: str, place: str, agency: str) -> None:
    found = find_dateline(text, Span.of(text, 0, len(text)))
    assert found is not None and (found.place, found.agency) == (place, agency)


def test_a_month_alone_is_no_dateline() -> None:
    text = "March 4 - the day the talks began."
    assert find_dateline(text, Span.of(text, 0, len(text))) is None


def test_platforms_are_not_actors_unless_they_act(pipeline: communique.Pipeline) -> None:
    quiet = _extract(pipeline, "The governor wrote on Telegram that two people had been killed.")
    assert "Telegram" not in _names(quiet)
    acting = _extract(pipeline, "Telegram said it had blocked the channels on Monday.")
    assert "Telegram" in _names(acting)


def test_competitions_are_not_actors(pipeline: communique.Pipeline) -> None:
    article = _extract(pipeline, "The striker is expected to leave for La Liga next summer.")
    assert "La Liga" not in _names(article)


def test_party_member_noun_describes_a_person(pipeline: communique.Pipeline) -> None:
    article = _extract(
        pipeline,
        "Rep. Tom Hale, an Ohio Republican who chairs the panel, said the bill would pass.",
    )
    assert "Republican" not in _names(article)
    assert "Republicans" in _names(_extract(pipeline, "Republicans said the bill would fail."))


def test_names_inside_places_and_products(pipeline: communique.Pipeline) -> None:
    article = _extract(
        pipeline,
        "Doctors at Gaza City's Al-Shifa hospital said dozens were hurt. Serbs live on the "
        "banks of the Ibar river, and the Lumora Health app costs $6.99 a month.",
    )
    names = _names(article)
    assert not names & {"Al-Shifa", "Ibar", "Lumora Health"}


def test_copyright_and_author_lines_are_furniture(pipeline: communique.Pipeline) -> None:
    article = _extract(
        pipeline,
        "The council approved the budget on Monday.\n\nMaya Brooks covers politics for the "
        "paper. Reach her at mbrooks@example.com.\n\n© Global Dispatch 2025. All rights reserved.",
    )
    assert not _names(article) & {"Maya Brooks", "Global Dispatch 2025"}


def test_anonymous_people(pipeline: communique.Pipeline) -> None:
    quiet = _extract(pipeline, "A spokesman declined to comment on the talks.")
    assert not quiet.actors
    speaking = _extract(pipeline, "Officials said the road would reopen on Friday.")
    assert _actor(speaking, "Officials").kind.value == "group"
    placed = _extract(pipeline, "A senior U.S. official said the talks would resume.")
    assert any(a.country == "USA" for a in placed.actors)


def test_a_city_linked_to_its_country_is_a_place_unless_the_capital_acts(
    pipeline: communique.Pipeline,
) -> None:
    article = _extract(
        pipeline,
        "Russia and Ukraine exchanged prisoners on Saturday. Kyiv has accused Moscow of "
        "torturing prisoners. Fighting continued around Goma.",
    )
    assert _actor(article, "Kyiv").name == "Ukraine"
    assert "Goma" not in _names(article)


def test_short_forms_of_bodies(pipeline: communique.Pipeline) -> None:
    article = _extract(
        pipeline,
        "The U.S. Navy signed the contract on Tuesday. Two rivals, Northway Marine and Calder "
        "Systems, had also bid. Calder said it was reviewing its options. The Navy's program "
        "office declined to comment. Houthi rebels fired a missile at a ship. The Houthis said "
        "the ship was linked to Israel.",
    )
    assert _actor(article, "Navy").name == "U.S. Navy"
    assert _actor(article, "Calder").name == "Calder Systems"
    assert _actor(article, "Houthis") == _actor(article, "Houthi rebels")


def test_a_registered_company_is_named_by_its_stem(pipeline: communique.Pipeline) -> None:
    # a legal suffix makes the first word the trading name, whatever industry words follow
    article = _extract(
        pipeline,
        "Kestrel Brands Inc. agreed to buy a juice maker for $80 million. Kestrel said the "
        "deal would close by June. Pacific Gas and Electric said Pacific had no comment.",
    )
    assert _actor(article, "Kestrel").name == "Kestrel Brands Inc."
    # no legal suffix and a word that is no industry word: "Pacific" stays its own name
    assert _actor(article, "Pacific").name == "Pacific"


def test_people_take_their_body(pipeline: communique.Pipeline) -> None:
    article = _extract(
        pipeline,
        "Amina Idriss of the Norwegian Refugee Council said the camps were full. Russia's "
        "Defence Ministry said 150 servicemen had returned.",
    )
    assert _actor(article, "Amina Idriss").sector == "NGO"
    assert _actor(article, "Defence Ministry").country == "RUS"


@pytest.mark.parametrize(
    ("text", "surface", "sector"),
    [
        ("The University of Lagos said classes would resume.", "University of Lagos", "EDU"),
        ("Torvald Motors said quarterly profit fell.", "Torvald Motors", "BUS"),
        ("The African Union said it would send observers.", "African Union", "IGO"),
        ('"We hold," said Vice Adm. Laura Chen, who commands the fleet.', "Laura Chen", "MIL"),
    ],
)
def test_sector_from_names_and_titles(
    pipeline: communique.Pipeline, text: str, surface: str, sector: str
) -> None:
    assert _actor(_extract(pipeline, text), surface).sector == sector
