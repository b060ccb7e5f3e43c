"""Reading the command line's inputs: files, directories, globs and stdin, into records.

Every command that reads articles (``extract``, ``render``, ``export``, and any command a
module adds) reads them through this module, so they all accept the same inputs and report
a bad one the same way: on stderr, counted in an :class:`InputReport` for the exit code,
while the other inputs are still read. Nothing here imports the command-line framework or
the views, so both the CLI and :mod:`communique.views` can use it.

An input is a ``.txt`` file, an ``.html`` page, a ``.jsonl`` file of records (one JSON
object per line), a ``.json`` file holding one record or an array of them, a directory
(its files of those kinds, sorted), a glob pattern, or ``-`` for stdin (sniffed: HTML,
JSON, JSON Lines or text). Article JSON written by communique earlier is recognised by
its ``schema_version`` key: commands that view articles load it, ``extract`` skips it with
a notice, so re-running over a folder that holds earlier output does not mine it again.
"""

from __future__ import annotations

import codecs
import glob
import json
import sys
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from communique.errors import CommuniqueError
from communique.inputs import METADATA_FIELDS
from communique.models import Article


class InputFormat(str, Enum):
    """How to read an input; ``auto`` chooses by the file's extension (stdin is sniffed)."""

    auto = "auto"
    txt = "txt"
    html = "html"
    jsonl = "jsonl"
    json = "json"


SUFFIX_FORMAT = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}
"""File extensions communique reads, and how; a file without an extension is text."""

SUPPORTED = ".txt, .html/.htm, .jsonl, .json"
"""The supported file types, as error messages and help texts name them."""


class InputReport:
    """What happened to the inputs: failures (for the exit code) and notices, on stderr."""

    def __init__(self) -> None:
        self.failed = 0
        self.skipped = 0

    def fail(self, message: str) -> None:
        """Report one input that could not be read or extracted."""
        self.failed += 1
        _say(f"error: {message}")

    def notice(self, message: str) -> None:
        """Say something the user should know that is not a failure."""
        _say(f"note: {message}")


def _say(message: str) -> None:
    sys.stderr.write(f"communique: {message}\n")
    sys.stderr.flush()


@dataclass(frozen=True)
class ReadOptions:
    """How to read the inputs: what the command line says about every one of them."""

    meta: Mapping[str, Any] = field(default_factory=dict)
    """Fields given on the command line (``--title``, ``--published``, ``--source``)."""
    keys: Mapping[str, str] = field(default_factory=dict)
    """Record key of each field (``text`` → ``body``); unmapped fields use their own name."""
    input_format: InputFormat = InputFormat.auto
    encoding: str = "utf-8"
    articles: bool = False
    """Load Article JSON as Articles (render, export); otherwise skip it with a notice."""
    exclude: frozenset[Path] = frozenset()
    """Files never read as inputs (the command's own output file)."""


# -- before reading: usage checks, shape and size ---------------------------------------------


def unsupported(paths: Iterable[str], input_format: InputFormat) -> str | None:
    """Why an explicitly named file cannot be read (a usage error), or None.

    Example:
        >>> print(unsupported(["report.pdf"], InputFormat.auto))
        report.pdf: unsupported file type '.pdf'; communique reads .txt, .html/.htm, .jsonl, \
.json (or say how with --input-format)
    """
    if input_format is not InputFormat.auto:
        return None
    for raw in paths:
        suffix = Path(raw).suffix.lower()
        if raw == "-" or Path(raw).is_dir() or _is_pattern(raw) or not suffix:
            continue
        if suffix not in SUFFIX_FORMAT:
            return (
                f"{raw}: unsupported file type {suffix!r}; communique reads {SUPPORTED} "
                "(or say how with --input-format)"
            )
    return None


def could_be_many(paths: list[str], input_format: InputFormat) -> bool:
    """Whether more than one Article could come out of ``paths``: decided from the arguments
    alone, so the shape of the output never depends on which input failed.

    Example:
        >>> could_be_many(["a.txt"], InputFormat.auto), could_be_many(["a.txt", "b.txt"],
        ...                                                          InputFormat.auto)
        (False, True)
    """
    if len(paths) != 1:
        return True
    raw = paths[0]
    if raw != "-" and (Path(raw).is_dir() or _is_pattern(raw)):
        return True
    return kind_of(raw, input_format) in ("jsonl", "json")


