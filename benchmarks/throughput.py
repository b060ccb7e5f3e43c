"""Throughput and memory of communique against plain spaCy ``nlp.pipe``, in one run.

Usage::

    python benchmarks/throughput.py                 # PolNeAR dev if present, else a built corpus
    python benchmarks/throughput.py --docs 500 --stream-docs 5000
    python benchmarks/throughput.py --quick         # a smoke run (CI uses it)
    python benchmarks/throughput.py --only dask     # spaCy n_process=2 and the Dask row only

It times, on the same texts and the same model: plain ``nlp.pipe`` (1 and 2 processes, at
spaCy's default batch size), ``Pipeline.extract_many`` (1 and 2 processes; also on the first
40 texts, start-up included), Dask with partitions balanced by text length, and prints the
issue's table of ratios (wall time; CPU time of the process and its children beside it, the
figure to read on a loaded machine), the share of time each extractor adds to the parse, and
the peak RSS of streaming N documents against N/10 (each in a fresh process).

This is a script, not a timed test: timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
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


def corpus(n_docs: int) -> list[str]:
    """``n_docs`` news texts: PolNeAR dev (cycled) when present, else seed-article variants."""
    if POLNEAR_DEV.is_dir():
        base = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_DEV.glob("*.txt"))]
    else:
        paragraphs = SEED.read_text(encoding="utf-8").splitlines()
        base = ["\n".join(paragraphs[i:] + paragraphs[:i]) for i in range(len(paragraphs))]
    return [base[i % len(base)] for i in range(n_docs)]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


Timing = tuple[float, float]
"""(wall seconds, CPU seconds of this process and its finished children)."""


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def time_spacy(texts: list[str], n_process: int, batch_size: int | None = None) -> Timing:
    """Plain ``nlp.pipe`` with the same model and components as communique's (spaCy's own
    rule components, not communique's fast ones), at spaCy's default batch size."""
    import communique
    from communique.nlp import load_model

    keep = set(communique.Pipeline().nlp.pipe_names)
    nlp = load_model(communique.nlp.default_model_name())
    for name in [n for n in nlp.pipe_names if n not in keep]:
        nlp.remove_pipe(name)
    for _ in nlp.pipe(texts[:5]):  # warm-up, as for communique: first-call costs
        pass
    start, cpu = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start, _cpu() - cpu


def time_communique(
    texts: list[str], n_process: int, batch_size: int, *, cold: bool = False
) -> tuple[Timing, dict[str, float]]:
    """``extract_many``; ``cold`` includes building the pipeline and loading the model."""
    import communique

    start, cpu = time.perf_counter(), _cpu()
    pipeline = communique.Pipeline()
    if not cold:  # warm-up on 5 texts: the model, the knowledge base, first-call costs
        for _ in pipeline.extract_many(texts[:5]):
            pass
        start, cpu = time.perf_counter(), _cpu()
    before = pipeline.extractor_seconds()
    for _ in pipeline.extract_many(texts, n_process=n_process, batch_size=batch_size):
        pass
    layers = {k: v - before.get(k, 0.0) for k, v in pipeline.extractor_seconds().items()}
    return (time.perf_counter() - start, _cpu() - cpu), layers


DASK_WORKERS = 2


def dask_partitions(n_texts: int, workers: int = DASK_WORKERS) -> int:
    """About 16 texts a partition, rounded to a multiple of the workers: partitions of
    equal text length then split evenly, so no worker waits for the last one alone."""
    per_worker = max(4, n_texts // (16 * workers))
    return per_worker * workers


def time_dask(texts: list[str], batch_size: int, *, defaults: bool = False) -> Timing | None:
    """``extract_bag(...).compute()`` on a local cluster of 2 worker processes (one thread
    each), partitions of about equal text length (:func:`communique.dask.bag_by_length`),
    Articles returned to this process as JSON text.

    Timed: from building the bag to the last Article's JSON in this process (scheduling,
    extraction, transfer). Not timed, as for spaCy's row (model loaded and warmed before
    its clock starts): starting the cluster and :func:`communique.dask.preload`, which
    loads and warms each worker's pipeline once. CPU: this process and the workers.
    The cluster runs with :data:`communique.dask.BATCH_CONFIG` unless ``defaults``."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        return None
    from communique.dask import BATCH_CONFIG, bag_by_length, extract_bag, preload

    with (
        dask.config.set({} if defaults else BATCH_CONFIG),
        LocalCluster(
            processes=True,
            n_workers=DASK_WORKERS,
            threads_per_worker=1,
            dashboard_address=None,
        ) as cluster,
        Client(cluster) as client,
    ):
        preload(client)
        workers_cpu = _workers_cpu(client)
        start, cpu = time.perf_counter(), _cpu()
        bag = bag_by_length(texts, npartitions=dask_partitions(len(texts)))
        rows = extract_bag(bag, batch_size=batch_size, as_json=True).compute(scheduler=client.get)
        wall, cpu = time.perf_counter() - start, _cpu() - cpu
        spent = _workers_cpu(client) - workers_cpu
        assert len(rows) == len(texts)
        return wall, cpu + spent


