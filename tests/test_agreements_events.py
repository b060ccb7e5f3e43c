"""The second round of the agreements extractor: counted events, status history, one record
per deal, teasers and datelines. The case table (tests/data/cases/agreements.jsonl) measures
the rules; these tests pin single behaviours a regression would break silently."""

from __future__ import annotations

from typing import Any

import pytest

import communique
from communique.extractors.agreements.kinds import action_kind
from communique.models import AgreementKind, AgreementStatus


def _one(pipeline: communique.Pipeline, text: str, published: str = "2023-05-01") -> Any:
    article = pipeline.extract(text, published=published)
    assert len(article.agreements) == 1, article.agreements
    return article, article.agreements[0]


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Rebels freed 12 soldiers on Tuesday.", "freed", AgreementKind.RELEASE),
        ("Rebels freed 12 soldiers in exchange for 30 prisoners.", "freed", AgreementKind.EXCHANGE),
        ("The company released its results on Tuesday.", "released", None),
        ("The two armies exchanged fire overnight.", "exchanged", None),
        ("About 60 militants surrendered to the army.", "surrendered", AgreementKind.SURRENDER),
        ("The union dropped its demand for a raise.", "dropped", AgreementKind.OTHER),
        ("The company dropped its price by 20 percent.", "dropped", None),
    ],
)
def test_action_kind(nlp: Any, text: str, word: str, kind: AgreementKind | None) -> None:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == word)
    assert action_kind(verb) is kind


def test_history_keeps_each_factual_statement(pipeline: communique.Pipeline) -> None:
    text = (
        "Sudan's army and the Rapid Support Forces agreed to a seven-day truce on Saturday."
        "\n\nBy Monday the truce had been violated repeatedly, residents said."
    )
    _, truce = _one(pipeline, text)
    assert truce.status is AgreementStatus.VIOLATED
    assert [h.status for h in truce.history] == [AgreementStatus.REACHED, AgreementStatus.VIOLATED]
    for change in truce.history:
        assert change.evidence.text == text[change.evidence.start : change.evidence.end]


def test_elusive_signing_is_not_signed(pipeline: communique.Pipeline) -> None:
    _, deal = _one(
        pipeline,
        "Both governments have talked about a trade agreement, but "
        "actually signing a deal has proved elusive.",
    )
    assert deal.status is AgreementStatus.NEGOTIATING


def test_signed_and_now_in_force(pipeline: communique.Pipeline) -> None:
    _, treaty = _one(
        pipeline,
        "The investment treaty, signed last year and now in force, protects foreign investors.",
    )
    assert treaty.status is AgreementStatus.IN_FORCE


def test_release_inside_an_exchange_is_one_record(pipeline: communique.Pipeline) -> None:
    _, swap = _one(
        pipeline,
        "The United States and Venezuela carried out a prisoner swap on "
        "Wednesday, with Caracas freeing 10 Americans and Washington "
        "releasing an ally of President Nicolas Maduro.",
    )
    assert swap.kind is AgreementKind.EXCHANGE
    assert len(swap.evidence) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Read more: Ceasefire collapses in Gaza\n\nFarmers in Kenya face a drought.",
        # A teaser inside the body; the first line would be the article's own headline.
        "Fans queued for hours.\n\nTransfer news: United close in on £60m deal for striker\n\n"
        "The club opened a museum.",
        "Supermarkets are offering two-for-one deals on fresh produce.",
        "The striker signed a new five-year contract on Thursday.",
    ],
)
def test_not_agreements(pipeline: communique.Pipeline, text: str) -> None:
    assert pipeline.extract(text).agreements == ()


def test_dateline_is_no_party_or_location(pipeline: communique.Pipeline) -> None:
    text = (
        "DOHA, Qatar (MW) — Negotiators for Sudan's army and the paramilitary Rapid "
        "Support Forces agreed on Saturday to a 72-hour ceasefire, mediators said."
    )
    article, truce = _one(pipeline, text)
    names = {article.actor(p.actor_id).name for p in truce.parties}
    assert "Qatar" not in names and "DOHA" not in names
    assert "Rapid Support Forces" in names
    assert truce.location not in {"DOHA", "Qatar"}


def test_coordinated_demonym_sides(pipeline: communique.Pipeline) -> None:
    article, truce = _one(
        pipeline,
        "Clashes between Kyrgyz and Tajik border guards killed "
        "dozens. Both sides agreed to a ceasefire on Friday.",
    )
    texts = {m.span.text for p in truce.parties for m in article.actor(p.actor_id).mentions}
    assert {"Kyrgyz", "Tajik"} <= texts


def test_one_deal_told_twice_is_one_record(pipeline: communique.Pipeline) -> None:
    """Key points and body both report the acquisition with a verb of its own: one record."""
    article, deal = _one(
        pipeline,
        "Key Points\n\nNorvale Foods Inc. agreed to acquire Brightwater in a cash deal.\n\n"
        "Norvale Foods said Monday it agreed to buy Brightwater, the Danish juice maker, for "
        "$80 million. Norvale said the deal would close by June.",
    )
    assert deal.kind is AgreementKind.MERGER
    names = {a.id: a.name for a in article.actors}
    assert sorted(names[p.actor_id] for p in deal.parties) == ["Brightwater", "Norvale Foods Inc."]


def test_same_sides_different_dates_stay_two(pipeline: communique.Pipeline) -> None:
    article = pipeline.extract(
        "Israel and Hamas agreed to a ceasefire on May 21, 2021. Israel and Hamas agreed to "
        "a ceasefire on November 24, 2023.",
        published="2023-11-25",
    )
    assert len(article.agreements) == 2, article.agreements
