"""Annotated HTML out: one self-contained page showing who said what, and who agreed to what.

:func:`render_html` turns an :class:`~communique.models.Article` into a single HTML file
(inline CSS and a little inline JavaScript; nothing is ever fetched) with

* the article text, with actor mentions, quote contents, speaker mentions, cues and
  agreement evidence highlighted, and a legend;
* a "who said what" table (``table#quotes``), an agreements table (``table#agreements``)
  and an actors table (``table#actors``), one ``tbody`` row per item.

Overlapping and nested spans are rendered from a sweep over every span boundary, so the
markup is always well formed: where spans cross, the inner one is closed and reopened (the
reopened piece has the class ``cont``). Every highlight is a ``<mark>`` with a stable class
(``actor``, ``quote``, ``speaker``, ``cue``, ``agreement``), data attributes naming the item
(``data-actor-id``, ``data-quote-id``, ``data-speaker-id``, ``data-agreement-id``) and a
``title`` that says what it is (for a quote: who said it). Hovering or clicking a quote
highlights its speaker; hovering an actor highlights its mentions and quotes.

The output is deterministic: the same Article always renders to the same bytes.
:func:`render_many` puts several articles on one page (element ids are then prefixed with
``a1-``, ``a2-`` … so they stay unique).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from itertools import count, pairwise

from communique.display import register_html
from communique.models import Actor, Agreement, Article, Quote
from communique.text import paragraph_spans
from communique.views.tables import party_labels

LAYERS = ("quote", "agreement", "speaker", "cue", "actor")
"""The highlight classes, outermost first when spans coincide."""

_LEGEND = (
    ("actor", "actor mention"),
    ("quote", "quote"),
    ("speaker", "speaker"),
    ("cue", "cue"),
    ("agreement", "agreement"),
)


@dataclass(frozen=True)
class _Mark:
    """One highlighted span, before it is cut into well-nested pieces."""

    start: int
    end: int
    layer: str
    classes: str
    attrs: tuple[tuple[str, str], ...]
    anchor: str | None = None

    def open_tag(self, first: bool) -> str:
        classes = self.classes if first else f"{self.classes} cont"
        parts = [f'<mark class="{_attr(classes)}"']
        if first and self.anchor:
            parts.append(f' id="{_attr(self.anchor)}"')
        parts.extend(f' {name}="{_attr(value)}"' for name, value in self.attrs)
        return "".join(parts) + ">"


def render_html(article: Article) -> str:
    """One self-contained HTML page showing ``article``, its highlights and its tables.

    Example:
        >>> from communique import Article
        >>> page = render_html(Article(text="Kerry spoke.", id="a", title="Talks"))
        >>> page.startswith("<!DOCTYPE html>") and "<title>Talks</title>" in page
        True
    """
    return _page([article], title=article.title or article.id, lang=article.language)


_VIEWS = count(1)
"""Numbers the notebook views of this process, so each gets its own anchors."""


def render_fragment(article: Article, prefix: str | None = None) -> str:
    """The article as an HTML fragment to put inside another page (a notebook cell).

    No ``<!DOCTYPE>``, ``<html>``, ``<head>`` or ``<body>``: a style block, the article and
    the script. Every element id starts with ``prefix`` (by default a new ``vN-`` for each
    call), so two views in one notebook never share an anchor.

    Example:
        >>> from communique import Article
        >>> art = Article(text="Kerry spoke.", id="a")
        >>> one, two = render_fragment(art, "v1-"), render_fragment(art, "v2-")
        >>> "<html" in one, 'id="v1-article"' in one, 'id="v2-article"' in two
        (False, True, True)
    """
    prefix = prefix if prefix is not None else f"v{next(_VIEWS)}-"
    out = [f"<style>{_CSS}</style>", '<div class="communique">']
    out.extend(_article(article, prefix=prefix, level=2))
    out.extend(['<div class="communique-info" aria-live="polite"></div>', "</div>"])
    out.append(f"<script>{_JS}</script>")
    return "\n".join(out) + "\n"


def render_many(articles: Iterable[Article], title: str | None = None) -> str:
    """Several articles on one self-contained HTML page, with a table of contents.

    ``title`` is the page's heading and browser title; without it a single article's own
    title is used.

    Example:
        >>> from pathlib import Path
        >>> texts = ["“We will not rush,” Kerry said.", "Lavrov said the talks would go on."]
        >>> page = render_many(communique.Pipeline().extract_many(texts), title="Syria talks")
        >>> "<title>Syria talks</title>" in page
        True
        >>> # Not run by the doctests: it writes a file in the current folder.
        >>> Path("report.html").write_text(page, encoding="utf-8")  # doctest: +SKIP
    """
    items = list(articles)
    if len(items) == 1 and title is None:
        only = items[0]
        return _page(items, title=only.title or only.id, lang=only.language)
    languages = {a.language for a in items}
    lang = languages.pop() if len(languages) == 1 else None
    heading = title or f"communique: {len(items)} article{'' if len(items) == 1 else 's'}"
    return _page(items, title=heading, lang=lang)


# -- page ------------------------------------------------------------------------------------


def _page(articles: list[Article], title: str, lang: str | None) -> str:
    """A whole page; with one article and no separate heading, the article's title is the
    page's heading, otherwise ``title`` heads a table of contents."""
    many = len(articles) != 1 or title != (articles[0].title or articles[0].id)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(lang)}">' if lang else "<html>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="communique">',
        f"<title>{_text(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        # The page background inline, not in the stylesheet: a notebook drops it with <body>.
        '<body style="margin: 0; background: #f6f8fa">',
        '<main class="communique">',
    ]
    if many:
        out.append(f'<h1 class="page-title">{_text(title)}</h1>')
        out.append('<nav class="toc"><ol>')
        for n, article in enumerate(articles, 1):
            out.append(
                f'<li><a href="#a{n}-article">{_text(article.title or article.id)}</a> '
                f'<span class="counts">{_counts(article)}</span></li>'
            )
        out.append("</ol></nav>")
        if not articles:
            out.append('<p class="empty">No articles.</p>')
    for n, article in enumerate(articles, 1):
        out.extend(_article(article, prefix=f"a{n}-" if many else "", level=2 if many else 1))
    out.extend(
        [
            '<div class="communique-info" aria-live="polite"></div>',
            "</main>",
            f"<script>{_JS}</script>",
            "</body>",
            "</html>",
        ]
    )
    return "\n".join(out) + "\n"