def _workers_cpu(client: Any) -> float:
    """CPU seconds used so far by the cluster's worker processes."""
    return sum(t[0] + t[1] for t in client.run(os.times).values())


def stream_peak_rss(n_docs: int) -> float:
    """Peak RSS (MB) of a fresh process streaming ``n_docs`` documents through extract_many."""
    here = str(Path(__file__).parent)
    code = (
        "import resource, sys\n"
        f"sys.path.insert(0, {here!r})\n"
        "from throughput import corpus_stream\n"
        "import communique\n"
        "p = communique.Pipeline()\n"
        f"for _ in p.extract_many(corpus_stream({n_docs}), batch_size=32): pass\n"
        # ru_maxrss survives exec on Linux (the big benchmark process's peak would show):
        # read this process's own high-water mark where /proc has it
        "from pathlib import Path\n"
        "status = Path('/proc/self/status')\n"
        "hwm = [l for l in status.read_text().splitlines() if l.startswith('VmHWM')]"
        " if status.exists() else []\n"
        "print(int(hwm[0].split()[1]) / 1024 if hwm"
        " else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def corpus_stream(n_docs: int) -> Iterator[str]:
    """A generator of short documents (one paragraph each), so nothing is held in memory."""
    base = [p for t in corpus(50) for p in t.split("\n") if len(p.split()) > 20]
    for i in range(n_docs):
        yield base[i % len(base)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500, help="documents timed (>= 500 for n_process)")
    ap.add_argument("--stream-docs", type=int, default=5000, help="documents in the memory run")
    ap.add_argument("--batch-size", type=int, default=64, help="communique's batch size")
    ap.add_argument("--few", type=int, default=40, help="texts in the start-up run")
    ap.add_argument("--quick", action="store_true", help="a small smoke run")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument(
        "--only",
        choices=["dask"],
        help="dask: only spaCy n_process=2 and the Dask row, and their ratio",
    )
    args = ap.parse_args()
    if args.quick:
        args.docs, args.stream_docs, args.few = 20, 200, 8

    texts = corpus(args.docs)
    n_words = words(texts)
    source = "PolNeAR dev" if POLNEAR_DEV.is_dir() else "seed-article variants"
    print(f"corpus: {len(texts)} documents, {n_words} words ({source})")
    if args.only == "dask":
        return only_dask(texts, n_words, args.batch_size)

    spacy1 = time_spacy(texts, 1)
    comm1, layers = time_communique(texts, 1, args.batch_size)
    spacy2 = time_spacy(texts, 2)
    comm2, _ = time_communique(texts, 2, args.batch_size)
    few = texts[: args.few]
    few1, _ = time_communique(few, 1, args.batch_size, cold=True)
    few2, _ = time_communique(few, 2, args.batch_size, cold=True)
    dask2 = time_dask(texts, args.batch_size)

    rows = [
        ("spaCy nlp.pipe, n_process=1", spacy1),
        ("communique extract_many, n_process=1", comm1),
        ("spaCy nlp.pipe, n_process=2", spacy2),
        ("communique extract_many, n_process=2", comm2),
        (f"communique, {len(few)} texts from start-up, n_process=1", few1),
        (f"communique, {len(few)} texts from start-up, n_process=2", few2),
    ]
    if dask2 is not None:
        rows.append(("communique on Dask LocalCluster, 2 worker processes", dask2))
    print("\n| run | wall s | CPU s | words/s |\n|---|---|---|---|")
    for name, (secs, cpu) in rows:
        n = n_words if "start-up" not in name else words(few)
        print(f"| {name} | {secs:.1f} | {cpu:.1f} | {n / secs:,.0f} |")
    ratios: dict[str, tuple[float, float | None, str]] = {
        "communique / spaCy, n_process=1": (spacy1[0] / comm1[0], spacy1[1] / comm1[1], "≥ 1.0"),
        "communique / spaCy, n_process=2": (spacy2[0] / comm2[0], None, ""),
        f"communique n_process=2 / 1, {len(few)} articles": (
            few1[0] / few2[0],
            None,
            "≥ 1.5",
        ),
        f"communique n_process=2 / 1, {len(texts)} articles": (
            comm1[0] / comm2[0],
            None,
            "≥ 1.8",
        ),
    }
    if dask2 is not None:
        ratios["Dask LocalCluster / spaCy n_process=2"] = (
            spacy2[0] / dask2[0],
            None,
            "≥ 0.90",
        )
    print("\n| ratio (throughput) | wall | CPU | target |\n|---|---|---|---|")
    for name, (wall, cpu_ratio, target) in ratios.items():
        # a CPU ratio means nothing across processes: the parent's CPU is not the workers'
        cpu_cell = "—" if cpu_ratio is None else f"{cpu_ratio:.2f}"
        print(f"| {name} | {wall:.2f} | {cpu_cell} | {target} |")
    print("\n| extractor | seconds | share of spaCy parse time |\n|---|---|---|")
    for name, secs in sorted(layers.items()):
        print(f"| {name} | {secs:.2f} | {100 * secs / spacy1[0]:.1f}% |")

    small = max(args.stream_docs // 10, 1)
    rss_small = stream_peak_rss(small)
    rss_large = stream_peak_rss(args.stream_docs)
    print("\n| stream | peak RSS (MB) |\n|---|---|")
    print(f"| {small} documents | {rss_small:.0f} |")
    print(f"| {args.stream_docs} documents | {rss_large:.0f} |")
    print(f"growth: {rss_large - rss_small:+.0f} MB")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "documents": len(texts),
                    "words": n_words,
                    "seconds": {name: wall for name, (wall, _) in rows},
                    "cpu_seconds": {name: cpu for name, (_, cpu) in rows},
                    "ratios": {name: wall for name, (wall, _, _) in ratios.items()},
                    "extractor_seconds": layers,
                    "peak_rss_mb": {str(small): rss_small, str(args.stream_docs): rss_large},
                    "max_rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                },
                indent=2,
            )
        )
    return 0


def only_dask(texts: list[str], n_words: int, batch_size: int) -> int:
    """spaCy ``n_process=2`` and the Dask row, twice each, interleaved (A, B, A, B)."""
    spacy, tuned, defaults = "spaCy nlp.pipe, n_process=2", "Dask", "Dask, Dask's defaults"
    results: dict[str, list[Timing]] = {spacy: [], tuned: [], defaults: []}
    for _ in range(2):
        results[spacy].append(time_spacy(texts, 2))
        for name in (tuned, defaults):
            dask2 = time_dask(texts, batch_size, defaults=name == defaults)
            if dask2 is None:
                print("Dask is not installed (pip install 'communique[dask]')")
                return 1
            results[name].append(dask2)
    print("\n| run | wall s | CPU s (all processes) | words/s |\n|---|---|---|---|")
    for name, timings in results.items():
        for secs, cpu in timings:
            print(f"| {name} | {secs:.1f} | {cpu:.1f} | {n_words / secs:,.0f} |")
    for name in (tuned, defaults):
        ratios = [s[0] / d[0] for s, d in zip(results[spacy], results[name], strict=True)]
        print(f"{name} / spaCy n_process=2 (wall): {ratios[0]:.2f}, {ratios[1]:.2f} (≥ 0.90)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
