"""``benchmarks/quote_misses.py`` buckets each unmatched gold quote by why it was missed.

The error analysis of issue 14 rests on these buckets, so they are pinned on an invented
two-sentence brat corpus: one gold content matched, one with no prediction, one that ours
overruns, one that ours covers only in part.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TEXT = (
    "Ames said the port would reopen. "
    "Kell said fares would rise in May, then fall by a third in June. "
    "Ruiz said the depot was closed. Ono argued that the plan was weak and late."
)


def _span(part: str) -> tuple[int, int]:
    start = TEXT.index(part)
    return start, start + len(part)


def _corpus(tmp_path: Path) -> Path:
    gold = [
        ("Ames", "said", "the port would reopen"),  # matched
        ("Kell", "said", "fares would rise"),  # ours runs on: long
        ("Ruiz", "said", "the depot was closed"),  # nothing predicted: none
        ("Ono", "argued", "that the plan was weak and late"),  # ours a piece: short
    ]
    lines, number = [], 0
    for source, cue, content in gold:
        ids = []
        for label, part in (("Source", source), ("Cue", cue), ("Content", content)):
            number += 1
            start, end = _span(part) if label != "Cue" else _cue(source, cue)
            lines.append(f"T{number}\t{label} {start} {end}\t{TEXT[start:end]}")
            ids.append(f"{label}:T{number}")
        lines.append(f"E{number}\tCue:{ids[1].split(':')[1]} {ids[0]} {ids[2]}")
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_x.ann").write_text("\n".join(lines), encoding="utf-8")
    return tmp_path


def _cue(source: str, cue: str) -> tuple[int, int]:
    start = TEXT.index(f"{source} {cue}") + len(source) + 1
    return start, start + len(cue)


def _prediction(content: str) -> dict[str, object]:
    return {"content": [list(_span(content))], "source": None, "cue": None}


def test_each_unmatched_gold_gets_the_bucket_that_says_why(tmp_path: Path) -> None:
    gold_dir = _corpus(tmp_path)
    predictions = [
        _prediction("the port would reopen"),
        _prediction("fares would rise in May, then fall by a third in June"),
        _prediction("weak"),
    ]
    pred_path = tmp_path / "p.jsonl"
    pred_path.write_text(json.dumps({"id": "doc", "quotes": predictions}), encoding="utf-8")
    rows = _load("quote_misses").misses(gold_dir, pred_path, "indirect")
    got = {TEXT[row[3].content[0][0] : row[3].content[0][1]]: (row[0], row[1]) for row in rows}
    assert got == {
        "fares would rise": ("long", "said"),
        "the depot was closed": ("none", "said"),
        "that the plan was weak and late": ("short", "argued"),
    }


@pytest.mark.parametrize(
    ("gold", "pred", "bucket"),
    [
        ((10, 20), (0, 30), "long"),
        ((10, 20), (12, 18), "short"),
        ((10, 20), (15, 25), "cross"),
        ((10, 20), (20, 30), "none"),  # touching is not overlapping
    ],
)
def test_bucket_by_where_the_prediction_lies(
    gold: tuple[int, int], pred: tuple[int, int], bucket: str
) -> None:
    preds = [{"content": [list(pred)]}]
    assert _load("quote_misses")._bucket(gold, preds, set())[0] == bucket


def test_a_prediction_matched_elsewhere_makes_the_miss_used() -> None:
    preds = [{"content": [[0, 30]]}]
    assert _load("quote_misses")._bucket((10, 20), preds, {0})[0] == "used"


def test_the_harness_splits_are_the_ones_the_notes_report() -> None:
    splits = _load("polnear_cached").SPLITS
    assert splits == {
        "a": ("train", 0, 200),
        "b": ("train", 200, 400),
        "c": ("train", 400, None),
        "dev": ("dev", 0, None),
    }