def _article(article: Article, prefix: str, level: int) -> Iterator[str]:
    h, h2 = f"h{level}", f"h{level + 1}"
    yield (
        f'<article class="communique-article" id="{prefix}article" '
        f'data-article-id="{_attr(article.id)}">'
    )
    yield "<header>"
    yield f'<{h} class="title">{_text(article.title or article.id)}</{h}>'
    meta = []
    if article.source:
        meta.append(f'<span class="source">{_text(article.source)}</span>')
    if article.published:
        meta.append(
            f'<time datetime="{article.published.isoformat()}">'
            f"{article.published.isoformat()}</time>"
        )
    if article.url:
        meta.append(f'<a class="url" href="{_attr(article.url)}">{_text(article.url)}</a>')
    meta.append(f'<span class="id">id: {_text(article.id)}</span>')
    yield f'<p class="meta">{" · ".join(meta)}</p>'
    yield f'<p class="counts">{_counts(article)}</p>'
    yield "</header>"
    if article.problems:
        yield '<ul class="problems">'
        for problem in article.problems:
            who = f"{problem.extractor}: " if problem.extractor else ""
            yield (
                f'<li><span class="problem-kind">{_text(problem.kind)}</span> '
                f"{_text(who + problem.message)}</li>"
            )
        yield "</ul>"
    yield (
        '<p class="legend">'
        + " ".join(f'<span class="key {layer}">{label}</span>' for layer, label in _LEGEND)
        + "</p>"
    )
    yield '<section class="text">'
    yield from _annotated_text(article, prefix)
    yield "</section>"
    yield from _quotes_table(article, prefix, h2)
    yield from _agreements_table(article, prefix, h2)
    yield from _actors_table(article, prefix, h2)
    yield "</article>"


def _counts(article: Article) -> str:
    def n(count: int, noun: str) -> str:
        return f"{count} {noun}{'' if count == 1 else 's'}"

    return " · ".join(
        [
            n(len(article.actors), "actor"),
            n(len(article.quotes), "quote"),
            n(len(article.agreements), "agreement"),
        ]
    )


# -- annotated text --------------------------------------------------------------------------


