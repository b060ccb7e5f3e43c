"""Packaged given names, read for the knowledge base by the built-in knowledge plugin."""

from __future__ import annotations

from importlib import resources


def load_first_names() -> dict[str, str]:
    """Given name → "m"/"f" from ``communique/data/first_names.tsv`` (weak gender evidence)."""
    source = resources.files("communique").joinpath("data/first_names.tsv")
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or "\t" not in line or line.startswith("name\t"):
            continue
        name, gender = line.split("\t", 1)
        table[name.strip()] = gender.strip()
    return table


__all__ = ["load_first_names"]
