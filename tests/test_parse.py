"""The parse view: one read-only copy of the parse, with paragraphs, headline and dateline."""

from __future__ import annotations

from typing import Any

import pytest

from communique.models import Span
from communique.parse import ParseView, find_dateline

TEXT = (
    "Talks resume in Geneva\n"
    "GENEVA (AP) — John Kerry met Sergei Lavrov on Friday. They talked for hours.\n"
    "Lavrov said the talks went well."
)


@pytest.fixture(scope="module")
def view(nlp: Any) -> ParseView:
    return ParseView.build(nlp(TEXT))


def test_paragraphs_headline_and_dateline(view: ParseView) -> None:
    assert len(view.paragraphs) == 3
    assert view.headline is not None and view.headline.text == "Talks resume in Geneva"
    assert view.dateline is not None
    assert view.dateline.span.text == "GENEVA (AP) —"
    assert view.dateline.place == "GENEVA" and view.dateline.agency == "AP"


@pytest.mark.parametrize(
    ("line", "place", "agency", "span"),
    [
        ("BUFFALO, N.Y. (AP) — A storm hit.", "BUFFALO, N.Y.", "AP", "BUFFALO, N.Y. (AP) —"),
        (
            "HANOI, Vietnam (Reuters) - Talks resumed.",
            "HANOI, Vietnam",
            "Reuters",
            "HANOI, Vietnam (Reuters) -",
        ),
        ("WASHINGTON — The Senate voted.", "WASHINGTON", None, "WASHINGTON —"),
        ("Lisbon (AFP) – Talks resumed.", "Lisbon", "AFP", "Lisbon (AFP) –"),
        (
            "Porto, Portugal, May 3 (Lusa) — Talks resumed.",
            "Porto, Portugal",
            "Lusa",
            "Porto, Portugal, May 3 (Lusa) —",
        ),
    ],
)
def test_wire_datelines(line: str, place: str, agency: str | None, span: str) -> None:
    found = find_dateline(line, Span.of(line, 0, len(line)))
    assert found is not None
    assert (found.place, found.agency, found.span.text) == (place, agency, span)


@pytest.mark.parametrize(
    "line",
    [
        "Kerry said on Friday — to no one — that he would go.",
        "US, Russia achieve clarity on new Syrian truce",
        "A - B",
        # a lawmaker's party and state in brackets is not an agency
        "Ted Cruz (R-Texas) — who had left — came back.",
        # mixed-case words need the agency in brackets
        "Lisbon — a city of hills.",
    ],
)
def test_no_dateline(line: str) -> None:
    assert find_dateline(line, Span.of(line, 0, len(line))) is None


def test_tokens_and_lookups(view: ParseView, nlp: Any) -> None:
    doc = view.doc
    assert view.words == [t.text for t in doc]
    assert view.head == [t.head.i for t in doc]
    assert view.lemma == [t.lemma_.lower() for t in doc]
    assert view.ent_type == [t.ent_type_ for t in doc]
    assert view.ent_iob == [t.ent_iob_ if t.ent_iob_ != "O" else "" for t in doc]
    kerry = TEXT.index("Kerry")
    i = view.token_at(kerry)
    assert view.words[i] == "Kerry"
    assert view.paragraph_index(kerry) == 1 == view.para[i]
    assert view.sentences[view.sentence_of(i)][0] <= i < view.sentences[view.sentence_of(i)][1]
    assert [e.text for e in view.entities if e.label == "PERSON"][:2] == [
        "John Kerry",
        "Sergei Lavrov",
    ]
    sentence = next(s for s in doc.sents if "Kerry" in s.text)
    assert [e.text for e in view.ents_in(sentence)] == [e.text for e in sentence.ents]


def test_view_does_not_write_to_the_doc(nlp: Any) -> None:
    doc = nlp(TEXT)
    before = dict(doc.user_data)
    view = ParseView.build(doc)
    view.ents_in(doc[0 : len(doc)])
    assert dict(doc.user_data) == before


