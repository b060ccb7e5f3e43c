"""What storing costs: ``Corpus.ingest`` against ``Pipeline.extract_many`` alone, in one run.

Usage::

    python benchmarks/corpus_ingest.py              # 100 articles: PolNeAR dev if present
    python benchmarks/corpus_ingest.py --docs 40 --rounds 3

Both run on the same texts with the same loaded pipeline; the rounds alternate (extract,
ingest into a new file, extract, ...) so machine load hits both alike, and the best round of
each is compared. The target is a ratio of at most 1.10 (storing adds at most 10%).

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    texts = corpus(args.docs)
    items = [{"id": f"doc-{n}", "text": text} for n, text in enumerate(texts)]
    pipeline = communique.Pipeline()
    list(pipeline.extract_many(items[:4]))  # warm up: lazy loads, caches
    extract_times, ingest_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            start = time.perf_counter()
            articles = list(pipeline.extract_many(items, batch_size=args.batch_size))
            extract_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            with Corpus(Path(tmp) / f"round-{round_}.db") as store:
                report = store.ingest(items, pipeline, batch_size=args.batch_size)
            ingest_times.append(time.perf_counter() - start)
            assert report.stored == len(items), report
    quotes = sum(len(a.quotes) for a in articles)
    best_extract, best_ingest = min(extract_times), min(ingest_times)
    print(f"{len(items)} articles, {sum(len(t.split()) for t in texts):,} words, {quotes} quotes")
    print(
        f"extract_many: {', '.join(f'{t:.2f}' for t in extract_times)} s (best {best_extract:.2f})"
    )
    print(f"ingest:       {', '.join(f'{t:.2f}' for t in ingest_times)} s (best {best_ingest:.2f})")
    print(
        f"ratio ingest / extract (best rounds): {best_ingest / best_extract:.3f} (target <= 1.10)"
    )


if __name__ == "__main__":
    main()
