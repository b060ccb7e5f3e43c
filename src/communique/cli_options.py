"""The command-line options every command that reads articles shares, checked up front.

``extract``, ``render``, ``export`` and commands that other modules add (see
:func:`communique.cli.register_commands`) take their input options from here, so the same
option has the same name, type and help everywhere, and :func:`read_options` turns them into
the :class:`~communique.readers.ReadOptions` the readers take. Everything that can be wrong
with them (an unreadable date, an unknown encoding, a misspelt extractor name, a file type
communique does not read) is a usage error, exit 2, raised before any extraction starts.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

import typer

from communique.readers import METADATA_FIELDS, InputFormat, ReadOptions, unsupported

FILES_HELP = (
    "Inputs: .txt files, .html pages, .jsonl files (one record per line), .json files (a "
    "record or an array), directories (their files of those kinds), quoted globs such as "
    "'news/**/*.txt', or - for stdin."
)


def usage_error(message: str, option: str | None = None) -> typer.BadParameter:
    """A usage error (exit 2, with the usage line), to ``raise``."""
    return typer.BadParameter(message, param_hint=option)


# -- dates -----------------------------------------------------------------------------------

_NUMERIC = re.compile(r"^(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})$")
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # day, month and year must all be written
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" or "3 days ago"
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_published(value: str | None) -> str | None:
    """``--published`` as an ISO 8601 date (or datetime), or a usage error.

    ISO 8601 and the common human forms are read ("26 August 2016", "Aug 26, 2016",
    "Friday, 26 August 2016", "20160826", "2016-8-26", "26/08/2016"); a numeric date whose
    day and month could be swapped ("08/09/2016") is refused as ambiguous, and so is
    anything without a day, a month and a year.

    Example:
        >>> parse_published("Aug 26, 2016"), parse_published("20160826")
        ('2016-08-26', '2016-08-26')
    """
    if value is None:
        return None
    text = value.strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_date(value, *(int(part) for part in numeric.groups()))
    import dateparser  # type: ignore[import-untyped]

    parsed: dt.datetime | None = dateparser.parse(
        text, languages=["en"], date_formats=["%Y%m%d"], settings=_DATEPARSER_SETTINGS
    )
    if parsed is None or not 1800 <= parsed.year <= 2200:
        raise usage_error(
            f"{value!r} is not a date communique can read; write it as 2016-08-26 or "
            "26 August 2016",
            "--published",
        )
    if parsed.time() == dt.time(0) and ":" not in text:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _numeric_date(value: str, first: int, second: int, third: int) -> str:
    """Year first is year-month-day; year last is day/month or month/day, which must be
    unambiguous (one part over 12, or both the same)."""
    if first > 31:
        year, month, day = first, second, third
    elif third > 31:
        if first <= 12 and second <= 12 and first != second:
            raise usage_error(
                f"{value!r} is ambiguous (day/month or month/day?); write it as "
                f"{third:04d}-{second:02d}-{first:02d} or {third:04d}-{first:02d}-{second:02d}",
                "--published",
            )
        year, month, day = (third, second, first) if first > 12 else (third, first, second)
    else:
        raise usage_error(f"{value!r}: which part is the year?", "--published")
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError as exc:
        raise usage_error(f"{value!r} is not a date ({exc})", "--published") from None


def _published_callback(value: str | None) -> str | None:
    return parse_published(value)


def _encoding_callback(value: str) -> str:
    try:
        codecs.lookup(value)
    except LookupError:
        raise usage_error(f"unknown encoding {value!r} (try utf-8, latin-1, cp1252)") from None
    return value


# -- extractor names ----------------------------------------------------------------------------


def check_disable(names: Iterable[str]) -> None:
    """A usage error when ``--disable`` names no installed plugin or extractor."""
    wanted = [name for name in names if name]
    if not wanted:
        return
    from communique.pipeline import Pipeline

    plugins = {ep.name for ep in metadata.entry_points(group="communique")}
    extractors = {e.name for e in Pipeline().extractors}
    unknown = [name for name in wanted if name not in plugins | extractors]
    if unknown:
        import difflib

        known = sorted(plugins | extractors)
        hints = [difflib.get_close_matches(name, known, n=1) for name in unknown]
        meant = [
            f"{name!r} (did you mean {hint[0]!r}?)" if hint else repr(name)
            for name, hint in zip(unknown, hints, strict=True)
        ]
        raise usage_error(
            f"no plugin or extractor named {', '.join(meant)}; extractors: "
            f"{', '.join(sorted(extractors))}; plugins: {', '.join(sorted(plugins))}",
            "--disable",
        )


# -- shared options ----------------------------------------------------------------------------

PublishedOption = Annotated[
    str | None,
    typer.Option(
        metavar="DATE",
        callback=_published_callback,
        help="Publication date of every input that has none, e.g. 2016-08-26, "
        "'26 August 2016', 'Aug 26, 2016' or 20160826.",
    ),
]
TitleOption = Annotated[
    str | None, typer.Option(metavar="TEXT", help="Title of every input that has none.")
]
SourceOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Source (publisher) of every input.")
]
TextKeyOption = Annotated[
    str, typer.Option(metavar="KEY", help="Key of the text in .jsonl and .json records.")
]
KeyOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="FIELD=KEY",
        help="Where a field is in .jsonl/.json records (repeatable), e.g. --key published=date "
        f"--key id=uuid. Fields: {', '.join(METADATA_FIELDS)}. Other keys are kept in "
        "Article.metadata.",
    ),
]
InputFormatOption = Annotated[
    InputFormat,
    typer.Option(
        metavar="KIND",
        help="How to read the inputs: auto (by extension; stdin is sniffed), txt, html, "
        "jsonl or json.",
    ),
]
EncodingOption = Annotated[
    str,
    typer.Option(
        metavar="NAME",
        callback=_encoding_callback,
        help="Text encoding of the inputs, e.g. latin-1 or cp1252 (HTML pages too).",
    ),
]
ModelOption = Annotated[
    str | None, typer.Option(metavar="NAME", help="Installed spaCy pipeline to use.")
]
DisableOption = Annotated[
    list[str] | None,
    typer.Option(metavar="NAME", help="Plugin or extractor to turn off (repeatable)."),
]


def parse_keys(pairs: Iterable[str], text_key: str = "text") -> dict[str, str]:
    """``--key FIELD=KEY`` pairs (and ``--text-key``) as a field → record-key mapping."""
    keys = {"text": text_key}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        if not sep or name not in METADATA_FIELDS or not key:
            raise usage_error(
                f"{pair!r}: expected FIELD=KEY with FIELD one of {', '.join(METADATA_FIELDS)}",
                "--key",
            )
        keys[name] = key
    return keys


def read_options(
    files: list[str],
    *,
    published: str | None = None,
    title: str | None = None,
    source: str | None = None,
    text_key: str = "text",
    key: Iterable[str] = (),
    input_format: InputFormat = InputFormat.auto,
    encoding: str = "utf-8",
    articles: bool = False,
    output: Path | None = None,
) -> ReadOptions:
    """The shared input options, checked, as the readers take them (usage errors raise)."""
    problem = unsupported(files, input_format)
    if problem:
        raise usage_error(problem, "FILES")
    given: dict[str, Any] = {"published": published, "title": title, "source": source}
    return ReadOptions(
        meta={name: value for name, value in given.items() if value},
        keys=parse_keys(key, text_key),
        input_format=input_format,
        encoding=encoding,
        articles=articles,
        exclude=frozenset({output.resolve()}) if output is not None else frozenset(),
    )


__all__ = [
    "FILES_HELP",
    "DisableOption",
    "EncodingOption",
    "InputFormatOption",
    "KeyOption",
    "ModelOption",
    "PublishedOption",
    "SourceOption",
    "TextKeyOption",
    "TitleOption",
    "check_disable",
    "parse_keys",
    "parse_published",
    "read_options",
    "usage_error",
]