def test_pipeline_sets_the_article_dateline(pipeline: Any) -> None:
    article = pipeline.extract(TEXT)
    assert article.dateline is not None and article.dateline.text == "GENEVA (AP) —"
    assert article.dateline_place == "GENEVA"
    assert pipeline.extract("Kerry spoke.").dateline is None


@pytest.mark.parametrize(
    ("text", "headline", "dateline"),
    [
        # a headline that ends with a full stop is still the headline when a dateline follows
        (
            "Talks resume in Geneva after a long pause.\nGENEVA (AP) — Kerry met Lavrov.",
            "Talks resume in Geneva after a long pause.",
            "GENEVA (AP) —",
        ),
        (
            "Talks resume in Geneva\nLisbon (AFP) – Kerry met Lavrov.",
            "Talks resume in Geneva",
            "Lisbon (AFP) –",
        ),
        # a first sentence of the story with no dateline after it is not a headline
        ("Kerry met Lavrov.\nThey talked for hours.", None, None),
        ("GENEVA (AP) — Kerry met Lavrov.\nThey talked for hours.", None, "GENEVA (AP) —"),
    ],
)
def test_headline_and_dateline(
    nlp: Any, text: str, headline: str | None, dateline: str | None
) -> None:
    view = ParseView.build(nlp(text))
    assert (view.headline.text if view.headline else None) == headline
    assert (view.dateline.span.text if view.dateline else None) == dateline


_BODY = "the minister said on Tuesday that the talks would resume after the holiday weekend."


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        # a web page's headline, deck, time stamp and key points above the body's dateline
        (
            "Talks to resume\n\nMinister hopeful after a long pause\n\nTuesday 4 November, "
            f"16:30\n\nKey takeaways\n\nSANTIAGO, Chile — Negotiators met again as {_BODY}",
            "SANTIAGO, Chile —",
        ),
        # a labelled note, however long, is front matter too
        (
            "Talks to resume\n\nEditor's note: This story is part of a series on regional "
            "diplomacy and was updated on Wednesday with comment from the ministry of foreign "
            f"affairs and two of its regional envoys.\n\nVILNIUS — Negotiators met as {_BODY}",
            "VILNIUS —",
        ),
        # the South Asian colon dateline, once, before a sentence
        (
            f"Talks to resume\n\nNEW DELHI: Negotiators met again in the capital, and {_BODY}",
            "NEW DELHI:",
        ),
        # not a dateline: a title-case headline with a label, a transcript's turns, a
        # furniture label, a dateline-like line after the body has begun
        ("BOOM: Trump Just Fired A Missile Directly At The Campaign\n\nThe rally went on.", None),
        (
            f"Debate night\n\nJOEL BENENSON: This is a man who said that {_BODY}\n\n"
            f"JAKE TAPPER: Let me ask you again whether {_BODY}",
            None,
        ),
        (f"Talks to resume\n\nBREAKING — Negotiators met again as {_BODY}", None),
        # a lone transcript turn under a headline speaks in the first person
        (f"Senator on the budget\n\nOKAFOR: We have the votes, and I think {_BODY}", None),
        (
            f"Negotiators met again in the capital on Tuesday, and {_BODY} They talked for "
            f"hours and agreed to meet again.\n\nGENEVA — Negotiators also met in Switzerland, "
            f"where {_BODY}",
            None,
        ),
    ],
)
def test_dateline_opening_the_body(nlp: Any, text: str, dateline: str | None) -> None:
    view = ParseView.build(nlp(text))
    assert (view.dateline.span.text if view.dateline else None) == dateline


def test_a_colon_dateline_is_no_speaker(pipeline: Any) -> None:
    article = pipeline.extract(
        "Water takes centre stage\n\nJODHPUR: Chief Minister Suresh Bhandari on Saturday "
        "accused the opposition of practising “the politics of promises” at a rally."
    )
    assert article.dateline is not None and article.dateline.text == "JODHPUR:"
    assert all(
        q.speaker_mention is None or q.speaker_mention.text != "JODHPUR" for q in article.quotes
    )
