"""Web pages in: the main text and metadata of a news article's HTML page.

The page is handed to `trafilatura <https://trafilatura.readthedocs.io>`_ as a string, which
separates the article from navigation, adverts, cookie banners and comments and reads the
title, byline, site name and publication date (through htmldate) from the page's own markup.
Nothing here ever touches the network: no page, image or URL is fetched or resolved, and the
``url`` given is only recorded as metadata.

The text is built from the paragraphs of the page's own structure (``<p>``, headings, list
items, block quotes), joined with blank lines, so communique's paragraph splitter sees the
same paragraphs as a reader of the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from communique.errors import InputError
from communique.inputs import ArticleInput

MIN_WORDS = 6
"""A page is an article only if at least one of its paragraphs has this many words."""

_DATE_PARAMS = {"original_date": True, "extensive_search": False}
"""htmldate: the publication date from the page's markup (meta tags, ``<time>``, bylines,
the URL), never a date guessed from the story's text, which would be a reported event's."""

_MARKUP = re.compile(r"<[A-Za-z][^<>]*>")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")
_BLOCK_TAGS = frozenset(
    {"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div", "graphic"}
)
"""Elements of trafilatura's output tree that are blocks of their own, not inline text."""


def read_html(html: str | bytes, url: str | None = None) -> ArticleInput:
    """The article in an HTML page, with its title, source, date and language.

    ``html`` is the page itself (bytes are decoded from the page's declared or detected
    encoding); it is never treated as an address. ``url`` is where the page came from, kept
    as metadata only; without it, the page's canonical link is used when it has one.

    ``source`` is the site name when the page gives one, else the byline's author;
    ``published`` is the publication date found by htmldate (day precision); ``language``
    is the primary subtag of ``<html lang>``. A headline repeating the title is left out of
    the text, which holds the article's body only.

    Raises:
        InputError: the page is empty, cannot be parsed, or has no article text (no
            paragraph of at least :data:`MIN_WORDS` words once boilerplate is removed).

    Example:
        >>> page = read_html("<html><head><title>Talks</title></head><body><article>"
        ...                  "<p>Kerry said the talks in Geneva went well.</p></article>"
        ...                  "</body></html>")
        >>> page.text, page.title
        ('Kerry said the talks in Geneva went well.', 'Talks')
    """
    if not isinstance(html, (str, bytes)):
        raise InputError(f"HTML page: expected str or bytes, got {type(html).__name__}")
    if not html.strip():
        raise InputError("HTML page is empty")

    tree, document = _parse(html)
    title = _clean(document.title) or None
    paragraphs = list(_paragraphs(document.body))
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]  # the headline, kept as the title
    if not any(len(p.split()) >= MIN_WORDS for p in paragraphs):
        raise InputError(
            "HTML page has no article text: no paragraph of at least "
            f"{MIN_WORDS} words once navigation and boilerplate are removed"
        )

    fields: dict[str, Any] = {
        "text": "\n\n".join(paragraphs),
        "title": title,
        "source": _clean(document.sitename) or _clean(document.author) or None,
        "url": url or _clean(document.url) or None,
        "published": _clean(document.date) or None,
        "language": _language(tree.get("lang")),
    }
    try:
        return ArticleInput(**fields)
    except ValidationError:
        # Only the date can fail (htmldate returns ISO dates); drop it rather than the page.
        return ArticleInput(**{**fields, "published": None})


def _parse(html: str | bytes) -> tuple[Any, Any]:
    """The page's tree and trafilatura's reading of it; InputError when there is none."""
    from trafilatura import bare_extraction
    from trafilatura.settings import Document
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None and _looks_like_markup(html):
            # A fragment (say one <p>) fails trafilatura's is-this-a-page check: wrap it.
            tree = load_html(_wrap(html))
        document = None
        if tree is not None:
            # The parsed tree (never a string that could be mistaken for an address) and
            # no ``url``: trafilatura and htmldate then have nothing they could fetch.
            document = bare_extraction(
                tree,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
                include_formatting=False,
                deduplicate=False,
                date_extraction_params=_DATE_PARAMS,
            )
    except Exception as exc:  # a third-party parser: any failure is a bad page
        raise InputError(f"HTML page cannot be parsed: {type(exc).__name__}: {exc}") from exc
    if tree is None:
        raise InputError("HTML page cannot be parsed (is it HTML?)")
    if not isinstance(document, Document) or document.body is None:
        raise InputError("HTML page has no article text (only navigation or boilerplate?)")
    return tree, document


def _paragraphs(element: Any) -> Iterator[str]:
    """The paragraphs in trafilatura's output tree, each with its whitespace collapsed.

    Block elements (paragraphs, headings, list items, quotes) start a paragraph of their
    own; inline ones (emphasis, links, line breaks) stay inside the paragraph around them.
    """
    inline = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCK_TAGS:
            if text := _clean("".join(inline)):
                yield text
            inline = []
            yield from _paragraphs(child)
        elif isinstance(child.tag, str):
            inline.append(" " if child.tag == "lb" else _text(child))
        inline.append(child.tail or "")
    if text := _clean("".join(inline)):
        yield text


def _text(element: Any) -> str:
    """All text inside ``element``, a line break (``<lb/>``) counting as a space."""
    pieces = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            pieces.append(" " if child.tag == "lb" else _text(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


def _looks_like_markup(html: str | bytes) -> bool:
    head = html[:4096]
    return bool(_MARKUP.search(head if isinstance(head, str) else head.decode("latin-1")))


def _wrap(html: str | bytes) -> str | bytes:
    if isinstance(html, bytes):
        return b"<html><body>" + html + b"</body></html>"
    return f"<html><body>{html}</body></html>"


def _clean(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def _language(value: str | None) -> str | None:
    """``"en-GB"`` → ``"en"``; None for a missing or malformed ``lang`` attribute."""
    value = (value or "").strip()
    if not _LANGUAGE.match(value):
        return None
    return re.split(r"[-_]", value, maxsplit=1)[0].lower()


__all__ = ["MIN_WORDS", "read_html"]
