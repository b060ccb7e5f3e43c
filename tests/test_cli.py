"""The command line, through its real entry points (console script and python -m)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from communique import Article
from communique.schema import article_json_schema_text

from conftest import SEED_TEXT

COMMUNIQUE = shutil.which("communique") or str(Path(sys.executable).with_name("communique"))


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [COMMUNIQUE, *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def seed_json() -> bytes:
    result = run("extract", str(SEED_TEXT), "--published", "2016-08-26")
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def test_extract_seed_prints_valid_json(seed_json: bytes) -> None:
    article = Article.model_validate_json(seed_json)
    assert article.id == "kerry-lavrov-geneva"
    assert article.published is not None and article.published.isoformat() == "2016-08-26"
    for _, span in article.spans():
        assert article.text[span.start : span.end] == span.text


def test_extract_is_deterministic(seed_json: bytes) -> None:
    again = run("extract", str(SEED_TEXT), "--published", "2016-08-26")
    assert again.stdout == seed_json


def test_jsonl_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run("extract", "-", "-f", "jsonl", "-o", str(out), stdin=b"Kerry spoke in Geneva.")
    assert result.returncode == 0, result.stderr.decode()
    (line,) = out.read_text().splitlines()
    assert Article.model_validate_json(line).id == "stdin"


def test_bad_inputs_exit_1_and_the_rest_is_written(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Lavrov said the talks went well.", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 talks".encode("latin-1"))
    records = tmp_path / "batch.jsonl"
    records.write_text(
        '{"text": "Kerry spoke.", "id": "r1"}\nnot json\n{"body": "x"}\n', encoding="utf-8"
    )
    result = run(
        "extract", str(latin), str(good), str(tmp_path / "missing.txt"), str(records), "-f", "jsonl"
    )
    assert result.returncode == 1
    ids = [json.loads(line)["id"] for line in result.stdout.decode().splitlines()]
    assert ids == ["good", "r1"]
    err = result.stderr.decode()
    assert "latin1.txt: not UTF-8 text" in err
    assert "missing.txt: no such file" in err
    assert "batch.jsonl:2: invalid JSON" in err
    assert "batch.jsonl:3: expected an object with a string 'text'" in err


def test_json_format_is_an_object_for_one_input_and_an_array_for_several(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    one = run("extract", str(tmp_path / "a.txt"))
    assert Article.model_validate_json(one.stdout).id == "a"
    both = run("extract", str(tmp_path))
    assert [Article.model_validate(r).id for r in json.loads(both.stdout)] == ["a", "b"]
    none = run("extract", str(tmp_path / "missing.txt"))
    assert none.returncode == 1 and none.stdout == b""  # one input could come out: no array
    empty = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"))
    assert empty.returncode == 1 and [a["id"] for a in json.loads(empty.stdout)] == ["a"]


def test_directory_input(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    result = run("extract", str(tmp_path), "-f", "jsonl")
    assert result.returncode == 0
    assert [json.loads(x)["id"] for x in result.stdout.decode().splitlines()] == ["a", "b"]


def test_usage_error_exits_2() -> None:
    assert run("extract").returncode == 2
    assert run("extract", "x.txt", "--format", "xml").returncode == 2
    assert run("no-such-command").returncode == 2


def test_bad_published_date_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("Text.", encoding="utf-8")
    result = run("extract", str(f), "--published", "not-a-date", "-f", "jsonl")
    assert result.returncode == 2 and result.stdout == b""
    assert "not a date communique can read" in result.stderr.decode()


def test_plugins_lists_builtins() -> None:
    result = run("plugins", "--json")
    assert result.returncode == 0
    rows = {row["name"]: row for row in json.loads(result.stdout)}
    assert {"actors"} <= set(rows)
    assert rows["actors"]["package"] == "communique"
    table = run("plugins")
    assert b"actors" in table.stdout and b"provides" in table.stdout


def test_disable_through_environment() -> None:
    rows = json.loads(
        run("plugins", "--json", env={"COMMUNIQUE_DISABLE": "actors,quotes,agreements"}).stdout
    )
    assert "actors" not in {r["name"] for r in rows}


def test_schema_command_prints_the_committed_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert result.stdout.decode() == article_json_schema_text()


def test_python_dash_m_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "communique", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.startswith("communique ")


def test_glob_and_jsonl_metadata_keys(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Kerry spoke.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Lavrov spoke.", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"body": "Assad spoke.", "uuid": "x-1", "date": "2016-08-26", "extra": 1})
        + "\n",
        encoding="utf-8",
    )
    result = run(
        "extract",
        str(tmp_path / "*.txt"),
        str(feed),
        "-f",
        "jsonl",
        "--text-key",
        "body",
        "--key",
        "id=uuid",
        "--key",
        "published=date",
    )
    assert result.returncode == 0, result.stderr.decode()
    rows = [json.loads(x) for x in result.stdout.decode().splitlines()]
    assert [r["id"] for r in rows] == ["one", "two", "x-1"]
    assert rows[2]["published"] == "2016-08-26" and rows[2]["text"] == "Assad spoke."
    assert rows[2]["metadata"] == {"extra": 1}
    assert run("extract", str(feed), "--key", "colour=red").returncode == 2
    assert run("extract", str(tmp_path / "*.none")).returncode == 1


@pytest.mark.polnear
def test_evaluate_attributions_command(polnear_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "predictions.jsonl"
    result = run(
        "evaluate",
        "attributions",
        str(polnear_dir / "dev"),
        "--limit",
        "3",
        "--predictions",
        str(out),
        "--json",
    )
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["articles"] == 3 and report["content_loose"]["f1"] > 0.3
    assert len(out.read_text().splitlines()) == 3
    assert run("evaluate", "attributions", str(tmp_path / "nowhere")).returncode == 2


def test_a_crashing_reader_fails_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import communique.views.html_input as html_input
    from communique.readers import InputReport, ReadOptions, read_records

    def broken(content: str) -> None:
        raise ImportError("a dependency is missing")

    monkeypatch.setattr(html_input, "read_html", broken)
    (tmp_path / "a.html").write_text("<p>page</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Kerry spoke.", encoding="utf-8")
    report = InputReport()
    items = list(read_records([str(tmp_path)], report, ReadOptions()))
    assert [item["id"] for item in items] == ["b"]
    assert report.failed == 1
