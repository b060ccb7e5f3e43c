"""Order extractors by what they require and provide.

Pluggy calls hook implementations in reverse registration order, which depends on install
order; data dependencies must not. This module builds the dependency graph from the
``requires``/``provides`` declarations and sorts it with :mod:`graphlib`, breaking ties by
name, so the plan is the same on every machine.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Sequence

from communique.errors import OrderingError
from communique.extractor import Extractor


def order_extractors(
    extractors: Iterable[Extractor], *, disabled: Iterable[str] = ()
) -> tuple[Extractor, ...]:
    """Return the extractors in an order where every requirement comes first.

    Raises:
        OrderingError: two extractors share a name or provide the same capability, a
            requirement has no provider, or the requirements form a cycle.
    """
    by_name: dict[str, Extractor] = {}
    for extractor in extractors:
        if extractor.name in by_name:
            raise OrderingError(
                f"two extractors are named {extractor.name!r}; disable one of them",
                plugin=extractor.name,
            )
        by_name[extractor.name] = extractor

    provider: dict[str, str] = {}
    for name in sorted(by_name):
        for capability in by_name[name].provides:
            if capability in provider:
                raise OrderingError(
                    f"capability {capability!r} is provided by both {provider[capability]!r} "
                    f"and {name!r}; disable one of them",
                    plugin=name,
                )
            provider[capability] = name

    graph: dict[str, set[str]] = {}
    for name in sorted(by_name):
        deps: set[str] = set()
        for capability in by_name[name].requires:
            if capability not in provider:
                raise OrderingError(_missing_message(name, capability, disabled), plugin=name)
            if provider[capability] != name:
                deps.add(provider[capability])
        graph[name] = deps

    sorter = graphlib.TopologicalSorter(graph)
    try:
        sorter.prepare()
    except graphlib.CycleError as exc:
        cycle: Sequence[str] = exc.args[1]
        raise OrderingError(
            "extractors require each other in a cycle: " + " -> ".join(cycle)
        ) from None
    ordered: list[Extractor] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        for name in ready:
            ordered.append(by_name[name])
            sorter.done(name)
    return tuple(ordered)


def _missing_message(name: str, capability: str, disabled: Iterable[str]) -> str:
    message = f"extractor {name!r} requires {capability!r}, which no enabled extractor provides"
    off = sorted(disabled)
    if off:
        message += f" (disabled: {', '.join(off)})"
    return message
