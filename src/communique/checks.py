"""The per-extractor output check: the boundary that isolates a failing plugin.

Each extractor's result is checked against the article built so far before it is kept:
the right type, every declared capability provided, JSON-ready extensions, and items whose
spans, ids and references fit the article (the model's own consistency rule, applied to the
article so far plus the new items, without re-validating what was already kept). An output
that fails is dropped whole and named in a problem; the Article itself is validated once,
when it is built at the end.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from pydantic import BaseModel, ValidationError

from communique.extractor import Extractor, ExtractorResult
from communique.models import Actor, Agreement, Article, Quote

__all__ = ["InvalidOutput", "Kept", "check_output"]

_Item = TypeVar("_Item", bound=BaseModel)


class InvalidOutput(Exception):
    """An extractor returned output that does not fit the article."""


@dataclass(frozen=True)
class Kept:
    """The article's items after an extractor's output was accepted."""

    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    agreements: tuple[Agreement, ...] = ()


def check_output(extractor: Extractor, output: Any, text: str, kept: Kept) -> Kept:
    """The items kept once ``output`` is added; raises :class:`InvalidOutput` if it does not fit.

    Example:
        >>> from communique import BaseExtractor
        >>> check_output(BaseExtractor(), ExtractorResult(), "Hi.", Kept())
        Kept(actors=(), quotes=(), agreements=())
        >>> check_output(BaseExtractor(), {}, "Hi.", Kept())
        Traceback (most recent call last):
        ...
        communique.checks.InvalidOutput: extract() returned dict, not ExtractorResult
    """
    if not isinstance(output, ExtractorResult):
        raise InvalidOutput(f"extract() returned {type(output).__name__}, not ExtractorResult")
    missing = [c for c in extractor.provides if c not in output.provided]
    if missing:
        raise InvalidOutput(f"declared provides {missing} but did not provide them")
    try:
        json.dumps(output.extensions, allow_nan=False, default=_no_default)
    except (TypeError, ValueError) as exc:
        raise InvalidOutput(f"extensions are not JSON-ready: {exc}") from None
    try:
        after = Kept(
            kept.actors + _typed(Actor, output.actors),
            kept.quotes + _typed(Quote, output.quotes),
            kept.agreements + _typed(Agreement, output.agreements),
        )
    except ValidationError as exc:
        raise InvalidOutput(_validation_summary(exc)) from None
    candidate = Article.model_construct(
        id="candidate",
        text=text,
        actors=after.actors,
        quotes=after.quotes,
        agreements=after.agreements,
    )
    consistent = cast(Callable[[], object], candidate._consistent)  # the model's own rule
    try:
        consistent()  # only the rule: the Article is validated once, when it is built
    except ValueError as exc:
        raise InvalidOutput(str(exc)) from None
    return after


def _typed(model: type[_Item], items: Iterable[Any]) -> tuple[_Item, ...]:
    """Items as model instances; anything else (a dict, say) is validated into one."""
    return tuple(i if isinstance(i, model) else model.model_validate(i) for i in items)


def _no_default(value: Any) -> Any:
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _validation_summary(exc: ValidationError) -> str:
    return "; ".join(str(err.get("msg", err)) for err in exc.errors()[:5])
