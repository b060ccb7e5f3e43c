"""The ``render`` and ``export`` commands: annotated HTML pages and tables from the CLI.

Both read what ``communique extract`` reads (text, HTML, JSONL and JSON records, through
:mod:`communique.readers`, with the same input options) and also Article JSON produced
earlier (``.json`` with one Article or a list of them, ``.jsonl`` of Article records;
recognised by the ``schema_version`` key), so a corpus is extracted once and viewed often.

Exit codes, as for every command: 0 success; 1 when an input failed (every other input is
still rendered or exported); 2 for a usage error, found before any extraction starts.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from itertools import groupby
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from communique.cli_options import (
    FILES_HELP,
    EncodingOption,
    InputFormatOption,
    KeyOption,
    ModelOption,
    PublishedOption,
    SourceOption,
    TextKeyOption,
    TitleOption,
    read_options,
)
from communique.cli_output import check_output, say_summary, with_progress
from communique.errors import CommuniqueError
from communique.models import Article
from communique.readers import InputFormat, InputReport, ReadOptions, count_inputs, read_inputs
from communique.views.tables import COLUMNS, Table, iter_records

_FILES_HELP = FILES_HELP + " Article JSON written by extract (.json, .jsonl) is read as it is."


class TableName(str, Enum):
    """The tables ``export`` writes (``articles`` joins the others on ``article_id``)."""

    articles = "articles"
    quotes = "quotes"
    actors = "actors"
    agreements = "agreements"


_TABLES: dict[TableName, Table] = {
    TableName.articles: "articles",
    TableName.quotes: "quotes",
    TableName.actors: "actors",
    TableName.agreements: "agreements",
}


class TableFormat(str, Enum):
    """How ``export`` writes a table."""

    csv = "csv"
    jsonl = "jsonl"


def render(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help=_FILES_HELP)],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The HTML file to write (default: stdout)."
        ),
    ] = None,
    title: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Heading (and browser title) of the page."),
    ] = None,
    published: PublishedOption = None,
    source: SourceOption = None,
    text_key: TextKeyOption = "text",
    key: KeyOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = None,
) -> None:
    """Write one self-contained HTML page showing who said what, with tables."""
    from communique.views.render import render_many

    options = read_options(
        files,
        published=published,
        source=source,
        text_key=text_key,
        key=key or (),
        input_format=input_format,
        encoding=encoding,
        articles=True,
        output=output,
    )
    check_output(output)
    report = InputReport()
    try:
        articles = list(_articles(files, report, options, model))
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    written = 0
    if articles or not report.failed:
        page = render_many(articles, title=title)
        if output is None:
            sys.stdout.write(page)
        else:
            output.write_text(page, encoding="utf-8", newline="\n")
        written = len(articles)
    say_summary(written, report, output)
    if report.failed:
        raise typer.Exit(1)


def export(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help=_FILES_HELP)],
    table: Annotated[
        TableName,
        typer.Option(
            "--table", "-t", metavar="TABLE", help="articles, quotes, actors or agreements."
        ),
    ] = TableName.quotes,
    fmt: Annotated[
        TableFormat,
        typer.Option("--format", "-f", metavar="FORMAT", help="csv (with a header) or jsonl."),
    ] = TableFormat.csv,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here, not stdout (folders are made)."
        ),
    ] = None,
    published: PublishedOption = None,
    title: TitleOption = None,
    source: SourceOption = None,
    text_key: TextKeyOption = "text",
    key: KeyOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = None,
) -> None:
    """Write the articles, quotes, actors or agreements of every input as CSV or JSONL."""
    options = read_options(
        files,
        published=published,
        title=title,
        source=source,
        text_key=text_key,
        key=key or (),
        input_format=input_format,
        encoding=encoding,
        articles=True,
        output=output,
    )
    check_output(output)
    report = InputReport()
    try:
        articles = _counted(_articles(files, report, options, model))
        if output is None:
            _write_table(articles, _TABLES[table], fmt, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as handle:
                _write_table(articles, _TABLES[table], fmt, handle)
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    say_summary(articles.count, report, output)
    if report.failed:
        raise typer.Exit(1)


def register_commands(app: typer.Typer) -> None:
    """Add the ``render`` and ``export`` commands to the CLI app."""
    app.command()(render)
    app.command()(export)


class _counted:
    """An iterator of Articles that counts what it has given out (for the summary line)."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles = iter(articles)
        self.count = 0

    def __iter__(self) -> Iterator[Article]:
        return self

    def __next__(self) -> Article:
        article = next(self._articles)
        self.count += 1
        return article


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


def _articles(
    paths: list[str], report: InputReport, options: ReadOptions, model: str | None
) -> Iterator[Article]:
    """Every input as an Article, in input order; inputs needing extraction are streamed.

    Consecutive inputs that need extraction go through one ``extract_many`` call, so they
    are batched; the pipeline is only loaded if some input needs it.
    """
    from communique.pipeline import Pipeline

    pipeline: Pipeline | None = None
    items = with_progress(read_inputs(paths, report, options), count_inputs(paths, options))
    for needs_pipeline, group in groupby(items, key=lambda item: not isinstance(item, Article)):
        if not needs_pipeline:
            yield from (item for item in group if isinstance(item, Article))
            continue
        if pipeline is None:
            pipeline = Pipeline(model)
        records: Iterator[dict[str, Any]] = (item for item in group if isinstance(item, dict))
        for article in pipeline.extract_many(records):
            inputs = [p.message for p in article.problems if p.kind == "input"]
            if inputs:
                report.fail(f"{article.id}: " + "; ".join(inputs))
                continue
            yield article


__all__ = ["TableFormat", "TableName", "export", "register_commands", "render"]
