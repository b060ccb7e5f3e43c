"""Scoring quotes against brat standoff attribution gold (PolNeAR and PARC layouts).

The metric reimplements the shared attribution scorer so that ``communique evaluate`` and
the project's tests report the same figures the project is judged by:

- content pairs are matched one-to-one, greedily by overlap; a pair matches *loose* when the
  Jaccard overlap of their non-space characters is at least 0.5, *strict* when both spans
  are equal after trimming spaces, punctuation and quotation marks at their edges;
- a matched pair's *source* is right when it shares a non-space character with the gold
  source; *attribution* counts matched pairs whose source is right (or both have none);
- direct gold quotes are those whose content contains a double quotation mark.

Predictions are the plain :class:`~communique.models.Quote` objects, unchanged: the model
already follows PolNeAR's conventions (one truth, issue 14). A quote's content keeps the
leading "that" (measured: 2,371 of 2,401 train contents that touch a "that" include it; the
word is also in ``Quote.complementizer``), and a cue-less quotation that carries on a direct
quote in the same paragraph is one of that quote's ``parts``, as PolNeAR annotates it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from communique.models import Article, Quote

if TYPE_CHECKING:
    from communique.pipeline import Pipeline

EDGE = frozenset(" \t\n\r\"'“”‘’«»„‟‹›.,;:!?—–-()[]")
"""Characters trimmed from span edges before the strict comparison."""

DIRECT_MARKS = frozenset('"“”«»')
MIN_JACCARD = 0.5
"""The loose match: a gold and a predicted content sharing half their characters."""

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class GoldAttribution:
    """One gold attribution: its content, source and cue fragments."""

    content: Spans
    source: Spans
    cue: Spans


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions (events with content) of one brat ``.ann`` file."""
    spans: dict[str, Spans] = {}
    events: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2 or not line.strip():
            continue
        if line.startswith("T"):
            _label, _, rest = fields[1].partition(" ")
            try:
                spans[fields[0]] = [
                    (int(a), int(b)) for a, b in (frag.split() for frag in rest.split(";"))
                ]
            except ValueError:
                continue
        elif line.startswith("E"):
            events.append(fields[1].split())
    out = []
    for args in events:
        roles: dict[str, Spans] = {"content": [], "source": [], "cue": []}
        for arg in args:
            role, _, tid = arg.partition(":")
            key = role.rstrip("0123456789").lower()
            if key in roles and tid in spans:
                roles[key].extend(spans[tid])
        if roles["content"]:
            out.append(GoldAttribution(roles["content"], roles["source"], roles["cue"]))
    return out


def load_corpus(corpus_dir: Path, *, limit: int | None = None) -> list[GoldDocument]:
    """Documents of a brat corpus: ``text/NAME.txt`` + ``attributions/NAME_ANNOTATOR.ann``
    (the first annotator file per article, sorted), or ``NAME.txt`` beside ``NAME.ann``."""
    corpus_dir = Path(corpus_dir)
    pairs: dict[str, tuple[Path, Path]] = {}
    if (corpus_dir / "attributions").is_dir():
        for ann in sorted((corpus_dir / "attributions").glob("*.ann")):
            name = ann.stem.rsplit("_", 1)[0]
            txt = corpus_dir / "text" / f"{name}.txt"
            if name not in pairs and txt.is_file():
                pairs[name] = (txt, ann)
    else:
        for ann in sorted(corpus_dir.rglob("*.ann")):
            txt = ann.with_suffix(".txt")
            if txt.is_file():
                pairs.setdefault(ann.stem, (txt, ann))
    names = sorted(pairs)[:limit] if limit is not None else sorted(pairs)
    return [
        GoldDocument(
            name, pairs[name][0].read_text(encoding="utf-8"), tuple(read_ann(pairs[name][1]))
        )
        for name in names
    ]


# -- predictions ---------------------------------------------------------------------------


def quote_predictions(quotes: Sequence[Quote]) -> list[dict[str, Any]]:
    """Quotes in the scorer's format: each quote's ``parts`` (or ``content``), source and cue.

    No merging and no re-attaching: what the scorer sees is what a user reads. Besides
    ``content``, ``source`` and ``cue`` each prediction carries ``kind``, ``confidence`` and
    ``negated``, which the scorer ignores and error analysis uses.
    """
    return [
        {
            "content": [[s.start, s.end] for s in quote.parts]
            or [[quote.content.start, quote.content.end]],
            "source": [quote.speaker_mention.start, quote.speaker_mention.end]
            if quote.speaker_mention
            else None,
            "cue": [quote.cue.start, quote.cue.end] if quote.cue else None,
            "kind": quote.kind.value,
            "confidence": quote.confidence,
            "negated": quote.negated,
        }
        for quote in quotes
    ]


