"""The ``communique`` command line (also ``python -m communique``).

Exit codes: 0 success; 1 when an input failed (every other input is still processed and
written); 2 for a usage error.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Collection, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

from communique import __version__
from communique.errors import CommuniqueError
from communique.models import Article
from communique.pipeline import Pipeline
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


class InputFormat(str, Enum):
    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"
    html = "html"


_SUFFIX_FORMAT = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}


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


class _InputReport:
    """Counts inputs that could not be read or processed, for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, message: str) -> None:
        self.failed += 1
        typer.echo(f"communique: error: {message}", err=True)


def _expand(
    paths: list[str], report: _InputReport, suffixes: Collection[str] = tuple(_SUFFIX_FORMAT)
) -> Iterator[str]:
    """Files as given; directories expand to their files with one of ``suffixes`` (by
    default .txt, .jsonl, .html and .htm), and quoted glob patterns (``'corpus/*.txt'``) to
    their matches, both sorted."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in suffixes and p.is_file())
            if not found:
                report.fail(f"{raw}: directory has no {', '.join(sorted(suffixes))} files")
            yield from (str(p) for p in found)
        elif not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                report.fail(f"{raw}: no file matches this pattern")
            yield from _expand(matches, report, suffixes)
        else:
            yield raw


def _read_text(raw: str) -> str:
    data = sys.stdin.buffer.read() if raw == "-" else Path(raw).read_bytes()
    return data.decode("utf-8")


def _items(
    paths: list[str],
    report: _InputReport,
    meta: dict[str, Any],
    keys: dict[str, str],
    input_format: InputFormat = InputFormat.auto,
) -> Iterator[dict[str, Any]]:
    """Input records from every file; unreadable ones are reported and skipped."""
    for raw in _expand(paths, report):
        kind = input_format.value
        if kind == "auto":
            kind = _SUFFIX_FORMAT.get(Path(raw).suffix.lower(), "txt")
        if kind == "jsonl":
            yield from _jsonl_items(raw, report, meta, keys)
            continue
        try:
            content = _read_text(raw)
        except FileNotFoundError:
            report.fail(f"{raw}: no such file")
            continue
        except UnicodeDecodeError as exc:
            report.fail(f"{raw}: not UTF-8 text ({exc.reason} at byte {exc.start})")
            continue
        except OSError as exc:
            report.fail(f"{raw}: cannot be read ({exc.strerror or exc})")
            continue
        stem = "stdin" if raw == "-" else Path(raw).stem
        if kind == "html":
            from communique.views.html_input import read_html

            try:
                page = read_html(content)
            except CommuniqueError as exc:
                report.fail(f"{raw}: {exc}")
                continue
            except Exception as exc:  # a reader bug must not end the batch
                report.fail(f"{raw}: cannot read the HTML page ({type(exc).__name__}: {exc})")
                continue
            yield {"id": stem, **page.as_record(), **meta}
        else:
            yield {"id": stem, **meta, "text": content}


def _jsonl_lines(raw: str) -> Iterator[bytes]:
    if raw == "-":
        yield from sys.stdin.buffer
    else:
        with Path(raw).open("rb") as handle:
            yield from handle


def _jsonl_items(
    raw: str, report: _InputReport, meta: dict[str, Any], keys: dict[str, str]
) -> Iterator[dict[str, Any]]:
    """Records of a JSON-lines file, read line by line so memory stays flat."""
    text_key = keys.get("text", "text")
    stem = "stdin" if raw == "-" else Path(raw).stem
    try:
        for number, data in enumerate(_jsonl_lines(raw), 1):
            try:
                line = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                report.fail(f"{raw}:{number}: not UTF-8 text ({exc.reason})")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report.fail(f"{raw}:{number}: invalid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict) or not isinstance(record.get(text_key), str):
                report.fail(f"{raw}:{number}: expected an object with a string {text_key!r}")
                continue
            item = dict(meta)
            for field in _METADATA:
                key = keys.get(field, field)
                if record.get(key) is not None:
                    item[field] = record[key]
            item["text"] = record[text_key]
            item.setdefault("id", f"{stem}-{number}")
            yield item
    except FileNotFoundError:
        report.fail(f"{raw}: no such file")
    except OSError as exc:
        report.fail(f"{raw}: cannot be read ({exc.strerror or exc})")


_METADATA = ("id", "title", "source", "url", "published", "language")


def _parse_keys(pairs: list[str]) -> dict[str, str]:
    keys = {}
    for pair in pairs:
        field, sep, key = pair.partition("=")
        if not sep or field not in _METADATA or not key:
            raise typer.BadParameter(
                f"{pair!r}: expected FIELD=KEY with FIELD one of {', '.join(_METADATA)}",
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
    articles: Iterator[Article], out: TextIO, fmt: OutputFormat, report: _InputReport
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


def _report_problems(article: Article, report: _InputReport) -> None:
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


# Options shared by the commands that read articles (extract, render, export).
PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date (ISO 8601) for every text input.")
]
TitleOption = Annotated[str | None, typer.Option(help="Title for every text input.")]
SourceOption = Annotated[str | None, typer.Option(help="Source (publisher) for every text input.")]
TextKeyOption = Annotated[str, typer.Option(help="Key of the text in .jsonl records.")]
InputFormatOption = Annotated[
    InputFormat, typer.Option(help="Input kind; auto chooses by file extension.")
]
ModelOption = Annotated[str | None, typer.Option(help="Installed spaCy pipeline to use.")]
DisableOption = Annotated[
    list[str] | None, typer.Option(help="Plugin or extractor to turn off (repeatable).")
]


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
    report = _InputReport()
    meta = {
        k: v for k, v in {"published": published, "title": title, "source": source}.items() if v
    }
    keys = {"text": text_key, **_parse_keys(key or [])}
    try:
        pipeline = Pipeline(model, disable=disable or (), strict=strict)
        articles = pipeline.extract_many(
            _items(files, report, meta, keys, input_format),
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


def _register_views() -> None:
    """Add ``render`` and ``export`` (defined with the views they produce)."""
    from communique.views.commands import register

    register(app)


_register_views()


def _register_corpus() -> None:
    """Add ``ingest``, ``query`` and ``serve``; they read inputs exactly as ``extract`` does."""
    from communique.corpus.commands import Report, register

    def read(
        paths: list[str], meta: dict[str, Any], pairs: list[str], text_key: str, kind: str,
        report: Report,
    ) -> Iterator[dict[str, Any]]:
        keys = {"text": text_key, **_parse_keys(pairs)}
        return _items(paths, report, meta, keys, InputFormat(kind))  # type: ignore[arg-type]

    register(app, read)


_register_corpus()


def main() -> None:
    """Console-script entry point."""
    app()
