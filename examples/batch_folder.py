"""Extract every .txt file of a folder as a stream and write JSON lines.

Run: python examples/batch_folder.py [FOLDER] [OUT.jsonl]
(defaults: examples/data and a temporary file)
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import communique

folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "data"
out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "articles.jsonl"


def records() -> Iterator[dict[str, str]]:
    for path in sorted(folder.glob("*.txt")):
        yield {"id": path.stem, "text": path.read_text(encoding="utf-8")}


pipeline = communique.Pipeline()
count = 0
with out.open("w", encoding="utf-8") as handle:
    for article in pipeline.extract_many(records(), batch_size=16):
        count += 1
        handle.write(article.model_dump_json() + "\n")
        print(f"{article.id}: {len(article.quotes)} quotes, {len(article.problems)} problems")
print(f"wrote {count} articles to {out}")
