"""HTML pages in: main text, metadata and paragraphs, boilerplate left out, never the network."""

from __future__ import annotations

import datetime as dt
import html
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import communique
from communique import ArticleInput, InputError
from communique.text import paragraph_spans
from communique.views.html_input import read_html

from conftest import EXAMPLES

DATA = Path(__file__).parent / "data"
SEED_HTML = EXAMPLES / "data" / "kerry-lavrov-geneva.html"
MESSY_HTML = DATA / "messy_article.html"

BOILERPLATE = (
    "COOKIEBANNERTEXT",
    "NAVSUBSCRIBE",
    "ADVERTTEXT",
    "RELATEDLINK",
    "NEWSLETTERTEXT",
    "COMMENTTEXT",
    "SIDEBARTEXT",
    "FOOTERTEXT",
    "Accept all cookies",
    "Share on Facebook",
)


def simple_page(title: str, paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{html.escape(title)}</title>"
        '<meta name="date" content="2016-08-26"></head>'
        f"<body><article><h1>{html.escape(title)}</h1>\n{body}\n</article></body></html>"
    )


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any attempt to connect or resolve a name fails, and fails the test afterwards too
    (libraries that swallow the error cannot hide the attempt)."""
    attempts: list[str] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(repr(args))
        raise OSError("network access is disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    yield attempts
    assert attempts == [], "network access attempted"


def test_no_network_fixture_sees_swallowed_attempts(no_network: list[str]) -> None:
    from htmldate.utils import fetch_url

    assert fetch_url("https://example.invalid/") is None  # htmldate swallows the error
    assert no_network  # but the attempt was seen
    no_network.clear()


def test_seed_wrapped_in_a_simple_page(seed_text: str) -> None:
    title, *paragraphs = [line for line in seed_text.splitlines() if line.strip()]
    page = read_html(simple_page(title, paragraphs))
    assert isinstance(page, ArticleInput)
    assert page.title == title
    assert page.text == "\n\n".join(paragraphs)
    assert page.published == dt.date(2016, 8, 26)
    assert page.language == "en"
    assert [p.text for p in paragraph_spans(page.text)] == paragraphs


def test_seed_example_page(seed_text: str) -> None:
    title, *paragraphs = [line for line in seed_text.splitlines() if line.strip()]
    page = read_html(SEED_HTML.read_bytes())
    assert page.title == title
    assert page.source == "World Desk"
    assert page.published == dt.date(2016, 8, 26)
    assert page.text == "\n\n".join(paragraphs)  # byline, navigation and footer left out


def test_messy_page_keeps_the_story_and_drops_the_rest(no_network: list[str]) -> None:
    page = read_html(MESSY_HTML.read_text(encoding="utf-8"))
    assert page.title == "Rival factions agree 72-hour truce in Port Harlow"
    assert page.source == "The Daily Ledger"
    assert page.published == dt.date(2021, 3, 14)
    assert page.url == "https://ledger.example/world/2021/03/14/port-harlow-truce"
    assert page.language == "en"
    for needle in BOILERPLATE:
        assert needle not in page.text, needle
    paragraphs = [p.text for p in paragraph_spans(page.text)]
    assert paragraphs[0].startswith("The two armed factions fighting for control")
    assert "“This is a fragile first step, but it is a step,” Diallo said." in page.text
    assert paragraphs[-1].endswith("quiet for the first time since February.")
    assert len(paragraphs) == 5


def test_given_url_is_kept_and_never_fetched(no_network: list[str]) -> None:
    page = read_html(MESSY_HTML.read_bytes(), url="https://mirror.example/story")
    assert page.url == "https://mirror.example/story"


def test_a_url_is_not_a_page(no_network: list[str]) -> None:
    with pytest.raises(InputError):
        read_html("https://ledger.example/world/2021/03/14/port-harlow-truce")


def test_dates_in_the_story_are_not_the_publication_date() -> None:
    story = ["On February 27, 2016, a ceasefire came into force in Syria after long talks."] * 3
    page = simple_page("Truce", story).replace('<meta name="date" content="2016-08-26">', "")
    assert read_html(page).published is None
    dated = page.replace("<h1>", "<p class='byline'>Published 26 August 2016</p><h1>")
    assert read_html(dated).published == dt.date(2016, 8, 26)


@pytest.mark.parametrize("wrap", [str, str.encode])
def test_a_fragment_is_a_page(wrap: Any) -> None:
    fragment = "<p>Kerry said the talks in <b>Geneva</b> went well on Friday.</p>"
    assert read_html(wrap(fragment)).text == "Kerry said the talks in Geneva went well on Friday."


def test_plain_text_is_not_html() -> None:
    with pytest.raises(InputError, match="is it HTML"):
        read_html("Kerry said the talks in Geneva went well on Friday.")


def test_declared_encoding_of_bytes_is_used() -> None:
    page = simple_page("Café talks", ["The café in Genève was where the ministers met today."])
    data = page.replace("<head>", '<head><meta charset="iso-8859-1">').encode("latin-1")
    assert "Genève" in read_html(data).text


@pytest.mark.parametrize(
    "page",
    [
        "",
        "   \n",
        b"",
        "<html><head><title>Ledger</title></head><body><header><nav><ul>"
        "<li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
        "<li><a href='/b'>Business news today</a></li></ul></nav></header>"
        "<footer><nav><a href='/p'>Privacy</a> <a href='/t'>Terms</a></nav></footer>"
        "</body></html>",
        "<html><head><title>Page not found</title></head><body><nav><a href='/'>Home</a>"
        "</nav><main><h1>Page not found</h1><p>Sorry.</p></main></body></html>",
        "<html><body><script>var text = 'not an article at all, just a script';</script>"
        "</body></html>",
    ],
    ids=["empty", "blank", "empty-bytes", "navigation-only", "not-found", "script-only"],
)
def test_page_without_article_is_an_input_error(page: str | bytes, no_network: list[str]) -> None:
    with pytest.raises(InputError, match="HTML page"):
        read_html(page)


def test_not_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="expected str or bytes"):
        read_html(42)  # type: ignore[arg-type]


def test_extract_from_a_page(pipeline: communique.Pipeline) -> None:
    page = read_html(MESSY_HTML.read_bytes())
    article = pipeline.extract(page)
    assert article.title == page.title and article.source == "The Daily Ledger"
    assert article.published == dt.date(2021, 3, 14)
    assert len(article.paragraphs) == 5
    assert not [p for p in article.problems if p.kind == "input"]


def test_trafilatura_is_loaded_only_when_a_page_is_read() -> None:
    code = (
        "import sys, communique, communique.cli, communique.views, communique.views.render\n"
        "communique.Article(text='x')._repr_html_()\n"
        "print(sorted(m for m in ('trafilatura', 'htmldate', 'courlan') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