def predictions_jsonl(articles: Iterable[Article]) -> Iterator[str]:
    """One JSON line per article in the shared scorer's prediction format."""
    for article in articles:
        yield json.dumps(
            {"id": article.id, "quotes": quote_predictions(article.quotes)}, ensure_ascii=False
        )


# -- scoring -------------------------------------------------------------------------------


def _as_spans(value: Any) -> Spans:
    if not value:
        return []
    if isinstance(value[0], (int, float)):
        return [(int(value[0]), int(value[1]))]
    return [(int(a), int(b)) for a, b in value]


def _charset(text: str, spans: Spans) -> set[int]:
    return {i for a, b in spans for i in range(a, min(b, len(text))) if not text[i].isspace()}


def _trimmed(text: str, spans: Spans) -> tuple[int, int] | None:
    if not spans:
        return None
    a, b = min(s for s, _ in spans), max(e for _, e in spans)
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    return a, b


def _jaccard(x: set[int], y: set[int]) -> float:
    return len(x & y) / len(x | y) if x or y else 0.0


def _is_direct(text: str, spans: Spans) -> bool:
    return any(ch in DIRECT_MARKS for a, b in spans for ch in text[a:b])


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": npred,
        "gold": ngold,
    }


_TALLIES = (
    "gold",
    "pred",
    "loose",
    "strict",
    "src_ok",
    "src_gold",
    "cue_ok",
    "both",
    "gold_direct",
    "loose_direct",
    "gold_indirect",
    "loose_indirect",
)


