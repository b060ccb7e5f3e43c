"""Partition functions for distributed engines (Dask, Spark, Ray): no engine imported here.

:func:`extract_partition` takes an iterable of texts or records and returns JSON-ready dicts
(``Article.model_dump(mode="json")``), one per input, in order. The pipeline is built once
per worker process and per configuration, then reused for every partition the worker runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from communique.pipeline import InputItem, Pipeline


def worker_pipeline(model: str | None = None, disable: tuple[str, ...] = ()) -> Pipeline:
    """The pipeline of this process for a configuration: loaded once, then reused
    (:meth:`Pipeline.shared`, keyed by the model and disabled names, environment included)."""
    return Pipeline.shared(model, disable=disable)


def extract_partition(
    items: Iterable[InputItem],
    *,
    model: str | None = None,
    disable: tuple[str, ...] = (),
    batch_size: int = 64,
) -> list[dict[str, Any]]:
    """Extract every item of a partition; return JSON-ready Article dicts in input order.

    Example:
        >>> rows = extract_partition(["Kerry spoke in Geneva."])
        >>> rows[0]["text"]
        'Kerry spoke in Geneva.'
    """
    pipeline = worker_pipeline(model, tuple(disable))
    return [
        article.model_dump(mode="json")
        for article in pipeline.extract_many(items, batch_size=batch_size)
    ]
