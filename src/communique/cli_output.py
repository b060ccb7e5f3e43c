"""Where a command's output goes, and what it says about it on stderr.

Shared by every command that writes articles or views of them: the output file is checked
(and its folder made) before any extraction starts, so a typo in ``-o`` never costs a
finished run; a progress bar with a total runs on stderr when it is a terminal; and one
summary line on stderr always says how many articles were written, how many inputs failed,
and where the output went.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from communique.cli_options import usage_error
from communique.readers import InputReport

T = TypeVar("T")


def check_output(output: Path | None) -> None:
    """Make ``output``'s folder, and raise a usage error if the file cannot be written."""
    if output is None:
        return
    if output.is_dir():
        raise usage_error(f"{output} is a directory; give a file name", "--output")
    folder = output.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise usage_error(
            f"cannot create the folder {folder} ({exc.strerror or exc})", "--output"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK) or (
        output.exists() and not os.access(output, os.W_OK)
    ):
        raise usage_error(f"{output} cannot be written (permission denied)", "--output")


def with_progress(
    items: Iterable[T], total: int | None, label: str = "extracting", *, shown: bool = True
) -> Iterator[T]:
    """``items``, with a progress bar on stderr when it is a terminal (never in pipes or CI
    logs): percent and time left when ``total`` is known, a count otherwise. ``shown=False``
    turns it off (when the output itself streams to the same terminal)."""
    if not shown or not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if total is None:
        columns: tuple[object, ...] = (SpinnerColumn(), TextColumn(label), MofNCompleteColumn())
        columns += (TimeElapsedColumn(),)
    else:
        columns = (TextColumn(label), BarColumn(), TaskProgressColumn(), MofNCompleteColumn())
        columns += (TimeRemainingColumn(),)
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:  # type: ignore[arg-type]
        task = progress.add_task(label, total=total)
        for item in items:
            progress.advance(task)
            yield item


def summary(written: int, report: InputReport, output: Path | None, noun: str = "article") -> str:
    """The last line on stderr: what was written, what failed, where to.

    Example:
        >>> summary(3, InputReport(), Path("out.jsonl"))
        'communique: 3 articles written to out.jsonl'
    """
    where = str(output) if output is not None else "stdout"
    parts = [f"{written} {noun}{'' if written == 1 else 's'} written to {where}"]
    if report.failed:
        parts.append(f"{report.failed} input{'' if report.failed == 1 else 's'} failed")
    if report.skipped:
        parts.append(f"{report.skipped} earlier output record(s) skipped")
    return "communique: " + ", ".join(parts)


def say_summary(
    written: int, report: InputReport, output: Path | None, noun: str = "article"
) -> None:
    """Print :func:`summary` on stderr."""
    sys.stderr.write(summary(written, report, output, noun) + "\n")
    sys.stderr.flush()


__all__ = ["check_output", "say_summary", "summary", "with_progress"]
