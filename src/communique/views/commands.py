"""The ``render`` and ``export`` commands: annotated HTML pages and tables from the CLI.

Both read the same inputs: text, HTML and JSONL files (run through the pipeline, exactly as
``communique extract`` reads them) and Article JSON produced earlier (a ``.json`` file with
one Article or a list of them, or a ``.jsonl`` file of Article records; Article JSON is
recognised by its ``schema_version`` key), so a corpus is extracted once and viewed often.

Exit codes, as for every command: 0 success; 1 when an input failed (every other input is
still rendered or exported); 2 for a usage error.
"""

# No ``from __future__ import annotations`` here: typer reads the annotations of the
# commands, which are defined inside ``register``.
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from pydantic import ValidationError

from communique.cli_options import (
    InputFormatOption,
    ModelOption,
    PublishedOption,
    SourceOption,
    TextKeyOption,
    TitleOption,
)
from communique.errors import CommuniqueError
from communique.models import Article
from communique.readers import InputFormat, InputReport, expand, read_records
from communique.views.tables import COLUMNS, Table, iter_records

_FILES_HELP = (
    "Text, HTML or .jsonl files, Article JSON (.json, .jsonl), directories, or - for stdin."
)
_ARTICLE_SUFFIXES = (".json", ".jsonl")
_ALL_SUFFIXES = frozenset({".txt", ".jsonl", ".html", ".htm", ".json"})


class TableName(str, Enum):
    quotes = "quotes"
    actors = "actors"
    agreements = "agreements"


_TABLES: dict[TableName, Table] = {
    TableName.quotes: "quotes",
    TableName.actors: "actors",
    TableName.agreements: "agreements",
}


class TableFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


