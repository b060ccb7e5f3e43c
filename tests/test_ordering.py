"""Extractors are ordered by requires/provides, never by installation order."""

from __future__ import annotations

import itertools

import pytest

from communique import OrderingError, PluginError
from communique.ordering import order_extractors

from helpers import Declared


def names(extractors: tuple) -> list[str]:  # type: ignore[type-arg]
    return [e.name for e in extractors]


def test_toposort_respects_requirements_in_any_registration_order() -> None:
    exs = [
        Declared("quotes", requires=("actors",), provides=("quotes",)),
        Declared("agreements", requires=("actors", "quotes"), provides=("agreements",)),
        Declared("actors", provides=("actors",)),
        Declared("money"),
    ]
    expected = ["actors", "money", "quotes", "agreements"]
    for perm in itertools.permutations(exs):
        assert names(order_extractors(perm)) == expected


def test_ties_are_broken_by_name() -> None:
    exs = [Declared(n) for n in ("zeta", "alpha", "mid")]
    assert names(order_extractors(exs)) == ["alpha", "mid", "zeta"]


def test_cycle_raises_with_the_cycle_named() -> None:
    exs = [
        Declared("a", requires=("y",), provides=("x",)),
        Declared("b", requires=("x",), provides=("y",)),
    ]
    with pytest.raises(OrderingError, match=r"cycle: (a -> b -> a|b -> a -> b)"):
        order_extractors(exs)


def test_missing_provider_names_extractor_and_capability() -> None:
    with pytest.raises(
        OrderingError, match="'quotes' requires 'actors', which no enabled extractor provides"
    ):
        order_extractors([Declared("quotes", requires=("actors",))])


def test_missing_provider_mentions_disabled_names() -> None:
    with pytest.raises(OrderingError, match=r"\(disabled: actors\)"):
        order_extractors([Declared("quotes", requires=("actors",))], disabled=["actors"])


def test_duplicate_provider_and_duplicate_name() -> None:
    with pytest.raises(OrderingError, match="provided by both 'a' and 'b'"):
        order_extractors([Declared("a", provides=("x",)), Declared("b", provides=("x",))])
    with pytest.raises(OrderingError, match="two extractors are named 'a'"):
        order_extractors([Declared("a"), Declared("a")])


def test_ordering_error_is_a_plugin_error() -> None:
    assert issubclass(OrderingError, PluginError)


def test_self_requirement_is_not_a_cycle() -> None:
    assert names(order_extractors([Declared("a", requires=("x",), provides=("x",))])) == ["a"]
