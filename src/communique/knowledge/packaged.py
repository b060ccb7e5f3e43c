"""The tab-separated tables packaged in ``communique/data``, read one way.

Each table opens with ``#`` comment lines (what it is, where it comes from), then a header
line naming the columns, then one row per line.
"""

from __future__ import annotations

from importlib import resources


def packaged_rows(name: str) -> list[list[str]]:
    """The rows of ``communique/data/NAME`` as lists of cells, without comments and header.

    Example:
        >>> packaged_rows("countries.tsv")[0][:2]
        ['ABW', 'Aruba']
    """
    source = resources.files("communique").joinpath(f"data/{name}")
    lines = [
        line
        for line in source.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [line.split("\t") for line in lines[1:]]


__all__ = ["packaged_rows"]