def register_commands(app: typer.Typer) -> None:
    """Add the ``render`` and ``export`` commands to the CLI app."""

    @app.command()
    def render(
        files: Annotated[list[str], typer.Argument(help=_FILES_HELP)],
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="The HTML file to write (default: stdout)."),
        ] = None,
        title: Annotated[str | None, typer.Option(help="Title of the page.")] = None,
        published: PublishedOption = None,
        source: SourceOption = None,
        text_key: TextKeyOption = "text",
        input_format: InputFormatOption = InputFormat.auto,
        model: ModelOption = None,
    ) -> None:
        """Write one self-contained HTML page showing who said what, with tables."""
        from communique.views.render import render_many

        report = InputReport()
        meta = _meta(published=published, source=source)
        try:
            articles = list(_articles(files, report, meta, text_key, input_format, model))
        except CommuniqueError as exc:
            typer.echo(f"communique: error: {exc}", err=True)
            raise typer.Exit(1) from None
        if articles or not report.failed:
            page = render_many(articles, title=title)
            if output is None:
                sys.stdout.write(page)
            else:
                output.write_text(page, encoding="utf-8", newline="\n")
        if report.failed:
            raise typer.Exit(1)

    @app.command()
    def export(
        files: Annotated[list[str], typer.Argument(help=_FILES_HELP)],
        table: Annotated[
            TableName, typer.Option("--table", "-t", help="Which table: one row per item.")
        ] = TableName.quotes,
        fmt: Annotated[
            TableFormat, typer.Option("--format", "-f", help="csv (with a header) or jsonl.")
        ] = TableFormat.csv,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
        ] = None,
        published: PublishedOption = None,
        title: TitleOption = None,
        source: SourceOption = None,
        text_key: TextKeyOption = "text",
        input_format: InputFormatOption = InputFormat.auto,
        model: ModelOption = None,
    ) -> None:
        """Write the quotes, actors or agreements of every input as CSV or JSONL."""

        report = InputReport()
        meta = _meta(published=published, title=title, source=source)
        try:
            articles = _articles(files, report, meta, text_key, input_format, model)
            if output is None:
                _write_table(articles, _TABLES[table], fmt, sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as handle:
                    _write_table(articles, _TABLES[table], fmt, handle)
        except CommuniqueError as exc:
            typer.echo(f"communique: error: {exc}", err=True)
            raise typer.Exit(1) from None
        if report.failed:
            raise typer.Exit(1)


def _meta(**given: str | None) -> dict[str, Any]:
    return {key: value for key, value in given.items() if value}


def _write_table(articles: Iterable[Article], table: Table, fmt: TableFormat, out: TextIO) -> None:
    records = iter_records(articles, table)
    if fmt is TableFormat.jsonl:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
        return
    writer = csv.DictWriter(out, fieldnames=COLUMNS[table], lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record)
        out.flush()


# -- reading inputs --------------------------------------------------------------------------


def _articles(
    paths: list[str],
    report: InputReport,
    meta: dict[str, Any],
    text_key: str,
    input_format: InputFormat,
    model: str | None,
) -> Iterator[Article]:
    """Every input as an Article, in input order; inputs needing extraction are streamed.

    Consecutive inputs that need extraction go through one ``extract_many`` call, so they
    are batched; the pipeline is only loaded if some input needs it.
    """
    from communique.pipeline import Pipeline

    pipeline: Pipeline | None = None
    items = _sources(paths, report, meta, text_key, input_format)
    for needs_pipeline, group in groupby(items, key=lambda item: not isinstance(item, Article)):
        if not needs_pipeline:
            yield from (item for item in group if isinstance(item, Article))
            continue
        if pipeline is None:
            pipeline = Pipeline(model)
        records = (item for item in group if not isinstance(item, Article))
        for article in pipeline.extract_many(records):
            inputs = [p.message for p in article.problems if p.kind == "input"]
            if inputs:
                report.fail(f"{article.id}: " + "; ".join(inputs))
                continue
            yield article


def _sources(
    paths: list[str],
    report: InputReport,
    meta: dict[str, Any],
    text_key: str,
    input_format: InputFormat,
) -> Iterator[Article | dict[str, Any]]:
    """Ready Articles (from Article JSON) and input records (for the pipeline), in order."""
    for raw in expand(paths, report, _ALL_SUFFIXES):
        suffix = Path(raw).suffix.lower()
        if input_format.value == "auto" and suffix in _ARTICLE_SUFFIXES:
            loaded = _read_article_json(raw, report)
            if loaded is not None:
                yield from loaded
                continue
        yield from read_records([raw], report, meta, {"text": text_key}, input_format)


def _read_article_json(raw: str, report: InputReport) -> list[Article] | None:
    """The Articles in a ``.json``/``.jsonl`` file; None when it holds input records instead.

    A ``.jsonl`` file is Article JSON when its first record has ``schema_version``; a
    ``.json`` file always is (one Article or a list of them). Problems are reported and
    the bad records skipped.
    """
    path = Path(raw)
    try:
        content = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # the ordinary reader reports it, with the same wording as extract
    if path.suffix.lower() == ".jsonl":
        lines = [(n, line) for n, line in enumerate(content.splitlines(), 1) if line.strip()]
        try:
            first = json.loads(lines[0][1]) if lines else None
        except json.JSONDecodeError:
            return None
        if not (isinstance(first, dict) and "schema_version" in first):
            return None
        articles = []
        for number, line in lines:
            article = _article(f"{raw}:{number}", line, report)
            if article is not None:
                articles.append(article)
        return articles
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        report.fail(f"{raw}: invalid JSON ({exc.msg} at line {exc.lineno})")
        return []
    records = data if isinstance(data, list) else [data]
    articles = []
    for index, record in enumerate(records):
        where = f"{raw}[{index}]" if isinstance(data, list) else raw
        if not (isinstance(record, dict) and "schema_version" in record):
            report.fail(f"{where}: not Article JSON (no 'schema_version')")
            continue
        try:
            articles.append(Article.model_validate(record))
        except ValidationError as exc:
            report.fail(f"{where}: not a valid Article ({_first_error(exc)})")
    return articles


def _article(where: str, line: str, report: InputReport) -> Article | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        report.fail(f"{where}: invalid JSON ({exc.msg})")
        return None
    if not (isinstance(record, dict) and "schema_version" in record):
        report.fail(f"{where}: not Article JSON (no 'schema_version')")
        return None
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        report.fail(f"{where}: not a valid Article ({_first_error(exc)})")
        return None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"])
    return f"{location}: {error['msg']}" if location else str(error["msg"])


__all__ = ["TableFormat", "TableName", "register_commands"]
