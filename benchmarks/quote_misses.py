"""Bucket the gold attributions a prediction file misses: why each one was not matched.

The counterpart of ``quote_buckets.py`` (which buckets predictions). Each gold content that
the shared scorer's loose matching leaves unmatched gets one bucket:

- ``none``: no prediction overlaps it at all (a recall problem: no cue, no frame);
- ``used``: an overlapping prediction matched another gold content (two gold over one ours);
- ``long``: an unmatched prediction overlaps it and runs past it (ours too long);
- ``short``: an unmatched prediction overlaps it and lies inside it (ours too short);
- ``cross``: an unmatched prediction overlaps it and starts or ends on the other side.

Each miss is reported with its gold cue words (lower-cased), so the table shows which cues
the misses hang on; ``--show BUCKET`` prints examples with the overlapping prediction.

Usage::

    python benchmarks/quote_misses.py ../shared/data/polnear/dev p.jsonl [--kind indirect]
        [--show none] [--cue said] [--n 20] [--seed 0]
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path
from typing import Any

from communique.evaluate import DIRECT_MARKS, GoldAttribution, load_corpus, match_attributions


def _extent(spans: Any) -> tuple[int, int]:
    return min(a for a, _ in spans), max(b for _, b in spans)


def _bucket(gold: tuple[int, int], preds: list[dict[str, Any]], used: set[int]) -> tuple[str, Any]:
    start, end = gold
    overlapping = [
        (i, p) for i, p in enumerate(preds) if any(a < end and start < b for a, b in p["content"])
    ]
    if not overlapping:
        return "none", None
    free = [(i, p) for i, p in overlapping if i not in used]
    if not free:
        return "used", overlapping[0][1]
    _, pred = free[0]
    p_start, p_end = _extent(pred["content"])
    if p_start <= start and p_end >= end:
        return "long", pred
    if p_start >= start and p_end <= end:
        return "short", pred
    return "cross", pred


def misses(
    gold_dir: Path, pred_path: Path, kind: str
) -> list[tuple[str, str, str, GoldAttribution, Any, str]]:
    """(bucket, cue, kind, gold, overlapping prediction, text) for each unmatched gold."""
    predictions = {}
    for line in pred_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        predictions[row["id"]] = row["quotes"]
    out = []
    for doc in load_corpus(gold_dir):
        preds = predictions.get(doc.name, [])
        matched = match_attributions(doc.text, doc.attributions, preds)
        used = {p for _, p in matched}
        hit = {g for g, _ in matched}
        for g, att in enumerate(doc.attributions):
            if g in hit or not att.content:
                continue
            start, end = _extent(att.content)
            direct = any(c in DIRECT_MARKS for c in doc.text[start:end])
            this_kind = "direct" if direct else "indirect"
            if kind != "all" and this_kind != kind:
                continue
            bucket, pred = _bucket((start, end), preds, used)
            cue = " ".join(doc.text[a:b] for a, b in att.cue).lower() or "-"
            out.append((bucket, cue, this_kind, att, pred, doc.text))
    return out


def _show(row: tuple[str, str, str, GoldAttribution, Any, str]) -> str:
    bucket, cue, _, att, pred, text = row
    start, end = _extent(att.content + att.cue + att.source)
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    gold = " | ".join(text[a:b] for a, b in att.content)
    source = " | ".join(text[a:b] for a, b in att.source) or "-"
    lines = [f"[{bucket}] cue={cue!r} source={source!r}", f"  gold: {gold}"]
    if pred is not None:
        ours = " | ".join(text[a:b] for a, b in pred["content"])
        lines.append(f"  ours: {ours}")
    lines.append(f"  para: {text[para_start:para_end][:600]}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--kind", choices=("direct", "indirect", "all"), default="indirect")
    parser.add_argument("--show", help="print examples of this bucket")
    parser.add_argument("--cue", help="only misses whose gold cue contains this")
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=25, help="cues listed per bucket")
    args = parser.parse_args()
    rows = misses(args.gold, args.predictions, args.kind)
    if args.cue:
        rows = [r for r in rows if args.cue in r[1]]
    if args.show:
        chosen = [r for r in rows if r[0] == args.show]
        random.Random(args.seed).shuffle(chosen)
        for row in chosen[: args.n]:
            print(_show(row), end="\n\n")
        return
    buckets = collections.Counter(r[0] for r in rows)
    print(f"{len(rows)} unmatched {args.kind} gold:", dict(buckets.most_common()))
    for bucket, count in buckets.most_common():
        cues = collections.Counter(r[1] for r in rows if r[0] == bucket)
        top = ", ".join(f"{c} {n}" for c, n in cues.most_common(args.top))
        print(f"\n{bucket} ({count}): {top}")


if __name__ == "__main__":
    main()