def _annotated_text(article: Article, prefix: str) -> Iterator[str]:
    """The article's paragraphs with every mark, cut at boundaries so that tags nest."""
    text = article.text
    marks = [m for m in _marks(article, prefix) if m.end > m.start]
    blocks = _blocks(article)
    points = sorted({p for m in marks for p in (m.start, m.end)} | {p for b in blocks for p in b})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for index, mark in enumerate(marks):
        starting.setdefault(mark.start, []).append(index)
        ending.setdefault(mark.end, []).append(index)

    def nesting(index: int) -> tuple[int, int, int, int]:
        # Longest-lasting outermost (fewest splits), then by layer, then first-come.
        mark = marks[index]
        return (-mark.end, LAYERS.index(mark.layer), mark.start, index)

    active: set[int] = set()
    opened: set[int] = set()
    for block_start, block_end in blocks:
        # Marks that began before this block (in the gap or in an earlier block) carry on.
        active = {i for i, m in enumerate(marks) if m.start < block_start < m.end}
        cuts = points[bisect_left(points, block_start) : bisect_right(points, block_end)]
        pieces = ['<p class="para">']
        stack: list[int] = []
        for x, y in pairwise(cuts):
            active.difference_update(ending.get(x, ()))
            active.update(starting.get(x, ()))
            keep = next((k for k, i in enumerate(stack) if i not in active), len(stack))
            pieces.extend("</mark>" for _ in stack[keep:])
            del stack[keep:]
            for index in sorted(active.difference(stack), key=nesting):
                pieces.append(marks[index].open_tag(first=index not in opened))
                opened.add(index)
                stack.append(index)
            pieces.append(_text(text[x:y]))
        pieces.extend("</mark>" for _ in stack)
        pieces.append("</p>")
        yield "".join(pieces)


def _blocks(article: Article) -> list[tuple[int, int]]:
    """The paragraphs to render, as sorted non-overlapping ``(start, end)`` ranges.

    The article's own paragraph spans when they are usable, else paragraphs found in the
    text; stretches of non-blank text outside every paragraph become blocks of their own.
    """
    text = article.text
    ranges = sorted((p.start, p.end) for p in article.paragraphs if p.end > p.start)
    if not ranges or any(a[1] > b[0] for a, b in pairwise(ranges)):
        ranges = [(p.start, p.end) for p in paragraph_spans(text)]
    blocks: list[tuple[int, int]] = []
    position = 0
    for start, end in [*ranges, (len(text), len(text))]:
        gap = text[position:start]
        if gap.strip():
            lead = len(gap) - len(gap.lstrip())
            trail = len(gap) - len(gap.rstrip())
            blocks.append((position + lead, start - trail))
        if end > start:
            blocks.append((start, end))
        position = end
    return blocks


def _marks(article: Article, prefix: str) -> Iterator[_Mark]:
    names = {actor.id: actor for actor in article.actors}
    for number, quote in enumerate(article.quotes, 1):
        speaker = names.get(quote.speaker_id) if quote.speaker_id else None
        described = _quote_title(quote, speaker)
        common: tuple[tuple[str, str], ...] = (("data-quote-id", quote.id),)
        if quote.speaker_id:
            common += (("data-speaker-id", quote.speaker_id),)
        pieces = sorted(quote.parts or (quote.content,), key=lambda s: (s.start, s.end))
        for k, span in enumerate(pieces):
            yield _Mark(
                span.start,
                span.end,
                "quote",
                f"quote {quote.kind.value}",
                (*common, ("data-kind", quote.kind.value), ("title", described)),
                anchor=f"{prefix}q{number}" if k == 0 else None,
            )
        if quote.speaker_mention is not None:
            who = speaker.name if speaker else "not resolved to an actor"
            yield _Mark(
                quote.speaker_mention.start,
                quote.speaker_mention.end,
                "speaker",
                "speaker",
                (*common, ("title", f"Speaker of quote {quote.id}: {who}")),
            )
        if quote.cue is not None:
            yield _Mark(
                quote.cue.start,
                quote.cue.end,
                "cue",
                "cue",
                (*common, ("title", f"Cue of quote {quote.id}")),
            )
    for number, agreement in enumerate(article.agreements, 1):
        described = _agreement_title(article, agreement)
        for k, span in enumerate(sorted(agreement.evidence, key=lambda s: (s.start, s.end))):
            yield _Mark(
                span.start,
                span.end,
                "agreement",
                f"agreement {agreement.kind.value}",
                (
                    ("data-agreement-id", agreement.id),
                    ("data-status", agreement.status.value),
                    ("title", described),
                ),
                anchor=f"{prefix}g{number}" if k == 0 else None,
            )
    for actor in article.actors:
        described = _actor_title(actor)
        for mention in actor.mentions:
            yield _Mark(
                mention.span.start,
                mention.span.end,
                "actor",
                f"actor {actor.kind.value}",
                (
                    ("data-actor-id", actor.id),
                    ("data-form", mention.form.value),
                    ("title", described),
                ),
            )


