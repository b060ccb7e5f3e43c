"""Packaged given names, read for the knowledge base by the built-in knowledge plugin."""

from __future__ import annotations

from communique.knowledge.packaged import packaged_rows


def load_first_names() -> dict[str, str]:
    """Given name → "m"/"f" from ``communique/data/first_names.tsv`` (weak gender evidence)."""
    table: dict[str, str] = {}
    for name, gender in packaged_rows("first_names.tsv"):
        table[name.strip()] = gender.strip()
    return table


__all__ = ["load_first_names"]
