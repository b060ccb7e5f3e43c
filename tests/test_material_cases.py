"""The evaluation material for actors and agreements, one test per table entry (a ratchet).

Each entry of ``tests/data/cases/actors.jsonl`` and ``agreements.jsonl`` runs through the
public ``Pipeline.extract`` and is judged by ``tests/material.py`` (the same code that
``benchmarks/material.py`` reports figures with). Entries that today's code gets wrong carry
``"xfail": "reason"`` and run as strict xfails, so an improvement that fixes one fails the
run until its marker is removed: the table only ever gets better.

The first tests check the tables themselves, so a typo in an entry cannot silently turn a
check off.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

import communique
import material
from communique.models import ActorKind, AgreementKind, AgreementStatus

ACTOR_CASES = material.load_cases(material.ACTORS_TABLE)
AGREEMENT_CASES = material.load_cases(material.AGREEMENTS_TABLE)

ACTOR_CLASSES = frozenset(
    "group_demonym group_nominal group_distributive capital_as_government knowledge "
    "country_ner_override false_actor split_actor country_from_context sector_role "
    "seed_style".split()
)
AGREEMENT_CLASSES = frozenset(
    "exchange release surrender evacuation contract merger partnership drop_demand "
    "modality_negation merge_mentions group_parties negative".split()
)
SECTOR = re.compile(r"^[A-Z]{3}$")


def _params(cases: list[dict[str, Any]]) -> list[Any]:
    marks = lambda case: (  # noqa: E731
        [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
    )
    return [pytest.param(case, id=case["id"], marks=marks(case)) for case in cases]


def _as_list(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


# -- the tables are well formed ------------------------------------------------------------


def test_actor_table_is_well_formed() -> None:
    ids = Counter(case["id"] for case in ACTOR_CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    per_class = Counter(case["class"] for case in ACTOR_CASES)
    assert set(per_class) == ACTOR_CLASSES
    assert len(ACTOR_CASES) >= 100
    assert min(per_class.values()) >= 10, per_class
    kinds = {k.value for k in ActorKind}
    for case in ACTOR_CASES:
        for want in case["actors"]:
            where = material.find_surface(case["text"], want["surface"], want.get("nth", 0))
            assert where is not None, f"{case['id']}: {want['surface']!r} not in text"
            assert set(_as_list(want["kind"])) <= kinds, case["id"]
            assert want.get("country") is None or SECTOR.match(want["country"]), case["id"]
            assert not want.get("sector") or SECTOR.match(want["sector"]), case["id"]
        for spec in case["not_actors"]:
            assert material.surface_occurrences(case["text"], spec), f"{case['id']}: {spec!r}"
        assert not case.get("dateline") or case["text"].startswith(case["dateline"]), case["id"]


def test_agreement_table_is_well_formed() -> None:
    ids = Counter(case["id"] for case in AGREEMENT_CASES)
    assert [i for i, n in ids.items() if n > 1] == []
    per_class = Counter(case["class"] for case in AGREEMENT_CASES)
    assert set(per_class) == AGREEMENT_CLASSES
    assert len(AGREEMENT_CASES) >= 80
    assert min(per_class.values()) >= 6 and per_class["negative"] >= 15, per_class
    kinds = {k.value for k in AgreementKind}
    statuses = {s.value for s in AgreementStatus}
    for case in AGREEMENT_CASES:
        assert case.get("published"), case["id"]
        assert case.get("max_agreements", 1) >= len(case["agreements"]), case["id"]
        for want in case["agreements"]:
            assert set(_as_list(want["kind"])) <= kinds, case["id"]
            assert set(_as_list(want["status"])) <= statuses, case["id"]


def test_judges_can_fail(pipeline: communique.Pipeline) -> None:
    """An empty article passes no entry that expects something (the judges are not vacuous)."""
    case = next(c for c in ACTOR_CASES if c["class"] == "seed_style")
    empty = communique.Article(text=case["text"])
    assert not material.judge_actors(empty, case).ok
    deal = next(c for c in AGREEMENT_CASES if c["agreements"])
    assert not material.judge_agreements(communique.Article(text=deal["text"]), deal).ok


# -- one test per entry --------------------------------------------------------------------


@pytest.mark.parametrize("case", _params(ACTOR_CASES))
def test_actor_case(pipeline: communique.Pipeline, case: dict[str, Any]) -> None:
    article = pipeline.extract(case["text"], published=case.get("published"))
    result = material.judge_actors(article, case)
    assert result.ok, "\n".join(result.failures())


@pytest.mark.parametrize("case", _params(AGREEMENT_CASES))
def test_agreement_case(pipeline: communique.Pipeline, case: dict[str, Any]) -> None:
    article = pipeline.extract(case["text"], published=case.get("published"))
    result = material.judge_agreements(article, case)
    assert result.ok, "\n".join(result.failures())
