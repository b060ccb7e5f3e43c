"""The attribution evaluator, on a tiny brat corpus written by the tests themselves."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from communique.evaluate import (
    evaluate_attributions,
    format_report,
    load_corpus,
    predictions_jsonl,
    quote_predictions,
    read_ann,
    score,
)
from communique.models import Article, Quote, QuoteKind, Span

TEXT_A = (
    "“We will not leave,” the commander said. "
    "Officials said that the road was closed. "
    "The weather was cold."
)
TEXT_B = "According to the agency, prices rose."


def _off(text: str, snippet: str) -> tuple[int, int]:
    start = text.index(snippet)
    return start, start + len(snippet)


def _ann(text: str, events: list[dict[str, str]]) -> str:
    lines, t = [], 0
    for e, event in enumerate(events, 1):
        args = []
        for role in ("Source", "Cue", "Content"):
            if role.lower() not in event:
                continue
            t += 1
            a, b = _off(text, event[role.lower()])
            lines.append(f"T{t}\t{role} {a} {b}\t{text[a:b]}")
            args.append(f"{role}:T{t}")
        t += 1
        a, b = _off(text, event["cue"])
        lines.append(f"T{t}\tAttribution {a} {b}\t{text[a:b]}")
        lines.append(f"E{e}\tAttribution:T{t} " + " ".join(args))
    return "\n".join(lines) + "\n"


EVENTS_A = [
    {"source": "the commander", "cue": "said", "content": "“We will not leave,”"},
    {"source": "Officials", "cue": "said", "content": "that the road was closed"},
]
EVENTS_B = [{"source": "the agency", "cue": "According to", "content": "prices rose"}]


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "text" / "b.txt").write_text(TEXT_B, encoding="utf-8")
    (tmp_path / "attributions" / "a_ann1.ann").write_text(_ann(TEXT_A, EVENTS_A), "utf-8")
    # a second annotator file for a: the first in sorted order is used
    (tmp_path / "attributions" / "a_ann2.ann").write_text("", "utf-8")
    (tmp_path / "attributions" / "b_ann1.ann").write_text(_ann(TEXT_B, EVENTS_B), "utf-8")
    return tmp_path


def _pred(
    text: str, content: str, source: str | None = None, cue: str | None = None
) -> dict[str, Any]:
    return {
        "content": [list(_off(text, content))],
        "source": list(_off(text, source)) if source else None,
        "cue": list(_off(text, cue)) if cue else None,
    }


def test_read_ann(corpus: Path) -> None:
    gold = read_ann(corpus / "attributions" / "a_ann1.ann")
    assert len(gold) == 2
    assert TEXT_A[slice(*gold[1].content[0])] == "that the road was closed"
    assert TEXT_A[slice(*gold[0].source[0])] == "the commander"


def test_read_ann_discontinuous_and_junk(tmp_path: Path) -> None:
    path = tmp_path / "x.ann"
    path.write_text(
        "T1\tContent 0 3;5 8\tabc def\nT2\tCue 9 10\tx\nbroken line\n"
        "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T9\n",
        "utf-8",
    )
    (gold,) = read_ann(path)
    assert gold.content == [(0, 3), (5, 8)] and gold.source == [] and gold.cue == [(9, 10)]


def test_load_corpus_layouts(corpus: Path, tmp_path: Path) -> None:
    docs = load_corpus(corpus)
    assert [d.name for d in docs] == ["a", "b"]
    assert len(docs[0].attributions) == 2  # a_ann1 chosen over the empty a_ann2
    assert [d.name for d in load_corpus(corpus, limit=1)] == ["a"]
    parc = tmp_path / "parc"
    parc.mkdir()
    (parc / "wsj_0001.txt").write_text(TEXT_B, "utf-8")
    (parc / "wsj_0001.ann").write_text(_ann(TEXT_B, EVENTS_B), "utf-8")
    (doc,) = load_corpus(parc)
    assert doc.name == "wsj_0001" and len(doc.attributions) == 1


def test_perfect_predictions(corpus: Path) -> None:
    docs = load_corpus(corpus)
    preds = {
        "a": [
            _pred(TEXT_A, "We will not leave,", "the commander", "said"),
            _pred(TEXT_A, "that the road was closed", "Officials", "said"),
        ],
        "b": [_pred(TEXT_B, "prices rose", "the agency", "According to")],
    }
    report = score(docs, preds)
    for key in ("content_loose", "content_strict", "attribution_loose"):
        assert report[key]["f1"] == 1.0, key
    assert report["recall_direct"] == 1.0 and report["recall_indirect"] == 1.0
    assert report["source_accuracy_on_matched"] == 1.0
    assert report["cue_accuracy_on_matched"] == 1.0


def test_loose_strict_and_source(corpus: Path) -> None:
    docs = load_corpus(corpus)
    preds = {
        # loose only: misses "that" (strict compares after trimming punctuation, not words)
        "a": [
            _pred(TEXT_A, "the road was closed", "the commander", "said"),
            # a wrong prediction: no overlap with any gold
            _pred(TEXT_A, "The weather was cold"),
        ],
        "b": [],
    }
    report = score(docs, preds)
    loose, strict = report["content_loose"], report["content_strict"]
    assert (loose["tp"], loose["pred"], loose["gold"]) == (1, 2, 3)
    assert loose["p"] == 0.5 and loose["r"] == round(1 / 3, 4)
    assert strict["tp"] == 0
    assert report["attribution_loose"]["tp"] == 0  # source "the commander" is wrong there
    assert report["recall_direct"] == 0.0 and report["recall_indirect"] == 0.5
    assert report["articles_without_prediction"] == 0


def test_jaccard_threshold(corpus: Path) -> None:
    docs = load_corpus(corpus)[1:]
    # "rose" is 4 of the 10 non-space characters of "prices rose": below 0.5
    assert score(docs, {"b": [_pred(TEXT_B, "rose")]})["content_loose"]["tp"] == 0
    assert score(docs, {"b": [_pred(TEXT_B, "prices ros")]})["content_loose"]["tp"] == 1
    assert score(docs, {})["articles_without_prediction"] == 1


def test_one_to_one_matching(corpus: Path) -> None:
    docs = load_corpus(corpus)[1:]
    preds = {"b": [_pred(TEXT_B, "prices rose"), _pred(TEXT_B, "prices rose.")]}
    report = score(docs, preds)
    assert report["content_loose"]["tp"] == 1 and report["content_loose"]["pred"] == 2


def _quote(
    text: str, qid: str, content: str, kind: QuoteKind = QuoteKind.INDIRECT, **fields: Any
) -> Quote:
    a, b = _off(text, content)
    return Quote(id=qid, kind=kind, content=Span.of(text, a, b), **fields)


def test_quote_predictions_are_the_plain_quotes() -> None:
    # one truth: the exporter neither merges continuations nor re-attaches "that"; the model
    # already carries both (content from the "that", continuations as parts or links)
    text = "Officials said that the road was closed.\n“Maybe for weeks.”"
    q1 = _quote(
        text,
        "quote-1",
        "that the road was closed",
        complementizer=Span.of(text, *_off(text, "that")),
    )
    q2 = _quote(
        text, "quote-2", "Maybe for weeks.", QuoteKind.DIRECT, continues="quote-1", negated=True
    )
    preds = quote_predictions([q1, q2])
    got = [[text[a:b] for a, b in p["content"]] for p in preds]
    assert got == [["that the road was closed"], ["Maybe for weeks."]]
    assert [p["negated"] for p in preds] == [False, True]


def test_predictions_jsonl_and_split_parts() -> None:
    text = "“We are close,” Kerry said, “but not there.”"
    a, b = _off(text, "We are close,")
    c, d = _off(text, "but not there.")
    quote = Quote(
        id="quote-1",
        kind=QuoteKind.DIRECT,
        content=Span.of(text, a, d),
        parts=(Span.of(text, a, b), Span.of(text, c, d)),
        cue=Span.of(text, *_off(text, "said")),
        speaker_mention=Span.of(text, *_off(text, "Kerry")),
    )
    article = Article(id="doc-x", text=text, quotes=(quote,))
    (line,) = list(predictions_jsonl([article]))
    obj = json.loads(line)
    assert obj["id"] == "doc-x"
    (pred,) = obj["quotes"]
    assert pred["content"] == [[a, b], [c, d]]
    assert pred["source"] == list(_off(text, "Kerry")) and pred["cue"] == list(_off(text, "said"))


class FakePipeline:
    """Duck-typed pipeline: 'extracts' the gold content of corpus a, nothing for b."""

    def extract_many(self, items: Iterable[dict[str, Any]]) -> Iterator[Article]:
        for item in items:
            text, doc_id = item["text"], item["id"]
            quotes: tuple[Quote, ...] = ()
            if doc_id == "a":
                quotes = (
                    _quote(
                        text,
                        "quote-1",
                        "that the road was closed",
                        complementizer=Span.of(text, *_off(text, "that")),
                    ),
                )
            yield Article(id=doc_id, text=text, quotes=quotes)


def test_evaluate_attributions_and_report(corpus: Path) -> None:
    report = evaluate_attributions(corpus, FakePipeline(), limit=None)  # type: ignore[arg-type]
    assert report["articles"] == 2
    assert report["content_strict"]["tp"] == 1  # content from the "that", as PolNeAR has it
    assert report["content_loose"]["p"] == 1.0
    text = format_report(report)
    assert text.splitlines()[-1].startswith("content F1 loose 0.500 (P 1.000 R 0.333) strict")
    assert "direct R 0.0; indirect R 0.5" in text
