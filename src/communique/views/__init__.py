"""Views of articles: HTML pages in (:mod:`.html_input`), annotated HTML and tables out.

* :func:`read_html` — the article in a web page, as an :class:`~communique.ArticleInput`;
* :func:`render_html`, :func:`render_many` — a self-contained annotated HTML page;
* :func:`to_records`, :func:`iter_records` — flat rows of quotes, actors or agreements.

Names are imported on first use, so ``import communique.views.render`` (which Jupyter's
``Article._repr_html_`` does) never loads the HTML extraction libraries.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from communique.views.html_input import read_html
    from communique.views.render import render_html, render_many
    from communique.views.tables import iter_records, to_records

_EXPORTS = {
    "read_html": "communique.views.html_input",
    "render_html": "communique.views.render",
    "render_many": "communique.views.render",
    "iter_records": "communique.views.tables",
    "to_records": "communique.views.tables",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["iter_records", "read_html", "render_html", "render_many", "to_records"]
