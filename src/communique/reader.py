"""Reading saved output back: JSON or JSON Lines of Articles into :class:`Article` objects.

``communique extract`` writes one Article (``.json``), an array of them (``.json``) or one per
line (``.jsonl``); :func:`read_articles` reads all three, from a path or an open file. JSON
Lines is streamed record by record, so a large file never has to fit in memory. Anything
that is not an Article is an :class:`~communique.errors.ArticleReadError` naming the file
and line, raised when the reader reaches it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from communique.errors import ArticleReadError
from communique.models import Article

__all__ = ["read_articles"]

Source = str | os.PathLike[str] | IO[str] | IO[bytes]
"""A path, or a file opened in text or binary mode."""


def read_articles(source: Source) -> Iterator[Article]:
    """The Articles saved in ``source`` (JSON object, JSON array or JSON Lines), in order.

    Raises:
        ArticleReadError: the file cannot be opened (raised by the call), or is not JSON,
            or holds something that is not an Article (raised when iteration reaches it,
            naming the line for JSON Lines).

    Example:
        >>> import io
        >>> from communique import Article
        >>> saved = Article(text="Kerry spoke.", id="a").model_dump_json()
        >>> [a.id for a in read_articles(io.StringIO(saved + "\\n" + saved))]
        ['a', 'a']
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            handle = path.open("rb")
        except OSError as exc:
            raise ArticleReadError(
                f"cannot be read ({exc.strerror or exc})", source=str(path)
            ) from None
        return _closing(handle, str(path))
    name = str(getattr(source, "name", "<file>"))
    return _read(_lines(source, name), name)


def _closing(handle: IO[bytes], name: str) -> Iterator[Article]:
    with handle:
        yield from _read(_lines(handle, name), name)


def _lines(handle: IO[str] | IO[bytes], name: str) -> Iterator[str]:
    """The file's lines as text (UTF-8 for binary files, a BOM tolerated)."""
    for number, raw in enumerate(handle, 1):
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise ArticleReadError(
                    f"not UTF-8 ({exc.reason})", source=name, line=number
                ) from None
        else:
            line = str(raw).removeprefix("\ufeff") if number == 1 else str(raw)
        yield line


def _read(lines: Iterator[str], name: str) -> Iterator[Article]:
    """JSON Lines when the first record fits on its first line; else one JSON document."""
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            first = json.loads(line)
        except json.JSONDecodeError:
            yield from _whole(line, lines, name)  # pretty-printed JSON spans many lines
            return
        if isinstance(first, list):
            yield from _articles(first, name)
            return
        yield _article(first, name, number)
        yield from _json_lines(lines, name, number)
        return


def _json_lines(lines: Iterator[str], name: str, after: int) -> Iterator[Article]:
    for number, line in enumerate(lines, after + 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ArticleReadError(f"invalid JSON ({exc.msg})", source=name, line=number) from None
        yield _article(record, name, number)


def _whole(first: str, rest: Iterable[str], name: str) -> Iterator[Article]:
    text = first + "".join(rest)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"neither JSON nor JSON Lines ({exc.msg})"
        raise ArticleReadError(message, source=name, line=exc.lineno) from None
    yield from _articles(data if isinstance(data, list) else [data], name)


def _articles(records: list[Any], name: str) -> Iterator[Article]:
    for index, record in enumerate(records):
        try:
            yield _article(record, name, None)
        except ArticleReadError as exc:
            raise ArticleReadError(f"item {index}: {_reason(exc)}", source=name) from None


def _article(record: Any, name: str, line: int | None) -> Article:
    if not isinstance(record, dict):
        kind = type(record).__name__
        raise ArticleReadError(f"expected an Article object, got {kind}", source=name, line=line)
    if "schema_version" not in record:
        raise ArticleReadError(
            "not communique output (no schema_version); extract it first", source=name, line=line
        )
    try:
        return Article.model_validate(record)
    except ValidationError as exc:
        summary = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'article'}: {err['msg']}"
            for err in exc.errors()[:3]
        )
        raise ArticleReadError(f"not a valid Article ({summary})", source=name, line=line) from None


def _reason(exc: ArticleReadError) -> str:
    return str(exc).removeprefix(f"{exc.source}: ")
