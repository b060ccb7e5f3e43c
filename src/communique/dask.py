"""Dask integration (``pip install communique[dask]``): extraction over a ``dask.bag``.

Example:
    >>> import dask.bag as db
    >>> from communique.dask import extract_bag
    >>> bag = db.from_sequence(["Kerry spoke.", "Lavrov replied."], npartitions=2)
    >>> [row["text"] for row in extract_bag(bag).compute()]
    ['Kerry spoke.', 'Lavrov replied.']
"""

from __future__ import annotations

import functools
from typing import Any

from communique.distributed import extract_partition

try:
    import dask.bag as db
except ImportError as exc:  # pragma: no cover - depends on the optional extra
    raise ImportError(
        "communique.dask needs the optional Dask extra: pip install 'communique[dask]'"
    ) from exc


def extract_bag(
    bag: db.Bag, *, model: str | None = None, disable: tuple[str, ...] = (), batch_size: int = 64
) -> db.Bag:
    """Map :func:`~communique.distributed.extract_partition` over every partition of ``bag``.

    The bag holds texts or records (mappings with ``text`` and metadata); the result holds
    one JSON-ready Article dict per input, in the same order.
    """
    partition: Any = functools.partial(
        extract_partition, model=model, disable=tuple(disable), batch_size=batch_size
    )
    result: db.Bag = bag.map_partitions(partition)  # type: ignore[no-untyped-call]
    return result


__all__ = ["extract_bag", "extract_partition"]
