"""The corpus commands: ``ingest``, ``query quotes|agreements|entities`` and ``serve``.

:func:`register_commands` adds them to the CLI app (listed in ``cli.COMMAND_MODULES``).
``ingest`` takes the shared input options and readers, so it reads exactly what ``extract``
reads (files, directories, globs, stdin, JSON/JSONL with ``--key`` mappings, HTML).

Exit codes, as everywhere: 0 success; 1 when an input failed (the others are stored); 2 for
a usage error (such as ``query`` on a database that does not exist).
"""

# No ``from __future__ import annotations``: typer reads the annotations of the commands.
import csv
import datetime as dt
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from communique.cli_options import (
    DisableOption,
    EncodingOption,
    InputFormatOption,
    KeyOption,
    ModelOption,
    PublishedOption,
    SourceOption,
    TextKeyOption,
    TitleOption,
    check_disable,
    read_options,
)
from communique.corpus.store import Corpus, IngestReport, input_id
from communique.readers import InputFormat, InputReport, read_inputs


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[Path, typer.Option("--db", help="The corpus database (an SQLite file).")]
FormatOption = Annotated[
    QueryFormat, typer.Option("--format", "-f", help="table (for reading), jsonl or csv.")
]


def _iso_date(value: str | None) -> str | None:
    """Refuse a date the store could not compare (stored dates are ISO 8601 text)."""
    if value is None:
        return None
    try:
        parsed = (
            dt.datetime.fromisoformat(value) if len(value) > 10 else dt.date.fromisoformat(value)
        )
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO 8601 date, e.g. 2016-08-26") from None
    return parsed.isoformat()


SinceOption = Annotated[
    str | None, typer.Option(help="Published on or after (ISO date).", callback=_iso_date)
]
UntilOption = Annotated[
    str | None, typer.Option(help="Published on or before (ISO date).", callback=_iso_date)
]
LimitOption = Annotated[int | None, typer.Option(min=1, help="At most this many rows.")]

query_app = typer.Typer(help="Ask a corpus database questions.", no_args_is_help=True)


def ingest(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE",
            help="Text, HTML, .json or .jsonl files, folders, quoted globs, or - for stdin.",
        ),
    ],
    db: DbOption,
    published: PublishedOption = None,
    title: TitleOption = None,
    source: SourceOption = None,
    text_key: TextKeyOption = "text",
    key: KeyOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = None,
    disable: DisableOption = None,
    replace: Annotated[
        bool, typer.Option(help="Extract and store again articles already stored.")
    ] = False,
    n_process: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per transaction and spaCy batch.")
    ] = 32,
) -> None:
    """Extract articles and store them in a corpus database (skipping stored ones)."""
    from communique.errors import CommuniqueError
    from communique.pipeline import Pipeline

    options = read_options(
        files,
        published=published,
        title=title,
        source=source,
        text_key=text_key,
        key=key or (),
        input_format=input_format,
        encoding=encoding,
        output=db,
    )
    check_disable(disable or ())
    failures = InputReport()
    items = [i for i in read_inputs(files, failures, options) if isinstance(i, dict)]
    try:
        with Corpus(db) as corpus:
            todo = items if replace else [i for i in items if input_id(i) not in corpus]
            # Load the pipeline only when there is something to extract (a re-run).
            pipeline = Pipeline(model, disable=disable or ()) if todo else None
            report = _ingest(corpus, todo, pipeline, replace, n_process, batch_size)
            report.skipped += len(items) - len(todo)
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    report.failed += failures.failed
    typer.echo(
        f"communique: {report.stored} stored, {report.skipped} skipped (already stored), "
        f"{report.failed} failed; {db}",
        err=True,
    )
    if report.failed:
        raise typer.Exit(1)


def serve(
    db: DbOption,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
) -> None:
    """Browse a corpus in the browser with Datasette (pip install communique[serve])."""
    from communique.corpus.serve import serve as run

    _existing(db)
    try:
        run(db, host=host, port=port)
    except ImportError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(2) from None