def match_attributions(
    text: str,
    gold: Sequence[GoldAttribution],
    pred: Sequence[dict[str, Any]],
    min_jaccard: float = MIN_JACCARD,
) -> list[tuple[int, int]]:
    """The scorer's loose matching: greedy one-to-one pairs (gold index, prediction index),
    best content overlap first, of pairs whose non-space characters overlap by Jaccard
    ``min_jaccard`` or more. Public so that error analysis (``benchmarks/quote_buckets.py``)
    pairs quotes exactly as :func:`score` does.

    Example:
        >>> gold = [GoldAttribution(content=[(0, 9)], cue=[], source=[])]
        >>> preds = [{"content": [[0, 8]]}, {"content": [[10, 15]]}]
        >>> match_attributions("We agree. Fine.", gold, preds)
        [(0, 0)]
    """
    gsets = [_charset(text, g.content) for g in gold]
    psets = [_charset(text, _as_spans(p.get("content"))) for p in pred]
    pairs = sorted(
        (
            (_jaccard(gs, ps), i, j)
            for i, gs in enumerate(gsets)
            for j, ps in enumerate(psets)
            if gs & ps
        ),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    matched: list[tuple[int, int]] = []
    for value, i, j in pairs:
        if value < min_jaccard or i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        matched.append((i, j))
    return matched


def _tally(
    tot: dict[str, int],
    text: str,
    gold: Sequence[GoldAttribution],
    pred: list[dict[str, Any]],
    matched: list[tuple[int, int]],
) -> None:
    """Add one document's counts to ``tot``."""
    tot["gold"] += len(gold)
    tot["pred"] += len(pred)
    direct = [_is_direct(text, g.content) for g in gold]
    tot["gold_direct"] += sum(direct)
    tot["gold_indirect"] += len(gold) - sum(direct)
    for i, j in matched:
        g, p = gold[i], pred[j]
        tot["loose"] += 1
        tot["loose_direct" if direct[i] else "loose_indirect"] += 1
        if _trimmed(text, g.content) == _trimmed(text, _as_spans(p.get("content"))):
            tot["strict"] += 1
        src_ok = False
        if g.source:
            tot["src_gold"] += 1
            src_ok = bool(_charset(text, g.source) & _charset(text, _as_spans(p.get("source"))))
            tot["src_ok"] += src_ok
        if g.cue and _charset(text, g.cue) & _charset(text, _as_spans(p.get("cue"))):
            tot["cue_ok"] += 1
        if src_ok or (not g.source and not p.get("source")):
            tot["both"] += 1


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score(
    documents: Sequence[GoldDocument],
    predictions: dict[str, list[dict[str, Any]]],
    *,
    min_jaccard: float = MIN_JACCARD,
) -> dict[str, Any]:
    """Precision, recall and F1 of predicted quotes against the gold documents."""
    tot = dict.fromkeys(_TALLIES, 0)
    missing = 0
    for doc in documents:
        if doc.name not in predictions:
            missing += 1
        pred = predictions.get(doc.name, [])
        matched = match_attributions(doc.text, doc.attributions, pred, min_jaccard)
        _tally(tot, doc.text, doc.attributions, pred, matched)
    return {
        "articles": len(documents),
        "articles_without_prediction": missing,
        "content_loose": _prf(tot["loose"], tot["pred"], tot["gold"]),
        "content_strict": _prf(tot["strict"], tot["pred"], tot["gold"]),
        "attribution_loose": _prf(tot["both"], tot["pred"], tot["gold"]),
        "recall_direct": _ratio(tot["loose_direct"], tot["gold_direct"]),
        "recall_indirect": _ratio(tot["loose_indirect"], tot["gold_indirect"]),
        "source_accuracy_on_matched": _ratio(tot["src_ok"], tot["src_gold"]),
        "cue_accuracy_on_matched": _ratio(tot["cue_ok"], tot["loose"]),
    }


def evaluate_attributions(
    corpus_dir: Path,
    pipeline: Pipeline,
    *,
    limit: int | None = None,
    predictions_path: Path | None = None,
) -> dict[str, Any]:
    """Run ``pipeline`` over a brat attribution corpus and score its quotes.

    With ``predictions_path``, the predictions are also written there in the shared
    scorer's JSON-lines format, so an independent scorer can check the figures.

    Example:
        >>> # Not run by the doctests: it needs the PolNeAR corpus, which is not shipped.
        >>> report = evaluate_attributions(Path("polnear/dev"), Pipeline())  # doctest: +SKIP
        >>> print(format_report(report))  # doctest: +SKIP
    """
    documents = load_corpus(Path(corpus_dir), limit=limit)
    items = [{"text": d.text, "id": d.name} for d in documents]
    predictions: dict[str, list[dict[str, Any]]] = {}
    problems = 0
    for article in pipeline.extract_many(items):
        predictions[article.id] = quote_predictions(article.quotes)
        problems += len(article.problems)
    if predictions_path is not None:
        with Path(predictions_path).open("w", encoding="utf-8") as handle:
            for name, quotes in predictions.items():
                handle.write(json.dumps({"id": name, "quotes": quotes}, ensure_ascii=False) + "\n")
    report = score(documents, predictions)
    report["corpus"] = str(corpus_dir)
    report["problems"] = problems
    return report


def format_report(report: dict[str, Any]) -> str:
    """A short human-readable summary; the last line matches the shared scorer's digest."""
    lines = [f"corpus: {report.get('corpus', '?')} ({report['articles']} articles)"]
    for key in ("content_loose", "content_strict", "attribution_loose"):
        m = report[key]
        lines.append(
            f"  {key:<18} P {m['p']:.3f}  R {m['r']:.3f}  F1 {m['f1']:.3f}  "
            f"(tp {m['tp']}, pred {m['pred']}, gold {m['gold']})"
        )
    for key in (
        "recall_direct",
        "recall_indirect",
        "source_accuracy_on_matched",
        "cue_accuracy_on_matched",
    ):
        lines.append(f"  {key:<27} {report[key]}")
    if report.get("problems"):
        lines.append(f"  pipeline problems recorded: {report['problems']}")
    cl, ct, at = report["content_loose"], report["content_strict"], report["attribution_loose"]
    lines.append(
        f"content F1 loose {cl['f1']:.3f} (P {cl['p']:.3f} R {cl['r']:.3f}) strict "
        f"{ct['f1']:.3f}; with source {at['f1']:.3f}; direct R {report['recall_direct']}; "
        f"indirect R {report['recall_indirect']}"
    )
    return "\n".join(lines)


__all__ = [
    "GoldAttribution",
    "GoldDocument",
    "evaluate_attributions",
    "format_report",
    "load_corpus",
    "match_attributions",
    "predictions_jsonl",
    "quote_predictions",
    "read_ann",
    "score",
]
