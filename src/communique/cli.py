"""The ``communique`` command line (also ``python -m communique``).

Exit codes, for every command: 0 success; 1 when an input failed (every other input is still
processed and written); 2 for a usage error, which is always found before any extraction
starts (nothing is written then).

Output of ``extract``: on a terminal, without ``-o`` or ``--format``, a readable report (who
said what, agreements, actors); everywhere else JSON, exactly as before, so scripts and CI
are unaffected. The input readers are in :mod:`communique.readers`, the shared input options
in :mod:`communique.cli_options`, output checks, progress and the summary line in
:mod:`communique.cli_output`; other modules add commands through :func:`register_commands`.
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
    FILES_HELP,
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
    usage_error,
)
from communique.cli_output import check_output, say_summary, with_progress
from communique.errors import CommuniqueError
from communique.models import Article
from communique.pipeline import Pipeline
from communique.readers import (
    InputFormat,
    InputReport,
    could_be_many,
    count_inputs,
    read_records,
)
from communique.schema import article_json_schema_text

app = typer.Typer(
    name="communique",
    help="Who said what, and who agreed to what with whom, in news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: paragraphs re-wrapped, no <type> column
)
evaluate_app = typer.Typer(
    help="Score communique against annotated corpora.", no_args_is_help=True, rich_markup_mode=None
)
app.add_typer(evaluate_app, name="evaluate")


class OutputFormat(str, Enum):
    """What ``extract`` writes."""

    json = "json"
    jsonl = "jsonl"
    table = "table"


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


def _checked(articles: Iterable[Article], report: InputReport) -> Iterator[Article]:
    """Articles as they come; input problems count as failed inputs, extractor problems
    are printed as warnings."""
    for article in articles:
        inputs = [p.message for p in article.problems if p.kind == "input"]
        if inputs:
            report.fail(f"{article.id}: " + "; ".join(inputs))
        for problem in article.problems:
            if problem.kind != "input":
                who = f"{problem.extractor}: " if problem.extractor else ""
                typer.echo(f"communique: warning: {article.id}: {who}{problem.message}", err=True)
        yield article


def write_articles(articles: Iterable[Article], out: TextIO, fmt: OutputFormat, many: bool) -> int:
    """Write Articles as they come; returns how many.

    ``json`` gives one bare Article object when a single article can come out (what
    ``Article.model_validate_json`` reads) and an array whenever ``many`` could; ``jsonl``
    one Article per line; ``table`` the readable report.
    """
    if fmt is OutputFormat.table:
        from communique.views.report import write_report

        return write_report(articles, out, terminal=out.isatty())
    count = 0
    for count, article in enumerate(articles, 1):
        if fmt is OutputFormat.jsonl:
            out.write(article.model_dump_json() + "\n")
        elif not many:
            out.write(article.model_dump_json(indent=2) + "\n")
        else:
            out.write(("[\n" if count == 1 else ",\n") + article.model_dump_json(indent=2))
        out.flush()
    if fmt is OutputFormat.json and many:
        out.write("\n]\n" if count else "[]\n")
    return count


def output_format(fmt: OutputFormat | None, output: Path | None, terminal: bool) -> OutputFormat:
    """``--format`` if given; else the ``-o`` file's suffix (``.jsonl``: JSON Lines); else
    the report on a terminal and JSON in a pipe."""
    if fmt is not None:
        return fmt
    if output is not None:
        jsonl = output.suffix.lower() in (".jsonl", ".ndjson")
        return OutputFormat.jsonl if jsonl else OutputFormat.json
    return OutputFormat.table if terminal else OutputFormat.json


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help=FILES_HELP)],
    published: PublishedOption = None,
    title: TitleOption = None,
    source: SourceOption = None,
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json: one Article object for a single .txt/.html input, an array when more "
            "than one could come out; jsonl: one Article per line; table: the readable "
            "report. Default: the -o file's suffix (.jsonl, .json), else table on a terminal "
            "and json in a pipe.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write here, not stdout (folders are made)."
        ),
    ] = None,
    text_key: TextKeyOption = "text",
    key: KeyOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    encoding: EncodingOption = "utf-8",
    model: ModelOption = None,
    disable: DisableOption = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first failing extractor.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Texts per spaCy batch.")] = (
        64
    ),
    n_process: Annotated[int, typer.Option(min=1, metavar="N", help="spaCy worker processes.")] = 1,
) -> None:
    """Extract actors, quotes and agreements from news articles.

    On a terminal (no -o, no --format) it prints a readable report: who said what, the
    agreements and the actors. Piped, with -o, or with --format json|jsonl it writes Article
    JSON. A summary line goes to stderr.
    """
    options = read_options(
        files,
        published=published,
        title=title,
        source=source,
        text_key=text_key,
        key=key or (),
        input_format=input_format,
        encoding=encoding,
        output=output,
    )
    check_output(output)
    check_disable(disable or ())
    chosen = output_format(fmt, output, sys.stdout.isatty())
    many = could_be_many(files, input_format)
    report = InputReport()
    try:
        pipeline = Pipeline(model, disable=disable or (), strict=strict)
        articles = pipeline.extract_many(
            read_records(files, report, options), batch_size=batch_size, n_process=n_process
        )
        on_screen = output is None and sys.stdout.isatty()  # the output is the progress
        total = count_inputs(files, options)
        shown = _checked(with_progress(articles, total, shown=not on_screen), report)
        if output is None:
            written = write_articles(shown, sys.stdout, chosen, many)
        else:
            with output.open("w", encoding="utf-8", newline="\n") as handle:
                written = write_articles(shown, handle, chosen, many)
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None
    say_summary(written, report, output)
    if report.failed:
        raise typer.Exit(1)


@app.command()
def plugins(
    disable: DisableOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """List the installed extractors in the order they run."""
    check_disable(disable or ())
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
    check_disable(disable or ())
    try:
        typer.echo(Pipeline(disable=disable or ()).explain())
    except CommuniqueError as exc:
        typer.echo(f"communique: error: {exc}", err=True)
        raise typer.Exit(1) from None


@evaluate_app.command("attributions")
def evaluate_attributions(
    corpus: Annotated[
        Path,
        typer.Argument(
            metavar="CORPUS", help="brat corpus: text/ and attributions/ (PolNeAR or PARC layout)."
        ),
    ],
    limit: Annotated[
        int | None, typer.Option(metavar="N", help="Only the first N articles.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    predictions: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="Also write the predictions here, in the shared scorer's format."
        ),
    ] = None,
) -> None:
    """Score quote extraction: content (loose, strict), source and cue P/R/F1."""
    from communique.evaluate import evaluate_attributions as run
    from communique.evaluate import format_report

    if not corpus.is_dir() or next(corpus.rglob("*.ann"), None) is None:
        raise usage_error(
            f"{corpus} is not a brat corpus: expected text/ and attributions/ with .ann "
            "files (PolNeAR, PARC), or NAME.txt beside NAME.ann",
            "CORPUS",
        )
    report = run(corpus, Pipeline(), limit=limit, predictions_path=predictions)
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))


COMMAND_MODULES = ("communique.views.commands", "communique.corpus.commands")
"""Modules that add commands: each has ``register_commands(app)``. A new group of commands
(say a corpus's ``ingest`` and ``query``) is one module with that function and one line
here; its input options come from :mod:`communique.cli_options`."""


def register_commands(target: typer.Typer, modules: Iterable[str] = COMMAND_MODULES) -> None:
    """Let each module in ``modules`` add its commands to ``target``."""
    for name in modules:
        import_module(name).register_commands(target)


register_commands(app)


def command() -> Any:
    """The click command behind ``app``, its argument help reading as words: typer shows
    an argument's type (``FILE <list[str]>``) even when it has a metavar."""
    built = typer.main.get_command(app)
    for sub in _walk(built):
        for param in sub.params:
            if param.param_type_name == "argument" and param.metavar:
                param.display_type_rich = lambda ctx: None
    return built


def _walk(cmd: Any) -> Iterator[Any]:
    yield cmd
    for sub in getattr(cmd, "commands", {}).values():
        yield from _walk(sub)


def main() -> None:
    """Console-script entry point."""
    command()(prog_name="communique")