def _quote_title(quote: Quote, speaker: Actor | None) -> str:
    if speaker is not None:
        who = f"said by {speaker.name}"
    elif quote.speaker_mention is not None:
        who = f"said by “{quote.speaker_mention.text}” (not resolved to an actor)"
    else:
        who = "speaker unknown"
    return f"{quote.kind.value.capitalize()} quote {quote.id}, {who}"


def _agreement_title(article: Article, agreement: Agreement) -> str:
    parties = ", ".join(party_labels(article, agreement)) or "parties unknown"
    kind = agreement.kind.value.replace("_", " ")
    return f"{kind.capitalize()} ({agreement.status.value.replace('_', ' ')}): {parties}"


def _actor_title(actor: Actor) -> str:
    extra = f", {', '.join(actor.titles)}" if actor.titles else ""
    return f"{actor.name} ({actor.kind.value}{extra})"


# -- tables ----------------------------------------------------------------------------------


def _table(
    name: str, prefix: str, heading: str, level: str, columns: tuple[str, ...], rows: list[str]
) -> Iterator[str]:
    yield f'<section class="table-section {name}">'
    yield f"<{level}>{heading}</{level}>"
    yield f'<table id="{prefix}{name}" class="{name}">'
    yield "<thead><tr>" + "".join(f"<th>{c}</th>" for c in columns) + "</tr></thead>"
    yield "<tbody>"
    yield from rows
    yield "</tbody>"
    yield "</table>"
    if not rows:
        yield f'<p class="empty">No {name} found.</p>'
    yield "</section>"


def _quotes_table(article: Article, prefix: str, level: str) -> Iterator[str]:
    anchors = _actor_anchors(article, prefix)
    rows = []
    for number, quote in enumerate(article.quotes, 1):
        attrs = f' data-quote-id="{_attr(quote.id)}"'
        if quote.speaker_id:
            attrs += f' data-speaker-id="{_attr(quote.speaker_id)}"'
            who = _actor_link(article, quote.speaker_id, anchors)
        elif quote.speaker_mention is not None:
            who = f'<span class="unresolved">“{_text(quote.speaker_mention.text)}”</span>'
        else:
            who = '<span class="unknown">—</span>'
        content = " … ".join(p.text for p in quote.parts) if quote.parts else quote.content.text
        shown = any(p.end > p.start for p in quote.parts or (quote.content,))
        linked = f'<a href="#{prefix}q{number}">{_text(content)}</a>' if shown else _text(content)
        rows.append(
            f'<tr id="{prefix}quote-row{number}"{attrs}>'
            f'<td class="speaker">{who}</td>'
            f'<td class="kind">{quote.kind.value}</td>'
            f'<td class="cue">{_text(quote.cue.text) if quote.cue else ""}</td>'
            f'<td class="content">{linked}</td>'
            "</tr>"
        )
    return _table(
        "quotes", prefix, "Who said what", level, ("Speaker", "Kind", "Cue", "Quote"), rows
    )


def _agreements_table(article: Article, prefix: str, level: str) -> Iterator[str]:
    anchors = _actor_anchors(article, prefix)
    rows = []
    for number, agreement in enumerate(article.agreements, 1):
        parties = []
        for party in agreement.parties:
            parties.append(
                f"{_actor_link(article, party.actor_id, anchors)} "
                f'<span class="role">({party.role.value})</span>'
            )
        date = agreement.date.isoformat() if agreement.date else ""
        if date and agreement.date_granularity and agreement.date_granularity.value != "day":
            date += f" ({agreement.date_granularity.value})"
        elif not date and agreement.date_text:
            date = f"“{agreement.date_text.text}”"
        kind = agreement.kind.value.replace("_", " ")
        if any(span.end > span.start for span in agreement.evidence):
            kind = f'<a href="#{prefix}g{number}">{_text(kind)}</a>'
        rows.append(
            f'<tr id="{prefix}agreement-row{number}" '
            f'data-agreement-id="{_attr(agreement.id)}">'
            f'<td class="kind">{kind}</td>'
            f'<td class="status">{agreement.status.value.replace("_", " ")}</td>'
            f'<td class="parties">{", ".join(parties)}</td>'
            f'<td class="date">{_text(date)}</td>'
            f'<td class="location">{_text(agreement.location or "")}</td>'
            "</tr>"
        )
    return _table(
        "agreements",
        prefix,
        "Agreements",
        level,
        ("Kind", "Status", "Parties (role)", "Date", "Location"),
        rows,
    )


