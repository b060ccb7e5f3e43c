"""Issue 16, command-line items: usage errors up front, metadata that travels, outputs that
follow their names, earlier output recognised, and a summary line. Run in-process through
typer's runner (stdout is then not a terminal, as in a pipe)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique import Article
from communique.cli import app
from communique.cli_options import parse_published
from communique.readers import InputFormat, ReadOptions, could_be_many, headline, read_records

from conftest import ROOT, SEED_TEXT

runner = CliRunner()


def invoke(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture()
def two_texts(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Kerry said the talks went well.", encoding="utf-8")
    (folder / "b.txt").write_text("Lavrov said the talks were hard.", encoding="utf-8")
    return folder


# -- 1. --published ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given",
    [
        "2016-08-26",
        "26 August 2016",
        "Aug 26, 2016",
        "20160826",
        "2016-8-26",
        "26/08/2016",
        "8/26/2016",
        "Friday, 26 August 2016",
    ],
)
def test_published_reads_common_human_forms(given: str) -> None:
    assert parse_published(given) == "2016-08-26"


@pytest.mark.parametrize("given", ["2016-13-01", "08/09/2016", "August 2016", "yesterday", "x"])
def test_unreadable_published_is_a_usage_error_and_nothing_is_written(
    given: str, two_texts: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "articles.jsonl"
    result = invoke("extract", str(two_texts), "--published", given, "-o", str(out))
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert not out.exists() and not out.parent.exists()


def test_a_human_published_date_reaches_the_article(two_texts: Path) -> None:
    result = invoke("extract", str(two_texts / "a.txt"), "--published", "Aug 26, 2016")
    assert result.exit_code == 0, result.stderr
    assert Article.model_validate_json(result.stdout).published.isoformat() == "2016-08-26"


# -- 3. metadata travels ------------------------------------------------------------------------


def test_unknown_record_keys_travel_into_article_metadata(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    record = {"text": "Kerry spoke.", "id": "r1", "author": "AP", "section": {"name": "world"}}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = invoke("extract", str(feed), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    article = Article.model_validate_json(result.stdout.splitlines()[0])
    assert article.metadata == {"author": "AP", "section": {"name": "world"}}


# -- 4. outputs are checked before any work -----------------------------------------------------


def test_output_into_a_missing_folder_creates_it(two_texts: Path, tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper" / "articles.jsonl"
    result = invoke("extract", str(two_texts), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("command", [["extract"], ["render"], ["export", "--table", "actors"]])
def test_an_output_that_cannot_be_made_fails_before_extraction(
    command: list[str], two_texts: Path, tmp_path: Path
) -> None:
    in_a_file = tmp_path / "notes.txt"
    in_a_file.write_text("a file, not a folder", encoding="utf-8")
    result = invoke(*command, str(two_texts), "-o", str(in_a_file / "out.txt"))
    assert result.exit_code == 2
    assert "cannot create the folder" in result.stderr
    assert "written to" not in result.stderr  # no summary: nothing was extracted


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_output_fails_before_extraction(two_texts: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = invoke("extract", str(two_texts), "-o", str(locked / "out.txt"))
    finally:
        locked.chmod(stat.S_IRWXU)
    assert result.exit_code == 2 and "cannot be written" in result.stderr


@pytest.mark.parametrize("command", [["extract"], ["render"], ["export"]])
def test_an_output_that_is_a_folder_is_a_usage_error(
    command: list[str], two_texts: Path, tmp_path: Path
) -> None:
    result = invoke(*command, str(two_texts), "-o", str(tmp_path))
    assert result.exit_code == 2 and "is a directory" in result.stderr


# -- 5. the output format follows -o, and the shape follows the arguments ------------------------


def test_output_format_follows_the_suffix_and_format_overrides(
    two_texts: Path, tmp_path: Path
) -> None:
    jsonl, as_json, forced = tmp_path / "a.jsonl", tmp_path / "a.json", tmp_path / "b.jsonl"
    assert invoke("extract", str(two_texts), "-o", str(jsonl)).exit_code == 0
    assert [json.loads(line)["id"] for line in jsonl.read_text().splitlines()] == ["a", "b"]
    assert invoke("extract", str(two_texts), "-o", str(as_json)).exit_code == 0
    assert [a["id"] for a in json.loads(as_json.read_text())] == ["a", "b"]
    assert invoke("extract", str(two_texts), "-o", str(forced), "-f", "json").exit_code == 0
    assert isinstance(json.loads(forced.read_text()), list)


def test_json_is_an_array_whenever_several_could_come_out(two_texts: Path) -> None:
    missing = str(two_texts / "missing.txt")
    one_left = invoke("extract", str(two_texts / "a.txt"), missing)
    assert one_left.exit_code == 1
    assert [a["id"] for a in json.loads(one_left.stdout)] == ["a"]  # still an array
    pattern = invoke("extract", str(two_texts / "a*.txt"))
    assert [a["id"] for a in json.loads(pattern.stdout)] == ["a"]
    assert could_be_many([str(two_texts)], InputFormat.auto)
    assert could_be_many(["feed.jsonl"], InputFormat.auto)
    assert not could_be_many(["page.html"], InputFormat.auto)


# -- 6. earlier output is recognised ------------------------------------------------------------


def test_rerun_over_a_folder_holding_earlier_output_skips_it(two_texts: Path) -> None:
    first = invoke("extract", str(two_texts), "-o", str(two_texts / "out.jsonl"))
    assert first.exit_code == 0, first.stderr
    (two_texts / "one.json").write_text(
        Article.model_validate_json(
            (two_texts / "out.jsonl").read_text().splitlines()[0]
        ).model_dump_json(),
        encoding="utf-8",
    )
    again = invoke("extract", str(two_texts), "-f", "jsonl")
    assert again.exit_code == 0, again.stderr
    assert [json.loads(line)["id"] for line in again.stdout.splitlines()] == ["a", "b"]
    assert "skipped 2 Article records" in again.stderr  # out.jsonl
    assert "skipped 1 Article record " in again.stderr  # one.json


def test_the_output_file_itself_is_never_read_as_input(two_texts: Path) -> None:
    out = two_texts / "out.jsonl"
    out.write_text('{"text": "Stale record that must not be read.", "id": "stale"}\n')
    result = invoke("extract", str(two_texts), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]


# -- 7. file types, stdin, .json records, encodings ---------------------------------------------


def test_an_unsupported_file_type_is_a_usage_error_naming_the_supported_ones(
    tmp_path: Path,
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    result = invoke("extract", str(pdf))
    assert result.exit_code == 2
    assert "unsupported file type '.pdf'" in result.stderr and ".jsonl" in result.stderr
    assert invoke("extract", str(pdf), "--input-format", "txt").exit_code == 0


@pytest.mark.parametrize(
    ("stdin", "expected_ids"),
    [
        ("Kerry spoke in Geneva.", ["stdin"]),
        (
            '{"text": "Kerry spoke.", "id": "j1"}\n{"text": "Lavrov spoke.", "id": "j2"}\n',
            ["j1", "j2"],
        ),
        ('[{"text": "Kerry spoke.", "id": "a1"}]', ["a1"]),
    ],
)
def test_stdin_is_sniffed(stdin: str, expected_ids: list[str]) -> None:
    result = invoke("extract", "-", "-f", "jsonl", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == expected_ids


def test_stdin_html_is_read_as_a_page() -> None:
    page = (ROOT / "tests" / "data" / "messy_article.html").read_bytes()
    result = invoke("extract", "-", stdin=page)
    assert result.exit_code == 0, result.stderr
    assert Article.model_validate_json(result.stdout).title


def test_json_file_with_one_record_or_an_array(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text('{"text": "Kerry spoke.", "source": "AP"}')
    (tmp_path / "many.json").write_text('[{"text": "A spoke."}, {"text": "B spoke.", "id": "b"}]')
    result = invoke("extract", str(tmp_path / "one.json"), str(tmp_path / "many.json"))
    assert result.exit_code == 0, result.stderr
    articles = [Article.model_validate(a) for a in json.loads(result.stdout)]
    assert [a.id for a in articles] == ["one", "many-1", "b"]
    assert articles[0].source == "AP"


def test_other_json_in_a_folder_is_skipped_but_named_it_fails(two_texts: Path) -> None:
    gold = two_texts / "a.gold.json"
    gold.write_text('{"quotes": [], "about": "annotations, not an article"}', encoding="utf-8")
    folder = invoke("extract", str(two_texts), "-f", "jsonl")
    assert folder.exit_code == 0, folder.stderr
    assert [json.loads(line)["id"] for line in folder.stdout.splitlines()] == ["a", "b"]
    assert "a.gold.json: not articles or article records; skipped" in folder.stderr
    named = invoke("extract", str(gold))
    assert named.exit_code == 1 and "expected an object with a string 'text'" in named.stderr


def test_encoding_option_and_hint(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 talks in Gen\xe8ve went well.".encode("latin-1"))
    failed = invoke("extract", str(latin))
    assert failed.exit_code == 1 and "--encoding" in failed.stderr
    read = invoke("extract", str(latin), "--encoding", "latin-1")
    assert read.exit_code == 0, read.stderr
    assert "Genève" in Article.model_validate_json(read.stdout).text
    assert invoke("extract", str(latin), "--encoding", "klingon").exit_code == 2


# -- 8. typos are usage errors ------------------------------------------------------------------


@pytest.mark.parametrize("command", [["extract", "x.txt"], ["plugins"], ["explain"]])
def test_a_misspelt_disable_is_a_usage_error_naming_the_real_names(command: list[str]) -> None:
    result = invoke(*command, "--disable", "quotez")
    assert result.exit_code == 2
    assert "did you mean 'quotes'" in result.stderr and "agreements" in result.stderr


# -- 9. evaluate on something that is not a corpus ----------------------------------------------


def test_evaluate_on_a_folder_that_is_not_a_brat_corpus(two_texts: Path) -> None:
    result = invoke("evaluate", "attributions", str(two_texts))
    assert result.exit_code == 2 and "not a brat corpus" in result.stderr


# -- 15. summary line ---------------------------------------------------------------------------


def test_a_summary_line_ends_stderr(two_texts: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = invoke("extract", str(two_texts), str(two_texts / "nope.txt"), "-o", str(out))
    assert result.exit_code == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"communique: 2 articles written to {out}, 1 input failed"
    export = invoke("export", str(two_texts), "--table", "actors")
    assert export.stderr.strip().splitlines()[-1] == "communique: 2 articles written to stdout"


# -- 17. titles ---------------------------------------------------------------------------------


def test_a_text_files_headline_is_its_title(tmp_path: Path) -> None:
    assert headline(SEED_TEXT.read_text(encoding="utf-8")) == (
        "US, Russia achieve clarity on new Syrian truce"
    )
    plain = tmp_path / "plain.txt"
    plain.write_text("Kerry said the talks went well.\nLavrov agreed.", encoding="utf-8")
    records = list(read_records([str(plain)], _report(), ReadOptions()))
    assert "title" not in records[0]
    given = list(read_records([str(SEED_TEXT)], _report(), ReadOptions(meta={"title": "Mine"})))
    assert given[0]["title"] == "Mine"


def test_render_title_is_the_visible_heading(two_texts: Path) -> None:
    result = invoke("render", str(two_texts / "a.txt"), "--title", "Syria talks")
    assert result.exit_code == 0, result.stderr
    assert '<h1 class="page-title">Syria talks</h1>' in result.stdout


def test_render_and_export_take_the_input_options(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"body": "Kerry spoke.", "uuid": "u1"}) + "\n", encoding="utf-8")
    args = ["--text-key", "body", "--key", "id=uuid", "--published", "26 August 2016"]
    exported = invoke("export", str(feed), "--table", "actors", "-f", "jsonl", *args)
    assert exported.exit_code == 0, exported.stderr
    assert json.loads(exported.stdout.splitlines()[0])["article_id"] == "u1"
    rendered = invoke("render", str(feed), *args, "--encoding", "utf-8")
    assert rendered.exit_code == 0 and 'data-article-id="u1"' in rendered.stdout
    assert '<time datetime="2016-08-26">' in rendered.stdout


# -- 18. help texts -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "render", "export"])
def test_help_lists_every_input_and_reads_as_words(command: str) -> None:
    import shutil
    import subprocess
    import sys

    exe = shutil.which("communique") or str(Path(sys.executable).with_name("communique"))
    result = subprocess.run([exe, command, "--help"], capture_output=True, text=True, check=True)
    text = " ".join(result.stdout.split())
    for accepted in (".txt", ".html", ".jsonl", ".json", "directories", "globs", "stdin"):
        assert accepted in text
    assert "<bool>" not in text and "<list" not in text and "<str>" not in text


def _report():  # type: ignore[no-untyped-def]
    from communique.readers import InputReport

    return InputReport()
