"""The ``communique`` command line (also ``python -m communique``).

Exit codes: 0 success; 1 when an input failed (every other input is still processed and
written); 2 for a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from importlib import import_module
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from communique import __version__
from communique.cli_options import (
    DisableOption,
    InputFormatOption,
    ModelOption,
    PublishedOption,
    SourceOption,
    TextKeyOption,
    TitleOption,
)
from communique.errors import CommuniqueError
from communique.models import Article
from communique.pipeline import Pipeline
from communique.readers import METADATA_FIELDS, InputFormat, InputReport, read_records
from communique.schema import article_json_schema_text

app = typer.Typer(
    name="communique",
    help="Who said what, and who agreed to what with whom, in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
evaluate_app = typer.Typer(help="Score communique against annotated corpora.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")


class OutputFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """communique command line."""


def _parse_keys(pairs: list[str]) -> dict[str, str]:
    keys = {}
    for pair in pairs:
        field, sep, key = pair.partition("=")
        if not sep or field not in METADATA_FIELDS or not key:
            raise typer.BadParameter(
                f"{pair!r}: expected FIELD=KEY with FIELD one of {', '.join(METADATA_FIELDS)}",
                param_hint="--key",
            )
        keys[field] = key
    return keys


def _with_progress(articles: Iterator[Article]) -> Iterator[Article]:
    """Show a progress line on stderr when it is a terminal (never in pipes or CI logs)."""
    if not sys.stderr.isatty():
        yield from articles
        return
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (SpinnerColumn(), TextColumn("extracting"), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        for article in articles:
            progress.advance(task)
            yield article


def _write(
    articles: Iterator[Article], out: TextIO, fmt: OutputFormat, report: InputReport
) -> None:
    """Write Articles as they come. ``json`` gives one bare Article object for a single
    input (what ``Article.model_validate_json`` reads) and an array for several."""
    held: Article | None = None
    count = 0
    for article in _with_progress(articles):
        _report_problems(article, report)
        count += 1
        if fmt is OutputFormat.jsonl:
            out.write(article.model_dump_json() + "\n")
            out.flush()
            continue
        if count == 1:
            held = article  # one input stays a bare object; wait to see if more come
            continue
        if held is not None:
            out.write("[\n" + held.model_dump_json(indent=2))
            held = None
        out.write(",\n" + article.model_dump_json(indent=2))
        out.flush()
    if fmt is OutputFormat.json:
        if held is not None:
            out.write(held.model_dump_json(indent=2) + "\n")
        elif count == 0:
            out.write("[]\n")
        else:
            out.write("\n]\n")


def _report_problems(article: Article, report: InputReport) -> None:
    """Input problems count as failed inputs; extractor problems are warnings."""
    if any(p.kind == "input" for p in article.problems):
        report.fail(
            f"{article.id}: " + "; ".join(p.message for p in article.problems if p.kind == "input")
        )
    for problem in article.problems:
        if problem.kind != "input":
            typer.echo(
                f"communique: warning: {article.id}: {problem.extractor}: {problem.message}",
                err=True,
            )


@app.command()
def extract(
    files: Annotated[
        list[str], typer.Argument(help="Text files, .jsonl files, directories, or - for stdin.")
    ],
    published: PublishedOption = None,
    title: TitleOption = None,
    source: SourceOption = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option(
            "--format",
            "-f",
            help="json: one Article object (an array when there are several); "
            "jsonl: one Article per line.",
        ),
    ] = OutputFormat.json,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
    ] = None,
    text_key: TextKeyOption = "text",
    key: Annotated[
        list[str] | None,
        typer.Option(
            help="Metadata key mapping for .jsonl records, FIELD=KEY (repeatable), e.g. "
            "--key published=date --key id=uuid. Fields: id, title, source, url, published, "
            "language."
        ),
    ] = None,
    input_format: InputFormatOption = InputFormat.auto,
    model: ModelOption = None,
    disable: DisableOption = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first failing extractor.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Texts per spaCy batch.")] = 64,
    n_process: Annotated[int, typer.Option(min=1, help="spaCy worker processes.")] = 1,
) -> None:
    """Extract actors, quotes and agreements and print Article JSON."""
    report = InputReport()
    meta = {
        k: v for k, v in {"published": published, "title": title, "source": source}.items() if v
    }
    keys = {"text": text_key, **_parse_keys(key or [])}
    try:
        pipeline = Pipeline(model, disable=disable or (), strict=strict)
        articles = pipeline.extract_many(
            read_records(files, report, meta, keys, input_format),
            batch_size=batch_size,
            n_process=n_process,
        )
        if output is None:
            _write(articles, sys.stdout, fmt, report)
        else:
            with output.open("w", encoding="utf-8", newline="\n") as handle:
                _write(articles, handle, fmt, report)
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    if report.failed:
        raise typer.Exit(1)


@app.command()
def plugins(
    disable: DisableOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the installed extractors in the order they run."""
    try:
        pipeline = Pipeline(disable=disable or ())
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    rows: list[dict[str, Any]] = []
    for extractor in pipeline.extractors:
        reg = pipeline.registration(extractor.name)
        rows.append(
            {
                "name": extractor.name,
                "version": extractor.version,
                "requires": list(extractor.requires),
                "provides": list(extractor.provides),
                "plugin": reg.plugin,
                "package": reg.package or "",
            }
        )
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(
            "name", "version", "requires", "provides", "package", title="communique extractors"
        )
        for row in rows:
            table.add_row(
                row["name"],
                row["version"],
                ", ".join(row["requires"]) or "-",
                ", ".join(row["provides"]) or "-",
                row["package"] or row["plugin"],
            )
        Console(width=120).print(table)
    for name, error in pipeline.load_failures:
        typer.echo(f"communique: warning: plugin {name!r} failed to load: {error}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the Article model."""
    sys.stdout.write(article_json_schema_text())


@app.command()
def explain(
    disable: DisableOption = None,
) -> None:
    """Show the execution plan: which extractors run, in which order."""
    try:
        typer.echo(Pipeline(disable=disable or ()).explain())
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None


@evaluate_app.command("attributions")
def evaluate_attributions(
    corpus: Annotated[
        Path, typer.Argument(help="brat corpus: text/ and attributions/ (PolNeAR or PARC layout).")
    ],
    limit: Annotated[int | None, typer.Option(help="Only the first N articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(help="Also write the predictions here, in the shared scorer's format."),
    ] = None,
) -> None:
    """Score quote extraction: content (loose, strict), source and cue P/R/F1."""
    from communique.evaluate import evaluate_attributions as run
    from communique.evaluate import format_report

    if not corpus.is_dir():
        typer.echo(f"communique: error: {corpus} is not a directory", err=True)
        raise typer.Exit(2)
    report = run(corpus, Pipeline(), limit=limit, predictions_path=predictions)
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))


COMMAND_MODULES = ("communique.views.commands",)
"""Modules that add commands: each has ``register_commands(app)``. A new group of commands
(say a corpus's ``ingest`` and ``query``) is one module with that function and one line
here; its input options come from :mod:`communique.cli_options`."""


def register_commands(target: typer.Typer, modules: Iterable[str] = COMMAND_MODULES) -> None:
    """Let each module in ``modules`` add its commands to ``target``."""
    for name in modules:
        import_module(name).register_commands(target)


register_commands(app)


def main() -> None:
    """Console-script entry point."""
    app()
