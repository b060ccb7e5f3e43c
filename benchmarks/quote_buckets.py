"""Bucket attribution predictions by what they are, and count right / wrong in each bucket.

A prediction is *right* when the shared scorer's loose matching (content Jaccard ≥ 0.5, one
to one) pairs it with a gold quote; a wrong one either overlaps no gold quote (``none``),
overlaps one that another prediction matched (``ovm``: two quotes over one gold) or overlaps
an unmatched gold quote too little (``ovu``). Removing a bucket that is wrong about 70% of
the time or more raises strict and with-source F1 (loose F1 from about 60%). Buckets are
tags (embedded-post markup, headline, no cue, colon introduction, kind and confidence when
the predictions carry them, infinitive or participle cue, short content, no source, a cue
shared with a direct quote, …) and their pairs.

Usage (scorer from the shared inputs; predictions as ``communique evaluate attributions``
writes them, optionally with ``kind`` and ``conf`` per quote)::

    python benchmarks/quote_buckets.py ../shared/data/polnear/dev p.jsonl [--show TAG] [--min 5]
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
from pathlib import Path
from typing import Any

from communique.evaluate import DIRECT_MARKS, load_corpus, match_attributions
from communique.extractors.quotes.precision import markup_ranges


def _tags(text: str, pred: dict[str, Any], preds: list[dict[str, Any]], direct: bool) -> list[str]:
    """What the prediction is: one short tag per property."""
    spans = pred["content"]
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    content = text[start:end]
    cue = text[pred["cue"][0] : pred["cue"][1]].lower() if pred.get("cue") else ""
    tags = ["direct" if direct else "indirect"]
    if "kind" in pred:
        tags.append(f"{pred['kind']} {pred.get('conf', 0):.2f}")
    if any(a <= start < b for a, b in markup_ranges(text)):
        tags.append("markup")
    if start < text.find("\n"):
        tags.append("headline")
    tags += ["no cue"] if not cue else ["colon"] if cue == ":" else []
    words = cue.split()
    if words[:1] == ["to"]:
        tags.append("infinitive cue")
    if words and words[-1].endswith("ing"):
        tags.append("participle cue")
    if len(content) < 25:
        tags.append("short")
    if pred.get("source") is None:
        tags.append("no source")
    if content.rstrip("”\"' ").endswith("?"):
        tags.append("question")
    shared = [
        q for q in preds if q is not pred and q.get("cue") and q.get("cue") == pred.get("cue")
    ]
    if shared and not direct:
        tags.append("cue shared")
    return tags


def bucket(
    gold_dir: Path, pred_file: Path
) -> tuple[collections.Counter[Any], dict[Any, list[str]]]:
    """Counts per (tag, status) and wrong examples per tag, over all gold articles."""
    preds = {}
    for line in pred_file.read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            preds[row["id"]] = row["quotes"]
    counts: collections.Counter[Any] = collections.Counter()
    examples: dict[Any, list[str]] = collections.defaultdict(list)
    for doc in load_corpus(gold_dir):
        text = doc.text
        gold = [_charset(text, g.content) for g in doc.attributions]
        pred = preds.get(doc.name, [])
        sets = [_charset(text, _spans(p["content"])) for p in pred]
        matched = match_attributions(text, doc.attributions, pred)
        used_g = {i for i, _ in matched}
        used_p = {j for _, j in matched}
        for j, p in enumerate(pred):
            if j in used_p:
                status = "right"
            elif any(sets[j] & g for i, g in enumerate(gold) if i not in used_g):
                status = "ovu"
            else:
                status = "ovm" if any(sets[j] & g for g in gold) else "none"
            direct = any(ch in DIRECT_MARKS for a, b in _spans(p["content"]) for ch in text[a:b])
            tags = _tags(text, p, pred, direct)
            for tag in tags + [f"{x} & {y}" for x, y in itertools.combinations(tags, 2)]:
                counts[tag, status] += 1
                if status != "right":
                    a, b = p["content"][0][0], p["content"][-1][1]
                    examples[tag].append(f"[{status}] {text[max(0, a - 60) : b][:220]!r}")
    return counts, examples


def _spans(value: Any) -> list[tuple[int, int]]:
    """A prediction's spans: one ``[start, end]`` pair or a list of them."""
    if value and isinstance(value[0], int):
        return [(value[0], value[1])]
    return [(a, b) for a, b in value or []]


def _charset(text: str, spans: Any) -> set[int]:
    """Non-space character offsets the spans cover (how overlap is judged)."""
    return {i for a, b in spans for i in range(a, min(b, len(text))) if not text[i].isspace()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("predictions", type=Path)
    parser.add_argument("--show", help="print wrong examples of this tag")
    parser.add_argument("--min", type=int, default=5, help="hide buckets with fewer wrong")
    args = parser.parse_args()
    counts, examples = bucket(args.gold_dir, args.predictions)
    tags = {tag for tag, _ in counts}
    rows = []
    for tag in tags:
        right = counts[tag, "right"]
        wrong = sum(counts[tag, s] for s in ("none", "ovm", "ovu"))
        if wrong >= args.min:
            rows.append((wrong / (right + wrong), tag, right, wrong))
    for share, tag, right, wrong in sorted(rows, reverse=True):
        detail = " ".join(f"{s} {counts[tag, s]}" for s in ("none", "ovm", "ovu"))
        print(f"{share:4.0%} right {right:5d} wrong {wrong:5d} ({detail})  {tag}")
    for example in examples.get(args.show or "", [])[:40]:
        print("   ", example)


if __name__ == "__main__":
    main()
