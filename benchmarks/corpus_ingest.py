"""What storing costs: ``Corpus.ingest`` against ``Pipeline.extract_many`` alone, in one run.

Usage::

    python benchmarks/corpus_ingest.py              # 60 articles: PolNeAR dev if present
    python benchmarks/corpus_ingest.py --docs 40 --rounds 3

Both run on the same texts with the same loaded pipeline. The rounds alternate (extract,
ingest into a new file, extract, ...) so that machine load hits both alike; the ratio of
each round, their median and the ratio of the best rounds are reported. Times are CPU
seconds of this process (``time.process_time``), which other processes on a shared machine
inflate less than wall-clock seconds (printed too). ``add`` times storing the extracted
Articles alone. The target is a ratio of at most 1.10 (storing adds at most 10%).

This is a script, not a timed test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from throughput import corpus

import communique
from communique.corpus import Corpus


def clocks() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def since(start: tuple[float, float]) -> tuple[float, float]:
    now = clocks()
    return now[0] - start[0], now[1] - start[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    texts = corpus(args.docs)
    items = [{"id": f"doc-{n}", "text": text} for n, text in enumerate(texts)]
    pipeline = communique.Pipeline()
    list(pipeline.extract_many(items[:4]))  # warm up: lazy loads, caches
    extract, ingest, add = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            start = clocks()
            articles = list(pipeline.extract_many(items, batch_size=args.batch_size))
            extract.append(since(start))
            start = clocks()
            with Corpus(Path(tmp) / f"ingest-{round_}.db") as store:
                report = store.ingest(items, pipeline, batch_size=args.batch_size)
            ingest.append(since(start))
            assert report.stored == len(items), report
            start = clocks()
            with Corpus(Path(tmp) / f"add-{round_}.db") as store:
                store.add(articles)
            add.append(since(start))
    quotes = sum(len(a.quotes) for a in articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(items)} articles, {words:,} words, {quotes:,} quotes, {args.rounds} rounds")
    for label, runs in (("extract_many", extract), ("ingest", ingest), ("add (store only)", add)):
        cpu = ", ".join(f"{c:.2f}" for c, _ in runs)
        wall = ", ".join(f"{w:.2f}" for _, w in runs)
        print(f"{label:17} CPU s: {cpu} (best {min(runs)[0]:.2f}); wall s: {wall}")
    best_extract, best_ingest, best_add = (min(c for c, _ in r) for r in (extract, ingest, add))
    paired = sorted(i[0] / e[0] for i, e in zip(ingest, extract, strict=True))
    middle = len(paired) // 2
    median = paired[middle] if len(paired) % 2 else (paired[middle - 1] + paired[middle]) / 2
    print(f"ratio ingest / extract per round (CPU): {', '.join(f'{r:.3f}' for r in paired)}")
    print(f"ratio ingest / extract (CPU, median of rounds): {median:.3f}")
    print(f"ratio ingest / extract (CPU, best rounds): {best_ingest / best_extract:.3f}")
    print(f"ratio (extract + add) / extract (CPU): {(best_extract + best_add) / best_extract:.3f}")
    print("target: at most 1.10")


if __name__ == "__main__":
    main()