def _actors_table(article: Article, prefix: str, level: str) -> Iterator[str]:
    anchors = _actor_anchors(article, prefix)
    rows = []
    for actor in article.actors:
        aliases = [a for a in actor.aliases if a != actor.name]
        name = _text(actor.name)
        if aliases:
            name += f' <span class="aliases">({_text(", ".join(aliases))})</span>'
        rows.append(
            f'<tr id="{anchors[actor.id]}" data-actor-id="{_attr(actor.id)}">'
            f'<td class="name">{name}</td>'
            f'<td class="kind">{actor.kind.value}</td>'
            f'<td class="country">{_text(actor.country or "")}</td>'
            f'<td class="titles">{_text("; ".join(actor.titles))}</td>'
            f'<td class="mentions">{len(actor.mentions)}</td>'
            f'<td class="quote-count">{len(article.quotes_by(actor.id))}</td>'
            "</tr>"
        )
    return _table(
        "actors",
        prefix,
        "Actors",
        level,
        ("Name", "Kind", "Country", "Titles", "Mentions", "Quotes"),
        rows,
    )


def _actor_link(article: Article, actor_id: str, anchors: dict[str, str]) -> str:
    """The actor's name, linked to its row of the actors table (its id if it has none)."""
    if actor_id not in anchors:  # only in an Article built without validation
        return f'<span class="unknown">{_text(actor_id)}</span>'
    return f'<a href="#{anchors[actor_id]}">{_text(article.actor(actor_id).name)}</a>'


def _actor_anchors(article: Article, prefix: str) -> dict[str, str]:
    return {actor.id: f"{prefix}actor{n}" for n, actor in enumerate(article.actors, 1)}


# -- escaping --------------------------------------------------------------------------------


def _text(value: str) -> str:
    return escape(value, quote=False)


def _attr(value: str) -> str:
    return escape(value, quote=True)


# Every rule is scoped to .communique, so the page can also be shown inside another page
# (Jupyter inserts ``Article._repr_html_`` into the notebook) without restyling it.
_CSS = """
.communique { --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; --paper: #ffffff;
  --quote: #fff1a8; --agreement: #c9f2d4; --actor: #2563eb; --speaker: #ea580c;
  --cue: #9333ea; --sans: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink); font: 16px/1.6 Georgia, "Times New Roman", serif;
  max-width: 60rem; margin: 0 auto; padding: 1.5rem; background: #f6f8fa; }
.communique * { box-sizing: border-box; }
.communique .communique-article { background: var(--paper); border: 1px solid var(--rule);
  border-radius: 6px; padding: 1.5rem 2rem; margin-bottom: 2rem; }
.communique h1, .communique h2, .communique h3, .communique table, .communique .meta,
.communique .counts, .communique .legend, .communique .problems, .communique .toc,
.communique-info { font-family: var(--sans); }
.communique .title { margin: 0 0 .25rem; line-height: 1.25; }
.communique .meta, .communique .counts { margin: .1rem 0; color: var(--muted);
  font-size: .875rem; }
.communique .meta a { color: var(--muted); }
.communique .problems { font-size: .85rem; background: #fff8c5; border: 1px solid #d4a72c;
  border-radius: 4px; padding: .5rem .5rem .5rem 1.75rem; }
.communique .problem-kind { font-weight: 600; }
.communique .legend { font-size: .85rem; margin: 1rem 0; display: flex; gap: .75rem;
  flex-wrap: wrap; }
.communique .key { padding: 0 .35rem; border-radius: 3px; }
.communique section.text { border-top: 1px solid var(--rule);
  border-bottom: 1px solid var(--rule); padding: .5rem 0; }
.communique p.para { white-space: pre-wrap; margin: .75rem 0; }
.communique mark { background: none; color: inherit; padding: 0; border-radius: 2px;
  cursor: pointer; }
.communique mark.quote, .communique .key.quote { background: var(--quote); }
.communique mark.agreement, .communique .key.agreement { background: var(--agreement);
  box-shadow: inset 0 -2px #16a34a; }
.communique mark.actor, .communique .key.actor { box-shadow: inset 0 -2px var(--actor); }
.communique mark.speaker, .communique .key.speaker { font-weight: 700; color: #9a3412;
  box-shadow: inset 0 -3px var(--speaker); }
.communique mark.cue, .communique .key.cue { font-style: italic; color: #6b21a8;
  box-shadow: inset 0 -2px var(--cue); }
.communique .hl { outline: 2px solid #dc2626; outline-offset: 1px; }
.communique .hl-speaker { outline: 2px dashed var(--speaker); outline-offset: 1px; }
.communique tr.hl, .communique tr.hl-speaker { background: #fef2f2; }
.communique table { border-collapse: collapse; width: 100%; font-size: .875rem;
  margin: .5rem 0 1rem; }
.communique th, .communique td { border: 1px solid var(--rule); padding: .3rem .5rem;
  text-align: left; vertical-align: top; }
.communique th { background: #f6f8fa; }
.communique td a { color: inherit; text-decoration: none; }
.communique td a:hover { text-decoration: underline; }
.communique td.mentions, .communique td.quote-count { text-align: right; }
.communique .aliases, .communique .role, .communique .unresolved, .communique .unknown,
.communique .empty { color: var(--muted); }
.communique .empty { font-size: .875rem; font-style: italic; }
.communique .toc { background: var(--paper); border: 1px solid var(--rule);
  border-radius: 6px; padding: .5rem 1rem; margin-bottom: 1.5rem; }
.communique .toc .counts { display: inline; }
.communique-info { position: fixed; right: 1rem; bottom: 1rem; max-width: 28rem;
  font-size: .85rem; background: #1f2328; color: #fff; padding: .4rem .7rem;
  border-radius: 4px; visibility: hidden; z-index: 10; }
.communique-info.on { visibility: visible; }
"""

