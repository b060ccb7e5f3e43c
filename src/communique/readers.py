"""Reading the command line's inputs: files, directories, globs and stdin, into records.

Every command that reads articles (``extract``, ``render``, ``export``, and any command a
module adds) reads them through this module, so they all accept the same inputs and report
a bad one the same way: on stderr, counted in an :class:`InputReport` for the exit code,
while the other inputs are still read. Nothing here imports the command-line framework or
the views, so both the CLI and :mod:`communique.views` can use it.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Collection, Iterator
from enum import Enum
from pathlib import Path
from typing import Any

from communique.errors import CommuniqueError

METADATA_FIELDS = ("id", "title", "source", "url", "published", "language")
"""The metadata fields of an input record (``--key FIELD=KEY`` maps one to a record key)."""


class InputFormat(str, Enum):
    """How to read an input; ``auto`` chooses by the file's extension."""

    auto = "auto"
    txt = "txt"
    jsonl = "jsonl"
    html = "html"


SUFFIX_FORMAT = {".txt": "txt", ".jsonl": "jsonl", ".html": "html", ".htm": "html"}


class InputReport:
    """Counts inputs that could not be read or processed, for the exit code."""

    def __init__(self) -> None:
        self.failed = 0

    def fail(self, message: str) -> None:
        """Report one failed input on stderr."""
        self.failed += 1
        sys.stderr.write(f"communique: error: {message}\n")
        sys.stderr.flush()


def expand(
    paths: list[str], report: InputReport, suffixes: Collection[str] = tuple(SUFFIX_FORMAT)
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
            yield from expand(matches, report, suffixes)
        else:
            yield raw


def _read_text(raw: str) -> str:
    data = sys.stdin.buffer.read() if raw == "-" else Path(raw).read_bytes()
    return data.decode("utf-8")


def read_records(
    paths: list[str],
    report: InputReport,
    meta: dict[str, Any],
    keys: dict[str, str],
    input_format: InputFormat = InputFormat.auto,
) -> Iterator[dict[str, Any]]:
    """Input records from every file; unreadable ones are reported and skipped."""
    for raw in expand(paths, report):
        kind = input_format.value
        if kind == "auto":
            kind = SUFFIX_FORMAT.get(Path(raw).suffix.lower(), "txt")
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
    raw: str, report: InputReport, meta: dict[str, Any], keys: dict[str, str]
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
            for field in METADATA_FIELDS:
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


__all__ = [
    "METADATA_FIELDS",
    "SUFFIX_FORMAT",
    "InputFormat",
    "InputReport",
    "expand",
    "read_records",
]
