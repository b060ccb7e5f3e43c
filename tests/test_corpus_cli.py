"""``communique ingest`` and ``communique query``, run in-process (each console-script run
would load Python and spaCy again; test_cli covers the entry points themselves)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app

from conftest import SEED_TEXT


class Result:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(*args: str) -> Result:
    result = CliRunner().invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def test_ingest_then_query(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    records = tmp_path / "more.jsonl"
    records.write_text(
        json.dumps({"uuid": "m1", "body": "John Kerry said the truce would hold."})
        + "\n"
        + "not json\n",
        encoding="utf-8",
    )
    args = ("--db", str(db), "--published", "2016-08-26", "--text-key", "body")
    first = run("ingest", str(SEED_TEXT), str(records), *args, "--key", "id=uuid")
    assert first.returncode == 1  # one line of the .jsonl is not JSON; the rest is stored
    summary = first.stderr.strip().splitlines()[-1]
    assert summary == f"communique: 2 stored, 0 skipped (already stored), 1 failed; {db}"
    again = run("ingest", str(SEED_TEXT), *args)
    assert again.returncode == 0, again.stderr
    assert "0 stored, 1 skipped (already stored), 0 failed" in again.stderr

    table = run("query", "quotes", "--db", str(db), "--speaker", "Kerry", "--contains", "truce")
    assert table.returncode == 0, table.stderr
    assert "the truce would hold" in table.stdout
    assert "speaker" in table.stdout.splitlines()[1]

    lines = run("query", "quotes", "--db", str(db), "--speaker", "lavrov", "-f", "jsonl")
    rows = [json.loads(line) for line in lines.stdout.splitlines()]
    assert rows and {row["speaker"] for row in rows} == {"Sergei Lavrov"}

    found = run("query", "agreements", "--db", str(db), "--party", "Russia", "-f", "csv")
    parsed = list(csv.DictReader(io.StringIO(found.stdout)))
    assert parsed and all("Russia (" in row["parties"] for row in parsed)

    people = run("query", "entities", "--db", str(db), "--kind", "person", "-f", "jsonl")
    names = [json.loads(line)["name"] for line in people.stdout.splitlines()]
    assert names[0] == "John Kerry"  # most quoted first


def test_usage_errors(tmp_path: Path) -> None:
    missing = run("query", "quotes", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2
    assert "no such corpus database" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    bad_key = run("ingest", str(SEED_TEXT), "--db", str(tmp_path / "x.db"), "--key", "wrong")
    assert bad_key.returncode == 2
    assert not (tmp_path / "x.db").exists()
    Path(tmp_path / "empty.db").touch()
    bad_date = run("query", "quotes", "--db", str(tmp_path / "empty.db"), "--since", "2016-8-1")
    assert bad_date.returncode == 2
    assert "ISO 8601" in bad_date.stderr
