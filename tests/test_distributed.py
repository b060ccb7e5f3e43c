"""Distributed extraction: the partition function, and Dask on a real local cluster."""

from __future__ import annotations

from typing import Any

import pytest

from communique import Article, Pipeline
from communique.distributed import extract_partition, worker_pipeline

TEXTS = [
    "Kerry said on Friday that the talks in Geneva would continue.",
    {"text": "Lavrov said Russia would keep working with the Syrian government.", "id": "b"},
    "",
    "The United Nations called for a 48-hour ceasefire in Aleppo.",
    42,
] * 3


def test_partition_matches_extract_many(pipeline: Pipeline) -> None:
    rows = extract_partition(TEXTS)
    expected = [a.model_dump(mode="json") for a in pipeline.extract_many(TEXTS)]
    assert rows == expected
    assert [Article.model_validate(r).id for r in rows] == [e["id"] for e in expected]


def test_worker_pipeline_is_built_once_per_configuration() -> None:
    assert worker_pipeline() is worker_pipeline()
    assert worker_pipeline(disable=("agreements",)) is not worker_pipeline()


@pytest.mark.slow
def test_dask_local_cluster_matches_extract_many(pipeline: Pipeline) -> None:
    pytest.importorskip("dask.bag")
    distributed: Any = pytest.importorskip("distributed")
    import dask.bag as db

    from communique.dask import extract_bag, preload

    with (
        distributed.LocalCluster(
            processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        preload(client)
        bag = db.from_sequence(TEXTS, npartitions=4)
        rows = extract_bag(bag).compute(scheduler=client.get)
        texts = extract_bag(bag, as_json=True).compute(scheduler=client.get)
        workers = client.run(lambda: __import__("os").getpid())
    assert len(set(workers.values())) == 2
    expected = [a.model_dump(mode="json") for a in pipeline.extract_many(TEXTS)]
    assert rows == expected
    assert texts == [a.model_dump_json() for a in pipeline.extract_many(TEXTS)]


def test_partition_as_json_is_each_articles_json(pipeline: Pipeline) -> None:
    rows = extract_partition(TEXTS, as_json=True)
    assert rows == [a.model_dump_json() for a in pipeline.extract_many(TEXTS)]


def test_warm_worker_builds_the_shared_pipeline_once() -> None:
    import gc

    from communique.distributed import warm_worker

    try:
        warm_worker(disable=("money",))
        assert gc.get_freeze_count() > 100_000  # the model and knowledge base are frozen
        pipeline = worker_pipeline(disable=("money",))
        assert pipeline._nlp is not None and pipeline._knowledge is not None
        assert pipeline.extractor_seconds() == {}  # warming is not counted as work
        warm_worker(disable=("money",))
        assert worker_pipeline(disable=("money",)) is pipeline
    finally:
        gc.unfreeze()  # this is a test process, not a worker
