"""The document model: validation rules, their messages, and lossless JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from communique import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    Mention,
    MentionForm,
    Party,
    PartyRole,
    Problem,
    Quote,
    QuoteKind,
    Span,
)

TEXT = "Kerry met Lavrov. Kerry said: “We agreed.”"


def _actor(actor_id: str, start: int, end: int, **kw: object) -> Actor:
    return Actor(
        id=actor_id,
        name=TEXT[start:end],
        kind=ActorKind.PERSON,
        mentions=(Mention(span=Span.of(TEXT, start, end), form=MentionForm.NAME),),
        **kw,  # type: ignore[arg-type]
    )


def test_valid_article_builds_and_looks_up() -> None:
    kerry = _actor("actor-1", 0, 5)
    quote = Quote(
        id="quote-1",
        kind=QuoteKind.DIRECT,
        content=Span.of(TEXT, 31, 41),
        speaker_id="actor-1",
        cue=Span.of(TEXT, 24, 28),
    )
    art = Article(text=TEXT, actors=(kerry,), quotes=(quote,))
    assert art.actor("actor-1") is kerry
    assert art.speaker(quote) is kerry
    assert art.quotes_by("actor-1") == (quote,)
    assert art.actor_named("kerry") is kerry
    assert art.id.startswith("doc-")
    with pytest.raises(KeyError):
        art.actor("actor-9")


def test_span_must_match_text_with_exact_message() -> None:
    bad = Actor(
        id="a",
        name="K",
        kind=ActorKind.PERSON,
        mentions=(Mention(span=Span(start=0, end=5, text="Kerri"), form=MentionForm.NAME),),
    )
    with pytest.raises(ValidationError) as err:
        Article(text=TEXT, actors=(bad,))
    assert (
        "actors[a].mentions[0]: span (0, 5) says 'Kerri' but the article text there is 'Kerry'"
        in str(err.value)
    )


def test_span_past_end_of_text() -> None:
    quote = Quote(id="q", kind=QuoteKind.DIRECT, content=Span(start=40, end=50, text="x" * 10))
    with pytest.raises(
        ValidationError, match=r"quotes\[q\].content: span \(40, 50\) ends past the text"
    ):
        Article(text=TEXT, quotes=(quote,))


def test_span_length_must_equal_text_length() -> None:
    with pytest.raises(ValidationError, match="has 5 characters"):
        Span(start=0, end=5, text="Kerr")
    with pytest.raises(ValidationError, match="before start"):
        Span(start=5, end=4, text="")


def test_duplicate_ids_are_refused() -> None:
    quote = Quote(id="actor-1", kind=QuoteKind.DIRECT, content=Span.of(TEXT, 31, 41))
    with pytest.raises(ValidationError, match="id 'actor-1' is used 2 times"):
        Article(text=TEXT, actors=(_actor("actor-1", 0, 5),), quotes=(quote,))


def test_dangling_references_are_refused() -> None:
    quote = Quote(id="q1", kind=QuoteKind.DIRECT, content=Span.of(TEXT, 31, 41), speaker_id="ghost")
    agreement = Agreement(
        id="g1",
        kind=AgreementKind.DEAL,
        status=AgreementStatus.REACHED,
        parties=(Party(actor_id="phantom", role=PartyRole.BROKER),),
    )
    with pytest.raises(ValidationError) as err:
        Article(
            text=TEXT,
            quotes=(quote,),
            agreements=(agreement,),
            actors=(_actor("a1", 0, 5, affiliation_id="nowhere"),),
        )
    message = str(err.value)
    assert "quotes[q1].speaker_id 'ghost' names no actor" in message
    assert "agreements[g1].parties[0].actor_id 'phantom' names no actor" in message
    assert "actors[a1].affiliation_id 'nowhere' names no actor" in message


def test_models_are_frozen_and_forbid_extra_fields() -> None:
    span = Span.of(TEXT, 0, 5)
    with pytest.raises(ValidationError):
        span.start = 2  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Span(start=0, end=5, text="Kerry", label="x")  # type: ignore[call-arg]


def test_country_code_must_be_alpha3() -> None:
    with pytest.raises(ValidationError):
        Actor(id="a", name="US", kind=ActorKind.COUNTRY, country="US")
    assert Actor(id="a", name="US", kind=ActorKind.COUNTRY, country="USA").country == "USA"


def test_published_keeps_date_and_datetime_apart() -> None:
    assert Article(text="x", published="2016-08-26").published == dt.date(2016, 8, 26)
    midnight = dt.datetime(2016, 8, 26, 0, 0)
    art = Article(text="x", published=midnight)
    again = Article.model_validate_json(art.model_dump_json())
    assert again.published == midnight and isinstance(again.published, dt.datetime)


def test_default_id_is_content_derived_and_explicit_id_wins() -> None:
    assert Article(text="same").id == Article(text="same").id != Article(text="other").id
    assert Article(text="same", id="mine").id == "mine"


def test_spans_walks_every_span() -> None:
    agreement = Agreement(
        id="g1",
        kind=AgreementKind.TRUCE,
        status=AgreementStatus.NEGOTIATING,
        evidence=(Span.of(TEXT, 34, 40),),
        terms=(Span.of(TEXT, 31, 41),),
        date_text=Span.of(TEXT, 0, 5),
    )
    art = Article(text=TEXT, agreements=(agreement,), paragraphs=(Span.of(TEXT, 0, len(TEXT)),))
    paths = [path for path, _ in art.spans()]
    assert paths == [
        "paragraphs[0]",
        "agreements[g1].date_text",
        "agreements[g1].terms[0]",
        "agreements[g1].evidence[0]",
    ]


# -- JSON round trip, property-based --------------------------------------------------------


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
    )
    n = len(text)

    def span() -> Span:
        start = draw(st.integers(0, n))
        end = draw(st.integers(start, n))
        return Span.of(text, start, end)

    actors = tuple(
        Actor(
            id=f"actor-{i}",
            name=draw(st.text(min_size=1, max_size=10)),
            kind=draw(st.sampled_from(ActorKind)),
            titles=tuple(draw(st.lists(st.text(max_size=5), max_size=2))),
            country=draw(st.none() | st.sampled_from(["USA", "RUS", "SYR"])),
            mentions=tuple(
                Mention(span=span(), form=draw(st.sampled_from(MentionForm)))
                for _ in range(draw(st.integers(0, 2)))
            ),
            extensions=draw(
                st.dictionaries(
                    st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=2
                )
            ),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    ids = [a.id for a in actors]
    quotes = tuple(
        Quote(
            id=f"quote-{i}",
            kind=draw(st.sampled_from(QuoteKind)),
            content=span(),
            cue=draw(st.none() | st.just(span())),
            speaker_id=draw(st.none() | st.sampled_from(ids)) if ids else None,
            confidence=draw(st.floats(0, 1)),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    agreements = tuple(
        Agreement(
            id=f"agreement-{i}",
            kind=draw(st.sampled_from(AgreementKind)),
            status=draw(st.sampled_from(AgreementStatus)),
            parties=tuple(
                Party(actor_id=a, role=draw(st.sampled_from(PartyRole))) for a in ids[:2]
            ),
            date=draw(st.none() | st.dates()),
            evidence=(span(),),
            confidence=draw(st.floats(0, 1)),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    published = draw(st.none() | st.dates() | st.datetimes())
    return Article(
        text=text,
        title=draw(st.none() | st.text(max_size=10)),
        published=published,
        actors=actors,
        quotes=quotes,
        agreements=agreements,
        problems=(Problem(kind="input", message="m"),) if draw(st.booleans()) else (),
    )


@settings(max_examples=60, deadline=None)
@given(articles())
def test_json_round_trip_is_lossless(article: Article) -> None:
    data = article.model_dump_json()
    again = Article.model_validate_json(data)
    assert again == article
    assert again.model_dump_json() == data
