"""Tables out: to_records / iter_records rows, and ``communique export`` as CSV and JSONL."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique import (
    Actor,
    ActorKind,
    Agreement,
    AgreementKind,
    AgreementStatus,
    Article,
    DateGranularity,
    Mention,
    MentionForm,
    Party,
    PartyRole,
    Quote,
    QuoteKind,
    Span,
)
from communique.views.tables import COLUMNS, TABLES, iter_records, to_records

from conftest import ROOT

COMMUNIQUE = shutil.which("communique") or str(Path(sys.executable).with_name("communique"))
MESSY_HTML = ROOT / "tests" / "data" / "messy_article.html"

TEXT = (
    "Kerry said the US and Russia agreed a ceasefire on Friday in Aleppo. "
    'Lavrov, the Russian foreign minister, said: "It will hold; we are sure."'
)


def at(fragment: str, text: str = TEXT) -> Span:
    start = text.index(fragment)
    return Span.of(text, start, start + len(fragment))


def sample(article_id: str = "sample") -> Article:
    actors = (
        Actor(
            id="actor-1",
            name="John Kerry",
            kind=ActorKind.PERSON,
            titles=("Secretary of State", "Senator"),
            aliases=("Kerry",),
            country="USA",
            affiliation_id="actor-2",
            mentions=(Mention(span=at("Kerry"), form=MentionForm.NAME),),
        ),
        Actor(
            id="actor-2",
            name="United States",
            kind=ActorKind.COUNTRY,
            country="USA",
            mentions=(Mention(span=at("US"), form=MentionForm.NAME),),
        ),
        Actor(
            id="actor-3",
            name="Russia",
            kind=ActorKind.COUNTRY,
            country="RUS",
            mentions=(Mention(span=at("Russia"), form=MentionForm.NAME),),
        ),
        Actor(
            id="actor-4",
            name="Sergei Lavrov",
            kind=ActorKind.PERSON,
            mentions=(
                Mention(span=at("Lavrov"), form=MentionForm.NAME),
                Mention(span=at("the Russian foreign minister"), form=MentionForm.NOMINAL),
            ),
        ),
    )
    quotes = (
        Quote(
            id="quote-1",
            kind=QuoteKind.INDIRECT,
            content=at("the US and Russia agreed a ceasefire on Friday in Aleppo"),
            cue=at("said"),
            speaker_mention=at("Kerry"),
            speaker_id="actor-1",
            confidence=0.75,
        ),
        Quote(
            id="quote-2",
            kind=QuoteKind.DIRECT,
            content=at("It will hold; we are sure."),
            speaker_mention=at("Lavrov"),
            speaker_id="actor-4",
        ),
    )
    agreement = Agreement(
        id="agreement-1",
        kind=AgreementKind.CEASEFIRE,
        status=AgreementStatus.REACHED,
        parties=(
            Party(actor_id="actor-3"),
            Party(actor_id="actor-2", role=PartyRole.BROKER),
        ),
        date="2016-08-26",
        date_granularity=DateGranularity.DAY,
        date_text=at("on Friday"),
        location="Aleppo",
        location_span=at("Aleppo"),
        evidence=(at("agreed a ceasefire"),),
    )
    return Article(
        id=article_id,
        text=TEXT,
        published="2016-08-27",
        actors=actors,
        quotes=quotes,
        agreements=(agreement,),
    )


def test_quote_rows() -> None:
    rows = to_records([sample()], "quotes")
    assert [list(r) for r in rows] == [list(COLUMNS["quotes"])] * 2
    first, second = rows
    assert first["article_id"] == "sample" and first["quote_id"] == "quote-1"
    assert first["speaker"] == "John Kerry" and first["speaker_id"] == "actor-1"
    assert first["kind"] == "indirect" and first["cue"] == "said"
    assert first["content"] == "the US and Russia agreed a ceasefire on Friday in Aleppo"
    assert first["confidence"] == 0.75
    assert second["speaker"] == "Sergei Lavrov" and second["cue"] is None


def test_actor_rows() -> None:
    rows = to_records([sample()], "actors")
    assert [r["name"] for r in rows] == ["John Kerry", "United States", "Russia", "Sergei Lavrov"]
    kerry = rows[0]
    assert kerry["titles"] == "Secretary of State; Senator"
    assert kerry["affiliation"] == "United States" and kerry["country"] == "USA"
    assert kerry["mentions"] == 1 and kerry["quotes"] == 1
    assert rows[3]["mentions"] == 2 and rows[3]["titles"] is None


def test_agreement_rows() -> None:
    (row,) = to_records([sample()], "agreements")
    assert row["parties"] == "Russia (party); United States (broker)"
    assert row["party_ids"] == "actor-3; actor-2"
    assert row["date"] == "2016-08-26" and row["date_granularity"] == "day"
    assert row["date_text"] == "on Friday" and row["location"] == "Aleppo"
    assert row["kind"] == "ceasefire" and row["status"] == "reached"
    assert row["mentions"] == 1


@pytest.mark.parametrize("table", TABLES)
def test_rows_are_flat_and_complete(table: str) -> None:
    rows = to_records([sample("a"), sample("b")], table)  # type: ignore[arg-type]
    per_article = {"articles": 1, "quotes": 2, "actors": 4, "agreements": 1}[table]
    assert len(rows) == 2 * per_article
    assert [r["article_id"] for r in rows] == ["a"] * per_article + ["b"] * per_article
    for row in rows:
        assert tuple(row) == COLUMNS[table]  # type: ignore[index]
        assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())


def test_iter_records_streams() -> None:
    seen: list[str] = []

    def articles() -> Iterator[Article]:
        for name in ("a", "b", "c"):
            seen.append(name)
            yield sample(name)

    rows = iter_records(articles(), "agreements")
    assert seen == []
    assert next(rows)["article_id"] == "a" and seen == ["a"]


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="unknown table"):
        to_records([sample()], "speakers")  # type: ignore[arg-type]


# -- the command ----------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMUNIQUE, *args], capture_output=True, text=True, timeout=120, env=dict(os.environ)
    )


@pytest.fixture(scope="module")
def article_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "articles.json"
    records = [json.loads(sample(name).model_dump_json()) for name in ("a", "b")]
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


@pytest.mark.parametrize("table", ["articles", "quotes", "actors", "agreements"])
def test_export_csv_from_article_json(article_json: Path, table: str) -> None:
    result = run("export", str(article_json), "--table", table)
    assert result.returncode == 0, result.stderr
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    assert tuple(reader.fieldnames or ()) == COLUMNS[table]  # type: ignore[index]
    expected = to_records([sample("a"), sample("b")], table)  # type: ignore[arg-type]
    assert len(rows) == len(expected)
    assert rows[0] == {k: "" if v is None else str(v) for k, v in expected[0].items()}


def test_export_jsonl_to_file_from_article_jsonl(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    source.write_text(sample("a").model_dump_json() + "\n\n" + sample("b").model_dump_json())
    out = tmp_path / "parties.jsonl"
    result = run("export", str(source), "-t", "agreements", "-f", "jsonl", "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == to_records([sample("a"), sample("b")], "agreements")


def test_export_runs_the_pipeline_on_pages_and_reports_bad_inputs(
    article_json: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"headline": "neither an Article nor a record"}', encoding="utf-8")
    out = tmp_path / "actors.csv"
    result = run(
        "export",
        str(MESSY_HTML),
        str(tmp_path / "missing.txt"),
        str(broken),
        str(article_json),
        "--table",
        "actors",
        "-o",
        str(out),
    )
    assert result.returncode == 1
    assert "missing.txt: no such file" in result.stderr
    assert "broken.json: expected an object with a string 'text'" in result.stderr
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    ids = [r["article_id"] for r in rows]
    assert ids[-8:] == ["a"] * 4 + ["b"] * 4  # the pages' rows first, in input order
    assert set(ids[:-8]) <= {"messy_article"}


def test_export_usage_error() -> None:
    result = run("export", "x.json", "--table", "speakers")
    assert result.returncode == 2
