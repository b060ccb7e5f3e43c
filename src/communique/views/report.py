"""A readable report on the terminal: who said what, who agreed to what, who is in the story.

What ``communique extract FILE`` prints when a person is watching (stdout is a terminal),
and what ``--format table`` prints anywhere. JSON stays the format for programs: the report
ends by saying how to get it, and how to get the annotated page.

Built with `rich <https://rich.readthedocs.io>`_ (installed with typer): tables fit the
terminal's width, and quote texts are cut to it rather than wrapped over many lines.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from communique.models import Article

FOOTER = (
    "JSON: communique extract FILE --format json  ·  "
    "annotated page: communique render FILE -o page.html"
)


def article_report(article: Article) -> Group:
    """The report for one article, as a rich renderable (print it with a rich Console)."""
    heading = Text(article.title or article.id, style="bold")
    details = [article.published.isoformat() if article.published else None, article.source]
    facts = " · ".join(d for d in details if d)
    counts = (
        f"{len(article.quotes)} quotes, {len(article.agreements)} agreements, "
        f"{len(article.actors)} actors"
    )
    parts: list[RenderableType] = [heading, Text(f"{facts}  ({counts})" if facts else counts)]
    parts.append(_quotes(article))
    if article.agreements:
        parts.append(_agreements(article))
    parts.append(_actors(article))
    for problem in article.problems:
        who = f"{problem.extractor}: " if problem.extractor else ""
        parts.append(Text(f"problem ({problem.kind}): {who}{problem.message}", style="yellow"))
    return Group(*parts)


def _quotes(article: Article) -> Table:
    table = Table(title="Who said what", title_justify="left", expand=True)
    table.add_column("speaker", ratio=3, min_width=18, no_wrap=True, overflow="ellipsis")
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", no_wrap=True, max_width=14, overflow="ellipsis")
    table.add_column("quote", ratio=4, no_wrap=True, overflow="ellipsis")
    for quote in article.quotes:
        speaker = article.speaker(quote)
        who = "?" if speaker is None else speaker.name
        if speaker is not None and speaker.titles:
            who += f", {speaker.titles[0]}"
        cue = quote.cue.text if quote.cue else ""
        table.add_row(who, quote.kind.value, cue, " ".join(quote.text.split()))
    if not article.quotes:
        table.add_row("-", "", "", "no quotes found")
    return table


def _agreements(article: Article) -> Table:
    table = Table(title="Agreements", title_justify="left", expand=True)
    for name in ("kind", "status"):
        table.add_column(name, no_wrap=True)
    table.add_column("parties (role)", ratio=3)
    table.add_column("date", no_wrap=True)
    table.add_column("location", ratio=1)
    for agreement in article.agreements:
        parties = []
        for party in agreement.parties:
            name = _actor_name(article, party.actor_id)
            parties.append(f"{name} ({party.role.value})")
        table.add_row(
            agreement.kind.value,
            agreement.status.value,
            ", ".join(parties) or "-",
            agreement.date.isoformat() if agreement.date else "",
            agreement.location or "",
        )
    return table


def _actors(article: Article) -> Table:
    table = Table(title="Actors", title_justify="left", expand=True)
    table.add_column("name", ratio=3)
    table.add_column("kind", no_wrap=True)
    table.add_column("country", no_wrap=True)
    table.add_column("mentions", justify="right", no_wrap=True)
    table.add_column("quotes", justify="right", no_wrap=True)
    for actor in article.actors:
        table.add_row(
            actor.name,
            actor.kind.value,
            actor.country or "",
            str(len(actor.mentions)),
            str(len(article.quotes_by(actor))),
        )
    return table


def _actor_name(article: Article, actor_id: str | None) -> str:
    if actor_id is None:
        return "?"
    try:
        return article.actor(actor_id).name
    except KeyError:
        return actor_id


def write_report(
    articles: Iterable[Article], out: TextIO, *, terminal: bool = False, width: int | None = None
) -> int:
    """Print the report of each article to ``out``, then the footer; returns how many.

    ``terminal`` allows colour and styles; otherwise the text is plain (for files and pipes)
    and ``width`` (default 100) sets the line length.
    """
    console = Console(
        file=out,
        width=width if width or terminal else 100,
        force_terminal=terminal or None,
        no_color=not terminal,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    count = 0
    for article in articles:
        if count:
            console.rule()
        console.print(article_report(article))
        count += 1
    if count == 0:
        console.print("No articles.")
    console.print(Text(FOOTER, style="dim"))
    return count


__all__ = ["FOOTER", "article_report", "write_report"]