def register_commands(app: typer.Typer) -> None:
    """Add ``ingest``, ``query`` and ``serve`` to ``app``."""
    app.command()(ingest)
    app.command()(serve)
    app.add_typer(query_app, name="query")


def _ingest(
    corpus: Corpus, items: list[Any], pipeline: Any, replace: bool, n_process: int, batch: int
) -> IngestReport:
    """Run the ingest, with a progress bar (percent and ETA) when stderr is a terminal."""
    if not items:
        return IngestReport()
    if not sys.stderr.isatty():
        return corpus.ingest(
            items, pipeline, n_process=n_process, batch_size=batch, replace=replace
        )
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    columns = (BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("ingesting", total=len(items))
        return corpus.ingest(
            items,
            pipeline,
            n_process=n_process,
            batch_size=batch,
            replace=replace,
            progress=lambda done: progress.update(task, completed=done.seen),
        )


def _existing(db: Path) -> None:
    if not db.is_file():
        typer.echo(f"communique: error: {db}: no such corpus database", err=True)
        raise typer.Exit(2)


@query_app.command("quotes")
def query_quotes(
    db: DbOption,
    speaker: Annotated[str | None, typer.Option(help="Entity name or alias.")] = None,
    contains: Annotated[str | None, typer.Option(help="Words the quote holds (all).")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or mixed.")] = None,
    limit: LimitOption = None,
    fmt: FormatOption = QueryFormat.table,
) -> None:
    """Quotes, by speaker, words, date and kind."""
    _existing(db)
    with Corpus(db) as corpus:
        rows = corpus.quotes(speaker, contains, since, until, kind, limit=limit)
    _print(rows, ("published", "speaker", "kind", "text", "cue", "article_id"), fmt)


@query_app.command("agreements")
def query_agreements(
    db: DbOption,
    party: Annotated[str | None, typer.Option(help="Entity name or alias of a party.")] = None,
    status: Annotated[str | None, typer.Option(help="e.g. reached, signed, collapsed.")] = None,
    kind: Annotated[str | None, typer.Option(help="e.g. ceasefire, truce, deal.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    fmt: FormatOption = QueryFormat.table,
) -> None:
    """Agreements, by party, status, kind and date."""
    _existing(db)
    with Corpus(db) as corpus:
        rows = corpus.agreements(party, status, kind, since, until, limit=limit)
    _print(rows, ("published", "kind", "status", "parties", "date", "article_id"), fmt)


@query_app.command("entities")
def query_entities(
    db: DbOption,
    name: Annotated[str | None, typer.Option(help="Name or alias.")] = None,
    kind: Annotated[str | None, typer.Option(help="person, organization, country...")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166-1 alpha-3 code.")] = None,
    limit: LimitOption = None,
    fmt: FormatOption = QueryFormat.table,
) -> None:
    """Entities (actors linked across articles), most quoted first."""
    _existing(db)
    with Corpus(db) as corpus:
        rows = corpus.entities(name, kind, country, limit=limit)
    _print(rows, ("name", "kind", "country", "articles", "quotes", "aliases"), fmt)


def _cell(value: Any) -> str:
    """A value flattened for a table or CSV cell: parties as 'Russia (party); UN (broker)'."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(
            f"{item['name']} ({item['role']})" if isinstance(item, dict) else str(item)
            for item in value
        )
    return str(value)


def _print(rows: list[dict[str, Any]], shown: tuple[str, ...], fmt: QueryFormat) -> None:
    out: TextIO = sys.stdout
    if fmt is QueryFormat.jsonl:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        columns = list(rows[0]) if rows else list(shown)
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for column in shown:
            wide = column in ("text", "parties", "aliases")
            table.add_column(column, min_width=40 if wide else None, ratio=3 if wide else 1)
        for row in rows:
            table.add_row(*(_cell(row.get(column)) for column in shown))
        Console(width=max(140, Console().width)).print(table)
        typer.echo(f"{len(rows)} rows", err=True)


__all__ = ["QueryFormat", "register_commands"]
