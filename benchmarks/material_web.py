"""Our own held-out-style measures: the annotated web pages and the quote case table.

Usage::

    python benchmarks/material_web.py            # web pages: actors, quotes, agreements
    python benchmarks/material_web.py --cases    # quote case table, per class
    python benchmarks/material_web.py --verbose  # also list false and missed items per page
    python benchmarks/material_web.py --cases --unmark-passing  # after a fix: drop xfail markers

Pages are read the way ``communique extract page.html`` reads them (``communique.read_html``
and then ``Pipeline.extract``), so the reader's boilerplate removal is part of what is
measured. The matching rules live in ``tests/material_scoring.py`` (shared with the tests):
an extracted actor is real when it shares a name or alias with a gold actor; a quote is
right when its span overlaps a gold quote's content; an agreement is right when its kind
fits a gold agreement. The gold files are described in ``tests/data/web/README.md``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import communique  # noqa: E402
from material import unmark_passing  # noqa: E402  (the tests directory is not a package)
from material_scoring import (  # noqa: E402
    CASES,
    CaseResult,
    WebScore,
    load_cases,
    load_pages,
    ratios,
    score_case,
    score_page,
)


def _fmt(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a"


def run_web(pipeline: communique.Pipeline, verbose: bool, first: int = 0) -> None:
    """Score every page (numbered ``first`` or later) and print the totals, then a line per page.

    ``first`` measures a later batch of pages alone (e.g. pages written blind after the
    rules, which estimate generalisation better than the pages the rules were built on).
    """
    total = WebScore()
    rows = []
    for page in load_pages():
        if int(page.slug.split("-", 1)[0]) < first:
            continue
        article = pipeline.extract(page.page)
        score = score_page(article, page.gold)
        total.add(score)
        rows.append((page.slug, score))
    print(f"web pages: {total.pages}")
    for name, (part, whole) in ratios(total).items():
        print(f"  {name:40s} {_fmt(part, whole)}")
    print(f"  {'agreements: duplicate records':40s} {total.duplicates}")
    print(f"  {'quotes: core quotes lost by the reader':40s} {total.core_quotes_lost}")
    print("\nper page: actors real / core found | quotes precision / recall / speaker | agreements")
    for slug, s in rows:
        print(
            f"  {slug:38s} {s.actors_real}/{s.actors} {s.core_found}/{s.core_actors} | "
            f"{s.quotes_right}/{s.quotes} {s.core_quotes_found}/{s.core_quotes} "
            f"{s.speaker_right}/{s.core_quotes_found} | {s.agreements_right}/{s.agreements} "
            f"found {s.agreements_found}/{s.core_agreements} dup {s.duplicates}"
        )
        if verbose:
            for label, items in (
                ("false actors", s.false_actors),
                ("false quotes", s.false_quotes),
                ("missed quotes", s.missed_quotes),
                ("wrong speakers", s.wrong_speakers),
                ("false agreements", s.false_agreements),
            ):
                for item in items:
                    print(f"      {label}: {item[:110]}")


def run_cases(pipeline: communique.Pipeline, verbose: bool, unmark: bool = False) -> None:
    """Score the quote case table and print one line per class.

    With ``unmark``, entries that pass lose their ``xfail`` marker first (the ratchet in
    ``tests/test_material_quotes.py`` runs them as strict xfail, so a fixed entry must be
    unmarked in the same change).
    """
    by_class: dict[str, list[tuple[str, CaseResult]]] = defaultdict(list)
    for case in load_cases():
        result = score_case(pipeline.extract(case["text"]), case)
        by_class[case["class"]].append((case["id"], result))
    if unmark:
        passing = {ident for items in by_class.values() for ident, r in items if r.passed}
        print(f"{CASES.name}: removed {unmark_passing(CASES, passing)} xfail markers")
    header = "class               entries pass  found   kind   speaker  false  extra"
    print(header)
    sums = [0] * 9
    for name in sorted(by_class):
        results = [r for _, r in by_class[name]]
        row = [
            len(results),
            sum(r.passed for r in results),
            sum(r.found for r in results),
            sum(r.gold for r in results),
            sum(r.kind_right for r in results),
            sum(r.speaker_right for r in results),
            sum(r.false_quotes for r in results),
            sum(r.extra for r in results),
            0,
        ]
        sums = [a + b for a, b in zip(sums, row, strict=True)]
        print(_case_row(name, row))
        if verbose:
            for ident, result in by_class[name]:
                for problem in result.problems:
                    print(f"      {ident}: {problem[:110]}")
    print(_case_row("all", sums))


def _case_row(name: str, row: list[int]) -> str:
    entries, passed, found, gold, kind, speaker, false, extra, _ = row
    return (
        f"{name:20s} {entries:5d} {passed:5d} {found:3d}/{gold:<3d} "
        f"{kind:3d}/{found:<3d} {speaker:3d}/{found:<3d} {false:5d} {extra:5d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--cases", action="store_true", help="score the quote case table")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every failure")
    parser.add_argument(
        "--unmark-passing",
        action="store_true",
        help="with --cases: remove the xfail marker of every entry that now passes",
    )
    parser.add_argument(
        "--from", dest="first", type=int, default=0, help="score only pages numbered N or later"
    )
    parser.add_argument("--model", default=None, help="spaCy model (default: the pipeline's)")
    args = parser.parse_args()
    if args.unmark_passing and not args.cases:
        parser.error("--unmark-passing works with --cases (the quote case table)")
    pipeline = communique.Pipeline(args.model)
    if args.cases:
        run_cases(pipeline, args.verbose, args.unmark_passing)
    else:
        run_web(pipeline, args.verbose, args.first)


if __name__ == "__main__":
    main()