def count_inputs(paths: list[str], options: ReadOptions) -> int | None:
    """How many records the inputs hold (for a progress total), or None when unknown
    (stdin, ``.json`` arrays)."""
    total = 0
    for raw in expand(paths, _Silent(), exclude=options.exclude):
        kind = kind_of(raw, options.input_format)
        if raw == "-" or kind == "json":
            return None
        if kind == "jsonl":
            try:
                with Path(raw).open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


class _Silent(InputReport):
    """Counting inputs reports nothing: reading them will."""

    def fail(self, message: str) -> None:
        self.failed += 1


def kind_of(raw: str, input_format: InputFormat) -> str:
    """How one input is read: its extension decides, stdin is sniffed, and
    ``--input-format`` overrides both."""
    if input_format is not InputFormat.auto:
        return str(input_format.value)
    if raw == "-":
        return _sniff(_peek_stdin())
    return SUFFIX_FORMAT.get(Path(raw).suffix.lower(), "txt")


def _sniff(head: bytes) -> str:
    """HTML, JSON, JSON Lines or text, from the first bytes of a stream."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"<"):
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        pretty = start[1:].lstrip(b" \t\r").startswith(b"\n")
        return "json" if pretty else "jsonl"
    return "txt"


def _peek_stdin() -> bytes:
    """The first bytes on stdin, left there for the reader."""
    buffer = sys.stdin.buffer
    peek = getattr(buffer, "peek", None)
    if peek is not None:  # a pipe or a redirected file
        return bytes(peek(65536))
    if buffer.seekable():  # an in-memory stream (tests, embedding)
        where = buffer.tell()
        head = buffer.read(65536)
        buffer.seek(where)
        return head
    return b""


def _is_pattern(raw: str) -> bool:
    return not Path(raw).exists() and glob.has_magic(raw)


def expand(
    paths: list[str],
    report: InputReport,
    suffixes: Collection[str] = tuple(SUFFIX_FORMAT),
    exclude: Collection[Path] = (),
) -> Iterator[str]:
    """Files as given; directories expand to their files with one of ``suffixes`` (by
    default every supported kind), and quoted glob patterns (``'corpus/*.txt'``) to their
    matches, both sorted. Files in ``exclude`` are left out."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in suffixes and p.is_file() and p.resolve() not in exclude
            )
            if not found:
                report.fail(f"{raw}: directory has no {', '.join(sorted(suffixes))} files")
            yield from (str(p) for p in found)
        elif _is_pattern(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                report.fail(f"{raw}: no file matches this pattern")
            yield from expand(matches, report, suffixes, exclude)
        elif path.resolve() not in exclude:
            yield raw


# -- reading ------------------------------------------------------------------------------------


def read_inputs(
    paths: list[str], report: InputReport, options: ReadOptions
) -> Iterator[Article | dict[str, Any]]:
    """Every input, in order: a record for the pipeline, or (with ``options.articles``)
    an Article read back from communique's own JSON. Unreadable inputs are reported and
    skipped."""
    named = set(paths)
    for raw in expand(paths, report, exclude=options.exclude):
        kind = kind_of(raw, options.input_format)
        if kind == "jsonl":
            yield from _jsonl_inputs(raw, report, options)
            continue
        try:
            content = _decode(_read_bytes(raw), options.encoding)
        except FileNotFoundError:
            report.fail(f"{raw}: no such file")
            continue
        except UnicodeDecodeError as exc:
            report.fail(f"{raw}: {_decode_error(exc, options.encoding)}")
            continue
        except OSError as exc:
            report.fail(f"{raw}: cannot be read ({exc.strerror or exc})")
            continue
        stem = "stdin" if raw == "-" else Path(raw).stem
        if kind == "json":
            yield from _json_inputs(raw, content, stem, report, options, named=raw in named)
        elif kind == "html":
            page = _html_record(raw, content, report)
            if page is not None:
                yield {"id": stem, **page, **options.meta}
        else:
            yield _text_record(stem, content, options.meta)


def read_records(
    paths: list[str], report: InputReport, options: ReadOptions
) -> Iterator[dict[str, Any]]:
    """The input records only (what ``extract`` runs through the pipeline)."""
    for item in read_inputs(paths, report, options):
        if isinstance(item, dict):
            yield item


def map_record(record: Mapping[str, Any], keys: Mapping[str, str]) -> dict[str, Any]:
    """One input record in the pipeline's terms: the one place record keys become fields.

    ``keys`` maps a field (``text``, ``published``, …) to the key that holds it in the
    record (``--key published=date``); a field not mapped is read under its own name. Every
    other key is kept under ``metadata``, so it travels into ``Article.metadata``.

    Example:
        >>> map_record({"body": "Hi.", "date": "2016-08-26", "desk": "world"},
        ...            {"text": "body", "published": "date"})
        {'text': 'Hi.', 'published': '2016-08-26', 'metadata': {'desk': 'world'}}
    """
    source = {name: keys.get(name, name) for name in ("text", *METADATA_FIELDS)}
    out = {name: record[key] for name, key in source.items() if record.get(key) is not None}
    taken = set(source.values())
    extra = {str(k): v for k, v in record.items() if k not in taken}
    nested = extra.pop("metadata", None)
    if isinstance(nested, Mapping):
        extra = {**{str(k): v for k, v in nested.items()}, **extra}
    elif nested is not None:
        extra["metadata"] = nested
    if extra:
        out["metadata"] = extra
    return out


def headline(text: str) -> str | None:
    """The first line of a text when it looks like a headline: short, not a sentence
    (no closing full stop, comma, colon or semicolon), and followed by more text.

    Example:
        >>> headline("US, Russia agree on truce\\n\\nKerry said the talks went well.")
        'US, Russia agree on truce'
        >>> headline("Kerry said the talks went well. More followed.") is None
        True
    """
    first, newline, rest = text.lstrip().partition("\n")
    first = first.strip()
    words = first.split()
    if not newline or not rest.strip() or not 2 <= len(words) <= 20 or len(first) > 160:
        return None
    if first[-1] in ".,;:" or not (first[0].isupper() or first[0].isdigit()):
        return None
    return first


def _text_record(stem: str, content: str, meta: Mapping[str, Any]) -> dict[str, Any]:
    record: dict[str, Any] = {"id": stem, **meta, "text": content}
    if "title" not in record and (title := headline(content)):
        record["title"] = title
    return record


def _html_record(raw: str, content: str, report: InputReport) -> dict[str, Any] | None:
    from communique.views.html_input import read_html

    try:
        return read_html(content).as_record()
    except CommuniqueError as exc:
        report.fail(f"{raw}: {exc}")
    except Exception as exc:  # a reader bug must not end the batch
        report.fail(f"{raw}: cannot read the HTML page ({type(exc).__name__}: {exc})")
    return None


def _read_bytes(raw: str) -> bytes:
    return sys.stdin.buffer.read() if raw == "-" else Path(raw).read_bytes()


def _decode(data: bytes, encoding: str) -> str:
    text = data.decode(encoding)
    return text[1:] if text.startswith("\ufeff") else text


def _decode_error(exc: UnicodeDecodeError, encoding: str) -> str:
    name = codecs.lookup(encoding).name
    shown = "UTF-8" if name == "utf-8" else name
    return (
        f"not {shown} text ({exc.reason} at byte {exc.start}); if it is in another "
        "encoding, say which with --encoding (e.g. --encoding latin-1 or cp1252)"
    )


def _jsonl_lines(raw: str) -> Iterator[bytes]:
    if raw == "-":
        yield from sys.stdin.buffer
    else:
        with Path(raw).open("rb") as handle:
            yield from handle


def _jsonl_inputs(
    raw: str, report: InputReport, options: ReadOptions
) -> Iterator[Article | dict[str, Any]]:
    """Records of a JSON-lines file, read line by line so memory stays flat."""
    stem = "stdin" if raw == "-" else Path(raw).stem
    skipped = 0
    try:
        for number, data in enumerate(_jsonl_lines(raw), 1):
            where = f"{raw}:{number}"
            try:
                line = _decode(data, options.encoding)
            except UnicodeDecodeError as exc:
                report.fail(f"{where}: {_decode_error(exc, options.encoding)}")
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                report.fail(f"{where}: invalid JSON ({exc.msg})")
                continue
            item = _one(record, where, f"{stem}-{number}", report, options)
            skipped += item is _SKIPPED
            if item is not None and item is not _SKIPPED:
                yield item
    except FileNotFoundError:
        report.fail(f"{raw}: no such file")
    except OSError as exc:
        report.fail(f"{raw}: cannot be read ({exc.strerror or exc})")
    _skipped_notice(raw, skipped, report)


def _json_inputs(
    raw: str,
    content: str,
    stem: str,
    report: InputReport,
    options: ReadOptions,
    *,
    named: bool = True,
) -> Iterator[Article | dict[str, Any]]:
    """A ``.json`` file: one record (or Article) or an array of them. A ``.json`` file found
    in a directory that holds something else (a gold file, a configuration) is skipped
    with a notice; named on the command line, it is a failed input."""
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        report.fail(f"{raw}: invalid JSON ({exc.msg} at line {exc.lineno})")
        return
    many = isinstance(data, list)
    if not named and not _holds_inputs(data if many else [data], options):
        report.notice(f"{raw}: not articles or article records; skipped")
        return
    skipped = 0
    for index, record in enumerate(data if many else [data]):
        where = f"{raw}[{index}]" if many else raw
        item = _one(record, where, f"{stem}-{index + 1}" if many else stem, report, options)
        skipped += item is _SKIPPED
        if item is not None and item is not _SKIPPED:
            yield item
    _skipped_notice(raw, skipped, report)


def _holds_inputs(values: list[Any], options: ReadOptions) -> bool:
    text_key = options.keys.get("text", "text")
    return bool(values) and all(
        isinstance(v, dict) and (isinstance(v.get(text_key), str) or is_article_json(v))
        for v in values
    )


_SKIPPED: dict[str, Any] = {}
"""Returned by ``_one`` (by identity) for an Article record that ``extract`` skips."""


def _one(
    record: Any, where: str, default_id: str, report: InputReport, options: ReadOptions
) -> Article | dict[str, Any] | None:
    """One JSON value: an input record, an Article (or ``_SKIPPED``), or None when bad."""
    if isinstance(record, dict) and is_article_json(record):
        if not options.articles:
            return _SKIPPED
        try:
            return Article.model_validate(record)
        except ValidationError as exc:
            report.fail(f"{where}: not a valid Article ({_first_error(exc)})")
            return None
    text_key = options.keys.get("text", "text")
    if not isinstance(record, dict) or not isinstance(record.get(text_key), str):
        report.fail(f"{where}: expected an object with a string {text_key!r}")
        return None
    return {"id": default_id, **options.meta, **map_record(record, options.keys)}


def is_article_json(record: Any) -> bool:
    """Whether a JSON value is an Article communique wrote (it has ``schema_version``)."""
    return isinstance(record, dict) and "schema_version" in record and "text" in record


def _skipped_notice(raw: str, skipped: int, report: InputReport) -> None:
    if skipped:
        report.skipped += skipped
        plural = "s" if skipped != 1 else ""
        report.notice(
            f"{raw}: skipped {skipped} Article record{plural} (communique output, "
            "recognised by schema_version); extract reads input records"
        )


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    location = ".".join(str(part) for part in error["loc"])
    return f"{location}: {error['msg']}" if location else str(error["msg"])


__all__ = [
    "METADATA_FIELDS",
    "SUFFIX_FORMAT",
    "SUPPORTED",
    "InputFormat",
    "InputReport",
    "ReadOptions",
    "could_be_many",
    "count_inputs",
    "expand",
    "headline",
    "is_article_json",
    "kind_of",
    "map_record",
    "read_inputs",
    "read_records",
    "unsupported",
]