# Installed once per document, however many pages are shown in it (a notebook).
_JS = """
(function () {
  "use strict";
  if (window.communiqueViews) { return; }
  window.communiqueViews = true;
  var ITEM = "[data-quote-id],[data-actor-id],[data-agreement-id]";
  var lit = [];
  var pinned = null;
  var info = null;
  function q(name, value) {
    return "[" + name + "=\\"" + CSS.escape(value) + "\\"]";
  }
  function related(el) {
    var scope = el.closest(".communique-article") || document;
    var found = [];
    function add(selector, cls) {
      scope.querySelectorAll(selector).forEach(function (n) { found.push([n, cls]); });
    }
    var quote = el.getAttribute("data-quote-id");
    var actor = el.getAttribute("data-actor-id");
    var agreement = el.getAttribute("data-agreement-id");
    if (quote) {
      add(q("data-quote-id", quote), "hl");
      var speaker = el.getAttribute("data-speaker-id");
      if (speaker) { add(q("data-actor-id", speaker), "hl-speaker"); }
    } else if (actor) {
      add(q("data-actor-id", actor), "hl");
      add(q("data-speaker-id", actor), "hl-speaker");
    } else if (agreement) {
      add(q("data-agreement-id", agreement), "hl");
    }
    return found;
  }
  function clear() {
    lit.forEach(function (p) { p[0].classList.remove(p[1]); });
    lit = [];
    if (info) { info.classList.remove("on"); info.textContent = ""; info = null; }
  }
  function show(el) {
    clear();
    lit = related(el);
    lit.forEach(function (p) { p[0].classList.add(p[1]); });
    var page = el.closest(".communique");
    info = page && page.querySelector(".communique-info");
    var title = el.getAttribute("title");
    if (info && title) { info.textContent = title; info.classList.add("on"); }
  }
  document.addEventListener("mouseover", function (e) {
    if (pinned) { return; }
    var el = e.target.closest && e.target.closest(ITEM);
    if (el && el.closest(".communique")) { show(el); } else { clear(); }
  });
  document.addEventListener("click", function (e) {
    var el = e.target.closest && e.target.closest(".communique mark");
    if (!el || el === pinned) { pinned = null; clear(); return; }
    pinned = null;
    show(el);
    pinned = el;
  });
  document.documentElement.setAttribute("data-communique", "ready");
})();
"""


register_html(render_fragment)

__all__ = ["LAYERS", "render_fragment", "render_html", "render_many"]
