"""Extraction on a local Dask cluster (needs: pip install 'communique[dask]').

Run: python examples/dask_batch.py
"""

from __future__ import annotations

from pathlib import Path

import dask.bag as db
from distributed import Client, LocalCluster

from communique.dask import extract_bag

if __name__ == "__main__":
    seed = (Path(__file__).parent / "data" / "kerry-lavrov-geneva.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.splitlines() if p.strip()]
    with (
        LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        bag = db.from_sequence(paragraphs, npartitions=2)
        rows = extract_bag(bag).compute(scheduler=client.get)
    for row in rows:
        print(row["id"], len(row["actors"]), "actors,", len(row["quotes"]), "quotes")
