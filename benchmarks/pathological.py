"""Hostile input runs in about linear time: time each case at sizes n and 2n (and 4n).

Usage::

    python benchmarks/pathological.py            # the cases at their full sizes
    python benchmarks/pathological.py --quick    # smaller sizes
    python benchmarks/pathological.py --huge     # also a 3 MB article, processed in full

For every case it prints the seconds at each size and the growth factor per doubling
(about 2 means linear; 4 would mean quadratic), and checks that every span of the result
matches the text. This is a script, not a timed test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import communique

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "examples" / "data" / "kerry-lavrov-geneva.txt").read_text(encoding="utf-8")

CASES: dict[str, Callable[[int], str]] = {
    "quote marks only": lambda n: '"' * n,
    "curly quote marks, unbalanced": lambda n: "“" * (n // 2) + " said Kerry " + "”" * (n // 3),
    "line without punctuation": lambda n: "word " * (n // 5),
    "deeply nested quotes": lambda n: "Kerry said “" + "he said ‘she said “" * (n // 20) + "yes.",
    "one huge paragraph": lambda n: (SEED.replace("\n", " ") + " ") * max(1, n // len(SEED)),
    "control characters": lambda n: "Kerry\x00said\x01“a\x02b”\x0b" * (n // 16),
}


def run(pipeline: communique.Pipeline, text: str) -> float:
    start = time.perf_counter()
    article = pipeline.extract(text)
    seconds = time.perf_counter() - start
    assert article.text == text
    for path, span in article.spans():
        assert text[span.start : span.end] == span.text, path
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=25_000, help="base size n in characters")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--huge", action="store_true", help="also run a 3 MB article")
    args = ap.parse_args()
    base = 5_000 if args.quick else args.size

    pipeline = communique.Pipeline()
    run(pipeline, SEED)  # warm-up
    print(f"| case | {base:,} chars | {2 * base:,} | {4 * base:,} | growth per doubling |")
    print("|---|---|---|---|---|")
    worst = 0.0
    for name, make in CASES.items():
        times = [run(pipeline, make(base * k)) for k in (1, 2, 4)]
        growth = (times[2] / times[0]) ** 0.5 if times[0] > 0 else float("nan")
        worst = max(worst, growth)
        print(f"| {name} | {times[0]:.2f}s | {times[1]:.2f}s | {times[2]:.2f}s | {growth:.2f}× |")
    print(f"\nworst growth per doubling: {worst:.2f}× (2 = linear)")

    if args.huge:
        text = (SEED + "\n") * (3_000_000 // (len(SEED) + 1) + 1)
        start = time.perf_counter()
        article = pipeline.extract(text)
        print(
            f"\n3 MB article ({len(text):,} chars): {time.perf_counter() - start:.0f}s, "
            f"{len(article.actors)} actors, {len(article.quotes)} quotes, "
            f"{len(article.agreements)} agreements, last paragraph ends at "
            f"{article.paragraphs[-1].end} of {len(text)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
