"""Per-class figures of communique on the hand-written evaluation material (not a test).

Usage: python benchmarks/material.py [--layer actors|agreements] [--class NAME] [--verbose]
                                     [--unmark-passing]

Reads ``tests/data/cases/actors.jsonl`` and ``agreements.jsonl``, runs the public
``communique.Pipeline().extract`` on every entry and prints, per class and overall:

- actors: expected actors found (an actor mention overlaps the surface), and of those stated,
  the share with the right name, kind, country and sector (first three letters; a missed
  actor counts as wrong), the ``not_actors`` surfaces that were extracted as actors, and the
  datelines read;
- agreements: recall (an expected agreement found with an accepted kind), false positives
  (entries without agreements that got one), status right and party recall/precision on the
  agreements found, and duplicate records (beyond ``max_agreements``).

The judgement itself lives in ``tests/material.py`` so that ``tests/test_material_cases.py``
and this script can never disagree.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import communique

ROOT = Path(__file__).resolve().parents[1]


def _load_material() -> ModuleType:
    """Import ``tests/material.py`` by path (``tests`` is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "communique_material", ROOT / "tests" / "material.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


material = _load_material()


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f} ({num}/{den})" if den else "—"


def _states(want: dict[str, Any], key: str) -> bool:
    """Whether an expected actor states ``key`` (a null country is a statement: no country)."""
    return key in want if key == "country" else bool(want.get(key))


def actor_figures(results: list[Any], cases: list[dict[str, Any]]) -> dict[str, str]:
    """The actor figures of a set of judged entries."""
    checks = [c for r in results for c in r.checks]
    wants = [w for case in cases for w in case.get("actors", [])]
    stated = {
        key: [c for c, w in zip(checks, wants, strict=True) if _states(w, key)]
        for key in ("name", "kind", "country", "sector")
    }
    not_actors = sum(len(case.get("not_actors", [])) for case in cases)
    datelines = [r.dateline for r in results if r.dateline is not None]
    row = {
        "entries ok": _ratio(sum(r.ok for r in results), len(results)),
        "found": _ratio(sum(c.found for c in checks), len(checks)),
    }
    for key, items in stated.items():
        row[f"{key} right"] = _ratio(sum(getattr(c, key) is True for c in items), len(items))
    row["false actors"] = _ratio(sum(len(r.false_actors) for r in results), not_actors)
    row["datelines"] = _ratio(sum(datelines), len(datelines))
    return row


def agreement_figures(results: list[Any], cases: list[dict[str, Any]]) -> dict[str, str]:
    """The agreement figures of a set of judged entries."""
    checks = [c for r in results for c in r.checks]
    found = [c for c in checks if c.found]
    with_status = [c for c in found if c.status is not None]
    negatives = [r for r, case in zip(results, cases, strict=True) if not case.get("agreements")]
    positives = [r for r, case in zip(results, cases, strict=True) if case.get("agreements")]
    return {
        "entries ok": _ratio(sum(r.ok for r in results), len(results)),
        "recall": _ratio(len(found), len(checks)),
        "false positives": _ratio(sum(r.extracted > 0 for r in negatives), len(negatives)),
        "status right": _ratio(sum(c.status is True for c in with_status), len(with_status)),
        "party recall": _ratio(
            sum(c.parties_found for c in found), sum(c.parties_expected for c in found)
        ),
        "party precision": _ratio(
            sum(c.parties_correct for c in found), sum(c.parties_extracted for c in found)
        ),
        "duplicates": str(sum(r.extra for r in positives)),
    }


def _print_table(rows: dict[str, dict[str, str]]) -> None:
    columns = list(next(iter(rows.values())))
    width = max(len(name) for name in rows) + 2
    widths = [max(len(col), *(len(r[col]) for r in rows.values())) + 2 for col in columns]
    print("class".ljust(width) + "".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for name, row in rows.items():
        print(
            name.ljust(width)
            + "".join(row[c].ljust(w) for c, w in zip(columns, widths, strict=True))
        )


def run_layer(
    pipeline: communique.Pipeline,
    layer: str,
    only: str | None,
    verbose: bool,
    unmark: bool = False,
) -> dict[str, dict[str, str]]:
    """Judge every entry of one layer's table and return the figures per class."""
    table = material.ACTORS_TABLE if layer == "actors" else material.AGREEMENTS_TABLE
    judge: Callable[..., Any] = (
        material.judge_actors if layer == "actors" else material.judge_agreements
    )
    figures = actor_figures if layer == "actors" else agreement_figures
    by_class: dict[str, list[tuple[dict[str, Any], Any]]] = defaultdict(list)
    for case in material.load_cases(table):
        if only and case["class"] != only:
            continue
        article = pipeline.extract(case["text"], published=case.get("published"))
        result = judge(article, case)
        by_class[case["class"]].append((case, result))
        if verbose and not result.ok:
            print(f"{case['id']}: " + "; ".join(result.failures()))
    if unmark:
        passing = {c["id"] for items in by_class.values() for c, r in items if r.ok}
        print(f"{table.name}: removed {material.unmark_passing(table, passing)} xfail markers")
    rows = {
        name: figures([r for _, r in items], [c for c, _ in items])
        for name, items in sorted(by_class.items())
    }
    every = [item for items in by_class.values() for item in items]
    if len(by_class) > 1:
        rows["ALL"] = figures([r for _, r in every], [c for c, _ in every])
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layer", choices=("actors", "agreements"), help="one layer only")
    parser.add_argument("--class", dest="only", help="one class only, e.g. group_demonym")
    parser.add_argument("--verbose", action="store_true", help="print each failing entry")
    parser.add_argument(
        "--unmark-passing",
        action="store_true",
        help="remove the xfail marker of every entry that now passes (after a fix)",
    )
    args = parser.parse_args(argv)
    pipeline = communique.Pipeline()
    for layer in [args.layer] if args.layer else ["actors", "agreements"]:
        rows = run_layer(pipeline, layer, args.only, args.verbose, args.unmark_passing)
        if rows:
            print(f"\n== {layer} ==")
            _print_table(rows)


if __name__ == "__main__":
    main()
