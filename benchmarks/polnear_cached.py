"""Rerun the extractors on cached PolNeAR parses: the quote developer's inner loop.

Parsing PolNeAR train and dev takes minutes; the extractors take seconds. This script parses
each split once with :meth:`communique.pipeline.Pipeline.parse` (exactly what ``extract``
sees), stores the ``Doc`` objects in a spaCy ``DocBin``, and then reruns only the extractors
on them, writing predictions in the shared scorer's format and printing the figures the
project tracks. Nothing from PolNeAR is written inside the repository: caches and predictions
go to ``--work`` (default ``/tmp/polnear_cached``).

The splits are the ones every closing note reports: ``a`` = the first 200 train articles in
sorted order, ``b`` = the next 200, ``c`` = the remaining 440, ``dev`` = all of dev (84).
Develop on a, confirm on b and c, look at dev last.

Usage::

    python benchmarks/polnear_cached.py cache               # once per machine (~5 min)
    python benchmarks/polnear_cached.py run TAG a b c dev   # writes WORK/{split}_{TAG}.jsonl

The figures printed are those of :func:`communique.evaluate.score` (the shared scorer's own
reimplementation; ``python ../shared/eval/attribution_score.py GOLD PRED`` gives the same).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import time
from pathlib import Path
from typing import Any

from communique.evaluate import GoldDocument, load_corpus, quote_predictions, score

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear"
SPLITS = {"a": ("train", 0, 200), "b": ("train", 200, 400), "c": ("train", 400, None)}
SPLITS["dev"] = ("dev", 0, None)


def documents(split: str, root: Path) -> list[GoldDocument]:
    """The gold documents of one split."""
    corpus, start, stop = SPLITS[split]
    return load_corpus(root / corpus)[start:stop]


def _parse_all(texts: list[str]) -> bytes:
    from spacy.tokens import DocBin

    from communique.pipeline import Pipeline

    pipeline = Pipeline()
    docs = DocBin(store_user_data=True)
    for text in texts:
        docs.add(pipeline.parse(text))
    return bytes(docs.to_bytes())


def cache(root: Path, work: Path, splits: list[str]) -> None:
    """Parse each split once (two processes) and store the Docs."""
    work.mkdir(parents=True, exist_ok=True)
    for split in splits:
        texts = [d.text for d in documents(split, root)]
        half = (len(texts) + 1) // 2
        started = time.time()
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            blobs = pool.map(_parse_all, [texts[:half], texts[half:]])
        (work / f"cache_{split}.0").write_bytes(blobs[0])
        (work / f"cache_{split}.1").write_bytes(blobs[1])
        print(f"{split}: {len(texts)} articles parsed in {time.time() - started:.0f} s")


def _cached_docs(work: Path, split: str, vocab: Any) -> list[Any]:
    from spacy.tokens import DocBin

    docs: list[Any] = []
    for part in (0, 1):
        blob = (work / f"cache_{split}.{part}").read_bytes()
        docs += list(DocBin().from_bytes(blob).get_docs(vocab))
    return docs


def run(root: Path, work: Path, tag: str, splits: list[str]) -> None:
    """Run the extractors on the cached parses and print each split's figures."""
    from communique.intake import take
    from communique.pipeline import Pipeline

    pipeline = Pipeline()
    for split in splits:
        gold = documents(split, root)
        docs = _cached_docs(work, split, pipeline.nlp.vocab)
        if [d.text for d in docs] != [g.text for g in gold]:
            raise SystemExit(f"cache for {split} is stale: run `cache` again")
        predictions: dict[str, list[dict[str, Any]]] = {}
        failed: list[str] = []
        out = work / f"{split}_{tag}.jsonl"
        with out.open("w", encoding="utf-8") as handle:
            for document, doc in zip(gold, docs, strict=True):
                intake = take({"text": document.text, "id": document.name}, 0, lenient=False)
                article = pipeline._runner.run(intake, doc, pipeline.knowledge).article()
                failed += [
                    f"{document.name}: {p.message}"
                    for p in article.problems
                    if p.kind in ("extractor_error", "invalid_output")
                ]
                predictions[document.name] = quote_predictions(article.quotes)
                line = {"id": document.name, "quotes": predictions[document.name]}
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        print(f"{split:>3} {tag}: {summary(score(gold, predictions))}")
        for line in failed:  # an extractor that raised loses its article: never silent here
            print(f"    extractor error in {line}")


def summary(report: dict[str, Any]) -> str:
    """One line: predictions, loose F1 (P / R, tp), strict, with source, direct/indirect R."""
    loose, strict = report["content_loose"], report["content_strict"]
    source = report["attribution_loose"]
    return (
        f"pred {loose['pred']} loose {loose['f1']:.4f} (P {loose['p']:.3f} R {loose['r']:.3f}"
        f" tp {loose['tp']}) strict {strict['f1']:.4f} (tp {strict['tp']})"
        f" source {source['f1']:.4f} (tp {source['tp']})"
        f" dR {report['recall_direct']:.4f} iR {report['recall_indirect']:.4f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--work", type=Path, default=Path("/tmp/polnear_cached"))
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("cache").add_argument("splits", nargs="*", default=list(SPLITS))
    runner = sub.add_parser("run")
    runner.add_argument("tag")
    runner.add_argument("splits", nargs="*", default=list(SPLITS))
    args = parser.parse_args()
    unknown = set(args.splits) - set(SPLITS)
    if unknown:
        parser.error(f"unknown split(s): {', '.join(sorted(unknown))}")
    if not args.polnear.is_dir():
        parser.error(f"no PolNeAR at {args.polnear}")
    if args.command == "cache":
        cache(args.polnear, args.work, args.splits)
    else:
        run(args.polnear, args.work, args.tag, args.splits)


if __name__ == "__main__":
    main()
