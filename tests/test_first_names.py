"""The packaged given-name table (weak gender evidence for he/she, issue 14 session 12)."""

from __future__ import annotations

from communique.extractors.actors.names import gender_of_name
from communique.knowledge.names import load_first_names
from communique.knowledge.packaged import packaged_rows


def test_rows_are_sorted_unique_and_gendered() -> None:
    names = [row[0] for row in packaged_rows("first_names.tsv")]
    assert names == sorted(names) and len(names) == len(set(names))
    assert {row[1] for row in packaged_rows("first_names.tsv")} == {"m", "f"}
    assert len(names) > 2000


def test_names_from_many_regions() -> None:
    table = load_first_names()
    men = ["Kwame", "Sione", "Yonas", "Tomasz", "João", "Joao", "Mehmet", "Hiroshi", "Emeka"]
    women = ["Ama", "Mele", "Priya", "Inês", "Ines", "Claudine", "Helena", "Zeynep", "Ngozi"]
    assert all(table.get(n) == "m" for n in men)
    assert all(table.get(n) == "f" for n in women)


def test_unisex_and_place_names_are_left_out() -> None:
    """A wrong gender is worse than none, and a listed name also makes a capitalised run
    a person ("Lech Poznan", "Florence Airport"), so both kinds stay out."""
    table = load_first_names()
    for name in ("Andrea", "Jean", "Nicola", "Alex", "Jordan", "Kim", "Sasha", "Alexis"):
        assert name not in table
    for name in ("Florence", "Georgia", "Milan", "Lech", "Zara", "Israel", "Chad"):
        assert name not in table


def test_gender_of_name_reads_the_table() -> None:
    table = load_first_names()
    assert gender_of_name("Ioana Dragomir", table) == "f"
    assert gender_of_name("Kwabena Asante", table) == "m"
    assert gender_of_name("Andrea Lusvardi", table) is None
