"""How an Article shows itself in a notebook, without the model importing the views.

:mod:`communique.models` asks :func:`html_for` for ``Article._repr_html_``; the renderer is
registered by :mod:`communique.views.render` when it is imported (``import communique``
does). This module imports nothing from communique, so the model stays at the bottom of
the import graph.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_html: list[Callable[[Any], str]] = []


def register_html(renderer: Callable[[Any], str]) -> None:
    """Use ``renderer`` for notebook display (the last one registered wins)."""
    _html[:] = [renderer]


def html_for(obj: Any) -> str | None:
    """The notebook HTML for ``obj``; None (plain ``repr``) when no renderer is registered."""
    return _html[0](obj) if _html else None


__all__ = ["html_for", "register_html"]
