"""The command-line options every command that reads articles shares.

``extract``, ``render``, ``export`` and commands that other modules add (see
:func:`communique.cli.register_commands`) take their input options from here, so the same
option has the same name, type and help everywhere.
"""

from __future__ import annotations

from typing import Annotated

import typer

from communique.readers import InputFormat

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
