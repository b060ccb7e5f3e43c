"""Identity check: the Articles' JSON must not change when only speed work changes.

Writes one JSON line per Article (``Article.model_dump_json()``) for a fixed input set: the
PolNeAR dev texts (when present), the seed article, every case-table text and the web pages
(through the HTML reader), then compares with a reference file made by the code before the
change. Any ``n_process`` and batch size must give the same bytes.

Usage::

    # the reference, with the code before the change (e.g. main's venv)
    /work/main/.venv/bin/python benchmarks/identity.py --write /tmp/identity.ref.jsonl
    # after each change, with several settings
    python benchmarks/identity.py --check /tmp/identity.ref.jsonl --n-process 1 2 --batch-size 64 7
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR_DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
if not POLNEAR_DEV.is_dir():  # a worktree under /work/wt: the shared folder is two levels up
    POLNEAR_DEV = ROOT.parents[1] / "shared" / "data" / "polnear" / "dev" / "text"
SEED = ROOT / "examples" / "data" / "kerry-lavrov-geneva.txt"
CASES = ROOT / "tests" / "data" / "cases"
WEB = ROOT / "tests" / "data" / "web"


def inputs() -> list[Any]:
    """The fixed input set, in a fixed order (texts, case records, web pages)."""
    from communique import read_html

    items: list[Any] = []
    if POLNEAR_DEV.is_dir():
        items += [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))]
    items.append(SEED.read_text(encoding="utf-8"))
    for table in sorted(CASES.glob("*.jsonl")):
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                record = {"text": case["text"]}
                if case.get("published"):
                    record["published"] = case["published"]
                items.append(record)
    items += [read_html(p.read_bytes()) for p in sorted(WEB.glob("*.html"))]
    return items


def articles_json(items: list[Any], n_process: int, batch_size: int) -> Iterator[str]:
    import communique

    pipeline = communique.Pipeline()
    for article in pipeline.extract_many(items, n_process=n_process, batch_size=batch_size):
        yield article.model_dump_json()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="write the reference file")
    group.add_argument("--check", type=Path, help="compare with this reference file")
    ap.add_argument("--n-process", type=int, nargs="+", default=[1])
    ap.add_argument("--batch-size", type=int, nargs="+", default=[64])
    args = ap.parse_args()
    items = inputs()
    if args.write:
        lines = list(articles_json(items, args.n_process[0], args.batch_size[0]))
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} articles to {args.write}")
        return 0
    reference = args.check.read_text(encoding="utf-8").splitlines()
    failed = False
    for n_process in args.n_process:
        for batch_size in args.batch_size:
            start = time.perf_counter()
            lines = list(articles_json(items, n_process, batch_size))
            secs = time.perf_counter() - start
            differ = [i for i, (a, b) in enumerate(zip(lines, reference, strict=False)) if a != b]
            same = len(lines) == len(reference) and not differ
            failed |= not same
            verdict = (
                "identical" if same else f"DIFFERENT ({len(differ)} articles, first {differ[:5]})"
            )
            print(
                f"n_process={n_process} batch_size={batch_size}: {len(lines)} articles "
                f"vs {len(reference)} in reference, {verdict} ({secs:.1f} s)"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
